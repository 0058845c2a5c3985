// One population row (every input column as text, as DuckDB hands it over) as the JS engine's
// input record: absent values left out, booleans and integers in their JS form. Shared by the
// JS population run (jsRun.ts) and the shadow check (shadow.ts), so both feed the engine alike.
export function recordFromText(names: string[], kinds: string[], row: readonly unknown[], offset: number): Record<string, unknown> {
  const rec: Record<string, unknown> = {};
  for (let k = 0; k < names.length; k++) {
    const v = row[k + offset];
    if (v === null || v === undefined) continue;
    rec[names[k]!] = valueFromText(kinds[k]!, String(v));
  }
  return rec;
}

/** One input column's text as the JS engine's value (of the input's type `kind`): counts and
 * durations that are integer texts become numbers (anything else stays text, which the schema
 * refuses as XI002; compiler/sql/rejects.ts gives the same code). */
export function valueFromText(kind: string, s: string): unknown {
  return kind === 'boolean' ? (s === 'true' ? true : s === 'false' ? false : s) : (kind === 'integer' || kind === 'duration') && /^-?\d+$/.test(s) ? Number(s) : s;
}
