// Equality of IR data as JSON would see it, spans aside: what compiler/codegenChunks.ts reuses
// a declaration's generated code by, and what lets the diff (compiler/diff/decls.ts) pass over a
// declaration the edit did not touch. Neither the generated text nor a diff detail holds a span
// (a span only locates a diagnostic). Objects shared between compiles (compiler/buildCache.ts)
// are equal at once.
/** Equal as JSON would see it (an undefined field is an absent one), spans aside. */
export const sameIr = (a: unknown, b: unknown): boolean => sameJson(a, b, 'span');

/** Equal as JSON would see it, spans included: what compiler/loadCache.ts keeps a loaded policy
 * by (its diagnostics and traces carry spans). Shared objects are equal at once. */
export const sameData = (a: unknown, b: unknown): boolean => sameJson(a, b, null);

/** The walk of both: `skip` names a key left out of the comparison. */
function sameJson(a: unknown, b: unknown, skip: string | null): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i], skip)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (x[k] === undefined || k === skip) continue;
    n++;
    if (!sameJson(x[k], y[k], skip)) return false;
  }
  for (const k in y) if (y[k] !== undefined && k !== skip) n--;
  return n === 0;
}
