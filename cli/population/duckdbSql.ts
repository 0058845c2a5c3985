// Runs a population wholly in embedded DuckDB with the SQL backend (`--engine duckdb-sql`):
// the source file is read by DuckDB with every input column as text (the query validates and
// types them itself, so a bad value is a rejected record, not a failed run); NDJSON counts and
// booleans as JSON text, so a quoted value stays distinguishable from a number.
import { DuckDBInstance } from '@duckdb/node-api';
import type { SqlQuery } from '../../compiler/sql/index.ts';
import { ident, lit } from './sqlText.ts';

export type SourceFormat = 'ndjson' | 'csv' | 'parquet';

export function sourceRelation(file: string, format: SourceFormat, q: SqlQuery): string {
  const cols = [...new Set([...(q.idColumn ? [q.idColumn] : []), ...(q.groupColumn ? [q.groupColumn] : []), ...q.inputs.map((i) => i.name)])];
  // counts and booleans are read as JSON, so their text keeps JSON quotes: "5" and "true" stay
  // texts ('"5"'), rejected as the JS engine rejects a string where its schema wants a number or
  // a boolean; 5 and true read as '5' and 'true'. Money, rates and dates accept both in JS.
  const jsonTyped = new Set(q.inputs.filter((i) => i.type === 'integer' || i.type === 'duration' || i.type === 'boolean').map((i) => i.name));
  const struct = `{${cols.map((c) => `${lit(c)}: '${jsonTyped.has(c) && c !== q.idColumn && c !== q.groupColumn ? 'JSON' : 'VARCHAR'}'`).join(', ')}}`;
  if (format === 'ndjson') return `read_json(${lit(file)}, format = 'newline_delimited', columns = ${struct})`;
  if (format === 'csv') return `read_csv(${lit(file)}, header = true, all_varchar = true)`;
  return `read_parquet(${lit(file)})`;
}

/**
 * The source of `--engine duckdb-sql`. NDJSON is read as one JSON MAP per record and only the hot
 * inputs (SqlInputColumn.hot: required or read by a requested output) are taken out of it for
 * every record; the other declared inputs are taken out only for the records whose keys include
 * one of them (their checks run only then, lower.ts rejectCode). read_json with a struct of every
 * declared column (the national baseline declares 153) materialised 153 text columns per record:
 * ≈ 12 CPU-s per 10⁶ records, and with ≥ 13 outputs at 20 000 records it ran out of the memory
 * limit. Values read as the struct reader read them: strings unquoted, numbers as DuckDB prints
 * the JSON number, counts and booleans as JSON text (so "5" stays '"5"'), JSON null absent.
 */
export function sqlSourceRelation(file: string, format: SourceFormat, q: SqlQuery, parquetColumns?: string[]): string {
  if (format === 'parquet' && parquetColumns) return parquetRelation(file, q, parquetColumns);
  if (format !== 'ndjson') return sourceRelation(file, format, q);
  const m = '__xize_record';
  const plain = new Set([q.idColumn, q.groupColumn].filter((x): x is string => x !== null));
  const jsonTyped = new Set(q.inputs.filter((i) => (i.type === 'integer' || i.type === 'duration' || i.type === 'boolean') && !plain.has(i.name)).map((i) => i.name));
  const value = (n: string) => (jsonTyped.has(n) ? `CAST(${m}[${lit(n)}] AS VARCHAR)` : `json_extract_string(${m}[${lit(n)}], '$')`);
  const names = [...new Set([...plain, ...q.inputs.map((i) => i.name)])];
  const hot = new Set([...plain, ...q.inputs.filter((i) => i.hot !== false).map((i) => i.name)]);
  const cold = names.filter((n) => !hot.has(n));
  const hotNames = names.filter((n) => hot.has(n));
  const read = `read_json(${lit(file)}, format = 'newline_delimited', records = false, columns = {${lit(m)}: 'MAP(VARCHAR, JSON)'})`;
  if (cold.length === 0) return `(SELECT ${hotNames.map((n) => `${value(n)} AS ${ident(n)}`).join(', ')} FROM ${read})`;
  // a record gives a cold input only if it has more keys than hot values: that count is cheap, and
  // the exact test (list_has_any over the cold names, ≈ 4 CPU-s per 10⁶ records) runs only for
  // records with more keys (an extra field, a JSON null, or indeed a cold input)
  const hotCount = hotNames.length ? hotNames.map((n) => `CAST(${ident(n)} IS NOT NULL AS INTEGER)`).join(' + ') : '0';
  const coldTest = `CASE WHEN cardinality(${m}) = ${hotCount} THEN false ELSE list_has_any(map_keys(${m}), [${cold.map(lit).join(', ')}]) END`;
  const cols = names.map((n) => (hot.has(n) ? ident(n) : `CASE WHEN __xize_cold THEN ${value(n)} END AS ${ident(n)}`));
  const hotSel = hotNames.map((n) => `${value(n)} AS ${ident(n)}`);
  return `(SELECT ${cols.join(', ')} FROM (SELECT *, ${coldTest} AS __xize_cold FROM (SELECT ${[m, ...hotSel].join(', ')} FROM ${read})))`;
}

/**
 * A Parquet file gives the columns it has; the query names every declared input, so the inputs
 * the file lacks are NULL (absent) columns here, as the NDJSON reader gives an absent key.
 */
function parquetRelation(file: string, q: SqlQuery, have: string[]): string {
  const present = new Set(have);
  const names = [...new Set([...[q.idColumn, q.groupColumn].filter((x): x is string => x !== null), ...q.inputs.map((i) => i.name)])];
  return `(SELECT ${names.map((n) => (present.has(n) ? ident(n) : `CAST(NULL AS VARCHAR) AS ${ident(n)}`)).join(', ')} FROM read_parquet(${lit(file)}))`;
}

export interface SqlRow {
  rec_id: string | null;
  reject: string | null;
  outputs: Record<string, string | null>;
}

/** Runs the printed query over `relation` and returns every row (for tests and small files). */
export async function runSqlRows(sql: string, q: SqlQuery): Promise<SqlRow[]> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    const res = await c.runAndReadAll(sql);
    return res.getRowObjectsJson().map((r) => {
      const row = r as Record<string, string | null>;
      const outputs: Record<string, string | null> = {};
      for (const o of q.outputs) outputs[o.name] = row[o.name] ?? null;
      return { rec_id: row.rec_id ?? null, reject: row.reject ?? null, outputs };
    });
  } finally {
    c.closeSync();
  }
}
