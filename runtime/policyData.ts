// Parameters, tables and bands as compiled rules read them: the dated, layered lookup at the
// as-of date (or an explicit date), per-case overrides, memoisation of parameters, and their
// trace nodes. The lookup rules themselves are runtime/lookup.ts.
import { Decimal } from './money.ts';
import { pickVersion, versionInLayer, findBand, type TableBody, type Version } from './lookup.ts';
import type { LookupTraceNode, ParamTraceNode } from './trace.ts';
import type { RtType, ValueFn } from './model.ts';
import type { Ctx } from './context.ts';
import { fail } from './failures.ts';
import { decText, toJson } from './convert.ts';
import { display } from './display.ts';
import { DatedOverride } from './overrides.ts';

/** Runs a version's value function with tracing suspended (a parameter node has no children). */
function quiet(cx: Ctx, fn: ValueFn, at: string): unknown {
  const t = cx.t;
  if (t === null) return fn(cx, at);
  cx.t = null;
  try {
    return fn(cx, at);
  } finally {
    cx.t = t;
  }
}

/** Parameter i at `at` (null = the as-of date). */
export function param(cx: Ctx, i: number, at: string | null): unknown {
  if (at === null || at === cx.asOf) {
    const v = cx.s[cx.po + i];
    if (v !== undefined) {
      if (cx.t !== null) cx.t.add(cx.pn[i]!, `p:${i}@${cx.asOf}`);
      return v;
    }
    return lookupParam(cx, i, cx.asOf);
  }
  return lookupParam(cx, i, at);
}

function lookupParam(cx: Ctx, i: number, d: string): unknown {
  const P = cx.M.params[i]!;
  let v: unknown;
  let from: string | null = null;
  let policy: string;
  let cite = P.cite;
  let given = cx.ov !== null ? cx.ov[i] : undefined;
  if (given instanceof DatedOverride) {
    const hit = given.at(d);
    given = hit?.value;
    if (hit !== undefined) from = hit.from;
  }
  const overridden = given !== undefined;
  if (overridden) {
    v = given;
    policy = cx.M.info.name;
  } else {
    const ver = pickVersion(P.layers, d);
    if (ver === undefined) throw fail('XR003', { name: P.name, at: d });
    v = quiet(cx, ver.value, d);
    from = ver.from;
    policy = ver.policy;
    if (ver.cite !== undefined) cite = ver.cite;
  }
  const memo = d === cx.asOf;
  if (memo) {
    cx.s[cx.po + i] = v;
    cx.touched.push(cx.po + i);
  }
  if (cx.t !== null) {
    const node: ParamTraceNode = { kind: 'param', name: P.name, value: toJson(cx.M, P.type, v), display: display(cx.M, P.type, v), at: d, from, policy };
    if (cite !== undefined) node.cite = cite;
    if (overridden) node.overridden = true;
    if (memo) cx.pn[i] = node;
    cx.t.add(node, `p:${i}@${d}`);
  }
  return v;
}

function keyOf(cx: Ctx, name: string, keyType: RtType, key: unknown): number {
  if (keyType.kind === 'enum') return key as number;
  const k = key as Decimal;
  if (!(k instanceof Decimal) || !k.isInteger() || !k.abs().lte(Number.MAX_SAFE_INTEGER)) {
    throw fail('XR015', { name, key: decText(key) });
  }
  return k.toNumber();
}

/** Table i at `key` and `at` (null = the as-of date). Same rule as lookup.ts pickRow, inlined
 * to allocate nothing. */
export function table(cx: Ctx, i: number, key: unknown, at: string | null): unknown {
  const T = cx.M.tables[i]!;
  const d = at === null ? cx.asOf : at;
  const k = keyOf(cx, T.name, T.keyType, key);
  const layers = T.layers;
  let ver: Version<TableBody<ValueFn>> | undefined;
  let fn: ValueFn | undefined;
  for (let li = layers.length - 1; li >= 0 && fn === undefined; li--) {
    ver = versionInLayer(layers[li]!, d);
    if (ver === undefined) continue;
    fn = ver.value.rows.get(k);
    if (fn === undefined) fn = ver.value.otherwise;
  }
  if (fn === undefined || ver === undefined) throw fail('XR004', { name: T.name, key: decText(toJson(cx.M, T.keyType, key)), at: d });
  const v = quiet(cx, fn, d);
  if (cx.t !== null) {
    const node = lookupNode(cx, 'table', T, key, v, d, ver);
    cx.t.add(node, `t:${i}:${String(node.key)}@${d}`);
  }
  return v;
}

/** The trace node of a table or bands lookup (only built when explaining). */
function lookupNode(
  cx: Ctx,
  kind: 'table' | 'bands',
  decl: { name: string; keyType: RtType; valueType: RtType; cite?: string },
  key: unknown,
  v: unknown,
  d: string,
  ver: { from: string | null; policy: string; cite?: string },
): LookupTraceNode {
  const node: LookupTraceNode = {
    kind,
    name: decl.name,
    key: toJson(cx.M, decl.keyType, key),
    value: toJson(cx.M, decl.valueType, v),
    display: display(cx.M, decl.valueType, v),
    at: d,
    from: ver.from,
    policy: ver.policy,
  };
  const cite = ver.cite ?? decl.cite;
  if (cite !== undefined) node.cite = cite;
  return node;
}

/** Bands i at `key` and `at` (null = the as-of date). */
export function band(cx: Ctx, i: number, key: unknown, at: string | null): unknown {
  const B = cx.M.bands[i]!;
  const d = at === null ? cx.asOf : at;
  const ver = pickVersion(B.layers, d);
  if (ver === undefined) throw fail('XR006', { name: B.name, at: d });
  const t = cx.t;
  cx.t = null;
  let v: unknown;
  try {
    const idx = findBand(ver.value, key as Decimal, (k, b) => k.cmp(b(cx, d) as Decimal));
    if (idx < 0) throw fail('XR005', { name: B.name, key: decText(toJson(cx.M, B.keyType, key)), at: d });
    v = ver.value[idx]!.value(cx, d);
  } finally {
    cx.t = t;
  }
  if (t !== null) {
    const node = lookupNode(cx, 'bands', B, key, v, d, ver);
    t.add(node, `b:${i}:${String(node.key)}@${d}`);
  }
  return v;
}
