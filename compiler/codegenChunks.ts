// Per-declaration reuse of generated code. A declaration's chunk is a factory
//   function (E, L, X, RF) { …hoisted functions…; return <model entry>; }
// written by a linked Gen (compiler/codegenExpr.ts): the positions of the declarations it
// refers to arrive in L (slot Lk = position of links[k]), its static needs in X, the functions
// of rules with parameters in RF. Nothing in the text depends on where any declaration stands,
// so after an edit of one declaration every other declaration's chunk (kept here, see below) is
// reused byte for byte, and in memory its compiled factory too. What the text does take
// from other declarations (a rule's arity, an enum member's or record field's position) is
// recorded as facts and checked before reuse; a link to a name the policy no longer has, or a
// changed fact, writes the chunk again.
//
// Chunks are kept by declaration kind and name, each with the IR it was written from; a chunk
// is reused for an IR equal to that one as JSON would see it, spans aside (the text holds no
// span: a span only locates a CodegenError, and a chunk that threw is not kept). The check
// hands out a shallow copy of a memoised declaration (compiler/buildCache.ts) whose layers and
// expressions are the objects of the previous compile, so the comparison mostly stops at
// identity. A built IR object is never changed afterwards (as compiler/loadCache.ts assumes).
import type { Gen, GenIndex, LinkKind, FactKind } from './codegenExpr.ts';
import { sameIr } from './sameIr.ts';

export type ChunkFactory = (E: unknown, L: number[], X: unknown, RF: unknown[]) => unknown;

export interface Chunk {
  /** the factory as JS (or, with annotations, TS) expression text */
  readonly text: string;
  readonly links: readonly [LinkKind, string][];
  readonly facts: readonly [FactKind, string, string, string][];
  /** the declaration's IR the text was written from */
  readonly decl: object;
  /** the text compiled (plain JS only), made on first load */
  factory?: ChunkFactory;
}

const MAX_PER_NAME = 8; // versions of one declaration: one per chain it is in (a national one under each province), the fuzzer's mutants
const MAX_NAMES = 4096; // the oldest name goes first
let kept = new Map<string, Chunk[]>(); // by annotation variant, kind and name
let enabled = true;
let counts = { reused: 0, written: 0 };

/** Turn chunk reuse off (true: on, the default): every chunk is written afresh and none is
 * kept. Tests compare against it; what was kept before stays for when it is on again. */
export function setChunkCache(on: boolean): void {
  enabled = on;
}

export function clearChunkCache(): void {
  kept = new Map();
  counts = { reused: 0, written: 0 };
}

/** Chunks reused / written (and kept) since the last clear, with reuse on (tests, benchmarks). */
export function chunkCounts(): { reused: number; written: number } {
  return { ...counts };
}

function valid(c: Chunk, index: GenIndex): boolean {
  for (const [kind, name] of c.links) if (index.position(kind, name) === undefined) return false;
  for (const [kind, a, b, value] of c.facts) if (index.fact(kind, a, b) !== value) return false;
  return true;
}

/** The chunk of declaration `decl` (of `kind`, named `name`): kept, or written by `write` with
 * a fresh linked Gen. */
export function chunkFor(
  index: GenIndex,
  ann: string,
  kind: string,
  decl: { name: string },
  newGen: () => Gen,
  write: (g: Gen) => string,
): Chunk {
  const key = `${ann}\u0000${kind}\u0000${decl.name}`;
  const list = enabled ? kept.get(key) : undefined;
  const hit = list?.find((c) => sameIr(c.decl, decl) && valid(c, index));
  if (hit) {
    counts.reused++;
    return hit;
  }
  const g = newGen();
  const entry = write(g);
  const head = g.links.length ? `const [${g.links.map((_, k) => `L${k}`).join(', ')}] = L;` : '';
  const text = `function (E${ann}, L${ann}, X${ann}, RF${ann})${ann} {\n${[head, ...g.decls, `return ${entry};`].filter(Boolean).join('\n')}\n}`;
  const chunk: Chunk = { text, links: g.links, facts: g.facts, decl };
  if (enabled) {
    counts.written++;
    kept.delete(key); // most recent name last
    kept.set(key, [chunk, ...(list ?? [])].slice(0, MAX_PER_NAME));
    if (kept.size > MAX_NAMES) kept.delete(kept.keys().next().value!);
  }
  return chunk;
}

/** The chunk's factory, compiled once (strict, as inside the module body). */
export function chunkFactory(c: Chunk): ChunkFactory {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  c.factory ??= new Function(`"use strict";\nreturn (${c.text});`)() as ChunkFactory;
  return c.factory;
}
