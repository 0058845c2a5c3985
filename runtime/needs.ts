// Which optional inputs each output rule and check certainly reads at an as-of date (from the
// dependency graph codegen emits), so a rule whose inputs are absent is reported unavailable
// without running it.
import { pickVersion } from './lookup.ts';
import type { NeedsNode, PolicyModel } from './model.ts';
import type { NeedsAt, Prepared } from './prepared.ts';
import type { Ctx } from './context.ts';
import { has } from './inputs.ts';

/** Resolves the needs graph at an as-of date (each rule's version chosen), cached per date. */
export function needsAt(M: PolicyModel, P: Prepared, asOf: string): NeedsAt {
  let n = P.needsAt.get(asOf);
  if (n !== undefined) return n;
  if (P.needsAt.size >= 256) P.needsAt.clear();
  const memo: (number[] | undefined)[] = new Array(M.rules.length);
  const visiting = new Set<number>();
  const union = (node: NeedsNode): number[] => {
    const out = new Set<number>(node.inputs);
    for (const r of node.rules) for (const k of ofRule(r)) out.add(k);
    return [...out].sort((a, b) => a - b);
  };
  const ofRule = (i: number): number[] => {
    const m = memo[i];
    if (m !== undefined) return m;
    if (visiting.has(i)) return [];
    const R = M.rules[i]!;
    let out: number[] = [];
    if (R.deps !== null && R.deps.length > 0) {
      let vi: number | undefined = 0;
      if (R.layers !== null) vi = pickVersion(R.layers, asOf)?.value;
      const node = vi === undefined ? undefined : R.deps[vi];
      if (node !== undefined) {
        visiting.add(i);
        out = union(node);
        visiting.delete(i);
      }
    }
    memo[i] = out;
    return out;
  };
  n = { rules: M.rules.map((_, i) => ofRule(i)), checks: M.checks.map((c) => union(c.deps)) };
  P.needsAt.set(asOf, n);
  return n;
}

/** Names of the inputs among `needs` that the case does not give, or null. */
export function absent(cx: Ctx, needs: number[]): string[] | null {
  let out: string[] | null = null;
  for (let n = 0; n < needs.length; n++) {
    if (!has(cx, needs[n]!)) (out ??= []).push(cx.M.inputs[needs[n]!]!.name);
  }
  return out;
}
