// The `xize` CLI, spawned as a process (node --import tsx cli/main.ts …, what `npx tsx` does)
// on the fixture policies under tests/fixtures/cli: exit codes, reporters, --help.
import { describe, expect, it } from 'vitest';
import { ROOT, scratchDir, xize } from '../support/scratch.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const FIX = 'tests/fixtures/cli';
const TMP = scratchDir('cli');

describe('xize CLI', () => {
  it('--help for the tool and every command (exit 0), no command → usage (exit 2)', () => {
    const top = xize('--help');
    expect(top.code).toBe(0);
    expect(top.out).toContain('用法 / Usage: xize <命令 command>');
    for (const cmd of ['check', 'compile', 'run', 'test']) {
      const h = xize(cmd, '--help');
      expect(h.code, cmd).toBe(0);
      expect(h.out).toContain(`xize ${cmd}`);
      expect(h.out).toContain('退出码 / Exit codes');
    }
    expect(xize().code).toBe(2);
    expect(xize('frobnicate').code).toBe(2);
  });

  it('check: 0 on a clean policy (resolving the parent among sibling folders), 1 on errors, --json', () => {
    const ok = xize('check', `${FIX}/child`);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('测试省');
    const bad = xize('check', `${FIX}/broken`);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('XC021');
    expect(bad.out).toContain('policy.xize:3:');
    const json = xize('check', `${FIX}/broken`, '--json');
    expect(json.code).toBe(1);
    const diags = JSON.parse(json.out) as { code: string; severity: string; line: number }[];
    expect(diags.find((d) => d.code === 'XC021')).toMatchObject({ severity: 'error', line: 3 });
  });

  it('usage errors exit 2, unreadable input exits 3', () => {
    expect(xize('check').code).toBe(2);
    expect(xize('check', `${FIX}/child`, '--bogus').code).toBe(2);
    expect(xize('test', '--reporter', 'xml').code).toBe(2);
    expect(xize('run', `${FIX}/child`).code).toBe(2); // no --case
    expect(xize('run', `${FIX}/child`, '--case', `${FIX}/child/cases/ok.cases.yaml`, '--id', 'nope').code).toBe(2);
    expect(xize('check', `${FIX}/does-not-exist`).code).toBe(3);
    expect(xize('run', `${FIX}/child`, '--case', `${FIX}/missing.yaml`).code).toBe(3);
    expect(xize('test', `${FIX}/no-such-dir`).code).toBe(3);
  });

  it('run: outputs with names, values and citations; --explain tree; --json', () => {
    const r = xize('run', `${FIX}/child`, '--case', `${FIX}/child/cases/ok.cases.yaml`, '--id', 'low-wage', '--explain');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/本人工资\s+3,600\.00元\s+〔基线第四条〕/);
    expect(r.out).toContain('丧葬费');
    expect(r.out).toContain('缺少 / missing: 死亡日期');
    expect(r.out).toContain('工资过低');
    expect(r.out).toContain('推导 / explanation');
    expect(r.out).toMatch(/参数 平均工资 = 6,000\.00元\s+取值日期 2024-05-01 · 版本起始 2024-01-01 · 层 测试省/);
    expect(r.out).toMatch(/表 月数\[乙\] = 12 .*测试省/);
    const j = xize('run', `${FIX}/child`, '--case', `${FIX}/child/cases/ok.cases.yaml`, '--id', 'override', '--json');
    expect(j.code).toBe(0);
    const rec = JSON.parse(j.out);
    expect(rec.id).toBe('override');
    expect(rec.outcome.outputs['本人工资'].value).toBe('6000.00');
    expect(rec.result.pass).toBe(true);
    // a single-case file (no cases: list)
    const s = xize('run', `${FIX}/child`, '--case', `${FIX}/child/single-case.yaml`);
    expect(s.code).toBe(0);
    expect(s.out).toMatch(/补助金\s+72,000\.00元/);
    // a failing expectation exits 1 and is marked
    const f = xize('run', `${FIX}/child`, '--case', `${FIX}/child/failing.cases.yaml`, '--id', 'wrong-value');
    expect(f.code).toBe(1);
    expect(f.out).toContain('预期 / expected: 3,601.00元');
  });

  it('test: passing suites exit 0, failing ones exit 1 with expected vs actual', () => {
    const ok = xize('test', `${FIX}/child/cases`);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('通过 4，失败 0');
    const bad = xize('test', `${FIX}/child/failing.cases.yaml`);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('wrong-value');
    expect(bad.out).toMatch(/预期 \/ expected: 3,601\.00元/);
    expect(bad.out).toMatch(/实际 \/ actual:\s+3,600\.00元/);
    expect(bad.out).toContain('failing.cases.yaml:8');
    const suite = xize('test', `${FIX}/child/bad-suite.cases.yaml`);
    expect(suite.code).toBe(1);
    expect(suite.out).toContain('XT007');
  });

  it('test --reporter json: report shape', () => {
    const r = xize('test', `${FIX}/child/cases`, `${FIX}/child/failing.cases.yaml`, '--reporter', 'json');
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.out);
    expect(rep.summary).toMatchObject({ files: 2, cases: 6, passed: 5, failed: 1, suiteErrors: 0 });
    expect(rep.suites).toHaveLength(2);
    const failing = rep.suites.find((s: { file: string }) => s.file.endsWith('failing.cases.yaml'));
    expect(failing).toMatchObject({ policy: '测试省', pass: false });
    expect(failing.cases[0]).toMatchObject({
      id: 'wrong-value',
      pass: false,
      line: 3,
      failures: [{ name: '本人工资', line: 8, expected: '3,601.00元', actual: '3,600.00元', expectedValue: '3601.00', actualValue: '3600.00' }],
    });
  });

  it('test --reporter junit --out: well-formed XML written atomically', () => {
    const out = join(TMP, 'junit.xml');
    const r = xize('test', `${FIX}/child`, '--reporter', 'junit', '--out', out);
    expect(r.code).toBe(1); // the fixture folder holds a failing and a malformed suite
    const xml = readFileSync(out, 'utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(wellFormed(xml)).toBe(true);
    expect(xml).toMatch(/<testsuites name="xize" tests="\d+" failures="1" errors="\d+" skipped="\d+" time="[\d.]+" timestamp="\d{4}-\d\d-\d\dT[^"]+"/);
    expect(xml).toMatch(/<testsuite [^>]*hostname="[^"]+"/);
    expect(xml).toContain('<failure message="本人工资: expected 3,601.00元, actual 3,600.00元"');
    expect(xml).toContain('name="(suite)"');
    expect(readdirSync(TMP).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('compile: writes the JS modules, declarations and schema; the module runs', async () => {
    const out = join(TMP, 'gen');
    // by default the module imports the runtime by package name, never by a path into the checkout
    expect(xize('compile', `${FIX}/child`, '-o', out).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['child.cjs', 'child.d.cts', 'child.d.ts', 'child.js', 'child.schema.json']);
    expect(readFileSync(join(out, 'child.js'), 'utf8')).toContain('import * as rt from "xize/runtime";');
    expect(readFileSync(join(out, 'child.cjs'), 'utf8')).toContain('const rt = require("xize/runtime");');
    expect(readFileSync(join(out, 'child.d.ts'), 'utf8')).toContain('import type * as rt from "xize/runtime";');
    const schema = JSON.parse(readFileSync(join(out, 'child.schema.json'), 'utf8'));
    expect(schema.required).toEqual(['月工资', '等级']);
    // here (no built package) point the module at the runtime's source; --ts adds the TypeScript form
    const runtime = relative(out, join(ROOT, 'runtime', 'index.ts')).split('\\').join('/');
    const r = xize('compile', `${FIX}/child`, '-o', out, '--ts', '--runtime', runtime);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'child.ts'))).toBe(true);
    for (const file of ['child.js', 'child.ts']) {
      const mod = await import(pathToFileURL(join(out, file)).href);
      const o = mod.evaluate({ 月工资: '3000', 等级: '乙' }, { asOf: '2024-05-01' });
      expect(o.outputs['补助金'].value).toBe('43200.00');
    }
    expect(xize('compile', `${FIX}/broken`, '-o', out).code).toBe(1);
    expect(xize('compile', `${FIX}/child`).code).toBe(2); // no -o
  });
});

/** A small well-formedness check: balanced tags, quoted attributes, escaped text. */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const re = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"<&]*(?:&(?:amp|lt|gt|quot|apos);[^"<&]*)*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while ((m = re.exec(body)) !== null) {
    pos = re.lastIndex;
    if (m[5] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(m[5]) || m[5].includes('>')) return false;
      continue;
    }
    const [, close, name, , selfClose] = m;
    if (close) {
      if (stack.pop() !== name) return false;
    } else if (!selfClose) stack.push(name!);
  }
  return pos === body.length && stack.length === 0;
}
