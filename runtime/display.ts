// Human-readable display of internal values (元 with thousands separators, percentages,
// durations with their unit) and the OutputValue record of an output (type, JSON value, display).
import { Decimal, formatRate } from './money.ts';
import type { OutputValue } from './outcome.ts';
import type { PolicyModel, RtType } from './model.ts';
import { decText, moneyText, toJson } from './convert.ts';
import { DURATION_SUFFIX, groupThousands } from './format.ts';


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
