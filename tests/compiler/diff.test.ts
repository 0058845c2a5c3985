// The auditors' policy diff (compiler/diff.ts) on in-memory policies.
import { describe, expect, it } from 'vitest';
import { diffOutcomes, diffPolicies, loadPolicy, parseCaseSuite, printIr, type IrPolicy } from '../../compiler/index.ts';
import { compileFolders, type Folder } from './helpers.ts';

const HEAD = '政策 市 继承 省 生效 2020-01-01 舍入 四舍五入 到 分\n';
const PROV_HEAD = '政策 省 生效 2020-01-01 舍入 四舍五入 到 分\n';

const BASE = `枚举 等级 { 甲, 乙, 丙 }
输入 {
  工资: 金额
  级别: 等级
}
参数 比例: 比率 = 60% 依据 "第一条"
表 倍数: 等级 -> 整数 依据 "第二条" { 甲: 27, 乙: 25, 丙: 23 }
规则 补助: 金额 依据 "第三条" = 工资 × 比例 × 倍数[级别]
`;

function ir(leaf: Folder, parents: Record<string, Folder> = {}): IrPolicy {
  const r = compileFolders(leaf, parents);
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message.en}`)).toEqual([]);
  return r.ir!;
}

const one = (body: string) => ir({ 'p.xize': PROV_HEAD + body });

describe('diffPolicies', () => {
  it('identical policies give an empty diff', () => {
    expect(diffPolicies(one(BASE), one(BASE)).changes).toEqual([]);
  });

  it('a parameter value changed from a date, with its citation', () => {
    const b = BASE.replace('参数 比例: 比率 = 60% 依据 "第一条"', '参数 比例: 比率 依据 "第一条" {\n  自 2020-01-01: 60%\n  自 2024-07-01: 65% 依据 "某通知"\n}');
    const a = BASE.replace('参数 比例: 比率 = 60% 依据 "第一条"', '参数 比例: 比率 依据 "第一条" {\n  自 2020-01-01: 60%\n}');
    const d = diffPolicies(one(a), one(b));
    expect(d.changes).toHaveLength(1);
    const ch = d.changes[0]!;
    expect(ch).toMatchObject({ kind: 'param', name: '比例', status: 'changed', since: '2024-07-01', cite: '第一条' });
    expect(ch.details).toEqual([{ what: 'value', from: '2024-07-01', old: '60%', new: '65%', oldCite: '第一条', newCite: '某通知' }]);
  });

  it('a parameter range (范围) narrowed is a change auditors see', () => {
    const a = BASE.replace('参数 比例: 比率 = 60% 依据 "第一条"', '参数 比例: 比率 = 60% 范围 50%..80% 依据 "第一条"');
    const b = BASE.replace('参数 比例: 比率 = 60% 依据 "第一条"', '参数 比例: 比率 = 60% 范围 55%..80% 依据 "第一条"');
    const d = diffPolicies(one(a), one(b));
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]!.details).toEqual([{ what: 'range', old: '50%..80%', new: '55%..80%' }]);
  });

  it('a table row changed', () => {
    const d = diffPolicies(one(BASE), one(BASE.replace('乙: 25', '乙: 26')));
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]).toMatchObject({ kind: 'table', name: '倍数', status: 'changed', since: '2020-01-01' });
    expect(d.changes[0]!.details).toEqual([{ what: 'value', key: '乙', from: '2020-01-01', old: '25', new: '26', oldCite: '第二条', newCite: '第二条' }]);
  });

  it('a rule body changed, printed canonically in Chinese', () => {
    const b = BASE.replace('= 工资 × 比例 × 倍数[级别]', '= 最大(工资 × 比例 × 倍数[级别], 1000元)');
    const d = diffPolicies(one(BASE), one(b));
    expect(d.changes).toHaveLength(1);
    const det = d.changes[0]!.details[0]!;
    expect(d.changes[0]).toMatchObject({ kind: 'rule', name: '补助', status: 'changed' });
    expect(det).toMatchObject({ what: 'value', old: '工资 × 比例 × 倍数[级别]', new: '最大(工资 × 比例 × 倍数[级别], 1000元)' });
  });

  it('an added exception', () => {
    const b = `${BASE}例外 补助 当 级别 = 等级.甲 则 0元 依据 "第四条"\n`;
    const d = diffPolicies(one(BASE), one(b));
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]!.details).toEqual([{ what: 'exception', key: '级别 = 等级.甲', old: null, new: '0元', newCite: '第四条' }]);
  });

  it('added and removed declarations, with since for the added dated value', () => {
    const b = `${BASE.replace('表 倍数: 等级 -> 整数 依据 "第二条" { 甲: 27, 乙: 25, 丙: 23 }\n', '表 倍数: 等级 -> 整数 依据 "第二条" { 甲: 27, 乙: 25, 丙: 23 }\n')}参数 新标准: 金额 依据 "第五条" {\n  自 2025-01-01: 70元\n}\n`;
    const d = diffPolicies(one(BASE), one(b));
    expect(d.changes.map((x) => [x.kind, x.name, x.status, x.since])).toEqual([['param', '新标准', 'added', '2025-01-01']]);
    const back = diffPolicies(one(b), one(BASE));
    expect(back.changes.map((x) => [x.kind, x.name, x.status])).toEqual([['param', '新标准', 'removed']]);
  });

  it('an override moved between province and city with the same values is no change', () => {
    const city = (body: string) => ({ 'c.xize': HEAD + body });
    const prov = (body: string) => ({ 'p.xize': PROV_HEAD + body });
    // old: the province says 60%, the city overrides from 2024-07-01 with 65%
    const oldIr = ir(city('覆盖 参数 比例 依据 "市通知" {\n  自 2020-01-01: 60% 依据 "第一条"\n  自 2024-07-01: 65% 依据 "市通知"\n}\n'), { 省: prov(BASE) });
    // new: the province itself carries both versions, the city no longer overrides
    const provNew = BASE.replace('参数 比例: 比率 = 60% 依据 "第一条"', '参数 比例: 比率 依据 "第一条" {\n  自 2020-01-01: 60%\n  自 2024-07-01: 65% 依据 "市通知"\n}');
    const newIr = ir(city('// no override\n'), { 省: prov(provNew) });
    expect(diffPolicies(oldIr, newIr).changes).toEqual([]);
  });

  it('printIr ignores spans and prints builtins in Chinese', () => {
    const p = one(`${BASE}参数 下限: 金额 = 100元\n参数 上限: 金额 = 900元\n规则 限: 金额 依据 "x" = 限定(工资, 下限, 上限)\n`);
    const r = p.rules.find((x) => x.name === '限')!;
    expect(printIr(r.layers[0]!.versions[0]!.body)).toBe('限定(工资, 下限, 上限)');
  });
});

describe('diffOutcomes', () => {
  it('lists the outputs of a case whose values move', () => {
    const a = one(BASE);
    const b = one(BASE.replace('乙: 25', '乙: 26'));
    const suite = parseCaseSuite(
      `cases:\n  - id: k1\n    as_of: 2024-01-01\n    input: { 工资: "1000", 级别: 乙 }\n    expected: { 补助: "15000" }\n  - id: k2\n    as_of: 2024-01-01\n    input: { 工资: "1000", 级别: 甲 }\n    expected: { 补助: "16200" }\n`,
      'k.cases.yaml',
    );
    expect(suite.diagnostics).toEqual([]);
    const od = diffOutcomes(loadPolicy(a), a, loadPolicy(b), b, suite.cases);
    expect(od.cases).toBe(2);
    expect(od.moved).toHaveLength(1);
    expect(od.moved[0]).toMatchObject({ id: 'k1', outputs: [{ name: '补助', movement: 'changed', expected: true, old: { state: 'value', value: '15000.00' }, new: { state: 'value', value: '15600.00' } }] });
  });
});
