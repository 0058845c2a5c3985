// V8's compiled code of a generated policy body, kept between runs of the built CLI: turning the
// body (≈ 260 KB of JavaScript for the national baseline) into a function took ≈ 20 ms of a cold
// `xize run`, more than running it. The body is compiled with vm.Script and the cache data V8
// gives back is stored under the cache folder (cli/cacheDir.ts, `v8/`), keyed by a hash of the
// body, the Node version and the architecture (V8 checks only the length of the source, so the
// key must name the text); V8 refuses data that does not fit (another V8, other flags, a
// malformed header) and the entry is written anew; entries are written whole (temp + rename). Only in the built CLI (a build
// id, as cli/astCache.ts): under tsx the compiler is new Function as everywhere else.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type { LoadedPolicy } from '../runtime/outcome.ts';
import { cacheDir } from './cacheDir.ts';

declare const __XIZE_BUILD_ID__: string | undefined;
const BUILT = typeof __XIZE_BUILD_ID__ === 'string';

type Factory = (rt: Record<string, unknown>) => LoadedPolicy;

/** A LoadOptions.compile for the CLI, or undefined (the default new Function) when there is no cache. */
export function cachedCompiler(): ((body: string) => Factory) | undefined {
  const root = cacheDir();
  if (!BUILT || root === null) return undefined;
  return (body) => {
    const key = createHash('sha256').update(body).digest('hex').slice(0, 32);
    const file = join(root, 'v8', `body-${key}-${process.version}-${process.arch}.bin`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      // a miss
    }
    // the same function new Function('rt', body) makes, in the global scope
    const source = `(function (rt) {\n${body}\n})`;
    const script = new Script(source, cachedData ? { filename: 'xize-policy-body.js', cachedData } : { filename: 'xize-policy-body.js' });
    // written at exit, so the data holds the functions the command ran, not only the outer one
    if (cachedData === undefined || script.cachedDataRejected === true) writeAtExit(file, script);
    return script.runInThisContext() as Factory;
  };
}

const pending = new Map<string, Script>();

function writeAtExit(file: string, script: Script): void {
  if (pending.size === 0) process.once('exit', writePending); // one listener, however many policies
  pending.set(file, script);
}

function writePending(): void {
  for (const [file, script] of pending) {
    try {
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, file);
    } catch {
      // a cache that cannot be written is only slower
    }
  }
}
