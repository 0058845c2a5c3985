// Evaluation-depth limit (MAX_EVAL_DEPTH, docs/diagnostics.md "Limits"). A rule is computed
// on demand: reading another rule calls it, inside the expression that reads it, so a chain
// of rules nests calls on the runtime's stack — 10 000 rules chained in reverse order once
// passed the check and then failed every case (XR012, stack overflow). The depth of a rule is
// 1 + the deepest of: its expressions' depth, and, for each rule it reads, the depth of the
// reading node plus that rule's depth. Computed in dependency order without recursion;
// reported once, at the rule where the chain crosses the limit (XC093).
import type { Span } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import type { IrExpr, IrRule } from './ir.ts';
import { irChildren } from './irWalk.ts';
import { MAX_EVAL_DEPTH } from './limits.ts';
import { report } from './messages.ts';
import { dependencyOrder, ruleRefs } from './ruleOrder.ts';


export function ruleDepths(rules: IrRule[]): number[] {
  const index = new Map(rules.map((r, i) => [r.name, i]));
  const depth = new Array<number>(rules.length).fill(0);
  for (const i of dependencyOrder(ruleRefs(rules))) {
    const r = rules[i]!;
    const roots: IrExpr[] = [];
    for (const l of r.layers) for (const v of l.versions) roots.push(v.body);
    for (const x of r.exceptions) roots.push(x.condition, x.value);
    let deepest = 0;
    const stack: [IrExpr, number][] = roots.map((e) => [e, 1]);
    while (stack.length) {
      const [e, d] = stack.pop()!;
      let here = d;
      if (e.k === 'rule') {
        const j = index.get(e.name);
        if (j !== undefined && j !== i) here = d + depth[j]!; // a cycle (XC050) counts nothing
      }
      if (here > deepest) deepest = here;
      for (const c of irChildren(e)) stack.push([c, d + 1]);
    }
    depth[i] = 1 + deepest;
  }
  return depth;
}

export function checkEvalDepth(rules: IrRule[], nameSpans: Map<string, Span>, diags: Diagnostic[], limit = MAX_EVAL_DEPTH): void {
  const depth = ruleDepths(rules);
  const refs = ruleRefs(rules);
  rules.forEach((r, i) => {
    if (depth[i]! <= limit) return;
    // only where the chain crosses the limit: every rule this one reads is still within it
    if (refs[i]!.some((j) => depth[j]! > limit)) return;
    report(diags, 'XC093', nameSpans.get(r.name) ?? r.span, { name: r.name, depth: String(depth[i]), limit: String(limit) });
  });
}
