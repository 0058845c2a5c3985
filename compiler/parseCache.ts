// Parsing is the dearest stage of a compile, and an editor recompiles on every keystroke while
// only one file changed. Parse results are pure functions of (path, text) and are never mutated
// downstream, so they are kept per path and reused while the text is unchanged.
import type { FileAst, SourceFile } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import { parseFile } from '../dsl/index.ts';

type Parsed = { ast: FileAst; diagnostics: Diagnostic[] };

/** A persistent store of parse results a host may plug in (the built CLI keeps them on disk,
 * keyed by a hash of the file's path and text and of the compiler build): a hit skips the
 * lexer and the parser entirely. `get` returns undefined when it has nothing sure. */
export interface ParseStore {
  get(file: SourceFile): Parsed | undefined;
  set(file: SourceFile, parsed: Parsed): void;
}

let store: ParseStore | null = null;

export function setParseStore(s: ParseStore | null): void {
  store = s;
}

const MAX_ENTRIES = 256;
const cache = new Map<string, { text: string; parsed: Parsed }>();

export function parseFileCached(file: SourceFile): Parsed {
  const hit = cache.get(file.path);
  if (hit && hit.text === file.text) {
    // refresh recency
    cache.delete(file.path);
    cache.set(file.path, hit);
    return hit.parsed;
  }
  let parsed = store?.get(file);
  if (parsed === undefined) {
    parsed = parseFile(file);
    store?.set(file, parsed);
  }
  cache.delete(file.path);
  cache.set(file.path, { text: file.text, parsed });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return parsed;
}

/** Forget every cached parse (benchmarks measure a cold compile with this). */
export function clearParseCache(): void {
  cache.clear();
}
