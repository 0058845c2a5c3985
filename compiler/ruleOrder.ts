// Rules in dependency order (every rule after the rules it refers to), computed without
// recursion so a long chain of rules (r2 = r1 + …, r1 = r0 + …, declared in any order) costs
// no stack. Passes that handle a rule after its dependencies (the fen code generator, the
// chain-depth limit) walk this order instead of recursing from rule to rule.
import type { IrExpr, IrRule } from './ir.ts';
import { walkIr } from './irWalk.ts';

/** Indexes of the rules each rule refers to (bodies of all layers and exceptions). */
export function ruleRefs(rules: IrRule[]): number[][] {
  const index = new Map(rules.map((r, i) => [r.name, i]));
  return rules.map((r) => {
    const refs = new Set<number>();
    const visit = (e: IrExpr) => {
      if (e.k === 'rule') {
        const i = index.get(e.name);
        if (i !== undefined) refs.add(i);
      }
    };
    for (const l of r.layers) for (const v of l.versions) walkIr(v.body, visit);
    for (const x of r.exceptions) {
      walkIr(x.condition, visit);
      walkIr(x.value, visit);
    }
    return [...refs];
  });
}

/** Post-order of the reference graph (dependencies first); members of a cycle (already an
 * error, XC050) appear in some order. */
export function dependencyOrder(refs: number[][]): number[] {
  const state = new Uint8Array(refs.length); // 0 new, 1 on the stack, 2 done
  const order: number[] = [];
  for (let root = 0; root < refs.length; root++) {
    if (state[root]) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [i, k] = top;
      const next = refs[i]![k];
      if (next === undefined) {
        stack.pop();
        state[i] = 2;
        order.push(i);
        continue;
      }
      top[1] = k + 1;
      if (state[next] === 0) {
        state[next] = 1;
        stack.push([next, 0]);
      }
    }
  }
  return order;
}
