// Loaded policies kept by their IR. Generating a province's module (≈ 300 KB of JS) and handing
// it to `new Function` costs ≈ 30 ms, and many compiles give an IR that was loaded before: an
// editor keystroke in a comment, a fuzz mutant whose edit did not reach the IR (a third of the
// clean ones are the corpus policy itself). Code generation reads nothing but the IR's data, so
// an IR equal to a kept one — compared field by field as JSON would see it, never by a hash —
// gets the kept policy. The comparison is cheap because most of an IR is shared: the checked
// declarations of an unchanged layer are the same objects in every compile (buildCache.ts), and
// an object is equal to itself. That relies on what the build memo and irSummary.ts rely on: a
// built IR object is never changed afterwards. A LoadedPolicy is immutable to its callers, so
// one object can serve both. Only the default runtime and compile function are kept (a test's
// spy runtime is not).
import type { LoadedPolicy } from '../runtime/outcome.ts';
import type { IrPolicy } from './ir.ts';
import { sameData } from './sameIr.ts';

interface Entry {
  ir: IrPolicy;
  policy: LoadedPolicy;
  hit: boolean;
}

// Entries by a cheap outline of the IR (name, chain, counts); a few per outline. Eviction gives
// an entry that was hit a second chance: the fuzzer's corpus policies are hit again and again
// between one-off mutants.
const MAX_ENTRIES = 24;
const MAX_PER_OUTLINE = 4;
const kept = new Map<string, Entry[]>();
let size = 0;
let enabled = true;

/** Turn the cache off (true: on, the default); benchmarks measure against it. Clears it. */
export function setLoadCache(on: boolean): void {
  enabled = on;
  clearLoadCache();
}

export function clearLoadCache(): void {
  kept.clear();
  size = 0;
}

export { sameData };

function outline(ir: IrPolicy, variant: string): string {
  return [variant, ir.name, ir.chain.join('/'), ir.rules.length, ir.params.length, ir.tables.length, ir.bands.length, ir.checks.length, ir.inputs.length].join('|');
}

function evict(): void {
  // oldest outline first; an entry that was hit goes to the back once
  for (let n = 0; size > MAX_ENTRIES && n <= 2 * MAX_ENTRIES; n++) {
    const [key, list] = kept.entries().next().value as [string, Entry[]];
    kept.delete(key);
    const keep = list.filter((e) => e.hit);
    size -= list.length - keep.length;
    for (const e of keep) e.hit = false;
    if (keep.length) kept.set(key, keep);
  }
}

/** The IR of the kept policy `loadCached` would hand out for `ir`, if any (tests). */
export function keptIrFor(ir: IrPolicy, variant: string): IrPolicy | undefined {
  return kept.get(outline(ir, variant))?.find((e) => sameData(ir, e.ir))?.ir;
}

/** `load()` for `ir`, or the policy an equal IR (with the same `variant` of options) loaded before. */
export function loadCached(ir: IrPolicy, variant: string, load: () => LoadedPolicy): LoadedPolicy {
  if (!enabled) return load();
  const key = outline(ir, variant);
  const list = kept.get(key);
  const hit = list?.find((e) => sameData(ir, e.ir));
  if (hit) {
    hit.hit = true;
    kept.delete(key);
    kept.set(key, list!);
    return hit.policy;
  }
  const policy = load(); // a failure throws and is not kept
  const entry: Entry = { ir, policy, hit: false };
  if (list) {
    list.unshift(entry);
    if (list.length > MAX_PER_OUTLINE) {
      list.pop();
      size--;
    }
    kept.delete(key); // most recent outline last
    kept.set(key, list);
  } else kept.set(key, [entry]);
  size++;
  evict();
  return policy;
}
