// `范围 lo..hi` on an input or record field: the values a case may give. Money, integers and
// durations are at least 0 by default (docs/language.md, "Inputs"); a policy whose amounts can
// be negative (an overpayment, a correction) says so here. The ends are literals of the field's
// unit (a leading − allowed) so the bound is known to the schema, the fast check and the fen
// reader without evaluating anything; anything else is XC097.
import Decimal from 'decimal.js';
import type { Expr, Span } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import type { XType } from './ir.ts';
import { report } from './messages.ts';

export function fieldRange(name: string, type: XType, range: { from: Expr; to: Expr; span: Span } | undefined, diags: Diagnostic[]): { range?: [string, string] } {
  if (range === undefined) return {};
  const bad = (zh: string, en: string) => {
    report(diags, 'XC097', range.span, { name, problem: zh, problemEn: en });
    return {};
  };
  if (!['money', 'number', 'rate', 'integer', 'duration'].includes(type.kind)) return bad('只能用于金额、数值、比率、整数或期间字段', 'applies only to money, number, rate, integer or duration fields');
  const lo = literal(range.from, type);
  const hi = literal(range.to, type);
  if (lo === null || hi === null) return bad('两端必须是与字段同单位的字面量（可带负号），如 -100元..100元', "must have literal ends in the field's unit (a minus allowed), e.g. -100元..100元");
  if (lo.gt(hi)) return bad(`为空：下限 ${lo.toFixed()} 大于上限 ${hi.toFixed()}`, `is empty: ${lo.toFixed()} is above ${hi.toFixed()}`);
  return { range: [lo.toFixed(), hi.toFixed()] };
}

/** The value of a literal end in the field's unit, or null. */
function literal(e: Expr, t: XType): Decimal | null {
  if (e.kind === 'unary' && e.op === 'neg') return literal(e.operand, t)?.neg() ?? null;
  switch (t.kind) {
    case 'money':
      return e.kind === 'money' ? new Decimal(e.value) : null;
    case 'number':
      return e.kind === 'number' ? new Decimal(e.value) : null;
    case 'rate':
      if (e.kind === 'percent') return new Decimal(e.value).div(e.perMille ? 1000 : 100);
      return e.kind === 'number' ? new Decimal(e.value) : null;
    case 'integer':
      return e.kind === 'number' && /^\d+$/.test(e.value) ? new Decimal(e.value) : null;
    case 'duration':
      return e.kind === 'duration' && e.unit === (t as { unit?: string }).unit && /^\d+$/.test(e.value) ? new Decimal(e.value) : null;
    default:
      return null;
  }
}
