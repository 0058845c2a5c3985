// The records the fast query declines (XS011: a money with more than 2 places, a rate or number
// with more than 6), computed once more at the scales their values need. The fast query keeps,
// for each declined record only, what a second pass needs — its inputs' texts, its id, group and
// shadow texts; the places its money and its rates/numbers have are counted over those records
// alone — and the second pass is the same lowered policy with wider input scales
// (LowerOptions.inputScales) over just those records: one pass at the widest places among them,
// and only if that fails one pass per pair of places. A record with no decline costs one
// starts_with per record; a population without declines runs no second pass.
import type { SqlQuery } from '../../compiler/sql/index.ts';
import { sourceColumn } from '../../compiler/sql/index.ts';
import type { EarlyColumn } from '../../compiler/sql/print.ts';
import type { InputScales } from '../../compiler/sql/rejects.ts';
import { FAST_SCALES } from '../../compiler/sql/rejects.ts';
import { SHADOW_COLUMN } from './shadow.ts';
import { ident as q, lit } from './sqlText.ts';

/** The column of the fast query's results that holds a declined record (NULL for the others). */
export const DECLINED_COLUMN = '__xize_declined';
const DECLINED_COLUMN_SQL = q(DECLINED_COLUMN);

/** The largest scale a pass is tried at (DECIMAL(38, s) leaves 38 − s integer digits). */
const MAX_SCALE = 38;

/** Places after the point, trailing zeros aside, of a decimal text (NULL: 0). */
const places = (t: string) => `COALESCE(length(regexp_extract(${t}, '[.]([0-9]*[1-9])', 1)), 0)`;

/**
 * The column (printQuery `early`: right after the input checks, so that the source columns it
 * reads need not travel through every later step — carried to the end, 153 of them ran a
 * 1 500-record run out of a 250 MB memory limit) that keeps a declined record: a struct of its
 * inputs' texts (`m`, a JSON array of them in the query's input order, null for those not given:
 * one VARCHAR, as a LIST or a MAP column this ran a 200 000-record run out of memory), `id`, `g` (group),
 * `r` (its code) and `sh` (its shadow texts, when sampled). Null when the query has no input it
 * can decline. The places its values have are counted afterwards (declinedTable), over the
 * declined records alone.
 */
export function declinedCapture(query: SqlQuery, shadow: boolean): EarlyColumn | null {
  if (wideInputs(query).length === 0 || !query.inputReject) return null;
  const text = (name: string) => `CAST(${sourceColumn(query, name)} AS VARCHAR)`;
  const r = query.inputReject;
  const fields = [
    `'m': CAST(to_json([${query.inputs.map((i) => text(i.name)).join(', ')}]) AS VARCHAR)`,
    `'id': rec_id`, `'g': grp`, `'r': ${r}`,
    `'sh': ${shadow ? `CAST(${q(SHADOW_COLUMN)} AS VARCHAR)` : 'CAST(NULL AS VARCHAR)'}`,
  ];
  // right after the input checks (a decline is decided there, and XS010 never replaces it)
  return { name: DECLINED_COLUMN_SQL, sql: `CASE WHEN starts_with(${r}, 'XS011:') THEN {${fields.join(', ')}} END`, reads: [r] };
}

/** Inputs the fast query can decline: money, rates and numbers read as text (a typed source
 * column, money from DECIMAL(p, ≤ 2), never is). */
function wideInputs(query: SqlQuery) {
  return query.inputs.filter((i) => !i.sourceType && (i.type === 'money' || i.type === 'rate' || i.type === 'number'));
}

/**
 * The declined records `d` of relation `from` with the places they need: `ms` of their money,
 * `rs` of their rates and numbers (a percentage's two more, a per mille's three), trailing zeros aside.
 */
export function declinedTable(from: string, query: SqlQuery): string {
  const wide = wideInputs(query);
  const at = new Map(query.inputs.map((i, k) => [i.name, k + 1]));
  const text = (name: string) => `vals[${at.get(name)!}]`;
  const most = (xs: string[]) => (xs.length === 0 ? '0' : xs.length === 1 ? xs[0]! : `greatest(${xs.join(', ')})`);
  const ms = most(wide.filter((i) => i.type === 'money').map((i) => places(text(i.name))));
  const rs = most(wide.filter((i) => i.type !== 'money').map((i) => {
    const t = text(i.name);
    return i.type === 'rate' ? `(${places(t)} + CASE WHEN contains(${t}, '%') THEN 2 WHEN contains(${t}, '‰') THEN 3 ELSE 0 END)` : places(t);
  }));
  return `SELECT d, vals, ${ms} AS ms, ${rs} AS rs FROM (SELECT d, from_json(d.m, '["VARCHAR"]') AS vals FROM ${from})`;
}

/** The input scales of the pass for records with `ms` money places and `rs` rate/number places. */
export function passScales(ms: number, rs: number): InputScales {
  return { money: Math.min(MAX_SCALE, Math.max(FAST_SCALES.money, ms)), decimal: Math.min(MAX_SCALE, Math.max(FAST_SCALES.decimal, rs)) };
}

/**
 * The source of a second pass: the declined records `d` of table `from` (declinedTable) that `where` takes,
 * as the columns the fast query's source had (every input as text; id and group; shadow texts).
 */
export function declinedSource(from: string, query: SqlQuery, where: string, shadow: boolean): string {
  const cols: string[] = [];
  const seen = new Set<string>();
  query.inputs.forEach((i, k) => { cols.push(`vals[${k + 1}] AS ${q(i.name)}`); seen.add(i.name); });
  if (query.idColumn && !seen.has(query.idColumn)) { cols.push(`d.id AS ${q(query.idColumn)}`); seen.add(query.idColumn); }
  if (query.groupColumn && !seen.has(query.groupColumn)) cols.push(`d.g AS ${q(query.groupColumn)}`);
  if (shadow) cols.push(`d.sh AS ${q(SHADOW_COLUMN)}`);
  return `(SELECT ${cols.join(', ')} FROM ${from} WHERE ${where})`;
}
