// Spark SQL (≥ 4, ANSI mode) spelling of the SQL IR: exact DECIMAL(38), `div` for integer
// division, backslash-escaped string literals, back-quoted identifiers.
import type { Dialect } from './print.ts';

const str = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
export const spark: Dialect = {
  name: 'spark',
  ident: (n) => `\`${n.replace(/`/g, '``')}\``,
  str,
  intType: 'BIGINT',
  textType: 'STRING',
  idiv: (l, r) => `(${l} div ${r})`,
  monthStart: (x) => `trunc(${x}, 'MM')`,
  addMonths: (x, n) => `add_months(${x}, CAST(${n} AS INT))`,
  addDays: (x, n) => `date_add(${x}, CAST(${n} AS INT))`,
  daysBetween: (a, b) => `CAST(datediff(${b}, ${a}) AS DECIMAL(38,0))`,
  matches: (x, re) => `(${x} RLIKE ${str(re)})`,
  tryCast: (x, t) => `try_cast(${x} AS ${t})`,
  rtrimZeros: (x) => `CASE WHEN instr(${x}, '.') > 0 THEN regexp_replace(regexp_replace(${x}, '0+$', ''), '[.]$', '') ELSE ${x} END`,
};
