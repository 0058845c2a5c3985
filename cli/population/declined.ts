// The records the fast query declines (XS011: a money with more than 2 places, a rate or number
// with more than 6), computed once more at the scales their values need. The fast query keeps,
// for each declined record only, what a second pass needs — its given inputs' texts as a MAP,
// its id, group and shadow texts, and the places its money and its rates/numbers have — and the
// second pass is the same lowered policy with wider input scales (LowerOptions.inputScales) over
// just those records, one pass per pair of scales. A record with no decline costs one
// starts_with per record; a population without declines runs no second pass.
import type { SqlQuery } from '../../compiler/sql/index.ts';
import { sourceColumn } from '../../compiler/sql/index.ts';
import type { InputScales } from '../../compiler/sql/rejects.ts';
import { FAST_SCALES } from '../../compiler/sql/rejects.ts';
import { SHADOW_COLUMN } from './shadow.ts';
import { ident as q, lit } from './sqlText.ts';

/** The column of the fast query's results that holds a declined record (NULL for the others). */
export const DECLINED_COLUMN = '__xize_declined';

/** The largest scale a pass is tried at (DECIMAL(38, s) leaves 38 − s integer digits). */
const MAX_SCALE = 38;

/** Places after the point, trailing zeros aside, of a decimal text (NULL: 0). */
const places = (t: string) => `COALESCE(length(regexp_extract(${t}, '[.]([0-9]*[1-9])', 1)), 0)`;

/**
 * The select expression (over the last step of the query, printQuery `extra`) that keeps a
 * declined record: a struct of its inputs' texts (`m`, only those given), `id`, `g` (group),
 * `r` (its code), `sh` (its shadow texts, when sampled), `ms` and `rs` (the places of its money,
 * and of its rates and numbers: a percentage's two more, a per mille's three). Null when the
 * query has no input it can decline.
 */
export function declinedCapture(query: SqlQuery, shadow: boolean): string | null {
  // a typed source column (money from DECIMAL(p, ≤ 2)) is never declined
  const wide = query.inputs.filter((i) => !i.sourceType && (i.type === 'money' || i.type === 'rate' || i.type === 'number'));
  if (wide.length === 0) return null;
  const text = (name: string) => `CAST(${sourceColumn(query, name)} AS VARCHAR)`;
  const most = (xs: string[]) => (xs.length === 0 ? '0' : xs.length === 1 ? xs[0]! : `greatest(${xs.join(', ')})`);
  const ms = most(wide.filter((i) => i.type === 'money').map((i) => places(text(i.name))));
  const rs = most(wide.filter((i) => i.type !== 'money').map((i) => {
    const t = text(i.name);
    return i.type === 'rate' ? `(${places(t)} + CASE WHEN contains(${t}, '%') THEN 2 WHEN contains(${t}, '‰') THEN 3 ELSE 0 END)` : places(t);
  }));
  const entries = query.inputs.map((i) => `{'k': ${lit(i.name)}, 'v': ${text(i.name)}}`);
  const fields = [
    `'m': map_from_entries(list_filter([${entries.join(', ')}], lambda e: e.v IS NOT NULL))`,
    `'id': rec_id`, `'g': grp`, `'r': reject`,
    `'sh': ${shadow ? `CAST(${q(SHADOW_COLUMN)} AS VARCHAR)` : 'CAST(NULL AS VARCHAR)'}`,
    `'ms': ${ms}`, `'rs': ${rs}`,
  ];
  return `CASE WHEN starts_with(reject, 'XS011:') THEN {${fields.join(', ')}} END AS ${q(DECLINED_COLUMN)}`;
}

/** The input scales of the pass for records with `ms` money places and `rs` rate/number places. */
export function passScales(ms: number, rs: number): InputScales {
  return { money: Math.min(MAX_SCALE, Math.max(FAST_SCALES.money, ms)), decimal: Math.min(MAX_SCALE, Math.max(FAST_SCALES.decimal, rs)) };
}

/**
 * The source of a second pass: the declined records `d` of relation `from` with places (ms, rs),
 * as the columns the fast query's source had (every input as text; id and group; shadow texts).
 */
export function declinedSource(from: string, query: SqlQuery, ms: number, rs: number, shadow: boolean): string {
  const cols: string[] = [];
  const seen = new Set<string>();
  for (const i of query.inputs) { cols.push(`d.m[${lit(i.name)}] AS ${q(i.name)}`); seen.add(i.name); }
  if (query.idColumn && !seen.has(query.idColumn)) { cols.push(`d.id AS ${q(query.idColumn)}`); seen.add(query.idColumn); }
  if (query.groupColumn && !seen.has(query.groupColumn)) cols.push(`d.g AS ${q(query.groupColumn)}`);
  if (shadow) cols.push(`d.sh AS ${q(SHADOW_COLUMN)}`);
  return `(SELECT ${cols.join(', ')} FROM ${from} WHERE d.ms = ${ms} AND d.rs = ${rs})`;
}
