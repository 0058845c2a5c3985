// Human-readable display of internal values (元 with thousands separators, percentages,
// durations with their unit) and the OutputValue record of an output (type, JSON value, display).
import { Decimal, formatRate } from './money.ts';
import type { OutputValue } from './outcome.ts';
import type { PolicyModel, RtType } from './model.ts';
import { decText, moneyText, toJson } from './convert.ts';

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

const DURATION_SUFFIX = { days: '天', months: '个月', workdays: '个工作日' } as const;

/** Human-readable display of an internal value. */
export function display(M: PolicyModel, type: RtType, v: unknown): string {
  switch (type.kind) {
    case 'money':
      return `${groupThousands(v instanceof Decimal ? moneyText(v) : String(v))}元`;
    case 'rate':
      return v instanceof Decimal ? formatRate(v) : String(v);
    case 'number':
    case 'integer':
      return decText(v);
    case 'duration':
      return `${decText(v)}${DURATION_SUFFIX[type.unit]}`;
    case 'boolean':
      return v ? '是' : '否';
    case 'date':
    case 'text':
      return String(v);
    case 'enum':
      return String(toJson(M, type, v));
    case 'list':
      return (v as unknown[]).map((x) => display(M, type.element, x)).join('、');
    case 'record':
      return JSON.stringify(toJson(M, type, v));
  }
}

export function outputValue(M: PolicyModel, type: RtType, v: unknown): OutputValue {
  if (type.kind === 'money' && v instanceof Decimal) {
    const value = moneyText(v);
    return { type: 'money', value, display: `${groupThousands(value)}元` };
  }
  return { type: typeLabel(type), value: toJson(M, type, v), display: display(M, type, v) };
}

export function typeLabel(t: RtType): string {
  return t.kind === 'duration' ? t.unit : t.kind;
}
