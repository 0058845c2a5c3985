// DuckDB spelling of the SQL IR (embedded engine of `--engine duckdb-sql`).
import type { Dialect } from './print.ts';

export const duckdb: Dialect = {
  name: 'duckdb',
  ident: (n) => `"${n.replace(/"/g, '""')}"`,
  str: (v) => `'${v.replace(/'/g, "''")}'`,
  intType: 'BIGINT',
  wideIntType: 'HUGEINT',
  textType: 'VARCHAR',
  idiv: (l, r) => `(${l} // ${r})`,
  monthStart: (x) => `CAST(date_trunc('month', ${x}) AS DATE)`,
  addMonths: (x, n) => `CAST(${x} + to_months(CAST(${n} AS INTEGER)) AS DATE)`,
  addDays: (x, n) => `CAST(${x} + to_days(CAST(${n} AS INTEGER)) AS DATE)`,
  daysBetween: (a, b) => `CAST(date_diff('day', ${a}, ${b}) AS DECIMAL(38,0))`,
  matches: (x, re) => `regexp_full_match(${x}, '${re.replace(/'/g, "''")}')`,
  tryCast: (x, t) => `TRY_CAST(${x} AS ${t})`,
  // DECIMAL(18) is int64-backed, ≈ 10× faster to parse than the hugeint DECIMAL(38); a text too
  // long for it is NULL there and parsed again at 38 digits. Both casts are exact.
  tryCastDec: (x, s) => s <= 18 ? `COALESCE(CAST(TRY_CAST(${x} AS DECIMAL(18,${s})) AS DECIMAL(38,${s})), TRY_CAST(${x} AS DECIMAL(38,${s})))` : `TRY_CAST(${x} AS DECIMAL(38,${s}))`,
  // formatting a hugeint DECIMAL(38) is ≈ 4× slower than the int64 DECIMAL(18) of the same value
  decToText: (x, s) => s <= 18 ? `COALESCE(CAST(TRY_CAST(${x} AS DECIMAL(18,${s})) AS VARCHAR), CAST(${x} AS VARCHAR))` : `CAST(${x} AS VARCHAR)`,
  // one function over a constant list: DuckDB plans `x IN (…10 items…)` as a mark join or an OR
  // chain, each with its own intermediate vectors; NULL x gives NULL in both spellings
  inList: (x, items) => `list_contains([${items.join(', ')}], ${x})`,
  rtrimZeros: (x) => `CASE WHEN contains(${x}, '.') THEN rtrim(rtrim(${x}, '0'), '.') ELSE ${x} END`,
};
