// Generic walks over typed IR expressions (used by the cycle, constness, typedness and depth
// passes). `eachChild` is the one place that knows where an expression keeps its operands.
import type { IrExpr } from './ir.ts';

/** Calls `f` on each direct child of `e`, in source order. */
export function eachChild(e: IrExpr, f: (x: IrExpr) => void): void {
  const go = (x: IrExpr | null | undefined) => {
    if (x) f(x);
  };
  switch (e.k) {
    case 'field':
      return go(e.object);
    case 'param':
      return go(e.at);
    case 'table':
    case 'bands':
      go(e.key);
      return go(e.at);
    case 'rule':
    case 'builtin':
      return e.args.forEach(go);
    case 'aggregate':
      go(e.list);
      return go(e.body);
    case 'arith':
    case 'compare':
    case 'logic':
      go(e.left);
      return go(e.right);
    case 'not':
    case 'neg':
      return go(e.operand);
    case 'in':
      go(e.value);
      return e.members.forEach(go);
    case 'when':
      for (const b of e.branches) {
        go(b.condition);
        go(b.value);
      }
      return go(e.otherwise);
    case 'match':
      go(e.subject);
      for (const a of e.arms) go(a.value);
      return go(e.otherwise);
    case 'list':
      return e.items.forEach(go);
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
