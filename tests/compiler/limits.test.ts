// Limits and invariants of the checker (compiler/limits.ts, dsl/limits.ts, docs/diagnostics.md
// "Limits"), end to end through compilePolicy → tryLoadPolicy → evaluate: every hostile policy
// gets coded, located, bilingual diagnostics (never XP999/XC999, never a thrown stack), and a
// policy that passes the check loads and evaluates. Values in comments are worked by hand.
import { describe, expect, it } from 'vitest';
import { it as prop, fc } from '@fast-check/vitest';
import { compilePolicy, loadPolicy, tryLoadPolicy, CodegenError } from '../../compiler/index.ts';
import { checkTyped } from '../../compiler/checkTyped.ts';
import { MAX_EVAL_DEPTH, MAX_TABLE_ROWS } from '../../compiler/limits.ts';
import { RESERVED_NAMES } from '../../compiler/checkNames.ts';
import { editDistance, suggest, SUGGEST_MAX_DISTANCE, SUGGEST_MAX_NAME } from '../../compiler/symbols.ts';
import type { IrExpr, IrPolicy } from '../../compiler/ir.ts';
import type { Diagnostic } from '../../dsl/diagnostic.ts';
import { MAX_EXPR_DEPTH, MAX_SOURCE_CHARS } from '../../dsl/limits.ts';
import { compileBody, compileFolders, errorsOf, expectDiag, HEADER } from './helpers.ts';

const ENGINES = [
  { engine: 'auto', explain: false },
  { engine: 'decimal', explain: false },
  { engine: 'decimal', explain: true },
  { engine: 'verify', explain: false },
] as const;

function noInternal(diags: Diagnostic[]): void {
  expect(diags.filter((d) => d.code.endsWith('999')).map((d) => d.message.en)).toEqual([]);
}

/** Compiles, loads and evaluates `input` on every engine; returns the outputs of each run. */
function runAll(body: string, input: Record<string, unknown>, parameters: Record<string, unknown> = {}) {
  const r = compileBody(body);
  expect(errorsOf(r).map((d) => `${d.code} ${d.message.en}`)).toEqual([]);
  const loaded = tryLoadPolicy(r.ir!);
  expect(loaded.diagnostics).toEqual([]);
  return ENGINES.map((o) => {
    const out = loaded.policy!.evaluate(input, { asOf: '2024-01-01', parameters, ...o } as never);
    expect({ ...o, ok: out.ok, errors: out.errors, inputErrors: out.inputErrors }).toEqual({ ...o, ok: true, errors: [], inputErrors: [] });
    return out.outputs as Record<string, { value: string }>;
  });
}

describe('item 1: typeless rules and code-generation failures', () => {
  it('a new rule without a type is XP012 at its name; nothing reaches code generation', () => {
    const r = compileBody('输入 { a: 金额 }\n规则 b 依据 "x" = a\n规则 c: 金额 依据 "x" = b + 1元\n');
    expectDiag(r, 'XP012', 't.xize', r.text, 'b 依据');
    expect(r.ir).toBeUndefined();
    noInternal(r.diagnostics);
  });

  // An IR with an untyped node, as the typeless rule used to produce: b's reference typed UNKNOWN.
  function untypedIr(): { ir: IrPolicy; node: Extract<IrExpr, { k: 'arith' }> } {
    const r = compileBody('输入 { a: 金额 }\n规则 b: 金额 依据 "x" = a\n规则 c: 金额 依据 "x" = b + 1元\n');
    const ir = structuredClone(r.ir!);
    const c = ir.rules.find((x) => x.name === 'c')!;
    const sum = c.layers[0]!.versions[0]!.body as Extract<IrExpr, { k: 'arith' }>;
    (sum.left as { type: unknown }).type = { kind: 'unknown' };
    return { ir, node: sum };
  }

  it('a code-generation failure is an XG diagnostic from tryLoadPolicy, located at the node', () => {
    const { ir, node } = untypedIr();
    const r = tryLoadPolicy(ir);
    expect(r.policy).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XG005']);
    expect(r.diagnostics[0]!.span).toEqual(node.span);
    expect(r.diagnostics[0]!.message.zh).toMatch(/代码生成失败/);
    expect(r.diagnostics[0]!.hint?.en).toMatch(/declare the types/);
    // loadPolicy still throws (its API returns a policy), but a CodegenError carrying the diagnostic
    let thrown: unknown;
    try {
      loadPolicy(ir);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CodegenError);
    expect((thrown as { diagnostic: Diagnostic }).diagnostic.code).toBe('XG005');
  });

  it('the last pass of a clean check refuses untyped IR (XC094), so code generation cannot see it', () => {
    const { ir, node } = untypedIr();
    const diags: Diagnostic[] = [];
    checkTyped(ir, diags);
    expect(diags.map((d) => [d.code, d.span])).toEqual([['XC094', node.left.span]]);
  });
});

