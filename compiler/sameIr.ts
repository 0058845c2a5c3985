// Equality of IR data as JSON would see it, spans aside: what compiler/codegenChunks.ts reuses
// a declaration's generated code by, and what lets the diff (compiler/diff/decls.ts) pass over a
// declaration the edit did not touch. Neither the generated text nor a diff detail holds a span
// (a span only locates a diagnostic). Objects shared between compiles (compiler/buildCache.ts)
// are equal at once.
/** Equal as JSON would see it (an undefined field is an absent one), spans aside. */
export function sameIr(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameIr(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (x[k] === undefined || k === 'span') continue;
    n++;
    if (!sameIr(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined && k !== 'span') n--;
  return n === 0;
}
