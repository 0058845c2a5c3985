// Trino spelling of the SQL IR: `/` on BIGINT truncates (operands are non-negative here),
// date_add/date_diff with a unit name, regexp_like.
import type { Dialect } from './print.ts';

const str = (v: string) => `'${v.replace(/'/g, "''")}'`;
export const trino: Dialect = {
  name: 'trino',
  ident: (n) => `"${n.replace(/"/g, '""')}"`,
  str,
  intType: 'BIGINT',
  textType: 'VARCHAR',
  idiv: (l, r) => `(${l} / ${r})`,
  monthStart: (x) => `date_trunc('month', ${x})`,
  addMonths: (x, n) => `date_add('month', CAST(${n} AS BIGINT), ${x})`,
  addDays: (x, n) => `date_add('day', CAST(${n} AS BIGINT), ${x})`,
  daysBetween: (a, b) => `CAST(date_diff('day', ${a}, ${b}) AS DECIMAL(38,0))`,
  matches: (x, re) => `regexp_like(${x}, ${str(re)})`,
  tryCast: (x, t) => `try_cast(${x} AS ${t})`,
  rtrimZeros: (x) => `CASE WHEN strpos(${x}, '.') > 0 THEN regexp_replace(regexp_replace(${x}, '0+$', ''), '[.]$', '') ELSE ${x} END`,
};
