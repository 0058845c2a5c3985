import { describe, expect, it } from 'vitest';
import { createValidator, inputErrorToText, formatInputPath, DECIMAL_PATTERN, type InputError } from '../../runtime/index.ts';

// A schema written the way code generation emits it (conventions documented in runtime/validate.ts).
const decimal = { type: ['string', 'number'], format: 'decimal' };
const date = { type: 'string', format: 'date' };
const schema = {
  type: 'object',
  properties: {
    受伤日期: date,
    月缴费工资: decimal,
    伤残等级: { type: 'integer', minimum: 1, maximum: 10 },
    工伤类型: { enum: ['工亡', '伤残'] },
    是否退休: { type: 'boolean' },
    姓名: { type: 'string', minLength: 1, maxLength: 20 },
    补贴比例: { type: ['string', 'number'], pattern: DECIMAL_PATTERN },
    供养亲属: {
      type: 'array',
      maxItems: 3,
      items: {
        type: 'object',
        properties: { 关系: { enum: ['配偶', '子女', '父母'] }, 出生日期: date, 收入: decimal },
        required: ['关系', '出生日期'],
        additionalProperties: false,
      },
    },
    'a.b': { type: 'string' },
  },
  required: ['受伤日期', '月缴费工资'],
  additionalProperties: false,
};
const validate = createValidator(schema);

const good = () => ({
  受伤日期: '2024-02-29',
  月缴费工资: '8000.00',
  伤残等级: 5,
  工伤类型: '伤残',
  是否退休: false,
  姓名: '张三',
  补贴比例: 0.6,
  供养亲属: [
    { 关系: '配偶', 出生日期: '1980-01-01', 收入: 0 },
    { 关系: '子女', 出生日期: '2010-06-30' },
  ],
});

function one(input: unknown): InputError {
  const errs = validate(input);
  expect(errs).toHaveLength(1);
  const e = errs[0];
  expect(e.code).toMatch(/^XI\d{3}$/);
  expect(e.message.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(e.message.en.length).toBeGreaterThan(0);
  if (e.path !== '') {
    expect(e.message.zh).toContain(e.path);
    expect(e.message.en).toContain(e.path);
  }
  return e;
}

const withField = (k: string, v: unknown) => ({ ...good(), [k]: v });
const withDependent = (i: number, patch: Record<string, unknown>, drop: string[] = []) => {
  const g = good();
  const rec: Record<string, unknown> = { ...g.供养亲属[i], ...patch };
  for (const k of drop) delete rec[k];
  g.供养亲属[i] = rec as (typeof g.供养亲属)[number];
  return g;
};

describe('valid input', () => {
  it('passes, with numbers and decimal strings for decimal fields', () => {
    expect(validate(good())).toEqual([]);
    expect(validate(withField('月缴费工资', 8000))).toEqual([]);
    expect(validate(withField('月缴费工资', '-1.5'))).toEqual([]);
    expect(validate(withField('补贴比例', '0.6'))).toEqual([]);
  });
});

describe('each error kind names the path', () => {
  it('required (XI001), in a nested list record', () => {
    const e = one(withDependent(1, {}, ['出生日期']));
    expect(e).toMatchObject({ code: 'XI001', path: '供养亲属[1].出生日期' });
    expect(e.message.zh).toBe('缺少必填字段“供养亲属[1].出生日期”');
    const top = one((({ 受伤日期: _, ...rest }) => rest)(good()));
    expect(top).toMatchObject({ code: 'XI001', path: '受伤日期' });
  });

  it('type (XI002) says what was expected', () => {
    const e = one(withField('伤残等级', 5.5));
    expect(e).toMatchObject({ code: 'XI002', path: '伤残等级' });
    expect(e.message.zh).toContain('整数');
    expect(e.message.en).toContain('an integer');
    const b = one(withField('是否退休', 'yes'));
    expect(b.message.zh).toContain('布尔值');
    const l = one(withField('供养亲属', {}));
    expect(l.message.zh).toContain('应为列表');
    const root = validate([]);
    expect(root[0]).toMatchObject({ code: 'XI002', path: '' });
    expect(root[0].message.zh).toContain('（根）');
  });

  it('enum (XI003) lists the allowed members', () => {
    const e = one(withDependent(0, { 关系: '兄弟' }));
    expect(e).toMatchObject({ code: 'XI003', path: '供养亲属[0].关系' });
    expect(e.message.zh).toContain('"配偶", "子女", "父母"');
  });

  it('decimal (XI004): accepts decimal strings and finite numbers only', () => {
    for (const bad of ['', '1e5', 'abc', ' 1', '1.', '+1', '1,000', true, null, NaN, Infinity, -Infinity]) {
      const e = one(withField('月缴费工资', bad));
      expect(e).toMatchObject({ code: 'XI004', path: '月缴费工资' });
      expect(e.hint?.zh).toBeTruthy();
    }
    expect(one(withDependent(0, { 收入: 'abc' }))).toMatchObject({ code: 'XI004', path: '供养亲属[0].收入' });
    // the pattern spelling of the convention maps to the same error
    expect(one(withField('补贴比例', '60%'))).toMatchObject({ code: 'XI004', path: '补贴比例' });
    expect(one(withField('补贴比例', false))).toMatchObject({ code: 'XI004', path: '补贴比例' });
  });

  it('date (XI005) uses the real calendar', () => {
    const e = one(withField('受伤日期', '2023-02-29'));
    expect(e).toMatchObject({ code: 'XI005', path: '受伤日期' });
    expect(e.message.zh).toContain('"2023-02-29"');
    expect(one(withField('受伤日期', '2024-2-1')).code).toBe('XI005');
    expect(one(withField('受伤日期', 20240201)).code).toBe('XI005');
    expect(one(withDependent(1, { 出生日期: '2010-13-01' }))).toMatchObject({ code: 'XI005', path: '供养亲属[1].出生日期' });
  });

  it('additionalProperties (XI007) names the unknown field and the allowed ones', () => {
    const e = one(withDependent(0, { 年龄: 40 }));
    expect(e).toMatchObject({ code: 'XI007', path: '供养亲属[0].年龄' });
    expect(e.hint?.zh).toContain('关系, 出生日期, 收入');
    expect(one(withField('月工资', '1'))).toMatchObject({ code: 'XI007', path: '月工资' });
  });

  it('minimum/maximum (XI008), list size (XI009), text length (XI010)', () => {
    const lo = one(withField('伤残等级', 0));
    expect(lo).toMatchObject({ code: 'XI008', path: '伤残等级' });
    expect(lo.message.zh).toContain('大于或等于 1');
    expect(one(withField('伤残等级', 11)).message.en).toContain('at most 10');
    const g = good();
    const many = { ...g, 供养亲属: [...g.供养亲属, ...g.供养亲属] };
    expect(one(many)).toMatchObject({ code: 'XI009', path: '供养亲属' });
    expect(one(withField('姓名', ''))).toMatchObject({ code: 'XI010', path: '姓名' });
  });

  it('reports every error at once', () => {
    const errs = validate({ 月缴费工资: 'x', 供养亲属: [{ 关系: '配偶' }], 多余: 1 });
    expect(errs.map((e) => `${e.code} ${e.path}`).sort()).toEqual([
      'XI001 供养亲属[0].出生日期',
      'XI001 受伤日期',
      'XI004 月缴费工资',
      'XI007 多余',
    ]);
  });

  it('quotes awkward keys in paths', () => {
    expect(one(withField('a.b', 1))).toMatchObject({ code: 'XI002', path: '["a.b"]' });
    expect(formatInputPath(['供养亲属', 1, '出生日期'])).toBe('供养亲属[1].出生日期');
    expect(formatInputPath([])).toBe('');
  });
});

describe('prototype keys', () => {
  it('rejects an own __proto__ key made by JSON.parse without polluting Object.prototype', () => {
    const input = JSON.parse('{"受伤日期": "2024-01-01", "月缴费工资": "1", "__proto__": {"x": 1, "polluted": true}}');
    expect(Object.keys(input)).toContain('__proto__');
    const errs = validate(input);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ code: 'XI011', path: '__proto__' });
    expect(errs[0].message.zh).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'x')).toBe(false);
  });

  it('finds constructor and prototype keys nested in lists', () => {
    const input = JSON.parse('{"受伤日期": "2024-01-01", "月缴费工资": "1", "供养亲属": [{"关系": "配偶", "出生日期": "1980-01-01"}, {"constructor": {"prototype": {"y": 1}}}]}');
    const errs = validate(input);
    expect(errs.map((e) => `${e.code} ${e.path}`)).toEqual(['XI011 供养亲属[1].constructor']);
    const deeper = validate(JSON.parse('{"供养亲属": [{"x": {"prototype": 1}}]}'));
    expect(deeper.map((e) => e.path)).toEqual(['供养亲属[0].x.prototype']);
  });

  it('does not let inherited properties satisfy "required"', () => {
    const v = createValidator({ type: 'object', required: ['toString'], properties: { toString: { type: 'string' } } });
    expect(v({}).map((e) => e.code)).toEqual(['XI001']);
  });

  it('reports over-deep input instead of overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    const errs = createValidator({})(deep);
    expect(errs.map((e) => e.code)).toEqual(['XI012']);
  });
});

