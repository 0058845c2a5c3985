// xize diff --population: two small policies (a rate raised from 2025-01-01) over a six-record
// population; every figure below is worked out by hand from the policy text.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, scratchDir, xize } from '../support/scratch.ts';

const POLICY = (ratio: string) => `政策 样例 生效 2020-01-01 舍入 四舍五入 到 分
输入 {
  工资: 金额
}
参数 比例: 比率 依据 "第一条" {
  自 2020-01-01: 60%
${ratio}}
规则 补助: 金额 依据 "第二条" = 工资 × 比例
`;
const CASES = `policy: 样例
cases:
  - id: k2025
    as_of: 2025-03-01
    input: { 工资: "1000" }
    expected: { 补助: "600" }   # 1000 × 60%, the old rate: fails once the rate is 65 %
`;
const POPULATION = [
  { 编号: 'a', 工资: '1000' }, // 600.00 → 650.00 (+50.00)
  { 编号: 'b', 工资: '2000.10' }, // 1200.06 → 1300.065 rounded half-up 1300.07 (+100.01)
  { 编号: 'c', 工资: '100000' }, // 60000.00 → 65000.00 (+5000.00)
  { 编号: 'd' }, // 工资 missing: rejected on both sides
  { 编号: 'e', 工资: 'abc' }, // not money: rejected on both sides
  { 编号: 'f', 工资: '0' }, // 0 → 0, not affected
].map((r) => JSON.stringify(r)).join('\n');

const dir = scratchDir('cli-diff-population');
const rel = (p: string) => relative(ROOT, p);
function folder(name: string, text: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'policy.xize'), text);
  writeFileSync(join(d, 'k.cases.yaml'), CASES);
  return rel(d);
}
const oldDir = folder('old', POLICY(''));
const newDir = folder('new', POLICY('  自 2025-01-01: 65% 依据 "某通知"\n'));
const pop = join(dir, 'people.ndjson');
writeFileSync(pop, POPULATION);

function expectTotals(j: { result: { records: number; rejected: { old: { count: number }[]; new: { count: number }[] }; outputs: unknown[] } }) {
  expect(j.result.records).toBe(6);
  expect(j.result.rejected.old.reduce((s, x) => s + x.count, 0)).toBe(2);
  expect(j.result.rejected.new.reduce((s, x) => s + x.count, 0)).toBe(2);
  expect(j.result.outputs).toEqual([expect.objectContaining({
    name: '补助', type: 'money', oldCount: 4, newCount: 4,
    oldSum: '61800.06', newSum: '66950.07', difference: '5150.01', // 600 + 1200.06 + 60000 + 0; 650 + 1300.07 + 65000 + 0
    affected: 3, increased: 3, decreased: 0, appeared: 0, vanished: 0,
    largestIncreases: [
      { id: 'c', old: '60000.00', new: '65000.00', difference: '5000' },
      { id: 'b', old: '1200.06', new: '1300.07', difference: '100.01' },
      { id: 'a', old: '600.00', new: '650.00', difference: '50' },
    ],
    largestDecreases: [],
  })]);
}

describe('xize diff --population', () => {
  it('two policies: sums, affected records, largest moves, and the golden case that now fails', () => {
    const html = join(dir, 'report.html');
    const r = xize('diff', oldDir, newDir, '--population', rel(pop), '--as-of', '2025-03-01', '--id', '编号', '--json', '--html', rel(html));
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.kind).toBe('xize-population-diff');
    expectTotals(j);
    expect(j.changes).toEqual([expect.objectContaining({ kind: 'param', name: '比例', since: '2025-01-01' })]);
    expect(j.cases.moved).toEqual([expect.objectContaining({ id: 'k2025', outputs: [expect.objectContaining({ name: '补助', expected: true, expectation: { old: true, new: false } })] })]);
    const h = readFileSync(html, 'utf8');
    expect(h).toContain('66,950.07元');
    expect(h).toContain('+5,150.01元');
    expect(h).toContain('Population diff report');
    expect(h).toContain('不符预期 expectation fails');
    expect(h).not.toMatch(/<script|<link|https?:|src=/); // standalone: no script, no external asset
  });

  it('one policy at two as-of dates, text report', () => {
    const r = xize('diff', newDir, newDir, '--population', rel(pop), '--old-as-of', '2024-12-31', '--new-as-of', '2025-01-01', '--id', '编号');
    expect(r.code).toBe(1);
    expect(r.out).toContain('61,800.06元 → 66,950.07元');
    expect(r.out).toContain('差额 difference +5,150.01元');
    expect(r.out).toContain('c  60,000.00元 → 65,000.00元  (+5,000.00元)');
    expect(r.out).toContain('不重新求值');
    const j = JSON.parse(xize('diff', newDir, newDir, '--population', rel(pop), '--old-as-of', '2024-12-31', '--new-as-of', '2025-01-01', '--id', '编号', '--json').out);
    expectTotals(j);
    expect(j.cases).toBeUndefined();
  });

  it('no change: exit 0; without --id records are named by row', () => {
    const r = xize('diff', oldDir, oldDir, '--population', rel(pop), '--as-of', '2025-03-01', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).result.outputs[0]).toMatchObject({ affected: 0, difference: '0' });
    const moved = JSON.parse(xize('diff', oldDir, newDir, '--population', rel(pop), '--as-of', '2025-03-01', '--json', '--top', '1').out);
    expect(moved.result.outputs[0].largestIncreases).toEqual([{ id: '#3', old: '60000.00', new: '65000.00', difference: '5000' }]);
  });

  it('a git revision as the old side', () => {
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'policies', 'p'), { recursive: true });
    const git = (...a: string[]) => spawnSync('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...a], { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    writeFileSync(join(repo, 'policies', 'p', 'policy.xize'), POLICY(''));
    git('add', '.');
    git('commit', '-qm', 'old');
    writeFileSync(join(repo, 'policies', 'p', 'policy.xize'), POLICY('  自 2025-01-01: 65% 依据 "某通知"\n'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli', 'main.ts'), 'diff', 'git:HEAD:policies/p', 'policies/p', '--population', pop, '--as-of', '2025-03-01', '--id', '编号', '--json'], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j.old.label).toBe('git:HEAD:policies/p');
    expect(j.old.commit).toMatch(/^[0-9a-f]{40}$/);
    expectTotals(j);
  });

  it('usage and input errors', () => {
    expect(xize('diff', oldDir, newDir, '--population', rel(pop)).code).toBe(2); // no --as-of
    expect(xize('diff', oldDir, newDir, '--population', rel(pop), '--as-of', '2025-03-01', '--top', 'x').code).toBe(2);
    expect(xize('diff', 'git:--upload-pack=x:p', newDir, '--population', rel(pop), '--as-of', '2025-03-01').code).toBe(3);
    const r = xize('diff', oldDir, newDir, '--population', rel(pop), '--as-of', '2025-03-01', '--outputs', '没有');
    expect(r.code).toBe(3);
    expect(r.err).toContain('neither policy has an output');
  });
});
