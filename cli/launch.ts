#!/usr/bin/env node
// The package "bin" (`npm run build` → dist/cli/xize.cjs): a small CommonJS launcher run by plain
// node. `xize --version` answers here without loading anything else; every other command loads
// the CLI bundle (dist/cli/main.cjs, cli/main.ts with its dependencies) and runs it.
//
// Why CommonJS and a cache of compiled code: most of a cold `xize check` was V8 compiling the
// 700 KB bundle and Node's ES module loader linking its chunks. A CommonJS bundle is one file
// read and compiled at once, and V8's code cache skips the compiling on the next run: Node's
// own compile cache (node:module enableCompileCache, Node ≥ 22.1) where there is one, else
// vm.Script cachedData written by this launcher. Both live under the CLI's cache folder
// (cli/cacheDir.ts, `v8/`); XIZE_CACHE=0 turns them off. A cache entry is keyed by a hash of
// the bundle's text (set by scripts/build.mjs; V8 checks only the source's length), the Node
// version and the architecture; V8 itself refuses data from another V8, other flags or with a
// malformed header (then the entry is written anew), and entries are written whole (temp +
// rename), so a stale entry is never run. Removing the folder is always safe.
import { cacheDir } from './cacheDir.ts';
import { VERSION } from './version.ts';

declare const __XIZE_CLI_HASH__: string | undefined;
const CLI_HASH = typeof __XIZE_CLI_HASH__ === 'string' ? __XIZE_CLI_HASH__ : undefined;

type Cli = { main: (argv: string[]) => number };

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  process.stdout.write(`xize ${VERSION}\n`);
} else {
  process.exitCode = loadCli().main(argv);
}

function loadCli(): Cli {
  const { join } = require('node:path') as typeof import('node:path');
  const bundle = join(__dirname, 'main.cjs');
  const dir = cacheDir();
  if (dir === null || CLI_HASH === undefined) return require(bundle) as Cli;
  const mod = require('node:module') as typeof import('node:module') & { enableCompileCache?: (dir: string) => unknown };
  if (typeof mod.enableCompileCache === 'function') {
    try {
      mod.enableCompileCache(join(dir, 'v8'));
    } catch {
      // no cache is only slower
    }
    return require(bundle) as Cli;
  }
  return runCached(bundle, join(dir, 'v8', `cli-${CLI_HASH}-${process.version}-${process.arch}.bin`));
}

/** Runs the CommonJS bundle as Node would, with V8 code cache data read from / written to `file`. */
function runCached(bundle: string, file: string): Cli {
  const fs = require('node:fs') as typeof import('node:fs');
  const vm = require('node:vm') as typeof import('node:vm');
  const Module = require('node:module') as typeof import('node:module') & { wrap: (src: string) => string };
  const { dirname } = require('node:path') as typeof import('node:path');
  const source = fs.readFileSync(bundle, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(file);
  } catch {
    // a miss: compiled now, written at exit
  }
  const script = new vm.Script(Module.wrap(source), cachedData ? { filename: bundle, cachedData } : { filename: bundle });
  if (cachedData === undefined || script.cachedDataRejected === true) {
    // at exit, so the data holds every function this command compiled, not only the top level
    process.once('exit', () => {
      try {
        fs.mkdirSync(dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, file);
      } catch {
        // a cache that cannot be written is only slower
      }
    });
  }
  const module = { exports: {} as Cli };
  const wrapper = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: unknown, f: string, d: string) => void;
  wrapper(module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
  return module.exports;
}
