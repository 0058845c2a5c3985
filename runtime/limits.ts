// Limits of the runtime on what a caller hands to `evaluate` (docs/diagnostics.md, "Limits").
// Case data comes from outside — a form, a file, another program — and may be anything; these
// keep one bad case from exhausting the stack or the memory of the host.

/** Nesting of case input and of each parameter override value (XI012, XR042). Real policies
 * nest a few levels (a list of records of lists); JSON parsers and the validator recurse. */
export const MAX_DATA_DEPTH = 100;

/** Entries of `inputErrors`, and of `errors`, of one outcome: beyond it the last entry says how
 * many more there were (XI014, XR044). One wrong shape (a text where a mapping belongs) gives one
 * error, but a mapping with 100 000 unknown keys would still give 100 000. */
export const MAX_CASE_ERRORS = 100;

/** Path segments (below `start`) to the first place `v` nests deeper than `limit` levels, or
 * null. Each object is entered once (a shared or cyclic part is not walked again), so the walk
 * is linear in the size of `v` and its recursion is bounded by `limit`. */
export function tooDeep(v: unknown, limit: number, start: (string | number)[] = []): (string | number)[] | null {
  const seen = new WeakSet<object>();
  const path = start.slice();
  const base = start.length;
  const walk = (x: unknown): boolean => {
    if (x === null || typeof x !== 'object') return false;
    if (path.length - base > limit) return true;
    if (seen.has(x)) return false;
    seen.add(x);
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) {
        path.push(i);
        if (walk(x[i])) return true;
        path.pop();
      }
    } else {
      for (const k of Object.keys(x)) {
        path.push(k);
        if (walk((x as Record<string, unknown>)[k])) return true;
        path.pop();
      }
    }
    return false;
  };
  try {
    return walk(v) ? path : null;
  } catch {
    // a getter or Proxy trap that throws: the value cannot be read, and the caller refuses it
    return null;
  }
}

/** Items of one list in case input (XI015). The largest real list is an employer's declared
 * wages, one per insured person (national 参保人员申报工资); a population belongs in a
 * population run. Above it the schema is not run: ajv would build one error per bad item. */
export const MAX_LIST_ITEMS = 100_000;

/** Characters of one text in case input (XI015): names, identifiers and decimal texts are far
 * shorter, and a longer text is never a value a rule needs. */
export const MAX_TEXT_CHARS = 10_000;
