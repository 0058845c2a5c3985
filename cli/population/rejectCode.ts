// The one reject code a population keeps per record, and how the two engines' answers for one
// record are compared (differential tests, the shadow check, the bulk bench, conformance).
// The code is the JS engine's first input error as `<code>:<path>` (`XI004:月缴费工资`): the
// runtime lists errors in its documented order (runtime/validate.ts: missing required inputs,
// then each input in declaration order), and the SQL query computes that same first error
// (compiler/sql/rejects.ts). The SQL engine alone may also decline a record it cannot compute
// exactly: `XS010:<rule>` (a branch outside the subset), `XS011:<input>` (more decimal places
// than it carries) or `XS013:<rule>` (a figure of that rule beyond DECIMAL(38) for this record);
// the JS engine computes those records.
export interface InputErrorLike { code: string; path: string }

/** The population reject code of a record's input errors, or null when there are none. */
export function populationReject(errors: readonly InputErrorLike[]): string | null {
  const e = errors[0];
  return e === undefined ? null : `${e.code}:${e.path}`;
}

/** A code only the SQL engine gives: the record is outside what it computes, not a bad input. */
export const isSqlDecline = (code: string | null): boolean => code !== null && /^XS01[0-3]:/.test(code);

/** How one record's answers compare: 'same', 'declined' (JS computed, SQL declined with XS010/
 * XS011/XS013), or what differs: 'reject' (the codes differ, or one engine rejects) or an output name. */
export function compareRecord(js: { reject: string | null; outputs: Record<string, string | null> }, sql: { reject: string | null; outputs: Record<string, string | null> }, outputs: readonly string[]): 'same' | 'declined' | 'reject' | { output: string } {
  if (js.reject !== null || sql.reject !== null) {
    if (js.reject === null && isSqlDecline(sql.reject)) return 'declined';
    return js.reject === sql.reject ? 'same' : 'reject';
  }
  for (const o of outputs) if ((js.outputs[o] ?? null) !== (sql.outputs[o] ?? null)) return { output: o };
  return 'same';
}
