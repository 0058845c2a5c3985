// `npm run build`: the package for embedders, in dist/ (not committed).
//
//   dist/esm/compiler.js   `xize` and `xize/compiler` (ESM)
//   dist/esm/runtime.js    `xize/runtime` for ES module hosts and bundlers
//   dist/cjs/runtime.cjs   `xize/runtime` for CommonJS hosts (require)
//   dist/cli/xize.cjs      the `xize` command (package "bin"): a launcher run by plain node, no tsx
//   dist/cli/main.cjs      the CLI it loads (one CommonJS bundle)
//   dist/types/…           .d.ts by the TypeScript compiler (declarations only)
//
// esbuild bundles each entry (shared code in chunks, so `xize` and `xize/runtime` are one
// runtime); npm dependencies stay external imports, except the State Council holiday data of
// chinese-days, which the runtime inlines (37 KB of JSON) so the package does not depend on it.
// The launcher answers `xize --version` without loading the CLI bundle.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {});

rmSync(dist, { recursive: true, force: true });

function buildId() {
  const h = createHash('sha256').update(pkg.version);
  for (const dir of ['dsl', 'compiler', 'runtime']) {
    for (const f of [...walk(join(root, dir))].sort()) {
      if (f.endsWith('.ts')) h.update(f.slice(root.length)).update(readFileSync(f));
    }
  }
  h.update(readFileSync(join(root, 'package-lock.json')));
  return h.digest('hex').slice(0, 16);
}

// The CommonJS builds load ajv on first use (runtime/ajvClass.lazy.ts); ES modules import it.
const lazyAjv = {
  name: 'lazy-ajv',
  setup(b) {
    b.onResolve({ filter: /[/\\]ajvClass\.ts$/ }, () => ({ path: join(root, 'runtime/ajvClass.lazy.ts') }));
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  external,
  legalComments: 'none',
  logLevel: 'warning',
  // dsl/grammar/expressions.ts: skip chevrotain's grammar validations (the tests run them)
  // __XIZE_BUILD_ID__ keys the CLI's cache (cli/astCache.ts): a hash of every source file of the
  // compiler and runtime, so a changed compiler never reads an old entry
  define: { __XIZE_BUILT__: 'true', __XIZE_BUILD_ID__: JSON.stringify(buildId()) },
};

await build({
  ...common,
  entryPoints: { compiler: 'compiler/index.ts', runtime: 'runtime/index.ts' },
  outdir: join(dist, 'esm'),
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

// The CLI is a program, not a library: one CommonJS file with its dependencies bundled in
// (dist/cli/main.cjs), so starting it reads and compiles one file, resolves no module files of
// chevrotain's lodash-es, and V8's code cache can skip the compiling (cli/launch.ts). ES module
// chunks cannot use vm.Script's code cache on Node 20, and linking them cost more than the work.
await build({
  ...common,
  external: ['@duckdb/node-api'], // a native addon: loaded from node_modules at run time, only by population runs
  entryPoints: { main: 'cli/main.ts' },
  outdir: join(dist, 'cli'),
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  plugins: [lazyAjv],
  minify: true,
  // cli/main.ts asks whether it is the entry module (it is not: the launcher is)
  define: { ...common.define, 'import.meta.url': '__xizeImportMetaUrl' },
  banner: { js: "var __xizeImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
const cliBundle = readFileSync(join(dist, 'cli/main.cjs'), 'utf8');
// the launcher runs the bundle with vm.Script, which has no dynamic import() of ES modules
if (/\bimport\(/.test(cliBundle)) throw new Error('dist/cli/main.cjs contains import(): the launcher cannot run it');
// The bin: a small launcher (answers --version alone), keyed to this bundle's text for the code cache.
await build({
  ...common,
  entryPoints: { xize: 'cli/launch.ts' },
  outdir: join(dist, 'cli'),
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  define: { ...common.define, __XIZE_CLI_HASH__: JSON.stringify(createHash('sha256').update(cliBundle).digest('hex').slice(0, 16)) },
});
chmodSync(join(dist, 'cli/xize.cjs'), 0o755);

await build({
  ...common,
  entryPoints: { runtime: 'runtime/index.ts' },
  outdir: join(dist, 'cjs'),
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  plugins: [lazyAjv],
});

// Declarations: tsc (TypeScript 7 emits them natively), then `.ts` specifiers → `.js`.
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
const types = join(dist, 'types');
for (const file of walk(types)) {
  if (!file.endsWith('.d.ts')) continue;
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace(/(from\s+|import\(\s*)(['"])(\.{1,2}\/[^'"]*?)\.ts\2/g, '$1$2$3.js$2');
  if (fixed !== text) writeFileSync(file, fixed);
}
// CommonJS consumers get the same declarations as .d.cts (TypeScript reads a .d.ts of this
// "type": "module" package as ESM), with specifiers .js → .cjs.
for (const file of [...walk(types)]) {
  if (!file.endsWith('.d.ts')) continue;
  const text = readFileSync(file, 'utf8').replace(/(from\s+|import\(\s*)(['"])(\.{1,2}\/[^'"]*?)\.js\2/g, '$1$2$3.cjs$2');
  writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), text);
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}
