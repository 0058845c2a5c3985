// Issue 11 item 9: every file the CLI writes is checked first and written atomically
// (cli/safeWrite.ts). Before the fix `test --out` overwrote a .xize source, `test --out <dir>`
// was an internal error with a stack trace, and `compile -o /proc/self/x` spun at 100 % CPU.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../../cli/messages.ts';
import { checkOutputFile, writeFilesAtomic } from '../../cli/safeWrite.ts';
import { ROOT, scratchDir, xize } from '../support/scratch.ts';

const TMP = scratchDir('write-safety');

function tree(name: string): string {
  const dir = join(TMP, name);
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/cli/base'), join(dir, 'base'), { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/cli/child'), join(dir, 'child'), { recursive: true });
  return dir;
}

/** Every file under `dir` with its contents: what a refused command must leave unchanged. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out[p] = readFileSync(p, 'utf8');
      else out[p] = `<${e.isFIFO() ? 'fifo' : 'special'}>`;
    }
  };
  walk(dir);
  return out;
}

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof CliError ? e.code : `not a CliError: ${String(e)}`;
  }
  return undefined;
};

describe('output targets are checked before anything is written', () => {
  const dir = tree('unit');
  const child = join(dir, 'child');
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  writeFileSync(join(dir, 'input.yaml'), 'cases: []\n');

  it('refuses folders, devices, FIFOs, /proc and /sys, sources, case files and inputs', () => {
    expect(codeOf(() => checkOutputFile(dir))).toBe('XF001');
    expect(codeOf(() => checkOutputFile(`${join(dir, 'new')}/`))).toBe('XF001');
    expect(codeOf(() => checkOutputFile('/dev/null'))).toBe('XF002');
    expect(codeOf(() => checkOutputFile(join(dir, 'fifo')))).toBe('XF002');
    expect(codeOf(() => checkOutputFile('/proc/self/x'))).toBe('XF002');
    expect(codeOf(() => checkOutputFile('/sys/kernel/x.json'))).toBe('XF002');
    expect(codeOf(() => checkOutputFile(join(child, 'policy.xize')))).toBe('XF003');
    expect(codeOf(() => checkOutputFile(join(child, 'new.xize')))).toBe('XF003'); // not even a new one
    expect(codeOf(() => checkOutputFile(join(child, 'failing.cases.yaml')))).toBe('XF003');
    expect(codeOf(() => checkOutputFile(join(child, 'x.cases.json')))).toBe('XF003');
    expect(codeOf(() => checkOutputFile(join(dir, 'input.yaml'), { inputs: [join(dir, 'input.yaml')] }))).toBe('XF004');
    expect(codeOf(() => checkOutputFile(join(child, 'policy.xize', 'report.json')))).toBe('XF005');
    expect(codeOf(() => checkOutputFile(join(dir, 'fresh', 'deeper', 'report.json')))).toBeUndefined();
  });

  it('writes all files or none, and leaves no temporary file behind', () => {
    const out = join(dir, 'out');
    const before = snapshot(dir);
    // the second target is refused: the first is not written either
    expect(codeOf(() => writeFilesAtomic([{ path: join(out, 'a.json'), text: '1' }, { path: join(child, 'policy.xize'), text: 'x' }]))).toBe('XF003');
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(out)).toBe(false); // no folder created either
    writeFilesAtomic([{ path: join(out, 'a.json'), text: '1' }, { path: join(out, 'b.json'), text: '2' }]);
    expect(readdirSync(out).sort()).toEqual(['a.json', 'b.json']);
    expect(readFileSync(join(out, 'b.json'), 'utf8')).toBe('2');
  });
});

describe('the CLI refuses unsafe outputs with a coded, bilingual usage error', () => {
  const dir = tree('cli');
  const child = join(dir, 'child');
  execFileSync('mkfifo', [join(dir, 'fifo')]);

  const refused = (code: string, ...args: string[]) => {
    const before = snapshot(dir);
    const r = xize(...args);
    expect(r.code, `${args.join(' ')}\n${r.err}`).toBe(2);
    expect(r.err).toContain(`错误 ${code}：`);
    expect(r.err).toContain(`error ${code}: `);
    expect(r.err).toContain('提示 / hint: ');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(snapshot(dir)).toEqual(before); // nothing written, nothing half-written
  };

  it('test --out: a policy source, a case file, a folder, a FIFO, a case file given as input', () => {
    refused('XF003', 'test', child, '--out', join(child, 'policy.xize'));
    refused('XF003', 'test', child, '--out', join(child, 'failing.cases.yaml'));
    refused('XF001', 'test', child, '--out', dir);
    refused('XF002', 'test', child, '--out', join(dir, 'fifo'));
    refused('XF004', 'test', join(child, 'single-case.yaml'), '--out', join(child, 'single-case.yaml'));
  });

  it('compile -o: /proc ends at once, a file is no folder', () => {
    const t0 = performance.now();
    refused('XF002', 'compile', child, '-o', '/proc/self/x');
    expect(performance.now() - t0).toBeLessThan(30_000); // spun forever before (spawn included)
    refused('XF005', 'compile', child, '-o', join(child, 'policy.xize'));
  });

  it('a good target is written whole, with no temporary file beside it', () => {
    const report = join(dir, 'reports', 'r.json');
    const r = xize('test', child, '--reporter', 'json', '--out', report);
    expect(r.code).toBe(1); // the fixture has a failing case
    expect(JSON.parse(readFileSync(report, 'utf8')).summary.files).toBe(3);
    expect(readdirSync(join(dir, 'reports'))).toEqual(['r.json']);
  });
});

describe('population outputs', () => {
  const dir = join(TMP, 'population');
  mkdirSync(join(dir, 'p'), { recursive: true });
  writeFileSync(join(dir, 'p', 'policy.xize'), `政策 样例 生效 2020-01-01 舍入 四舍五入 到 分
输入 {
  工资: 金额
}
参数 比例: 比率 = 60% 依据 "第一条"
规则 补助: 金额 依据 "第二条" = 工资 × 比例
`);
  const pop = join(dir, 'pop.ndjson');
  writeFileSync(pop, `${JSON.stringify({ 编号: 'a', 工资: '1000' })}\n${JSON.stringify({ 编号: 'b', 工资: '2000.10' })}\n`);
  writeFileSync(join(dir, 'bad.json'), '{ not json');
  const p = join(dir, 'p');
  const base = ['run', p, '--population', pop, '--as-of', '2025-03-01', '--id', '编号'];

  it('--out is checked before the run and written whole; user errors are coded, never a stack trace', () => {
    const before = snapshot(dir);
    for (const [code, exit, args] of [
      ['XF004', 2, [...base, '--out', pop]],
      ['XF003', 2, [...base, '--out', join(p, 'policy.xize')]],
      ['XF001', 2, [...base, '--out', dir]],
      ['XF010', 3, ['run', p, '--population', join(dir, 'missing.ndjson'), '--as-of', '2025-03-01']],
      ['XF010', 3, [...base, '--parameters', join(dir, 'bad.json')]],
      ['XF001', 2, ['diff', p, p, '--population', pop, '--old-as-of', '2024-01-01', '--new-as-of', '2025-03-01', '--html', dir]],
    ] as const) {
      const r = xize(...args);
      expect(r.code, `${args.join(' ')}\n${r.err}`).toBe(exit);
      expect(r.err).toContain(`error ${code}: `);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(snapshot(dir)).toEqual(before);
    const r = xize(...base, '--out', join(dir, 'out', 'res.csv'));
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toEqual(['res.csv']); // no temporary file left
    const csv = readFileSync(join(dir, 'out', 'res.csv'), 'utf8');
    expect(csv).toContain('600.00'); // 1000 × 60%
    expect(csv).toContain('1200.06'); // 2000.10 × 60% = 1200.06
  });
});
