// Generic pre-order walk over typed IR expressions (used by the cycle and constness passes).
import type { IrExpr } from './ir.ts';

/** Calls `visit` on every node; returning false stops descending into that node. */
export function walkIr(e: IrExpr, visit: (e: IrExpr) => boolean | void): void {
  if (visit(e) === false) return;
  const go = (x: IrExpr | null | undefined) => {
    if (x) walkIr(x, visit);
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

/** The direct children of `e`, in walk order. */
export function irChildren(e: IrExpr): IrExpr[] {
  const out: IrExpr[] = [];
  walkIr(e, (x) => {
    if (x === e) return true;
    out.push(x);
    return false;
  });
  return out;
}
