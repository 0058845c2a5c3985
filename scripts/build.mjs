// `npm run build`: the package for embedders, in dist/ (not committed).
//
//   dist/esm/compiler.js   `xize` and `xize/compiler` (ESM)
//   dist/esm/runtime.js    `xize/runtime` for ES module hosts and bundlers
//   dist/cjs/runtime.cjs   `xize/runtime` for CommonJS hosts (require)
//   dist/esm/cli.js        the `xize` command (package "bin"), plain node, no tsx
//   dist/types/…           .d.ts by the TypeScript compiler (declarations only)
//
// esbuild bundles each entry (shared code in chunks, so `xize` and `xize/runtime` are one
// runtime); npm dependencies stay external imports, except the State Council holiday data of
// chinese-days, which the runtime inlines (37 KB of JSON) so the package does not depend on it.
// The CLI loads its commands lazily so `xize --version` does not load the compiler.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

// The CLI is a program, not a library: one file with its dependencies bundled in, so starting
// it does not resolve and load the hundreds of module files of chevrotain's lodash-es.
await build({
  ...common,
  external: ['@duckdb/node-api'], // a native addon: loaded from node_modules at run time, only by population runs
  entryPoints: { cli: 'cli/bin.ts' },
  outdir: join(dist, 'cli'),
  format: 'esm',
  splitting: true,
  chunkNames: '[name]-[hash]',
  minify: true,
  // bundled CommonJS dependencies (ajv, yaml, decimal.js) may call require()
  banner: { js: "import { createRequire as __xizeCreateRequire } from 'node:module'; const require = __xizeCreateRequire(import.meta.url);" },
});

await build({
  ...common,
  entryPoints: { runtime: 'runtime/index.ts' },
  outdir: join(dist, 'cjs'),
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
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
