// The SQL IR: a small, dialect-neutral expression tree that compiler/sql/lower.ts produces from
// the checked IR and that one printer per dialect (duckdb.ts, spark.ts, trino.ts) renders.
// Every numeric value is an exact DECIMAL(38, scale) whose scale the lowering tracks; integer
// nodes (`int`) exist only inside exact rounding, where scaled values are whole numbers.
export type SqlType =
  | { k: 'dec'; scale: number }
  | { k: 'int' }
  | { k: 'bool' }
  | { k: 'date' }
  | { k: 'text' };

export type SqlExpr =
  | { k: 'col'; name: string; scale?: number } // a generated column name (never policy text); scale when decimal
  | { k: 'dec'; text: string; scale: number; width?: number } // decimal literal, already validated; DECIMAL(width ?? 38, scale)
  | { k: 'int'; value: number | string; wide?: boolean } // digits (a string for a power of ten beyond doubles); wide: the dialect's 128-bit integer (exact rounding's fallback)
  | { k: 'bool'; value: boolean }
  | { k: 'date'; iso: string }
  | { k: 'str'; value: string }
  | { k: 'null' }
  | { k: 'castDec'; x: SqlExpr; scale: number; width?: number } // CAST(x AS DECIMAL(width ?? 38, scale))
  | { k: 'toInt'; x: SqlExpr; wide?: boolean } // an integral decimal to the dialect's integer type (wide: its 128-bit one)
  | { k: 'narrowDec'; x: SqlExpr; scale: number; width: number } // x as DECIMAL(width ≤ 18, scale), NULL when it has more digits (DuckDB's int64 decimals)
  | { k: 'lastChar'; x: SqlExpr } // the last character of a text
  | { k: 'trunc'; x: SqlExpr } // a decimal truncated toward zero, DECIMAL(38, 0) (DuckDB's exact-rounding fallback, round.ts wideRound)
  | { k: 'bin'; op: '+' | '-' | '*' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'and' | 'or'; l: SqlExpr; r: SqlExpr }
  | { k: 'idiv'; l: SqlExpr; r: SqlExpr } // integer division of non-negative integers
  | { k: 'imod'; l: SqlExpr; r: SqlExpr } // remainder of non-negative integers
  | { k: 'neg'; x: SqlExpr }
  | { k: 'not'; x: SqlExpr }
  | { k: 'isNull'; x: SqlExpr }
  | { k: 'notNull'; x: SqlExpr }
  | { k: 'coalesce'; xs: SqlExpr[] } // the first non-NULL of xs
  | { k: 'case'; whens: { c: SqlExpr; v: SqlExpr }[]; otherwise: SqlExpr }
  | { k: 'in'; x: SqlExpr; items: SqlExpr[] }
  | { k: 'monthStart'; x: SqlExpr }
  | { k: 'addMonths'; x: SqlExpr; n: SqlExpr } // end-of-month clamped
  | { k: 'addDays'; x: SqlExpr; n: SqlExpr }
  | { k: 'daysBetween'; a: SqlExpr; b: SqlExpr }
  | { k: 'year'; x: SqlExpr }
  | { k: 'matches'; x: SqlExpr; re: string } // regular-expression test on text
  | { k: 'regexpReplace'; x: SqlExpr; re: string } // the text without the (anchored, single) match of re
  | { k: 'tryCastDec'; x: SqlExpr; scale: number }
  | { k: 'tryCastDate'; x: SqlExpr }
  | { k: 'toText'; x: SqlExpr } // CAST(x AS VARCHAR/STRING)
  | { k: 'rtrimZeros'; x: SqlExpr }; // decimal text without trailing fractional zeros (and a bare '.')

/** One step of the query: adds the named columns, computed from the previous step's columns. */
export interface SqlStep {
  /** `rule`: the rule whose computation the column is part of (a guarded query names it when the
   * column overflows DECIMAL(38) for a record: XS013, print.ts `guard`). */
  columns: { name: string; expr: SqlExpr; comment?: string; rule?: string }[];
}

export interface SqlOutput {
  name: string; // the policy's output name (quoted by the printer)
  column: string; // generated column holding the output's text
  type: string; // Xize type kind
  /** Numeric outputs: the generated column of the typed DECIMAL(38, scale) value the text is made from. */
  value?: string;
  scale?: number;
}

export interface SqlInputColumn {
  name: string; // policy input name = source column name (quoted by the printer)
  column: string; // generated column of the typed value
  type: string; // Xize type kind
  sqlType: string; // declared column type in the manifest
  optional: boolean;
  /** The source column's own type when the query reads it typed (not as text; rejects.ts typedSource). */
  sourceType?: string;
  /**
   * Read for every record: required, or read by a requested output (or its list-branch reject).
   * The others are only validated, and only when a record gives one (lower.ts rejectCode), so a
   * reader may leave them out of records that give none of them (cli/population/duckdbSql.ts).
   */
  hot?: boolean;
}

export interface SqlQuery {
  policy: string;
  asOf: string;
  source: string; // name of the source relation (a table or view of the population)
  idColumn: string | null;
  groupColumn: string | null; // carried through as `grp` for summaries by group
  inputs: SqlInputColumn[];
  steps: SqlStep[];
  reject: string; // generated column: null or the code of the first validation failure
  /** generated column: the input checks' code alone (reject before the per-record XS010 checks);
   * a decline (XS011) is decided there */
  inputReject?: string;
  outputs: SqlOutput[];
  /** Source columns passed through to the result unchanged (after the outputs). */
  carry?: string[];
}
