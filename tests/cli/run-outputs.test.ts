// `xize run`: which outputs are shown (--outputs, --all, the default: the expected ones) and the
// explanation tree of the shown outputs. Spawned as a process, like cli.test.ts.
import { describe, expect, it } from 'vitest';
import { scratchDir, xize } from '../support/scratch.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FIX = 'tests/fixtures/cli';
const OK = `${FIX}/child/cases/ok.cases.yaml`;
const TMP = scratchDir('run-outputs');

/** The lines of the "输出 / outputs" block (until the next heading or the note). */
function outputLines(out: string): string[] {
  const lines = out.split('\n');
  const start = lines.indexOf('输出 / outputs');
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => !/^[✓✗ ] /.test(l) || l.startsWith('    '));
  return (end < 0 ? rest : rest.slice(0, end)).map((l) => l.slice(2).split(/\s+/)[0]!);
}

/** A suite in the temporary folder (the child fixture's policy). */
function suite(name: string, yaml: string): string {
  const file = join(TMP, name);
  writeFileSync(file, yaml);
  return file;
}

describe('xize run: shown outputs', () => {
  it('default: only the expected outputs, in the order of the case, and a dim line about the rest', () => {
    const f = suite(
      'only-aid.cases.yaml',
      `policy: 测试省
cases:
  - id: aid
    as_of: 2024-05-01
    input: { 月工资: "3000", 等级: 乙, 死亡日期: 2024-01-05 }
    expected: { 补助金: "43200" }
`,
    );
    const r = xize('run', `${FIX}/child`, '--case', f, '--id', 'aid');
    expect(r.code).toBe(0);
    expect(outputLines(r.out)).toEqual(['补助金']);
    expect(r.out).not.toContain('丧葬费');
    expect(r.out).toContain('另有 2 项输出未显示');
    expect(r.out).toContain('2 more output(s) not shown');
    expect(r.out).toContain('--all');
    // checks that fired are still shown
    expect(r.out).toContain('工资过低');
  });

  it('default: an expected-unavailable output is listed as unavailable; other unavailable outputs are not', () => {
    const low = xize('run', `${FIX}/child`, '--case', OK, '--id', 'low-wage');
    expect(low.code).toBe(0);
    expect(low.out).toContain('不可用（缺少可选输入）/ unavailable');
    expect(low.out).toMatch(/✓ 丧葬费\s+缺少 \/ missing: 死亡日期/);
    const over = xize('run', `${FIX}/child`, '--case', OK, '--id', 'override');
    expect(over.code).toBe(0);
    expect(outputLines(over.out)).toEqual(['本人工资', '补助金']);
    expect(over.out).not.toContain('不可用（缺少可选输入）');
    expect(over.out).not.toContain('丧葬费');
    expect(over.out).toContain('另有 1 项输出未显示');
  });

  it('default without expectations: every computed output, the unavailable ones only counted', () => {
    const s = xize('run', `${FIX}/child`, '--case', `${FIX}/child/single-case.yaml`);
    expect(s.code).toBe(0);
    expect(outputLines(s.out)).toEqual(['本人工资', '补助金']);
    expect(s.out).not.toContain('丧葬费');
    expect(s.out).toContain('另有 1 项输出不可用');
  });

  it('--all: every output and the whole unavailable list, no note', () => {
    const r = xize('run', `${FIX}/child`, '--case', OK, '--id', 'override', '--all');
    expect(r.code).toBe(0);
    expect(outputLines(r.out)).toEqual(['本人工资', '补助金']);
    expect(r.out).toContain('不可用（缺少可选输入）/ unavailable');
    expect(r.out).toMatch(/丧葬费\s+缺少 \/ missing: 死亡日期/);
    expect(r.out).not.toContain('未显示');
  });

  it('--outputs: computes and shows only those (in that order); only their expectations are compared', () => {
    const r = xize('run', `${FIX}/child`, '--case', OK, '--id', 'low-wage', '--outputs', '补助金');
    expect(r.code).toBe(0);
    expect(outputLines(r.out)).toEqual(['补助金']);
    expect(r.out).not.toContain('丧葬费');
    expect(r.out).toContain('另有 2 项输出未显示');
    const two = xize('run', `${FIX}/child`, '--case', OK, '--id', 'low-wage', '--outputs', '补助金，本人工资');
    expect(outputLines(two.out)).toEqual(['补助金', '本人工资']);
    // wrong-value expects 本人工资 3601 (wrong) and 补助金 43200 (right)
    const fail = `${FIX}/child/failing.cases.yaml`;
    expect(xize('run', `${FIX}/child`, '--case', fail, '--id', 'wrong-value', '--outputs', '补助金').code).toBe(0);
    expect(xize('run', `${FIX}/child`, '--case', fail, '--id', 'wrong-value', '--outputs', '本人工资').code).toBe(1);
    // the outcome holds only the picked outputs (EvaluateOptions.outputs)
    const j = xize('run', `${FIX}/child`, '--case', OK, '--id', 'override', '--outputs', '补助金', '--json');
    expect(j.code).toBe(0);
    expect(Object.keys(JSON.parse(j.out).outcome.outputs)).toEqual(['补助金']);
  });

  it('--outputs with an unknown name: bilingual usage error with a suggestion, exit 2', () => {
    const r = xize('run', `${FIX}/child`, '--case', OK, '--id', 'low-wage', '--outputs', '补助金,本人工次');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('政策没有输出 “本人工次”（是否想写“本人工资”？）');
    expect(r.err).toContain(`the policy has no output '本人工次' (did you mean '本人工资'?)`);
    expect(xize('run', `${FIX}/child`, '--case', OK, '--outputs', '完全无关').code).toBe(2);
    expect(xize('run', `${FIX}/child`, '--case', OK, '--outputs', ',').code).toBe(2);
    const both = xize('run', `${FIX}/child`, '--case', OK, '--outputs', '补助金', '--all');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--outputs and --all cannot be combined');
  });
});

