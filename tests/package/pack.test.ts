// The package an embedder gets: `npm pack` (prepack builds dist/), installed offline into a
// fresh folder outside the repository, then plain `node` (no tsx, no TypeScript) runs the
// packed CLI and evaluates a compiled province module from an ES module host, a CommonJS host
// and an esbuild bundle. The expected figures are worked out by hand below.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { outsideScratchDir, ROOT } from '../support/scratch.ts';
import { VERSION } from '../../cli/version.ts';

const TMP = outsideScratchDir('pack');
const APP = join(TMP, 'app');

function sh(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 300_000, env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} → ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}
const node = (args: string[]) => sh(process.execPath, args, APP);

// 浙江, a case on the national disability rules: 月缴费工资 6000.00 inside [60 %, 300 %] of the
// average 8000 (4800–24000) → 本人工资 6000.00 (条例第六十四条); 五级 → 18 months
// (条例第三十七条) → 一次性伤残补助金 = 6000.00 × 18 = 108000.00.
const HOST_CASE = `{ 受伤日期: '2024-03-01', 月缴费工资: '6000.00', 伤残等级: '五级' }`;
const HOST_OPTS = `{ asOf: '2024-06-01', parameters: { 统筹地区上年度职工月平均工资: '8000' }, outputs: ['本人工资', '一次性伤残补助金'] }`;
const print = `JSON.stringify({ ok: o.ok, errors: o.errors, inputErrors: o.inputErrors, wage: o.outputs['本人工资']?.value, lump: o.outputs['一次性伤残补助金']?.value })`;

beforeAll(() => {
  sh('npm', ['pack', '--pack-destination', TMP, '--silent'], ROOT);
  const tarball = readdirSync(TMP).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  sh('mkdir', ['-p', APP], TMP);
  writeFileSync(join(APP, 'package.json'), JSON.stringify({ name: 'host', private: true, type: 'module' }));
  // the tarball's dependencies come from the npm cache that `npm ci` filled (--prefer-offline: the
  // registry is asked only for what the cache lacks; npm's --offline refuses packuments cached
  // under another Accept header, so it cannot be relied on)
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(TMP, tarball)], APP);
}, 600_000);

describe('the packed package, from plain node', () => {
  it('ships built JS and declarations only, and the bin runs without tsx', () => {
    const pkg = JSON.parse(readFileSync(join(APP, 'node_modules/xize/package.json'), 'utf8'));
    expect(pkg.version).toBe(VERSION);
    const files = sh('find', ['.', '-type', 'f'], join(APP, 'node_modules/xize')).split('\n').filter(Boolean);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files).toContain('./dist/cli/cli.js');
    expect(readdirSync(join(APP, 'node_modules')).filter((d) => ['tsx', 'typescript', 'chinese-days', 'holiday-calendar'].includes(d))).toEqual([]);
    expect(node(['node_modules/xize/dist/cli/cli.js', '--version'])).toBe(`xize ${VERSION}\n`);
  });

  it('compiles a province with the packed CLI and evaluates it from ESM, CommonJS and a bundle', async () => {
    // a copy of the policies outside the repository: zhejiang extends national (sibling folder)
    sh('cp', ['-r', join(ROOT, 'provinces/national'), join(ROOT, 'provinces/zhejiang'), APP], ROOT);
    node(['node_modules/.bin/xize', 'compile', 'zhejiang', '-o', 'out']);
    const esm = readFileSync(join(APP, 'out/zhejiang.js'), 'utf8');
    expect(esm).toContain('import * as rt from "xize/runtime";');
    expect(esm).not.toMatch(/from "\.{1,2}\//);

    writeFileSync(join(APP, 'host.mjs'), `import { evaluate, policyName } from './out/zhejiang.js';\nconst o = evaluate(${HOST_CASE}, ${HOST_OPTS});\nconsole.log(policyName, ${print});\n`);
    writeFileSync(join(APP, 'host.cjs'), `const { evaluate, policyName } = require('./out/zhejiang.cjs');\nconst o = evaluate(${HOST_CASE}, ${HOST_OPTS});\nconsole.log(policyName, ${print});\n`);
    const want = `浙江 ${JSON.stringify({ ok: true, errors: [], inputErrors: [], wage: '6000.00', lump: '108000.00' })}\n`;
    expect(node(['host.mjs'])).toBe(want);
    expect(node(['host.cjs'])).toBe(want);

    // a bundler resolves xize/runtime from the installed package; the bundle runs alone
    await build({ absWorkingDir: APP, entryPoints: ['host.mjs'], bundle: true, platform: 'node', format: 'esm', outfile: 'bundle/host.mjs', logLevel: 'error' });
    expect(node(['bundle/host.mjs'])).toBe(want);

    // the compiler API and the runtime by package name
    writeFileSync(
      join(APP, 'api.mjs'),
      `import { compilePolicy, loadPolicy } from 'xize';\nimport { dec } from 'xize/runtime';\nimport { createRequire } from 'node:module';\n` +
        `const rt = createRequire(import.meta.url)('xize/runtime');\n` +
        `console.log(typeof compilePolicy, typeof loadPolicy, dec('1.10').toFixed(2), typeof rt.evalSupport);\n`,
    );
    expect(node(['api.mjs'])).toBe('function function 1.10 object\n');
  });

  it('the declarations type the compiled module', () => {
    const dts = readFileSync(join(APP, 'out/zhejiang.d.ts'), 'utf8');
    expect(dts).toContain('import type * as rt from "xize/runtime";');
    expect(dts).toContain('export declare function evaluate(input: Input, options?: rt.EvaluateOptions): rt.Outcome<Outputs>;');
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    writeFileSync(
      join(APP, 'use.ts'),
      `import { evaluate, type Input } from './out/zhejiang.js';\nconst i: Input = ${HOST_CASE};\nexport const v: string | undefined = evaluate(i, { asOf: '2024-06-01' }).outputs.本人工资?.value;\n`,
    );
    const r = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', 'use.ts'], { cwd: APP, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
