// What the whole-policy passes (cycles, evaluation depth, liveness, typedness) need from one
// expression tree, computed once per IR object: checked IR is never mutated, and the unchanged
// declarations of a re-check are the same objects as before (compiler/buildCache.ts), so a
// re-check walks only the trees of what the edit touched.
import type { IrExpr } from './ir.ts';
import { eachChild, walkIr } from './irWalk.ts';
import { isUnknown } from './types.ts';

export interface IrSummary {
  /** the deepest node, the root at depth 1 */
  maxDepth: number;
  /** every rule and parameter node with its depth, in the order of an iterative depth-first walk
   * (a stack: the last child first), the order checkDepth.ts reads them in */
  reads: { k: 'rule' | 'param'; name: string; d: number }[];
  /** names read by rule, parameter and table nodes: first occurrences, pre-order */
  rules: string[];
  params: string[];
  tables: string[];
  /** the first node of UNKNOWN type, pre-order (checkTyped.ts) */
  untyped: IrExpr | null;
}

const memo = new WeakMap<IrExpr, IrSummary>();

export function summary(root: IrExpr): IrSummary {
  let s = memo.get(root);
  if (s) return s;
  const reads: IrSummary['reads'] = [];
  let maxDepth = 0;
  const stack: [IrExpr, number][] = [[root, 1]];
  while (stack.length) {
    const [e, d] = stack.pop()!;
    if (e.k === 'rule' || e.k === 'param') reads.push({ k: e.k, name: e.name, d });
    if (d > maxDepth) maxDepth = d;
    eachChild(e, (c) => stack.push([c, d + 1]));
  }
  const rules = new Set<string>();
  const params = new Set<string>();
  const tables = new Set<string>();
  let untyped: IrExpr | null = null;
  walkIr(root, (e) => {
    if (e.k === 'rule') rules.add(e.name);
    else if (e.k === 'param') params.add(e.name);
    else if (e.k === 'table') tables.add(e.name);
    if (untyped === null && isUnknown(e.type)) untyped = e;
  });
  s = { maxDepth, reads, rules: [...rules], params: [...params], tables: [...tables], untyped };
  memo.set(root, s);
  return s;
}
