// Loaded policies kept by their IR. Generating a province's module (≈ 300 KB of JS) and handing
// it to `new Function` costs ≈ 30 ms, and many compiles give an IR that was loaded before: an
// editor keystroke in a comment, a fuzz mutant whose edit did not reach the IR (a third of the
// clean ones are the corpus policy itself). The key is the IR's JSON text — the IR is plain
// data (no Map, Set or class), and code generation reads nothing else — so a hit is exact,
// never a hash match. A LoadedPolicy is immutable to its callers, so one object can serve both.
// Only the default runtime and compile function are kept (a test's spy runtime is not).
import type { LoadedPolicy } from '../runtime/outcome.ts';
import type { IrPolicy } from './ir.ts';

// an entry holds its key (≈ 0.7 M characters for a province) and the loaded module. Eviction
// gives an entry that was hit a second chance: the fuzzer's corpus policies are hit again and
// again between one-off mutants
const MAX_ENTRIES = 24;
const loaded = new Map<string, { policy: LoadedPolicy; hit: boolean }>();
let enabled = true;

/** Turn the cache off (true: on, the default); benchmarks measure against it. Clears it. */
export function setLoadCache(on: boolean): void {
  enabled = on;
  loaded.clear();
}

export function clearLoadCache(): void {
  loaded.clear();
}

/** `load(ir)`, or the policy an equal IR (with the same `variant` of options) loaded before. */
export function loadCached(ir: IrPolicy, variant: string, load: () => LoadedPolicy): LoadedPolicy {
  if (!enabled) return load();
  const key = variant + '\u0000' + JSON.stringify(ir);
  const hit = loaded.get(key);
  if (hit) {
    hit.hit = true;
    loaded.delete(key);
    loaded.set(key, hit);
    return hit.policy;
  }
  const policy = load(); // a failure throws and is not kept
  loaded.set(key, { policy, hit: false });
  for (let n = 0; loaded.size > MAX_ENTRIES && n <= MAX_ENTRIES; n++) {
    const [k, e] = loaded.entries().next().value as [string, { policy: LoadedPolicy; hit: boolean }];
    loaded.delete(k);
    if (e.hit) loaded.set(k, { policy: e.policy, hit: false });
  }
  while (loaded.size > MAX_ENTRIES) loaded.delete(loaded.keys().next().value as string);
  return policy;
}