describe('xize run --explain', () => {
  it('trees of the shown outputs only; a param with its at-date, version and policy; a table with its key', () => {
    const r = xize('run', `${FIX}/child`, '--case', OK, '--id', 'old-average', '--outputs', '补助金', '--explain');
    expect(r.code).toBe(0);
    const tree = r.out.slice(r.out.indexOf('推导 / explanation'));
    expect(tree).toContain('规则 补助金 = 160,000.00元  〔基线第五条〕  层 / layer 测试基线');
    expect(tree).toMatch(/├─ 规则 本人工资 = 8,000\.00元/);
    expect(tree).toMatch(/│  ├─ 参数 平均工资 = 5,000\.00元\s+取值日期 2023-05-01 · 版本起始 2021-01-01 · 层 测试省 〔基线第一条〕/);
    expect(tree).toMatch(/└─ 表 月数\[甲\] = 20\s+取值日期 2023-05-01 · 版本起始 — · 层 测试基线 〔基线第三条〕/);
    expect(tree).toContain('输入 月工资 = 8,000.00元');
    expect(tree).not.toContain('丧葬费');
  });

  it('a subtree printed above is referenced by name, not repeated', () => {
    const r = xize('run', `${FIX}/child`, '--case', OK, '--id', 'low-wage', '--outputs', '补助金,本人工资', '--explain');
    expect(r.code).toBe(0);
    const tree = r.out.slice(r.out.indexOf('推导 / explanation'));
    expect(tree).toMatch(/^规则 本人工资 = 3,600\.00元  （见上 \/ see above）$/m);
    expect(tree.match(/参数 平均工资/g)).toHaveLength(1);
    expect(tree.match(/参数 保底比例/g)).toHaveLength(1);
  });

  it('the national disability case: expected outputs only, the wage params taken at the injury date', () => {
    const r = xize(
      'run', 'provinces/national', '--case', 'provinces/national/cases/benefits-disability.cases.yaml',
      '--id', 'dis-grade5-floor', '--explain',
    );
    expect(r.code).toBe(0);
    expect(outputLines(r.out)).toEqual([
      '本人工资', '一次性伤残补助金月数', '一次性伤残补助金', '伤残津贴计算额',
      '伤残津贴最低工资补差', '伤残津贴', '伤残津贴支付主体', '伤残长期待遇起发月',
    ]);
    expect(r.out).toMatch(/另有 \d+ 项输出未显示/);
    expect(r.out).not.toContain('不可用（缺少可选输入）');
    expect(r.out).toMatch(/参数 统筹地区上年度职工月平均工资 = 8,000\.00元\s+取值日期 2023-03-10 · 版本起始 — · 案例覆盖/);
    expect(r.out).toMatch(/表 伤残补助金月数\[五级\] = 18\s+取值日期 2023-03-10 · 版本起始 2011-01-01 · 层 全国/);
    expect(r.out).toMatch(/规则 本人工资 = 4,800\.00元  （见上 \/ see above）/);
    expect(r.out.match(/参数 本人工资保底比例/g)).toHaveLength(1);
  });
});