describe('item 4: nesting, expression size and dependency chains', () => {
  const A = '输入 { a: 金额\n f: 布尔 }\n';
  for (const [label, expr] of [
    ['200 nested parentheses', '('.repeat(200) + 'a' + ')'.repeat(200)],
    ['200 nested 当 … 则 (', '当 f 则 ('.repeat(200) + 'a' + ' 否则 a)'.repeat(200)],
  ] as const) {
    it(`${label}: XP020, not XP999`, () => {
      const r = compileBody(`${A}规则 c: 金额 依据 "x" = ${expr}\n规则 d: 金额 依据 "x" = a\n`);
      expect(errorsOf(r).map((d) => d.code)).toEqual(['XP020']);
      expect(errorsOf(r)[0]!.span.start.line).toBe(4);
      noInternal(r.diagnostics);
    });
  }

  it('a sum of 2 000 terms: XP021, not XC999', () => {
    const r = compileBody(`${A}规则 c: 金额 依据 "x" = ${Array(2000).fill('a').join(' + ')}\n`);
    expect(errorsOf(r).map((d) => d.code)).toEqual(['XP021']);
    noInternal(r.diagnostics);
  });

  it(`a sum of ${MAX_EXPR_DEPTH} terms passes and evaluates on every engine`, () => {
    // 256 × 1.25元 = 320.00元
    const outs = runAll(`${A}规则 c: 金额 依据 "x" = ${Array(MAX_EXPR_DEPTH).fill('a').join(' + ')}\n`, { a: '1.25', f: true });
    for (const o of outs) expect(o.c!.value).toBe('320.00');
  });

  /** r0 = a; r(i) = r(i−1) + 1元, declared last to first (each read nests one rule call). */
  const reverseChain = (n: number) => {
    const lines = ['规则 r0: 金额 依据 "x" = a'];
    for (let i = 1; i < n; i++) lines.push(`规则 r${i}: 金额 依据 "x" = r${i - 1} + 1元`);
    return `${A}${lines.reverse().join('\n')}\n`;
  };

  it('10 000 chained rules: one XC093 where the chain crosses the limit (it used to fail every case with XR012)', () => {
    // five files of 2 000 rules each (one file of 10 000 would be over the source size limit)
    const rules = reverseChain(10_000).split('\n').slice(2, -1); // without the input block and the last ''
    expect(rules).toHaveLength(10_000);
    const folder: Record<string, string> = { 'a.xize': HEADER + A };
    for (let k = 0; k < 5; k++) folder[`r${k}.xize`] = rules.slice(2000 * k, 2000 * (k + 1)).join('\n') + '\n';
    const r = compileFolders(folder);
    // depth(r0) = 1 + 1 = 2; depth(ri) = 1 + (2 + depth(r(i−1))) = 2 + 3i: first over 1000 at i = 333 (1001)
    const file = Object.keys(folder).find((f) => folder[f]!.includes('规则 r333:'))!;
    const d = expectDiag(r, 'XC093', file, folder[file]!, 'r333:');
    expect(d.args).toMatchObject({ depth: '1001', limit: String(MAX_EVAL_DEPTH), name: 'r333' });
    expect(errorsOf(r)).toHaveLength(1);
    noInternal(r.diagnostics);
  });

  it('the longest chain within the limit evaluates on every engine, explain included', () => {
    // 333 rules: r332 = a + 332 × 1元 = 1.00 + 332 = 333.00元
    for (const o of runAll(reverseChain(333), { a: '1.00', f: false })) expect(o.r332!.value).toBe('333.00');
  });

  it('parameter chains are limited the same way (XC093 names the parameter)', () => {
    const lines = ['参数 p0: 金额 = 1元'];
    for (let i = 1; i < 2000; i++) lines.push(`参数 p${i}: 金额 = p${i - 1} + 1元`);
    const r = compileBody(`${A}${lines.reverse().join('\n')}\n规则 c: 金额 依据 "x" = p1999 + a\n`);
    const d = expectDiag(r, 'XC093', 't.xize', r.text, 'p333:');
    expect(d.message.en).toMatch(/^parameter 'p333'/);
    expect(errorsOf(r)).toHaveLength(1);
  });
});

