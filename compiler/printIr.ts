// A canonical printing of checked IR expressions and types, in the language's Chinese spelling:
// deterministic, spans ignored, numeric literals normalised (so `60%` and `0.60` print alike).
// Used by the policy diff (compiler/diff.ts) to compare rule bodies and values, and to show them.
// Example: `限定(月缴费工资, 本人工资下限, 本人工资上限)`. No Node API.
import Decimal from 'decimal.js';
import type { IrExpr, IrRounding, XType } from './ir.ts';
import { BUILTIN_FUNCTIONS } from '../dsl/keywords.ts';
import { typeName } from './types.ts';

// Chinese spellings come from the one keyword table (dsl/keywords.ts), inverted.
const BUILTIN_ZH: Record<string, string> = Object.fromEntries(Object.entries(BUILTIN_FUNCTIONS).map(([zh, en]) => [en, zh]));
const OP: Record<string, string> = { '+': '+', '-': '-', '*': '×', '/': '÷', '=': '=', '!=': '≠', '<': '<', '<=': '≤', '>': '>', '>=': '≥', and: '且', or: '或' };
const DURATION_UNIT: Record<string, string> = { days: '天', months: '个月', workdays: '个工作日' };
const MODE_ZH: Record<string, string> = { half_up: '四舍五入', half_even: '银行家舍入', floor: '向下取整', ceil: '向上取整' };
const UNIT_ZH: Record<string, string> = { fen: '分', jiao: '角', yuan: '元' };

export function printType(t: XType): string {
  return typeName(t, 'zh');
}

export function printRounding(r: IrRounding | null): string {
  return r === null ? '不舍入' : `舍入 ${MODE_ZH[r.mode] ?? r.mode} 到 ${UNIT_ZH[r.unit] ?? r.unit}`;
}

function num(text: string): string {
  try {
    return new Decimal(text).toString();
  } catch {
    return text;
  }
}

function literal(e: Extract<IrExpr, { k: 'lit' }>): string {
  const v = e.value;
  if (typeof v === 'boolean') return v ? '真' : '假';
  switch (e.type.kind) {
    case 'money':
      return `${num(v)}元`;
    case 'rate':
      try {
        return `${new Decimal(v).times(100).toString()}%`;
      } catch {
        return v;
      }
    case 'number':
    case 'integer':
      return num(v);
    case 'duration':
      return `${num(v)}${DURATION_UNIT[e.type.unit] ?? ''}`;
    case 'text':
      return JSON.stringify(v);
    default:
      return v;
  }
}

function prec(e: IrExpr): number {
  switch (e.k) {
    case 'logic':
      return e.op === 'or' ? 1 : 2;
    case 'not':
      return 3;
    case 'compare':
    case 'in':
      return 4;
    case 'arith':
      return e.op === '+' || e.op === '-' ? 5 : 6;
    case 'neg':
      return 7;
    case 'when':
    case 'match':
      return 0;
    default:
      return 9;
  }
}

/** Prints a sub-expression in place of its text (the explanation puts values there); undefined
 * keeps the canonical text. */
export type IrSubstitute = (e: IrExpr) => string | undefined;

function wrap(e: IrExpr, min: number, sub?: IrSubstitute): string {
  const v = sub?.(e);
  if (v !== undefined) return v;
  const s = printIr(e, sub);
  return prec(e) < min ? `(${s})` : s;
}

function at(a: IrExpr | null, sub?: IrSubstitute): string {
  return a === null ? '' : ` 于 ${wrap(a, 9, sub)}`;
}

// The playground diffs every declaration of two compiles after each keystroke; the unchanged
// ones are the same IR objects in both (compiler/buildCache.ts) and checked IR is never mutated,
// so the plain printing of an expression is kept per object.
const printed = new WeakMap<IrExpr, string>();

/** The canonical text of an expression; `sub` may print chosen sub-expressions otherwise. */
export function printIr(e: IrExpr, sub?: IrSubstitute): string {
  if (sub) {
    const v = sub(e);
    if (v !== undefined) return v;
    return print(e, sub);
  }
  let s = printed.get(e);
  if (s === undefined) printed.set(e, (s = print(e)));
  return s;
}

function print(e: IrExpr, sub?: IrSubstitute): string {
  const p = (x: IrExpr) => printIr(x, sub);
  switch (e.k) {
    case 'lit':
      return literal(e);
    case 'enumLit':
      return `${e.enumName}.${e.member}`;
    case 'asOf':
      return '基准日';
    case 'input':
    case 'local':
      return e.name;
    case 'field':
      return `${wrap(e.object, 9, sub)}.${e.field}`;
    case 'param':
      return `${e.name}${at(e.at, sub)}`;
    case 'table':
    case 'bands':
      return `${e.name}[${p(e.key)}]${at(e.at, sub)}`;
    case 'rule':
      return e.args.length === 0 ? e.name : `${e.name}(${e.args.map(p).join(', ')})`;
    case 'builtin': {
      const args = e.args.map(p);
      if (e.unit) args.push(UNIT_ZH[e.unit] ?? e.unit);
      return `${BUILTIN_ZH[e.fn] ?? e.fn}(${args.join(', ')})`;
    }
    case 'aggregate': {
      const fn = BUILTIN_ZH[e.fn] ?? e.fn;
      if (e.body === null) return `${fn}(${p(e.list)})`;
      return `${fn}(${p(e.list)}, ${e.variable ?? '_'} => ${p(e.body)})`;
    }
    case 'arith':
    case 'compare':
    case 'logic': {
      const q = prec(e);
      // left-associative: the right operand needs parentheses at equal precedence
      return `${wrap(e.left, q, sub)} ${OP[e.op] ?? e.op} ${wrap(e.right, q + 1, sub)}`;
    }
    case 'not':
      return `非 ${wrap(e.operand, 3, sub)}`;
    case 'neg':
      return `-${wrap(e.operand, 7, sub)}`;
    case 'in':
      return `${wrap(e.value, 5, sub)} 属于 {${e.members.map(p).join(', ')}}`;
    case 'when':
      return `${e.branches.map((b) => `当 ${p(b.condition)} 则 ${p(b.value)}`).join(' ')} 否则 ${p(e.otherwise)}`;
    case 'match': {
      const arms = e.arms.map((a) => `${a.members.join(', ')}: ${p(a.value)}`);
      if (e.otherwise !== null) arms.push(`否则: ${p(e.otherwise)}`);
      return `匹配 ${p(e.subject)} { ${arms.join(', ')} }`;
    }
    case 'list':
      return `[${e.items.map(p).join(', ')}]`;
  }
}
