// The golden-case loader (compiler/cases.ts): parsing, XT diagnostics with lines, comparison.
import { describe, expect, it } from 'vitest';
import { parseCaseSuite, compareOutcome, valueMatches } from '../../compiler/cases.ts';
import type { Outcome } from '../../runtime/outcome.ts';
import { mkPolicy, mkRule, one, money, T } from '../codegen/ir.ts';

const SUITE = `policy: 全国
cases:
  - id: a
    title: 标题
    cite: 条例第一条
    as_of: 2024-05-01
    parameters: { 最低工资标准: "2490" }
    input:
      月缴费工资: "3000.00"
      受伤日期: 2023-03-10
      伤残等级: 五级
      数: 12345678901234567890.5
    expected:
      本人工资: "4800"
      比率: "60%"
      天数: 5
      可选: null
    expected_checks: [某检查]
  - id: b
    as_of: 2024-05-01
    input: {}
    expected_errors: [XI001]
`;

describe('parseCaseSuite', () => {
  it('reads a suite into typed cases with lines', () => {
    const s = parseCaseSuite(SUITE, 'x.cases.yaml');
    expect(s.diagnostics).toEqual([]);
    expect(s.policy).toBe('全国');
    expect(s.cases).toHaveLength(2);
    const a = s.cases[0]!;
    expect(a).toMatchObject({ id: 'a', title: '标题', cite: '条例第一条', asOf: '2024-05-01', parameters: { 最低工资标准: '2490' }, line: 3, file: 'x.cases.yaml' });
    expect(a.input).toEqual({ 月缴费工资: '3000.00', 受伤日期: '2023-03-10', 伤残等级: '五级', 数: '12345678901234567890.5' });
    expect(a.expected).toEqual({ 本人工资: '4800', 比率: '60%', 天数: 5, 可选: null });
    expect(a.lines).toMatchObject({ 本人工资: 14, 比率: 15, expected_checks: 18 });
    expect(a.expectedChecks).toEqual(['某检查']);
    expect(s.cases[1]!.expectedErrors).toEqual(['XI001']);
  });

  it('reports bad suites as XT diagnostics with line numbers', () => {
    const bad = `cases:
  - id: a
    as_of: 2024-5-1
    input: {}
    expected: { x: 1 }
  - id: b
    as_of: 2024-05-01
    input: [1]
    expected: { x: 1 }
    extra: 1
  - as_of: 2024-05-01
  - id: c
    as_of: 2024-05-01
    input: {}
  - id: c
    as_of: 2024-05-01
    input: {}
    expected: { x: 1 }
`;
    const s = parseCaseSuite(bad, 'bad.cases.yaml');
    const got = s.diagnostics.map((d) => [d.code, d.span.start.line]);
    expect(got).toEqual([
      ['XT007', 3],
      ['XT010', 10],
      ['XT008', 8],
      ['XT005', 11],
      ['XT012', 12],
      ['XT006', 15],
    ]);
    expect(s.cases.map((c) => c.id)).toEqual(['c']);
    expect(parseCaseSuite('cases: [', 'y.yaml').diagnostics[0]!.code).toBe('XT001');
    expect(parseCaseSuite('- 1', 'y.yaml').diagnostics[0]!.code).toBe('XT002');
    expect(parseCaseSuite('cases: 3', 'y.yaml').diagnostics[0]!.code).toBe('XT003');
  });

  it('reads a single case (no cases: list), YAML or JSON', () => {
    const y = parseCaseSuite('as_of: 2024-05-01\ninput: { a: 1 }\n', 'dir/one.yaml');
    expect(y.cases).toMatchObject([{ id: 'one', asOf: '2024-05-01', input: { a: 1 } }]);
    const j = parseCaseSuite('{"as_of": "2024-05-01", "input": {"a": "1.50"}, "parameters": {"p": "60%"}}', 'two.json');
    expect(j.cases).toMatchObject([{ id: 'two', input: { a: '1.50' }, parameters: { p: '60%' } }]);
  });
});

describe('compareOutcome', () => {
  const ir = mkPolicy({
    name: 'P',
    rules: [
      mkRule('本人工资', T.money, [one('P', money('1'))]),
      mkRule('比率', T.rate, [one('P', money('1'))]),
      mkRule('天数', T.days, [one('P', money('1'))]),
      mkRule('可选', T.money, [one('P', money('1'))]),
      mkRule('真假', T.boolean, [one('P', money('1'))]),
    ],
  });
  const outcome = (over: Partial<Outcome> = {}): Outcome => ({
    policy: 'P',
    asOf: '2024-05-01',
    ok: true,
    inputErrors: [],
    outputs: {
      本人工资: { type: 'money', value: '4800.00', display: '4,800.00元' },
      比率: { type: 'rate', value: '0.6', display: '60%' },
      天数: { type: 'days', value: 5, display: '5天' },
      真假: { type: 'boolean', value: true, display: '是' },
    },
    unavailable: { 可选: { missing: ['死亡日期'] } },
    errors: [],
    checks: [{ name: '某检查', severity: 'warning', message: 'm' }],
    ...over,
  });

  it('decimal by value, percentages, numbers, unavailable, checks', () => {
    const c = parseCaseSuite(SUITE, 'x.cases.yaml').cases[0]!;
    const r = compareOutcome(c, outcome(), ir);
    expect(r.fields.filter((f) => !f.pass)).toEqual([]);
    expect(r.pass).toBe(true);
  });

  it('reports expected vs actual on mismatch', () => {
    const c = parseCaseSuite(SUITE, 'x.cases.yaml').cases[0]!;
    const r = compareOutcome(c, outcome({ outputs: { ...outcome().outputs, 本人工资: { type: 'money', value: '4800.01', display: '' } }, checks: [] }), ir);
    expect(r.pass).toBe(false);
    expect(r.fields.filter((f) => !f.pass)).toEqual([
      { kind: 'output', name: '本人工资', line: 14, pass: false, expected: '4,800.00元', actual: '4,800.01元', expectedValue: '4800', actualValue: '4800.01' },
      { kind: 'checks', name: 'expected_checks', line: 18, pass: false, expected: '[某检查]', actual: '[]' },
    ]);
  });

  it('expected_errors: the codes must occur', () => {
    const c = parseCaseSuite(SUITE, 'x.cases.yaml').cases[1]!;
    const withErr = outcome({ ok: false, inputErrors: [{ path: '月缴费工资', code: 'XI001', message: { zh: '缺', en: 'missing' } }] });
    expect(compareOutcome(c, withErr, ir).pass).toBe(true);
    expect(compareOutcome(c, outcome(), ir).pass).toBe(false);
  });

  it('valueMatches', () => {
    expect(valueMatches(T.money, '86400', '86400.00')).toBe(true);
    expect(valueMatches(T.money, 86400, '86400.00')).toBe(true);
    expect(valueMatches(T.rate, '60%', '0.6')).toBe(true);
    expect(valueMatches(T.rate, '0.5‰', '0.0005')).toBe(true);
    expect(valueMatches(T.rate, '61%', '0.6')).toBe(false);
    expect(valueMatches(T.boolean, '真', true)).toBe(true);
    expect(valueMatches(T.date, '2024-01-01', '2024-01-01')).toBe(true);
    expect(valueMatches(T.list(T.money), ['1', '2.5'], ['1.00', '2.50'])).toBe(true);
    expect(valueMatches(T.enum('E'), '甲', '乙')).toBe(false);
  });
});
