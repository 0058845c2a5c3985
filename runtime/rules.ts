// The rule boundary: a parameterless rule computed once per case and memoised (cycle → XR014,
// a failure remembered), a parameterised rule's call, and what happens at every rule's edge:
// finite check and declared rounding, choice of the dated version, the exception that holds,
// failure attribution and the rule's trace node.
import { Decimal } from './money.ts';
import { pickVersion } from './lookup.ts';
import type { RuleTraceNode } from './trace.ts';
import type { PolicyModel } from './model.ts';
import type { Ctx } from './context.ts';
import { MissingInput, fail, tagWith } from './failures.ts';
import { decText, toJson } from './convert.ts';
import { display } from './display.ts';
import { roundFast } from './ops.ts';

/** Rule state while its value is being computed (reading it again is a cycle). */
const BUSY = { sentinel: 'busy' };

function finish(cx: Ctx, R: PolicyModel['rules'][number], x: unknown): unknown {
  if (x instanceof Decimal) {
    if (!x.isFinite()) throw fail('XR013', { value: decText(x) });
    if (R.rounding !== null) {
      const r = roundFast(x, R.rounding.unit, R.rounding.mode);
      if (cx.t !== null && !r.eq(x)) {
        cx.t.add({ kind: 'rounding', mode: R.rounding.mode, unit: R.rounding.unit, before: x.toFixed(), after: r.toFixed() });
      }
      return r;
    }
  }
  return x;
}

/** Value of parameterless rule i: computed on first use, memoised for the case.
 * Generated code calls it as `(cx.fast[i] ?? E.rule(cx, i))`. */
export function rule(cx: Ctx, i: number): unknown {
  const v = cx.s[i];
  if (v !== undefined) {
    if (cx.t !== null) cx.t.add(cx.t.ruleNodes[i]!);
    return v;
  }
  return computeRule(cx, i);
}

function computeRule(cx: Ctx, i: number): unknown {
  const state = cx.st[i];
  const R = cx.M.rules[i]!;
  if (state !== undefined) {
    if (state === BUSY) throw fail('XR014', { name: R.name });
    if (cx.t !== null && cx.t.ruleNodes[i]) cx.t.add(cx.t.ruleNodes[i]!);
    throw state;
  }
  cx.st[i] = BUSY;
  cx.touched.push(i);
  const t = cx.t;
  if (t === null) {
    try {
      const x = finish(cx, R, R.fn(cx));
      cx.s[i] = x;
      cx.st[i] = undefined;
      return x;
    } catch (e) {
      tagWith(e, R.name, R.cite);
      cx.st[i] = e;
      throw e;
    }
  }
  const node: RuleTraceNode = R.cite !== undefined
    ? { kind: 'rule', name: R.name, value: undefined, cite: R.cite, children: [] }
    : { kind: 'rule', name: R.name, value: undefined, children: [] };
  if (R.policy) node.policy = R.policy;
  t.enter(node);
  t.ruleNodes[i] = node;
  try {
    const x = finish(cx, R, R.fn(cx));
    cx.s[i] = x;
    cx.st[i] = undefined;
    node.value = toJson(cx.M, R.type, x);
    node.display = display(cx.M, R.type, x);
    return x;
  } catch (e) {
    tagWith(e, R.name, R.cite);
    cx.st[i] = e;
    node.failed = e instanceof MissingInput ? 'missing' : 'error';
    throw e;
  } finally {
    t.leave();
  }
}

/** Rounds/validates the result of parameterised rule i (explain off). */
export function fin(cx: Ctx, i: number, x: unknown): unknown {
  return finish(cx, cx.M.rules[i]!, x);
}

/** Tags a failure with parameterised rule i (explain off). */
export function tag(cx: Ctx, i: number, e: unknown): unknown {
  const R = cx.M.rules[i]!;
  return tagWith(e, R.name, R.cite);
}

/** A traced call of parameterised rule i. */
export function call(cx: Ctx, i: number, fn: (cx: Ctx, ...a: unknown[]) => unknown, args: unknown[]): unknown {
  const R = cx.M.rules[i]!;
  const t = cx.t!;
  const jsonArgs = args.map((a, k) => toJson(cx.M, R.params[k]!.type, a));
  const node: RuleTraceNode = R.cite !== undefined
    ? { kind: 'rule', name: R.name, value: undefined, args: jsonArgs, cite: R.cite, children: [] }
    : { kind: 'rule', name: R.name, value: undefined, args: jsonArgs, children: [] };
  if (R.policy) node.policy = R.policy;
  t.enter(node, `r:${i}:${JSON.stringify(jsonArgs)}`);
  try {
    const x = finish(cx, R, fn(cx, ...args));
    node.value = toJson(cx.M, R.type, x);
    node.display = display(cx.M, R.type, x);
    return x;
  } catch (e) {
    tagWith(e, R.name, R.cite);
    node.failed = e instanceof MissingInput ? 'missing' : 'error';
    throw e;
  } finally {
    t.leave();
  }
}

/** Chooses the dated version of rule i at the as-of date; returns its branch index. */
export function ver(cx: Ctx, i: number): number {
  const R = cx.M.rules[i]!;
  const v = pickVersion(R.layers!, cx.asOf);
  if (v === undefined) throw fail('XR008', { name: R.name, at: cx.asOf });
  if (cx.t !== null) {
    const n = cx.t.current();
    if (n !== undefined && n.name === R.name) {
      n.version = v.from;
      n.policy = v.policy;
      if (v.cite !== undefined) n.cite = v.cite;
    }
  }
  return v.value;
}

/** Exceptions of rule i that hold: none → -1, one → its index, several → XR007. */
export function exc(cx: Ctx, i: number, hits: number[]): number {
  if (hits.length === 0) return -1;
  const R = cx.M.rules[i]!;
  if (hits.length > 1) {
    const list = hits
      .map((h) => {
        const x = R.exceptions[h]!;
        return x.cite !== undefined ? `「${x.cite}」(${x.policy})` : `#${h + 1} (${x.policy})`;
      })
      .join('、');
    throw fail('XR007', { rule: R.name, list });
  }
  const h = hits[0]!;
  if (cx.t !== null) {
    const n = cx.t.current();
    if (n !== undefined && n.name === R.name) {
      const x = R.exceptions[h]!;
      n.exception = x.cite !== undefined ? { cite: x.cite, policy: x.policy } : { policy: x.policy };
      n.policy = x.policy;
    }
  }
  return h;
}
