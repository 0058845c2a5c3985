// Generic walks over typed IR expressions (used by the cycle, constness, typedness and depth
// passes). `eachChild` is the one place that knows where an expression keeps its operands.
import type { IrExpr } from './ir.ts';

/** Calls `f` on each direct child of `e`, in source order. No closure per call: this runs for
 * every node of every pass, and a per-call helper (which tsx/esbuild also wrap in `__name`)
 * was a measurable share of a whole-chain check. */
export function eachChild(e: IrExpr, f: (x: IrExpr) => void): void {
  switch (e.k) {
    case 'field':
      if (e.object) f(e.object);
      return;
    case 'param':
      if (e.at) f(e.at);
      return;
    case 'table':
    case 'bands':
      if (e.key) f(e.key);
      if (e.at) f(e.at);
      return;
    case 'rule':
    case 'builtin':
      for (const x of e.args) if (x) f(x);
      return;
    case 'aggregate':
      if (e.list) f(e.list);
      if (e.body) f(e.body);
      return;
    case 'arith':
    case 'compare':
    case 'logic':
      if (e.left) f(e.left);
      if (e.right) f(e.right);
      return;
    case 'not':
    case 'neg':
      if (e.operand) f(e.operand);
      return;
    case 'in':
      if (e.value) f(e.value);
      for (const x of e.members) if (x) f(x);
      return;
    case 'when':
      for (const b of e.branches) {
        if (b.condition) f(b.condition);
        if (b.value) f(b.value);
      }
      if (e.otherwise) f(e.otherwise);
      return;
    case 'match':
      if (e.subject) f(e.subject);
      for (const a of e.arms) if (a.value) f(a.value);
      if (e.otherwise) f(e.otherwise);
      return;
    case 'list':
      for (const x of e.items) if (x) f(x);
      return;
    default:
      return;
  }
}

/** Calls `visit` on every node, pre-order; returning false stops descending into that node.
 * Recursive: expression depth is bounded by MAX_EXPR_DEPTH (dsl/limits.ts). */
export function walkIr(e: IrExpr, visit: (e: IrExpr) => boolean | void): void {
  if (visit(e) === false) return;
  eachChild(e, (x) => walkIr(x, visit));
}
