// Where the built CLI keeps what it can recompute (cli/astCache.ts: parse results, generated
// bodies, case files; cli/launch.ts: V8's compiled code of the CLI bundle). Its own file, with no
// import beyond node:, so the launcher can use it without loading the compiler.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** $XIZE_CACHE_DIR, else $XDG_CACHE_HOME/xize, else ~/.cache/xize; null when XIZE_CACHE=0. */
export function cacheDir(): string | null {
  const env = process.env;
  if (env.XIZE_CACHE === '0') return null;
  if (env.XIZE_CACHE_DIR) return env.XIZE_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'xize');
}
