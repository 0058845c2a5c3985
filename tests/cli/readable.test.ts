// Results people can read (issue 14): one formatter by declared type, formulas with values in
// the explanation, the printable calculation sheet, and honest not-run counts in the reports.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatValue } from '../../runtime/format.ts';
import { scratchDir, xize } from '../support/scratch.ts';

const TMP = scratchDir('readable');
const DIS = ['provinces/national', '--case', 'provinces/national/cases/benefits-disability.cases.yaml', '--id', 'dis-grade5-floor'];

describe('formatValue: by the declared type, never by the JS value', () => {
  it('money, rates, numbers, durations, booleans, enums, dates, lists, records', () => {
    expect(formatValue({ kind: 'money' }, '84000')).toBe('84,000.00元');
    expect(formatValue({ kind: 'money' }, 84000.5)).toBe('84,000.50元');
    expect(formatValue({ kind: 'money' }, '-1234567.1')).toBe('-1,234,567.10元');
    expect(formatValue({ kind: 'rate' }, '0.4')).toBe('40%');
    expect(formatValue({ kind: 'rate' }, '40%')).toBe('40%');
    expect(formatValue({ kind: 'rate' }, '0.0005')).toBe('0.05%');
    expect(formatValue({ kind: 'integer' }, 18)).toBe('18');
    expect(formatValue({ kind: 'duration', unit: 'workdays' }, 10)).toBe('10个工作日');
    expect(formatValue({ kind: 'boolean' }, true)).toBe('是');
    expect(formatValue({ kind: 'boolean' }, 'false')).toBe('否');
    expect(formatValue({ kind: 'enum', name: '伤残等级' }, '五级')).toBe('五级');
    expect(formatValue({ kind: 'date' }, '2024-05-01')).toBe('2024-05-01');
    expect(formatValue({ kind: 'list', element: { kind: 'money' } }, ['1', '2.5'])).toBe('1.00元、2.50元');
    const rec = () => [{ name: '工资', type: { kind: 'money' as const } }, { name: '比例', type: { kind: 'rate' as const } }];
    expect(formatValue({ kind: 'record', name: '甲' }, { 工资: '100', 比例: '0.2' }, rec)).toBe('{工资: 100.00元, 比例: 20%}');
    // the same JS value reads differently by type; a value that does not fit is shown as written
    expect(formatValue({ kind: 'number' }, '0.4')).toBe('0.4');
    expect(formatValue({ kind: 'money' }, 'abc')).toBe('abc');
  });
});

describe('xize run --explain: the computation', () => {
  it('each rule with its formula, the values put in and the result; the branch taken and why; the layer', () => {
    const r = xize('run', ...DIS, '--explain');
    expect(r.code).toBe(0);
    // 本人工资 × 月数 with the values: 4,800.00元 × 18 (条例第三十七条: 五级 18 个月; 60% × 8,000 = 4,800)
    expect(r.out).toContain('算式 / formula: 本人工资 × 一次性伤残补助金月数 = 4,800.00元 × 18 = 86,400.00元');
    expect(r.out).toContain('本人工资界限平均工资 × 本人工资保底比例 = 8,000.00元 × 60% = 4,800.00元');
    expect(r.out).toContain('分支 / branch: 当 一至四级已退休（否） 不成立；否则 成立 ✓');
    expect(r.out).toContain('输入 月缴费工资 = 3,000.00元');
  });

  it('--html: a standalone printable calculation sheet (inline CSS, no external asset, no script)', () => {
    const r = xize('run', ...DIS, '--explain', '--html');
    expect(r.code).toBe(0);
    expect(r.out.startsWith('<!doctype html>')).toBe(true);
    expect(r.out).toContain('<style>');
    expect(r.out).toContain('@media print');
    expect(r.out).not.toMatch(/<script|<link|src=|href="http/);
    expect(r.out).toContain('计算单');
    expect(r.out).toContain('本人工资 × 一次性伤残补助金月数 = 4,800.00元 × 18 = 86,400.00元');
    expect(r.out).toContain('✓ 一致 / matches');
    // only the rules leading to the asked-for outputs: no death benefit in a disability case
    expect(r.out).not.toContain('丧葬补助金');
  });
});

describe('honest counts: cases that cannot run are counted and listed as not run', () => {
  const dir = join(TMP, 'broken');
  mkdirSync(join(dir, 'cases'), { recursive: true });
  writeFileSync(join(dir, 'a.xize'), '政策 坏 生效 2020-01-01\n规则 甲: 金额 依据 "x" = 1元 + 乙\n');
  writeFileSync(join(dir, 'cases', 'a.cases.yaml'), 'cases:\n  - id: c1\n    title: 第一\n    as_of: 2024-01-01\n    input: {}\n    expected: { 甲: 1 }\n  - id: c2\n    as_of: 2024-01-01\n    input: {}\n    expected: { 甲: 1 }\n');

  it('pretty: each case ○ 未运行, the summary says 未运行 2 (never 0/0)', () => {
    const r = xize('test', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('○ c1 — 第一  未运行 / not run');
    expect(r.out).toContain('案例 2 个：通过 0，失败 0，未运行 2');
    expect(r.out).toContain('2 not run');
  });

  it('junit: tests count them, skipped lists them, timestamp and hostname', () => {
    const r = xize('test', dir, '--reporter', 'junit');
    expect(r.out).not.toContain('tests="0"');
    expect(r.out).toMatch(/<testsuites name="xize" tests="3" failures="0" errors="1" skipped="2" time="[\d.]+" timestamp="\d{4}-/);
    expect(r.out).toMatch(/<testsuite [^>]*skipped="2"[^>]*timestamp="[^"]+" hostname="[^"]+"/);
    expect((r.out.match(/<skipped /g) ?? []).length).toBe(2);
  });

  it('json: summary.notRun and each suite lists notRun with id and line', () => {
    const rep = JSON.parse(xize('test', dir, '--reporter', 'json').out);
    expect(rep.summary).toMatchObject({ cases: 2, passed: 0, failed: 0, notRun: 2 });
    expect(typeof rep.summary.startedAt).toBe('string');
    expect(rep.suites[0].notRun).toEqual([{ id: 'c1', title: '第一', line: 2 }, { id: 'c2', line: 7 }]);
  });
});
