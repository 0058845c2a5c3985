// xize diff: two small policy folders in a scratch dir, exit codes, text and JSON output.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
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
    expected: { 补助: "600" }
  - id: k2021
    as_of: 2021-03-01
    input: { 工资: "1000" }
    expected: { 补助: "600" }
`;

const dir = scratchDir('cli-diff');
const rel = (p: string) => relative(ROOT, p);
function folder(name: string, text: string, cases = true): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'policy.xize'), text);
  if (cases) writeFileSync(join(d, 'k.cases.yaml'), CASES);
  return rel(d);
}
const oldDir = folder('old', POLICY(''));
const newDir = folder('new', POLICY('  自 2025-01-01: 65% 依据 "某通知"\n'));
const sameDir = folder('same', POLICY(''));

describe('xize diff', () => {
  it('exit 0 when identical', () => {
    const r = xize('diff', oldDir, sameDir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('相同 / the policies are identical');
  });

  it('exit 1 and names the changed parameter with its date and the moved case', () => {
    const r = xize('diff', oldDir, newDir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('参数 / parameters');
    expect(r.out).toContain('比例');
    expect(r.out).toContain('自 2025-01-01');
    expect(r.out).toContain('60% → 65%');
    expect(r.out).toContain('某通知');
    expect(r.out).toContain('受影响的案例 / cases whose outcomes move: 1 / 2');
    expect(r.out).toContain('k2025');
    expect(r.out).not.toContain('k2021');
    expect(r.out).toMatch(/补助.*600\.00元 → 650\.00元/);
  });

  it('--json gives changes and outcomes', () => {
    const r = xize('diff', oldDir, newDir, '--json', '--cases', join(newDir, 'k.cases.yaml'));
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.identical).toBe(false);
    expect(j.changes).toEqual([
      expect.objectContaining({ kind: 'param', name: '比例', status: 'changed', since: '2025-01-01', details: [expect.objectContaining({ what: 'value', from: '2025-01-01', old: '60%', new: '65%', newCite: '某通知' })] }),
    ]);
    expect(j.outcomes.cases).toBe(2);
    expect(j.outcomes.moved).toEqual([expect.objectContaining({ id: 'k2025', outputs: [expect.objectContaining({ name: '补助', movement: 'changed', old: { state: 'value', value: '600.00', display: '600.00元' }, new: { state: 'value', value: '650.00', display: '650.00元' } })] })]);
  });

  it('usage errors exit 2, unreadable folders exit 3, --help exits 0', () => {
    expect(xize('diff', oldDir).code).toBe(2);
    expect(xize('diff', oldDir, newDir, '--bogus').code).toBe(2);
    expect(xize('diff', oldDir, join(dir, 'missing')).code).toBe(3);
    const h = xize('diff', '--help');
    expect(h.code).toBe(0);
    expect(h.out).toContain('xize diff');
  });
});
