// The built CLI's on-disk cache of what a cold command recomputes from unchanged files: parse
// results (compiler/parseCache.ts ParseStore), the generated body of a policy, parsed case
// files. Parsing and generating are most of a cold `xize check` or `xize run`; an entry whose
// inputs are unchanged is read back instead.
//
// Key: SHA-256 of the compiler build id (a hash of the compiler's and runtime's sources, set by
// scripts/build.mjs), the kind of entry and every input (paths and texts), so any change to an
// input or to the compiler misses. Entries are written to a temporary file and renamed (never
// half-written); an unreadable or malformed entry is a miss. Location: $XIZE_CACHE_DIR, else
// $XDG_CACHE_HOME/xize, else ~/.cache/xize; XIZE_CACHE=0 turns it off. In the checkout (tsx)
// there is no build id and no cache: the sources may change under it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './cacheDir.ts';
import type { ParseStore } from '../compiler/parseCache.ts';
import { parseCaseSuite, type CaseSuite, type CompileResult } from '../compiler/index.ts';

export { cacheDir };

declare const __XIZE_BUILD_ID__: string | undefined;
const BUILD_ID = typeof __XIZE_BUILD_ID__ === 'string' ? __XIZE_BUILD_ID__ : undefined;

/** A JSON cache of one kind of entry; null when there is no build id or the cache is off. */
export interface DiskCache<T> {
  get(parts: readonly string[]): T | undefined;
  /** An entry is there (not read: for callers that only need to know it was made). */
  has(parts: readonly string[]): boolean;
  set(parts: readonly string[], value: T): void;
}

export function diskCache<T>(kind: string, valid: (v: unknown) => v is T, buildId: string | undefined = BUILD_ID): DiskCache<T> | null {
  const root = cacheDir();
  if (buildId === undefined || root === null) return null;
  const dir = join(root, kind);
  const keyOf = (parts: readonly string[]) => {
    const h = createHash('sha256').update(buildId).update('\0').update(kind);
    for (const p of parts) h.update('\0').update(String(p.length)).update(':').update(p);
    return h.digest('hex');
  };
  let made = false;
  return {
    get(parts) {
      try {
        const v: unknown = JSON.parse(readFileSync(join(dir, `${keyOf(parts)}.json`), 'utf8'));
        if (valid(v)) return v;
      } catch {
        // a miss
      }
      return undefined;
    },
    has(parts) {
      return existsSync(join(dir, `${keyOf(parts)}.json`));
    },
    set(parts, value) {
      try {
        if (!made) mkdirSync(dir, { recursive: true });
        made = true;
        const file = join(dir, `${keyOf(parts)}.json`);
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(value));
        renameSync(tmp, file);
      } catch {
        // a cache that cannot be written is only slower
      }
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The parse-result store for this build, or null. */
export function diskParseStore(buildId: string | undefined = BUILD_ID): ParseStore | null {
  type Parsed = ReturnType<ParseStore['get']> & object;
  const c = diskCache<Parsed>('ast', (v): v is Parsed => isObject(v) && isObject(v.ast) && Array.isArray(v.diagnostics), buildId);
  if (c === null) return null;
  return { get: (f) => c.get([f.path, f.text]), set: (f, parsed) => c.set([f.path, f.text], parsed) };
}

/** parseCaseSuite through the cache: a case file parsed once per text. */
export function cachedCaseSuite(text: string, file: string): CaseSuite {
  const c = diskCache<CaseSuite>('cases', (v): v is CaseSuite => isObject(v) && Array.isArray(v.cases) && Array.isArray(v.diagnostics));
  const hit = c?.get([file, text]);
  if (hit !== undefined) return hit;
  const suite = parseCaseSuite(text, file);
  c?.set([file, text], suite);
  return suite;
}

/** The generated body of a compiled policy through the cache, keyed by every file of its chain. */
export function cachedBody(result: CompileResult, make: () => string): string {
  const c = bodyCache();
  if (c === null) return make();
  const parts = bodyKey(result);
  const hit = c.get(parts);
  if (hit !== undefined) return hit.body;
  const body = make();
  c.set(parts, { body });
  return body;
}

/** Generates the body only to prove it can be (xize check): an entry in the cache is that proof,
 * as only a body that was generated is ever written, so a hit reads nothing. */
export function ensureBody(result: CompileResult, make: () => string): void {
  const c = bodyCache();
  if (c === null) {
    make();
    return;
  }
  const parts = bodyKey(result);
  if (!c.has(parts)) c.set(parts, { body: make() });
}

function bodyCache(): DiskCache<{ body: string }> | null {
  return diskCache<{ body: string }>('body', (v): v is { body: string } => isObject(v) && typeof v.body === 'string');
}

function bodyKey(result: CompileResult): string[] {
  const parts: string[] = [];
  for (const f of [...result.sources.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) parts.push(f.path, f.text);
  return parts;
}
