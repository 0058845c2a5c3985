// Per-declaration reuse of generated code. A declaration's chunk is a factory
//   function (E, L, X, RF) { …hoisted functions…; return <model entry>; }
// written by a linked Gen (compiler/codegenExpr.ts): the positions of the declarations it
// refers to arrive in L (slot Lk = position of links[k]), its static needs in X, the functions
// of rules with parameters in RF. Nothing in the text depends on where any declaration stands,
// so after an edit of one declaration every other declaration's chunk — kept here by its IR
// object, which an unchanged declaration shares between compiles (compiler/buildCache.ts) —
// is reused byte for byte, and in memory its compiled factory too. What the text does take
// from other declarations (a rule's arity, an enum member's or record field's position) is
// recorded as facts and checked before reuse; a link to a name the policy no longer has, or a
// changed fact, writes the chunk again. A built IR object is never changed afterwards (the
// same assumption as compiler/loadCache.ts), so identity is enough.
import type { Gen, GenIndex, LinkKind, FactKind } from './codegenExpr.ts';

export type ChunkFactory = (E: unknown, L: number[], X: unknown, RF: unknown[]) => unknown;

export interface Chunk {
  /** the factory as JS (or, with annotations, TS) expression text */
  readonly text: string;
  readonly links: readonly [LinkKind, string][];
  readonly facts: readonly [FactKind, string, string, string][];
  /** the text compiled (plain JS only), made on first load */
  factory?: ChunkFactory;
}

const MAX_PER_DECL = 4; // one per distinct set of facts (the fuzzer's mutants of one corpus policy)
let kept = new Map<string, WeakMap<object, Chunk[]>>(); // by annotation variant
let enabled = true;
let counts = { reused: 0, written: 0 };

/** Turn chunk reuse off (true: on, the default); tests compare against it. Clears it. */
export function setChunkCache(on: boolean): void {
  enabled = on;
  clearChunkCache();
}

export function clearChunkCache(): void {
  kept = new Map();
  counts = { reused: 0, written: 0 };
}

/** Chunks reused / written since the last clear (tests, benchmarks). */
export function chunkCounts(): { reused: number; written: number } {
  return { ...counts };
}

function valid(c: Chunk, index: GenIndex): boolean {
  for (const [kind, name] of c.links) if (index.position(kind, name) === undefined) return false;
  for (const [kind, a, b, value] of c.facts) if (index.fact(kind, a, b) !== value) return false;
  return true;
}

/** The chunk of declaration `decl`: kept, or written by `write` with a fresh linked Gen. */
export function chunkFor(index: GenIndex, ann: string, decl: object, newGen: () => Gen, write: (g: Gen) => string): Chunk {
  let byDecl = kept.get(ann);
  const list = enabled ? byDecl?.get(decl) : undefined;
  const hit = list?.find((c) => valid(c, index));
  if (hit) {
    counts.reused++;
    return hit;
  }
  const g = newGen();
  const entry = write(g);
  const head = g.links.length ? `const [${g.links.map((_, k) => `L${k}`).join(', ')}] = L;` : '';
  const text = `function (E${ann}, L${ann}, X${ann}, RF${ann})${ann} {\n${[head, ...g.decls, `return ${entry};`].filter(Boolean).join('\n')}\n}`;
  const chunk: Chunk = { text, links: g.links, facts: g.facts };
  counts.written++;
  if (enabled) {
    if (!byDecl) kept.set(ann, (byDecl = new WeakMap()));
    const next = [chunk, ...(list ?? [])].slice(0, MAX_PER_DECL);
    byDecl.set(decl, next);
  }
  return chunk;
}

/** The chunk's factory, compiled once (strict, as inside the module body). */
export function chunkFactory(c: Chunk): ChunkFactory {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  c.factory ??= new Function(`"use strict";\nreturn (${c.text});`)() as ChunkFactory;
  return c.factory;
}