describe('no mutation', () => {
  it('leaves the input byte-for-byte unchanged, even deep-frozen', () => {
    const deepFreeze = (o: unknown): unknown => {
      if (typeof o === 'object' && o !== null) {
        Object.values(o).forEach(deepFreeze);
        Object.freeze(o);
      }
      return o;
    };
    const bad = { ...good(), 月缴费工资: 'abc', 多余: 1, 伤残等级: '5' };
    const before = JSON.stringify(bad);
    deepFreeze(bad);
    expect(validate(bad).length).toBeGreaterThan(0);
    expect(JSON.stringify(bad)).toBe(before);
    const fine = good();
    const fineBefore = structuredClone(fine);
    validate(fine);
    expect(fine).toEqual(fineBefore);
  });
});

describe('inputErrorToText', () => {
  it('renders Chinese first, then English', () => {
    const e = one(withField('受伤日期', '2023-02-29'));
    const text = inputErrorToText(e);
    const [zh, en] = text.split('\n');
    expect(zh).toMatch(/^XI005 字段“受伤日期”/);
    expect(zh).toContain('（例如');
    expect(en).toMatch(/^XI005 field "受伤日期"/);
    expect(inputErrorToText(e, 'en')).toBe(en);
    expect(inputErrorToText(e, 'zh')).toBe(zh);
  });
});

// issue 11 "What to build": ajv in strict mode. A schema keyword ajv does not know (a typo such
// as `minimun`) would otherwise be ignored and check nothing; strict mode makes it a compile error.
describe('ajv strict mode', () => {
  it('refuses a schema with an unknown keyword instead of ignoring it', () => {
    expect(() => createValidator({ type: 'object', properties: { a: { type: 'integer', minimun: 0 } } })).toThrow(/unknown keyword/);
  });

  it('strictNumbers: NaN and Infinity are not JSON numbers', () => {
    const v = createValidator({ type: 'object', properties: { n: { type: 'number' } } });
    expect(v({ n: 1 })).toEqual([]);
    expect(v({ n: NaN }).length).toBeGreaterThan(0);
    expect(v({ n: Infinity }).length).toBeGreaterThan(0);
  });
});
