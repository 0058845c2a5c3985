// The package an embedder gets: `npm pack` (prepack builds dist/), installed offline into a
// fresh folder outside the repository, then plain `node` (no tsx, no TypeScript) runs the
// packed CLI and evaluates a compiled province module from an ES module host, a CommonJS host
// and an esbuild bundle. The expected figures are worked out by hand below.
//
// Offline on a clean clone: the tarball is installed with `npm install --offline` from the npm
// cache `npm ci` filled; when npm cannot do that without the registry, the tarball is unpacked
// as node_modules/xize and each of its dependencies linked from the checkout's node_modules (the
// versions package-lock.json pinned), with the .bin link npm would make.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { outsideScratchDir, ROOT } from '../support/scratch.ts';
import { VERSION } from '../../cli/version.ts';

const TMP = outsideScratchDir('pack');
const APP = join(TMP, 'app');

// the packed CLI keeps its caches (parse results, V8 code) here, not in the user's ~/.cache
const CACHE = join(TMP, 'cache');
const ENV = { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', XIZE_CACHE_DIR: CACHE };

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = ENV) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 300_000, env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} → ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}
const node = (args: string[], env?: NodeJS.ProcessEnv) => sh(process.execPath, args, APP, env);

/** npm install of the tarball without the registry, else unpack + link (see the top). */
function installOffline(tarball: string): 'npm' | 'linked' {
  // XIZE_PACK_INSTALL=link skips npm (to exercise the fallback)
  const npm = process.env.XIZE_PACK_INSTALL === 'link' ? { status: -1 } : spawnSync('npm', ['install', '--offline', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: APP, encoding: 'utf8', timeout: 120_000, env: ENV });
  if (npm.status === 0 && existsSync(join(APP, 'node_modules/xize/package.json'))) return 'npm';
  const nm = join(APP, 'node_modules');
  mkdirSync(join(nm, 'xize'), { recursive: true });
  sh('tar', ['-xzf', tarball, '-C', join(nm, 'xize'), '--strip-components=1'], APP);
  const pkg = JSON.parse(readFileSync(join(nm, 'xize/package.json'), 'utf8')) as { dependencies?: Record<string, string>; bin?: Record<string, string> };
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    const target = join(ROOT, 'node_modules', dep);
    if (!existsSync(target)) throw new Error(`offline install: ${dep} is not in the checkout's node_modules (run npm ci)`);
    mkdirSync(join(nm, dep, '..'), { recursive: true });
    if (!existsSync(join(nm, dep))) symlinkSync(target, join(nm, dep), 'dir');
  }
  mkdirSync(join(nm, '.bin'), { recursive: true });
  for (const [name, file] of Object.entries(pkg.bin ?? {})) symlinkSync(join('..', 'xize', file), join(nm, '.bin', name));
  return 'linked';
}

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
  // npm's --offline refuses packuments cached under another Accept header, so the fallback is real
  console.info(`packed package installed by: ${installOffline(join(TMP, tarball))}`);
}, 600_000);

describe('the packed package, from plain node', () => {
  it('ships built JS and declarations only, and the bin runs without tsx', () => {
    const pkg = JSON.parse(readFileSync(join(APP, 'node_modules/xize/package.json'), 'utf8'));
    expect(pkg.version).toBe(VERSION);
    const files = sh('find', ['.', '-type', 'f'], join(APP, 'node_modules/xize')).split('\n').filter(Boolean);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files).toContain('./dist/cli/xize.cjs');
    expect(files).toContain('./dist/cli/main.cjs');
    expect(readdirSync(join(APP, 'node_modules')).filter((d) => ['tsx', 'typescript', 'chinese-days', 'holiday-calendar'].includes(d))).toEqual([]);
    expect(node(['node_modules/xize/dist/cli/xize.cjs', '--version'])).toBe(`xize ${VERSION}\n`);
    expect(node(['node_modules/.bin/xize', '-v'])).toBe(`xize ${VERSION}\n`);
  });

  it('the launcher keeps V8 code cache data under the cache folder, and XIZE_CACHE=0 keeps none', () => {
    sh('cp', ['-r', join(ROOT, 'provinces/national'), join(APP, 'v8check')], ROOT);
    const want = '✓ 政策 全国：无错误 / no errors\n';
    const v8 = join(CACHE, 'v8');
    // the first run compiles and writes the cache (Node's own compile cache on Node ≥ 22.1), the second reads it
    expect(node(['node_modules/.bin/xize', 'check', 'v8check'])).toBe(want);
    expect(readdirSync(v8).length).toBeGreaterThan(0);
    expect(node(['node_modules/.bin/xize', 'check', 'v8check'])).toBe(want);
    const off = join(TMP, 'cache-off');
    expect(node(['node_modules/.bin/xize', 'check', 'v8check'], { ...ENV, XIZE_CACHE_DIR: off, XIZE_CACHE: '0' })).toBe(want);
    expect(existsSync(off)).toBe(false);
    // DuckDB (a native addon) is loaded by population and SQL bundle runs only, not at every start
    writeFileSync(join(APP, 'no-duckdb.cjs'), `const M = require('node:module'); const load = M._load;\nM._load = function (id, ...rest) { if (id === '@duckdb/node-api') throw new Error('DuckDB loaded'); return load.call(this, id, ...rest); };\n`);
    expect(node(['-r', './no-duckdb.cjs', 'node_modules/.bin/xize', 'check', 'v8check'])).toBe(want);
    // an entry that is not V8 data is refused and written anew, never run
    for (const f of readdirSync(v8)) if (f.endsWith('.bin')) writeFileSync(join(v8, f), 'not V8 data');
    expect(node(['node_modules/.bin/xize', 'check', 'v8check'])).toBe(want);
    expect(node(['node_modules/.bin/xize', 'check', 'v8check'])).toBe(want);
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
