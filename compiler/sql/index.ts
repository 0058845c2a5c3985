// The SQL backend: checked IR → SQL IR (lower.ts) → SQL text of one dialect (print.ts with
// duckdb.ts, spark.ts or trino.ts). docs/populations.md describes the subset.
import type { IrPolicy } from '../ir.ts';
import { lowerPolicy, type LowerOptions, type LowerResult } from './lower.ts';
import { printQuery, type Dialect } from './print.ts';
export { outputTextSql, printQuery, sourceColumn, OVERFLOW_COLUMN } from './print.ts';
import { duckdb } from './duckdb.ts';
import { spark } from './spark.ts';
import { trino } from './trino.ts';

export const dialects: Record<string, Dialect> = { duckdb, spark, trino };
export { sqlMessages } from './messages.ts';
export type { SqlQuery } from './sqlIr.ts';

export interface SqlCompileResult extends LowerResult {
  sql?: string;
  /** The same query with numeric outputs as typed DECIMAL values (printQuery's `values`). */
  valuesSql?: string;
}

export function compileSql(ir: IrPolicy, dialect: 'duckdb' | 'spark' | 'trino', opts: LowerOptions): SqlCompileResult {
  const D = dialects[dialect]!;
  const r = lowerPolicy(ir, { ...opts, wideInts: D.wideIntType !== undefined });
  if (!r.query) return r;
  return { ...r, sql: printQuery(D, r.query), valuesSql: printQuery(D, r.query, { values: true }) };
}
