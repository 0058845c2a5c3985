// A Parquet file's typed columns read by the JS population run straight from DuckDB's vectors,
// without DuckDB casting every value to VARCHAR and the node-api making a JS string of it.
// Exact by construction: each reader gives the very value the text path gives (the text
// `CAST(x AS VARCHAR)` would give, through records.ts valueFromText), so a record reads the
// same whether its column is typed or text:
//   DATE            'YYYY-MM-DD' (years 1–9999; any other year DuckDB's own text, via node-api)
//   DECIMAL(w ≤ 18) its scaled integer written with `scale` places ("-12.50"), as DuckDB prints it
//   BOOLEAN         true / false for a boolean input ('true' / 'false' for any other input)
// Any other type (VARCHAR, integers, wider decimals) is still read as text.
import type { DuckDBConnection } from '@duckdb/node-api';
import { valueFromText } from './records.ts';
import { lit } from './sqlText.ts';
import { fromDayNumber, toDayNumber } from '../../runtime/dates.ts';

/** A Parquet file's columns and their DuckDB types (metadata only: the file is not scanned). */
export async function parquetTypes(c: DuckDBConnection, file: string): Promise<Map<string, string>> {
  const rows = (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${lit(file)})`)).getRowObjectsJson() as { column_name: string; column_type: string }[];
  return new Map(rows.map((r) => [r.column_name, r.column_type]));
}

/** The node-api vector as the readers below use it (the public fields of its classes). */
interface Vec {
  getItem(r: number): unknown;
  getScaledValue?(r: number): number | bigint | null;
  items?: Int32Array;
  validity?: { itemValid(r: number): boolean };
}

/** Reads row r of a column vector as the engine's input value (undefined: absent). */
export type ColumnReader = (v: Vec, r: number) => unknown;

const textReader = (kind: string): ColumnReader => (v, r) => {
  const s = v.getItem(r);
  return s === null || s === undefined ? undefined : valueFromText(kind, s as string);
};

/** Whether a column of DuckDB type `type` is read typed (else the query casts it to VARCHAR). */
export function readsTyped(type: string | undefined): boolean {
  if (type === 'DATE' || type === 'BOOLEAN') return true;
  const m = type ? /^DECIMAL\((\d+),(\d+)\)$/.exec(type) : null;
  return m !== null && Number(m[1]) <= 18;
}

export function columnReader(type: string | undefined, kind: string): ColumnReader {
  if (!readsTyped(type)) return textReader(kind);
  if (type === 'BOOLEAN') {
    return (v, r) => {
      const b = v.getItem(r);
      return b === null ? undefined : kind === 'boolean' ? b : b ? 'true' : 'false';
    };
  }
  if (type === 'DATE') return dateReader(kind);
  const scale = Number(/,(\d+)\)$/.exec(type!)![1]);
  return (v, r) => {
    const x = v.getScaledValue!(r);
    return x === null ? undefined : valueFromText(kind, decimalText(x, scale));
  };
}

/** A scaled decimal's text as DuckDB's CAST(… AS VARCHAR) writes it: "-0.50", "12", "3.000". */
export function decimalText(x: number | bigint, scale: number): string {
  const neg = x < 0;
  const digits = String(neg ? -x : x);
  if (scale === 0) return neg ? `-${digits}` : digits;
  const d = digits.padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${d.slice(0, d.length - scale)}.${d.slice(d.length - scale)}`;
}

function dateReader(kind: string): ColumnReader {
  // a population has a few thousand distinct dates: each text is built once
  const cache = new Map<number, unknown>();
  return (v, r) => {
    if (!v.validity!.itemValid(r)) return undefined;
    const days = v.items![r]!;
    let t = cache.get(days);
    if (t === undefined) {
      t = valueFromText(kind, dateText(days) ?? String(v.getItem(r)));
      cache.set(days, t);
    }
    return t;
  };
}

/** Days since 1970-01-01 as 'YYYY-MM-DD' for years 1–9999 (proleptic Gregorian, as DuckDB and
 * the runtime's own day numbers), else null (left to DuckDB's text). */
export function dateText(days: number): string | null {
  return days < FIRST_DAY || days > LAST_DAY ? null : fromDayNumber(days);
}
const FIRST_DAY = toDayNumber('0001-01-01');
const LAST_DAY = toDayNumber('9999-12-31');
