// Cycle pass: dependency graphs of rules (bodies of every layer and exceptions) and of
// parameters (values of every layer). Tarjan's SCC algorithm, linear in the graph; every
// cycle (strongly connected component with an edge inside) is reported once, at its first
// declaration, with one concrete path: XC050 for rules, XC051 for parameters.
import type { Span } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import type { IrExpr, IrParam, IrRule } from './ir.ts';
import { summary } from './irSummary.ts';
import { report } from './messages.ts';

type Graph = Map<string, Set<string>>;

function refs(exprs: IrExpr[], kind: 'rule' | 'param', into: Set<string>): void {
  for (const e of exprs) for (const name of summary(e)[kind === 'rule' ? 'rules' : 'params']) into.add(name);
}

/** Strongly connected components (Tarjan, iterative), in discovery order. */
export function sccs(g: Graph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  for (const root of g.keys()) {
    if (index.has(root)) continue;
    const work: { v: string; it: Iterator<string> }[] = [];
    const push = (v: string) => {
      index.set(v, counter);
      low.set(v, counter++);
      stack.push(v);
      onStack.add(v);
      work.push({ v, it: (g.get(v) ?? new Set<string>()).values() });
    };
    push(root);
    while (work.length) {
      const top = work[work.length - 1];
      const n = top.it.next();
      if (!n.done) {
        const w = n.value;
        if (!g.has(w)) continue;
        if (!index.has(w)) push(w);
        else if (onStack.has(w)) low.set(top.v, Math.min(low.get(top.v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].v;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.v)!));
      }
      if (low.get(top.v) === index.get(top.v)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== top.v);
        out.push(comp);
      }
    }
  }
  return out;
}

/** A path start → … → start inside the component (BFS over its edges). */
function cyclePath(g: Graph, comp: Set<string>, start: string): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i];
    for (const w of g.get(v) ?? []) {
      if (!comp.has(w)) continue;
      if (w === start) {
        const path = [v];
        for (let x = v; x !== start; ) {
          x = prev.get(x)!;
          path.unshift(x);
        }
        path.push(start);
        return path;
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

function reportCycles(g: Graph, order: string[], spans: Map<string, Span>, code: string, diags: Diagnostic[]): void {
  const pos = new Map(order.map((n, i) => [n, i]));
  for (const comp of sccs(g)) {
    const selfLoop = comp.length === 1 && g.get(comp[0])!.has(comp[0]);
    if (comp.length < 2 && !selfLoop) continue;
    const start = [...comp].sort((a, b) => pos.get(a)! - pos.get(b)!)[0];
    const path = cyclePath(g, new Set(comp), start);
    report(diags, code, spans.get(start)!, { path: path.join(' → ') });
  }
}

export function checkRuleCycles(rules: IrRule[], spans: Map<string, Span>, diags: Diagnostic[]): void {
  const g: Graph = new Map();
  for (const r of rules) {
    const deps = new Set<string>();
    for (const l of r.layers) refs(l.versions.map((v) => v.body), 'rule', deps);
    for (const x of r.exceptions) refs([x.condition, x.value], 'rule', deps);
    g.set(r.name, deps);
  }
  reportCycles(g, rules.map((r) => r.name), spans, 'XC050', diags);
}

export function checkParamCycles(params: IrParam[], spans: Map<string, Span>, diags: Diagnostic[]): void {
  const g: Graph = new Map();
  for (const p of params) {
    const deps = new Set<string>();
    for (const l of p.layers) refs(l.versions.map((v) => v.body), 'param', deps);
    g.set(p.name, deps);
  }
  reportCycles(g, params.map((p) => p.name), spans, 'XC051', diags);
}