describe('item 5: bounded "did you mean"', () => {
  const naive = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 0; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length]![b.length]!;
  };
  const word = fc.string({ unit: fc.constantFrom('甲', '乙', '丙', 'a'), maxLength: 10 });
  prop.prop([word, word, fc.integer({ min: 0, max: 4 })])('banded edit distance = Levenshtein capped at max + 1', (a, b, max) => {
    expect(editDistance(a, b, max)).toBe(Math.min(naive(a, b), max + 1));
  });

  it('suggests within the distance cap, and nothing for names over the length cap', () => {
    expect(suggest('本人工次', ['本人工资', '伤残津贴'])).toBe('本人工资');
    const long = '名'.repeat(SUGGEST_MAX_NAME);
    expect(suggest(long + 'x', [long + 'y'])).toBeUndefined();
    expect(suggest('甲'.repeat(30) + '一二三四', ['甲'.repeat(30) + '五六七八'])).toBeUndefined(); // distance 4 > 3
    expect(suggest('甲'.repeat(30) + '一二三', ['甲'.repeat(30) + '五六七'])).toBe('甲'.repeat(30) + '五六七');
    expect(SUGGEST_MAX_DISTANCE).toBe(3);
  });

  it('two similar 15 000-character names: the unknown one is reported, without a suggestion', () => {
    const n = 'x'.repeat(15_000);
    const r = compileBody(`输入 { ${n}a: 金额 }\n规则 c: 金额 依据 "x" = ${n}b\n`);
    const d = errorsOf(r);
    expect(d.map((x) => x.code)).toEqual(['XC001']);
    expect(d[0]!.hint).toBeUndefined();
  });
});

describe('item 8: JS-sensitive names', () => {
  for (const name of RESERVED_NAMES) {
    it(`'${name}' is refused where it is declared (XC096), in every kind of declaration`, () => {
      const body =
        `枚举 级 { ${name}, 乙 }\n记录 人 { ${name}: 金额 }\n输入 { ${name}: 金额 }\n参数 ${name}: 金额 = 1元\n` +
        `规则 ${name}: 金额 依据 "x" = 1元\n`;
      const r = compileBody(body);
      const hits = r.diagnostics.filter((d) => d.code === 'XC096');
      expect(hits.map((d) => d.span.start.line)).toEqual([2, 3, 4, 5, 6]);
      for (const d of hits) expect(r.text.split('\n')[d.span.start.line - 1]!.slice(d.span.start.column - 1)).toMatch(new RegExp(`^${name}`));
      expectDiag(r, 'XC096', 't.xize', r.text, name);
      expect(r.ir).toBeUndefined();
    });
  }

  it('other names of Object.prototype work end to end: input, parameter, rule, record field, enum member', () => {
    const body =
      '枚举 级 { toString, valueOf }\n记录 人 { hasOwnProperty: 金额 }\n' +
      '输入 { toString: 金额\n isPrototypeOf: 级\n 人们: 列表[人] }\n参数 valueOf: 金额 = 2元\n' +
      '表 加: 级 -> 金额 依据 "x" { toString: 10元\n valueOf: 20元 }\n' +
      '规则 hasOwnProperty: 金额 依据 "x" = toString + valueOf + 加[isPrototypeOf] + 求和(人们, p => p.hasOwnProperty)\n';
    // 5.00 + 2.00 + 20.00 (valueOf row) + (1.50 + 2.50) = 31.00元
    const input = JSON.parse('{"toString": "5.00", "isPrototypeOf": "valueOf", "人们": [{"hasOwnProperty": "1.50"}, {"hasOwnProperty": "2.50"}]}');
    const out: string = 'hasOwnProperty'; // a string key: o.hasOwnProperty would be the method's type
    for (const o of runAll(body, input)) expect(o[out]!.value).toBe('31.00');
  });
});

describe('item 12: sizes', () => {
  it('a 51 MB file is refused before lexing (XL006), without a cascade', () => {
    const text = HEADER + '// padding\n'.repeat(Math.ceil(51e6 / 11));
    const r = compilePolicy({ files: [{ path: 'big.xize', text }] });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XL006']);
    expect(r.diagnostics[0]!.args.limit).toBe(String(MAX_SOURCE_CHARS));
  });

  it(`a table version with more than ${MAX_TABLE_ROWS} rows: XC095 at the first row past the limit`, () => {
    const rows = Array.from({ length: MAX_TABLE_ROWS + 5 }, (_, i) => `  ${i}: ${i}元`).join('\n');
    const r = compileBody(`输入 { k: 整数 }\n表 t: 整数 -> 金额 依据 "x" {\n${rows}\n}\n规则 c: 金额 依据 "x" = t[k]\n`);
    const d = expectDiag(r, 'XC095', 't.xize', r.text, `\n  ${MAX_TABLE_ROWS}: `.slice(3), 1);
    expect(d.args).toMatchObject({ name: 't', rows: String(MAX_TABLE_ROWS + 5) });
    expect(errorsOf(r)).toHaveLength(1);
  });
});
