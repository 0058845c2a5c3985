// XType helpers shared by the checker passes: display names (Chinese and English), equality,
// unification and assignability. The checker uses one extra internal type, UNKNOWN, for
// expressions that already produced a diagnostic (or parser `error` nodes): it unifies with
// everything, so one mistake never cascades into bogus follow-up errors. UNKNOWN never
// reaches an emitted IrPolicy (the IR is only returned when there are no errors).
import type { XType } from './ir.ts';

export const UNKNOWN = { kind: 'unknown' } as unknown as XType;

export const T = {
  money: { kind: 'money' } as XType,
  rate: { kind: 'rate' } as XType,
  number: { kind: 'number' } as XType,
  integer: { kind: 'integer' } as XType,
  boolean: { kind: 'boolean' } as XType,
  date: { kind: 'date' } as XType,
  text: { kind: 'text' } as XType,
  days: { kind: 'duration', unit: 'days' } as XType,
  months: { kind: 'duration', unit: 'months' } as XType,
  workdays: { kind: 'duration', unit: 'workdays' } as XType,
};

export function isUnknown(t: XType): boolean {
  return (t as { kind: string }).kind === 'unknown';
}

/** Contains UNKNOWN anywhere (e.g. list[unknown]). */
export function hasUnknown(t: XType): boolean {
  if (isUnknown(t)) return true;
  return t.kind === 'list' ? hasUnknown(t.element) : false;
}

const ZH: Record<string, string> = {
  money: '金额',
  rate: '比率',
  number: '数值',
  integer: '整数',
  boolean: '布尔',
  date: '日期',
  text: '文本',
  days: '天数',
  months: '月数',
  workdays: '工作日数',
};

export function typeName(t: XType, lang: 'zh' | 'en'): string {
  if (isUnknown(t)) return '?';
  switch (t.kind) {
    case 'duration':
      return lang === 'zh' ? ZH[t.unit] : t.unit;
    case 'enum':
    case 'record':
      return t.name;
    case 'list':
      return lang === 'zh' ? `列表[${typeName(t.element, lang)}]` : `list[${typeName(t.element, lang)}]`;
    default:
      return lang === 'zh' ? ZH[t.kind] : t.kind;
  }
}

/** Both spellings, for message arguments: { zh: '金额', en: 'money' } flattened by callers. */
export function typeArgs(prefix: string, t: XType): Record<string, string> {
  return { [prefix]: typeName(t, 'zh'), [prefix + 'En']: typeName(t, 'en') };
}

export function sameType(a: XType, b: XType): boolean {
  if (isUnknown(a) || isUnknown(b)) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'duration':
      return a.unit === (b as typeof a).unit;
    case 'enum':
    case 'record':
      return a.name === (b as typeof a).name;
    case 'list':
      return sameType(a.element, (b as typeof a).element);
    default:
      return true;
  }
}

/** Strict equality (UNKNOWN equals only itself), for override type comparison. */
export function identicalType(a: XType, b: XType): boolean {
  if (isUnknown(a) || isUnknown(b)) return true;
  return sameType(a, b);
}

export function isNumeric(t: XType): boolean {
  return t.kind === 'integer' || t.kind === 'number';
}

/** The common type of two branches / operands, or null when they do not fit together. */
export function unify(a: XType, b: XType): XType | null {
  if (isUnknown(a)) return b;
  if (isUnknown(b)) return a;
  if (isNumeric(a) && isNumeric(b)) return a.kind === 'integer' && b.kind === 'integer' ? a : T.number;
  if (a.kind === 'list' && b.kind === 'list') {
    const e = unify(a.element, b.element);
    return e ? { kind: 'list', element: e } : null;
  }
  return sameType(a, b) ? a : null;
}

/** A value of type `from` may be used where `to` is expected (integer widens to number). */
export function assignable(from: XType, to: XType): boolean {
  if (isUnknown(from) || isUnknown(to)) return true;
  if (from.kind === 'integer' && to.kind === 'number') return true;
  if (from.kind === 'list' && to.kind === 'list') return assignable(from.element, to.element);
  return sameType(from, to);
}
