// One population row (every input column as text, as DuckDB hands it over) as the JS engine's
// input record: absent values left out, booleans and integers in their JS form. Shared by the
// JS population run (run.ts) and the shadow check (shadow.ts), so both feed the engine alike.
export function recordFromText(names: string[], kinds: string[], row: readonly unknown[], offset: number): Record<string, unknown> {
  const rec: Record<string, unknown> = {};
  for (let k = 0; k < names.length; k++) {
    const v = row[k + offset];
    if (v === null || v === undefined) continue;
    const s = String(v);
    rec[names[k]!] = kinds[k] === 'boolean' ? (s === 'true' ? true : s === 'false' ? false : s) : kinds[k] === 'integer' && /^-?\d+$/.test(s) ? Number(s) : s;
  }
  return rec;
}
