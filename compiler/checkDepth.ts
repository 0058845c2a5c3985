// Evaluation-depth limit (MAX_EVAL_DEPTH, compiler/limits.ts). Rules and parameters are
// computed on demand: reading one calls it, inside the expression that reads it, so a chain of
// them nests calls on the runtime's stack — 10 000 rules chained in reverse order once passed
// the check and then failed every case (XR012, stack overflow); 2 000 chained parameters too.
// The depth of a rule or parameter is 1 + the deepest of: its expressions' depth, and, for
// each rule or parameter it reads, the depth of the reading node plus the depth of what it
// reads. Computed in dependency order without recursion; reported once per chain, at the
// declaration where the chain crosses the limit (XC093).
import type { Span } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import type { IrExpr, IrParam, IrRule } from './ir.ts';
import { walkIr } from './irWalk.ts';
import { summary } from './irSummary.ts';
import { MAX_EVAL_DEPTH } from './limits.ts';
import { report } from './messages.ts';
import { dependencyOrder } from './ruleOrder.ts';

interface Item {
  name: string;
  roots: IrExpr[];
}

function ruleRoots(r: IrRule): IrExpr[] {
  const roots: IrExpr[] = [];
  for (const l of r.layers) for (const v of l.versions) roots.push(v.body);
  for (const x of r.exceptions) roots.push(x.condition, x.value);
  return roots;
}

function paramRoots(p: IrParam): IrExpr[] {
  return p.layers.flatMap((l) => l.versions.map((v) => v.body));
}

/** Depths of `items` whose references of kind `k` point into `items` itself; `outer` gives the
 * depth of any other reference (0 for none). One iterative walk per item collects its deepest
 * node and its references with the depth they are read at; the depths then follow in
 * dependency order. */
function depthsOf(items: Item[], k: 'rule' | 'param', outer: (kind: string, name: string) => number): { depth: number[]; refs: number[][] } {
  const index = new Map(items.map((x, i) => [x.name, i]));
  const own: { deepest: number; reads: [number, number][] }[] = items.map((x) => {
    let deepest = 0;
    const reads: [number, number][] = [];
    // one stack over all roots visits the last root's tree first, then the one before it
    for (let r = x.roots.length - 1; r >= 0; r--) {
      const s = summary(x.roots[r]!);
      if (s.maxDepth > deepest) deepest = s.maxDepth; // a node that reads nothing counts its own depth
      for (const e of s.reads) {
        const j = e.k === k ? index.get(e.name) : undefined;
        if (j !== undefined) reads.push([j, e.d]);
        const here = e.d + (j === undefined ? outer(e.k, e.name) : 0);
        if (here > deepest) deepest = here;
      }
    }
    return { deepest, reads };
  });
  const refs = own.map((o) => [...new Set(o.reads.map(([j]) => j))]);
  const depth = new Array<number>(items.length).fill(0);
  for (const i of dependencyOrder(refs)) {
    let deepest = own[i]!.deepest;
    // a cycle (XC050/XC051, reported elsewhere) counts nothing
    for (const [j, d] of own[i]!.reads) if (j !== i && d + depth[j]! > deepest) deepest = d + depth[j]!;
    depth[i] = 1 + deepest;
  }
  return { depth, refs };
}

function reportCrossings(
  items: Item[], r: { depth: number[]; refs: number[][] }, what: [string, string], spans: Map<string, Span>,
  fallback: (i: number) => Span, diags: Diagnostic[], limit: number, outerOver: (i: number) => boolean,
): void {
  items.forEach((x, i) => {
    if (r.depth[i]! <= limit) return;
    // only where the chain crosses the limit: everything this one reads is still within it
    if (r.refs[i]!.some((j) => r.depth[j]! > limit) || outerOver(i)) return;
    report(diags, 'XC093', spans.get(x.name) ?? fallback(i), {
      what: what[0], whatEn: what[1], name: x.name, depth: String(r.depth[i]), limit: String(limit),
    });
  });
}

export function checkEvalDepth(
  rules: IrRule[], params: IrParam[], ruleSpans: Map<string, Span>, paramSpans: Map<string, Span>,
  diags: Diagnostic[], limit = MAX_EVAL_DEPTH,
): void {
  const pItems = params.map((p) => ({ name: p.name, roots: paramRoots(p) }));
  const p = depthsOf(pItems, 'param', () => 0);
  const pIndex = new Map(params.map((x, i) => [x.name, i]));
  const depthOf = (kind: string, name: string) => (kind === 'param' ? p.depth[pIndex.get(name) ?? -1] ?? 0 : 0);
  const paramDepth = (e: IrExpr) => (e.k === 'param' ? depthOf(e.k, e.name) : 0);
  const rItems = rules.map((r) => ({ name: r.name, roots: ruleRoots(r) }));
  const r = depthsOf(rItems, 'rule', depthOf);
  reportCrossings(pItems, p, ['参数', 'parameter'], paramSpans, (i) => params[i]!.span, diags, limit, () => false);
  // a rule over the limit only because a parameter it reads is over it: already reported there
  const readsDeepParam = (i: number) =>
    rItems[i]!.roots.some((root) => {
      let deep = false;
      walkIr(root, (e) => {
        if (paramDepth(e) > limit) deep = true;
        return !deep;
      });
      return deep;
    });
  reportCrossings(rItems, r, ['规则', 'rule'], ruleSpans, (i) => rules[i]!.span, diags, limit, readsDeepParam);
}
