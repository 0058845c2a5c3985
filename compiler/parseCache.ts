// Parsing is the dearest stage of a compile, and an editor recompiles on every keystroke while
// only one file changed. Parse results are pure functions of (path, text) and are never mutated
// downstream, so they are kept per path and reused while the text is unchanged.
import type { FileAst, SourceFile } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import { parseFile } from '../dsl/index.ts';
import { parseIncremental, type PieceParse, type PieceStore } from '../dsl/incremental.ts';

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

// Keyed by path and text together (not by path alone): a parent layer stays cached while the
// file of the same path in a child or a mutant changes, and an editor that undoes a change gets
// its earlier parse back. Least recently used goes first; a path keeps at most MAX_VERSIONS
// texts so a typing session in one file cannot push the unchanged layers out.
const MAX_ENTRIES = 256;
const MAX_VERSIONS = 4;
const cache = new Map<string, { path: string; parsed: Parsed }>();
const versions = new Map<string, string[]>();

// Building the key concatenates the whole text, and hashing it for the lookup reads it all: a
// ≈ 200 KB chain costs that on every compile. The last key built per path is kept, so an
// unchanged file (same text) reuses the key string whose hash V8 already holds.
const lastKey = new Map<string, { text: string; key: string }>();
function keyOf(file: SourceFile): string {
  const last = lastKey.get(file.path);
  if (last && last.text === file.text) return last.key;
  const key = `${file.path.length}:${file.path}${file.text}`;
  lastKey.set(file.path, { text: file.text, key });
  if (lastKey.size > MAX_ENTRIES) lastKey.delete(lastKey.keys().next().value as string);
  return key;
}

function remember(path: string, key: string, parsed: Parsed): void {
  cache.set(key, { path, parsed });
  const keys = versions.get(path) ?? [];
  keys.push(key);
  versions.set(path, keys);
  if (keys.length > MAX_VERSIONS) cache.delete(keys.shift()!);
  if (cache.size > MAX_ENTRIES) forget(cache.keys().next().value as string);
}

function forget(key: string): void {
  const path = cache.get(key)!.path;
  cache.delete(key);
  const keys = versions.get(path)!.filter((k) => k !== key);
  if (keys.length) versions.set(path, keys);
  else versions.delete(path);
}

// Below the whole-file cache, each declaration's piece (dsl/incremental.ts) is kept by path and
// text: a changed file re-parses only the pieces whose text changed. Per path at most
// MAX_PIECES texts, least recently used first; per text two placements, the first one seen (a
// fuzz mutant's parent file, an editor's text as opened) and the latest.
const MAX_PIECES = 4096;
const MAX_PIECE_PATHS = 256;
/** A store of piece parses (the compiler keeps one; tests make their own). */
export function newPieceStore(): PieceStore & { clear(): void } {
  const pieces = new Map<string, Map<string, PieceParse[]>>();
  return {
    clear: () => pieces.clear(),
    get(path, text, offset) {
      const byText = pieces.get(path);
      const list = byText?.get(text);
      if (!list) return undefined;
      byText!.delete(text);
      byText!.set(text, list);
      return list.find((p) => p.offset === offset) ?? list[list.length - 1];
    },
    set(path, text, piece) {
      let byText = pieces.get(path);
      if (!byText) {
        pieces.set(path, (byText = new Map()));
        if (pieces.size > MAX_PIECE_PATHS) pieces.delete(pieces.keys().next().value as string);
      }
      const list = byText.get(text);
      if (!list) byText.set(text, [piece]);
      else if (list.length < 2) list.push(piece);
      else list[1] = piece;
      if (byText.size > MAX_PIECES) byText.delete(byText.keys().next().value as string);
    },
  };
}
const pieceStore = newPieceStore();

let incremental = true;
/** false: parse every changed file whole (the reference the incremental parse is measured
 * against). The caches are kept: either way a text gives the same parse. */
export function setIncrementalParse(on: boolean): void {
  incremental = on;
}

/** The parse of `file`, from the cache when this path had this text before. The result is
 * shared: callers must not mutate it (the checker does not; tests/compiler/parseCacheWarm.test.ts
 * compares warm and cold compiles). */
export function parseFileCached(file: SourceFile): Parsed {
  const key = keyOf(file);
  const hit = cache.get(key);
  if (hit) {
    // refresh recency (the per-path order too)
    cache.delete(key);
    cache.set(key, hit);
    const keys = versions.get(file.path)!;
    keys.splice(keys.indexOf(key), 1);
    keys.push(key);
    return hit.parsed;
  }
  let parsed = store?.get(file);
  if (parsed === undefined) {
    parsed = incremental ? parseIncremental(file, pieceStore) : parseFile(file);
    store?.set(file, parsed);
  }
  remember(file.path, key, parsed);
  return parsed;
}

/** Forget every cached parse (benchmarks measure a cold compile with this). */
export function clearParseCache(): void {
  cache.clear();
  pieceStore.clear();
  lastKey.clear();
  versions.clear();
}
