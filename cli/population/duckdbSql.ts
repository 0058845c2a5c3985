// Runs a population wholly in embedded DuckDB with the SQL backend (`--engine duckdb-sql`):
// the source file is read by DuckDB with every input column as text (the query validates and
// types them itself, so a bad value is a rejected record, not a failed run); NDJSON counts and
// booleans as JSON text, so a quoted value stays distinguishable from a number.
import { DuckDBInstance } from '@duckdb/node-api';
import type { SqlQuery } from '../../compiler/sql/index.ts';
import { lit } from './sqlText.ts';

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
