// The one human-readable rendering of a value by its DECLARED type (never guessed from the JS
// value): money `84,000.00元`, rates `40%`, durations with their unit, dates, booleans 是/否, enum
// members by name, lists `甲、乙`, records `{字段: 值, …}`. Takes the JSON form of a value (what an
// Outcome, a trace node or a golden case holds), so the CLI (run, test, diff), the reports, the
// policy diff and the playground all print a value alike. No Node API.
import { Decimal } from './money.ts';
import type { RtType } from './model.ts';

/** The declared type of a value: runtime/model.ts RtType, which compiler/ir.ts XType fits too. */
export type FormatType = RtType;

/** Field types of a record by name (from the IR or the runtime model). */
export type RecordFields = (record: string) => { name: string; type: FormatType }[] | undefined;

export const DURATION_SUFFIX = { days: '天', months: '个月', workdays: '个工作日' } as const;

/** `1234567.5` → `1,234,567.5` (the integer part only). */
export function groupThousands(s: string): string {
  const neg = s.charCodeAt(0) === 45;
  const start = neg ? 1 : 0;
  let dot = s.indexOf('.');
  if (dot < 0) dot = s.length;
  if (dot - start <= 3) return s;
  let out = neg ? '-' : '';
  const head = (dot - start) % 3 || 3;
  out += s.slice(start, start + head);
  for (let i = start + head; i < dot; i += 3) out += ',' + s.slice(i, i + 3);
  return out + s.slice(dot);
}

/** A decimal from a JSON value or a golden case's spelling (`84000`, `84,000.00元`, `40%`, `5‰`). */
export function parseDecimal(v: unknown): Decimal | undefined {
  try {
    if (v instanceof Decimal) return v;
    if (typeof v === 'number') return Number.isFinite(v) ? new Decimal(String(v)) : undefined;
    if (typeof v !== 'string') return undefined;
    const s = v.trim().replace(/元$|yuan$/, '').replace(/,/g, '').trim();
    const pct = /^(-?\d+(?:\.\d+)?)\s*(%|‰)$/.exec(s);
    if (pct) return new Decimal(pct[1]!).div(pct[2] === '%' ? 100 : 1000);
    if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
    return new Decimal(s);
  } catch {
    return undefined;
  }
}

function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === '真' || v === '是') return true;
  if (v === 'false' || v === '假' || v === '否') return false;
  return undefined;
}

const raw = (v: unknown): string => (v === undefined ? '—' : v === null ? '（无）' : typeof v === 'string' ? v : JSON.stringify(v));

/** The display of a JSON value of declared type `type` (undefined type: the raw text). A value
 * that does not fit its type is shown as written, never as NaN. */
export function formatValue(type: FormatType | undefined, v: unknown, records?: RecordFields): string {
  if (v === undefined || v === null || type === undefined) return raw(v);
  switch (type.kind) {
    case 'money': {
      const d = parseDecimal(v);
      return d ? `${groupThousands(d.toFixed(2))}元` : raw(v);
    }
    case 'rate': {
      const d = parseDecimal(v);
      return d ? `${d.times(100).toFixed()}%` : raw(v);
    }
    case 'number':
    case 'integer': {
      const d = parseDecimal(v);
      return d ? d.toFixed() : raw(v);
    }
    case 'duration': {
      const d = parseDecimal(v);
      return d ? `${d.toFixed()}${DURATION_SUFFIX[type.unit]}` : raw(v);
    }
    case 'boolean': {
      const b = bool(v);
      return b === undefined ? raw(v) : b ? '是' : '否';
    }
    case 'date':
    case 'text':
    case 'enum':
      return raw(v);
    case 'list':
      return Array.isArray(v) ? (v.length === 0 ? '（空）' : v.map((x) => formatValue(type.element, x, records)).join('、')) : raw(v);
    case 'record': {
      if (typeof v !== 'object' || Array.isArray(v)) return raw(v);
      const fields = records?.(type.name);
      const o = v as Record<string, unknown>;
      const parts = Object.keys(o).map((k) => `${k}: ${formatValue(fields?.find((f) => f.name === k)?.type, o[k], records)}`);
      return `{${parts.join(', ')}}`;
    }
  }
}
