// Range pass: a parameter declared with `范围 lo..hi` (the latitude a parent grants its
// descendants, e.g. a province letting each city move a figure by at most 20 %) must get a value
// in [lo, hi] from whichever layer supplies it. The check runs at compile time for the policy being
// compiled: at every effective period (the dates of the parameter's versions and of the
// parameters its values and bounds read) the value in force is computed exactly (decimal.js) and
// compared with the bounds; a value outside is XC068 at the value that was written, so a city
// layer that overrides a province's factor is told at its own line. Bounds must be constant
// (literals, parameters, arithmetic) with lo ≤ hi (XC069). A value the pass cannot compute here
// (it reads a parameter that is still unset, as in an abstract baseline) is checked once a
// descendant supplies it. Per-case overrides are checked against the same bounds at run time.
import type Decimal from 'decimal.js';
import type { Span } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import { constant, fmt, numericLit, paramLookup } from './checkBands.ts';
import { breakpoints, inForce } from './checkTables.ts';
import type { IrExpr, IrParam } from './ir.ts';
import { report } from './messages.ts';

/** Parameters an expression reads, or false when it is not a constant expression of this shape. */
function reads(e: IrExpr, out: Set<string>): boolean {
  switch (e.k) {
    case 'lit':
      return numericLit(e) !== null;
    case 'param':
      out.add(e.name);
      return e.at === null;
    case 'neg':
      return reads(e.operand, out);
    case 'arith':
      return reads(e.left, out) && reads(e.right, out);
    default:
      return false;
  }
}

export function checkRanges(params: IrParam[], diags: Diagnostic[]): void {
  const byName = new Map(params.map((p) => [p.name, p]));
  const lookup = paramLookup(params);
  for (const p of params) {
    const range = p.range;
    if (!range) continue;
    const extra = p.cite ? { cite: p.cite } : {};
    const used = new Set<string>();
    if (!reads(range.lo, used) || !reads(range.hi, used)) {
      report(diags, 'XC069', range.span, { name: p.name, problem: '两端必须是常量（字面量、参数与算术）', problemEn: 'must have constant ends (literals, parameters, arithmetic)' }, extra);
      continue;
    }
    const boundParams = [...used];
    for (const l of p.layers) for (const v of l.versions) reads(v.body, used);
    const periods = breakpoints([{ versions: [{ from: null }] }, ...p.layers, ...[...used].flatMap((n) => byName.get(n)?.layers ?? [])]);
    const seen = new Set<number>();
    let emptyReported = false;
    for (const bp of periods) {
      const lo = constant(range.lo, bp, lookup);
      const hi = constant(range.hi, bp, lookup);
      if (!lo || !hi) continue; // a bound reads an unset parameter: checked where it is set
      if (lo.gt(hi)) {
        if (!emptyReported) report(diags, 'XC069', range.span, { name: p.name, problem: `为空：下限 ${fmt(lo, p.type)} 大于上限 ${fmt(hi, p.type)}`, problemEn: `is empty: ${fmt(lo, p.type)} is above ${fmt(hi, p.type)}` }, extra);
        emptyReported = true;
        continue;
      }
      if (bp === null && boundParams.length === 0) {
        range.loValue = lo.toFixed();
        range.hiValue = hi.toFixed();
      }
      // the version in force at this date: the last layer that has one wins (compiler/ir.ts)
      let hit: { body: IrExpr; span: Span; policy: string } | undefined;
      for (const l of p.layers) {
        const v = inForce(l.versions, bp);
        if (v) hit = { body: v.body, span: v.body.span, policy: l.policy };
      }
      if (!hit) continue;
      const value = constant(hit.body, bp, lookup);
      if (!value || (value.gte(lo) && value.lte(hi))) continue;
      if (seen.has(hit.span.start.offset)) continue; // the same value in a later period: reported once
      seen.add(hit.span.start.offset);
      report(diags, 'XC068', hit.span, args(p, value, lo, hi, bp, hit.policy, range.policy), {
        ...extra,
        related: [{ span: range.span, message: { zh: `“${range.policy}”声明的范围`, en: `the range declared in '${range.policy}'` } }],
      });
    }
  }
}

function args(p: IrParam, value: Decimal, lo: Decimal, hi: Decimal, bp: string | null, policy: string, declPolicy: string): Record<string, string> {
  return {
    name: p.name,
    value: fmt(value, p.type),
    lo: fmt(lo, p.type),
    hi: fmt(hi, p.type),
    policy,
    declPolicy,
    period: bp ? `（自 ${bp} 起）` : '',
    periodEn: bp ? ` (from ${bp})` : '',
  };
}
