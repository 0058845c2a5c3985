// Explanation trace (docs/architecture.md, "TraceNode"). Recorded only when
// `evaluate(…, { explain: true })`; the explain-off path never allocates these.
import type { JsonValue } from './outcome.ts';

export interface RuleTraceNode {
  kind: 'rule';
  name: string;
  value: JsonValue | undefined;
  /** Human-readable value (`4,800.00元`, `60%`) */
  display?: string;
  /** Arguments of a parameterised rule call (JSON forms). */
  args?: JsonValue[];
  cite?: string;
  /** `from` of the dated version used (null = undated); absent for single-version rules. */
  version?: string | null;
  /** The layer (policy) whose declaration produced the value: the version used, or the exception that applied. */
  policy?: string;
  exception?: { cite?: string; policy: string };
  /** Set when the value was not produced (missing input or error). */
  failed?: 'missing' | 'error';
  children: TraceNode[];
}

/** What every dated lookup records: the value, the date it was taken at, the version it came from. */
interface DatedLookup {
  name: string;
  value: JsonValue;
  display?: string;
  at: string;
  from: string | null;
  policy: string;
  cite?: string;
}

export interface ParamTraceNode extends DatedLookup {
  kind: 'param';
  overridden?: true;
}

export interface LookupTraceNode extends DatedLookup {
  kind: 'table' | 'bands';
  key: JsonValue;
}

export interface InputTraceNode {
  kind: 'input';
  path: string;
  value: JsonValue | undefined;
  missing?: true;
}

export interface RoundingTraceNode {
  kind: 'rounding';
  mode: string;
  unit: string;
  before: string;
  after: string;
}

export type TraceNode = RuleTraceNode | ParamTraceNode | LookupTraceNode | InputTraceNode | RoundingTraceNode;

/** The recorder used while a case is evaluated with explain on: a stack of child lists.
 * Within one node, a repeated read of the same input / parameter / lookup / rule is listed once. */
export class Tracer {
  /** children of the node being computed; the bottom entry collects top-level nodes */
  stack: TraceNode[][] = [[]];
  private keys: Set<unknown>[] = [new Set()];
  /** finished rule nodes by rule index (memoised rules are re-linked, not recomputed) */
  ruleNodes: (RuleTraceNode | undefined)[] = [];
  /** rule nodes currently being computed (innermost last) */
  open: RuleTraceNode[] = [];

  /** Adds a child to the current node; `key` (default: the node itself) suppresses repeats. */
  add(node: TraceNode, key: unknown = node): void {
    const keys = this.keys[this.keys.length - 1]!;
    if (keys.has(key)) return;
    keys.add(key);
    this.stack[this.stack.length - 1]!.push(node);
  }
  enter(node: RuleTraceNode, key: unknown = node): void {
    this.add(node, key);
    this.stack.push(node.children);
    this.keys.push(new Set());
    this.open.push(node);
  }
  leave(): void {
    this.stack.pop();
    this.keys.pop();
    this.open.pop();
  }
  current(): RuleTraceNode | undefined {
    return this.open[this.open.length - 1];
  }
}

/** Walks a trace tree depth-first (each node once per occurrence). */
export function walkTrace(node: TraceNode, visit: (n: TraceNode, depth: number) => void, depth = 0): void {
  visit(node, depth);
  if (node.kind === 'rule') for (const c of node.children) walkTrace(c, visit, depth + 1);
}
