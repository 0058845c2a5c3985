// The declared input columns a population file gives at all, so the JS run reads only those.
// A policy declares many inputs (the national baseline 153) and a population gives a handful:
// DuckDB's NDJSON reader materialises every column asked for, and the per-row presence masks
// and text casts over 153 mostly-NULL columns cost ≈ 4 CPU-s per 10⁶ records against ≈ 0.6 s
// for one pass over the keys (DuckDB's threads) plus the handful of columns.
//
// Exact by construction: a column left out is NULL in every record, which the run treats as
// absent, the same as before. Keys match as DuckDB's read_json matches them (exactly); a line
// that is not a JSON object, or a pass that fails, keeps every declared column (the reader then
// behaves as it did, errors included), and so does a file that gives none of them. CSV and Parquet keep every declared column: their
// reader requires each one (a missing one is the reader's error, as before).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SourceFormat } from './duckdbSql.ts';
import { lit } from './sqlText.ts';

/** The query starts when this is called (DuckDB runs it on its threads while the caller goes on). */
export async function givenColumns(c: DuckDBConnection, file: string, format: SourceFormat, names: string[]): Promise<Set<string>> {
  const all = new Set(names);
  if (format !== 'ndjson') return all;
  try {
    // a non-object line gives one NULL key: keep everything
    const rows = (await c.runAndReadAll(
      `SELECT DISTINCT unnest(CASE WHEN json_type(json) = 'OBJECT' THEN json_keys(json) ELSE [NULL] END) FROM read_ndjson_objects(${lit(file)})`,
    )).getRows();
    const keys = new Set<string>();
    for (const [k] of rows) {
      if (typeof k !== 'string') return all;
      keys.add(k);
    }
    const given = new Set(names.filter((n) => keys.has(n)));
    // none given: the reader needs a column to read (every record is then as before)
    return given.size > 0 ? given : all;
  } catch {
    return all; // the main query reads the file again and reports what is wrong with it
  }
}
