// The layer report (`xize check --overrides`): for each policy of the chain, root first, what it
// overrides (the inherited value and date it replaces, the new value and date, the citations),
// what it adds, and what it inherits untouched. Built from the checked IR alone: each
// declaration's layers already say which policy wrote which versions. No Node API.
import type { IrExpr, IrLayer, IrPolicy, IrTableVersionBody, IrVersion } from './ir.ts';
import { printIr } from './printIr.ts';
import { printBand } from './diff/decls.ts';

export type LayerDeclKind = 'input' | 'enum' | 'record' | 'param' | 'table' | 'bands' | 'rule' | 'check' | 'exception';

export interface LayerValue {
  /** the value as the language prints it (`7000元`, a rule body, `[0%, 50%): 80%；…`) */
  value: string;
  /** start of the version (null = undated) */
  from: string | null;
  /** the policy that wrote it */
  policy: string;
  cite?: string;
}

export interface LayerOverride {
  kind: 'param' | 'table' | 'bands' | 'rule' | 'exception';
  name: string;
  /** the row of a table (a partial table override replaces rows one by one) */
  key?: string;
  /** the inherited value this one replaces, in force at the new version's start (at the latest
   * inherited version when the new one is undated); null when the parent leaves it unset (`必填`)
   * or, for an exception, when there is nothing to replace */
  old: LayerValue | null;
  new: LayerValue;
}

export interface LayerDecl {
  kind: LayerDeclKind;
  name: string;
  cite?: string;
  /** for an inherited declaration: the ancestor whose layer is in force (the last that wrote it) */
  policy?: string;
}

export interface LayerReport {
  policy: string;
  overrides: LayerOverride[];
  adds: LayerDecl[];
  inherits: LayerDecl[];
  counts: { overrides: number; adds: Partial<Record<LayerDeclKind, number>>; inherits: Partial<Record<LayerDeclKind, number>> };
}

export interface OverridesReport {
  policy: string;
  chain: string[];
  layers: LayerReport[];
}

/** Versions sorted by from (null first): the one in force at `d` (null = the latest one). */
function at<T>(versions: IrVersion<T>[], d: string | null): IrVersion<T> | undefined {
  if (d === null) return versions[versions.length - 1];
  let hit: IrVersion<T> | undefined;
  for (const v of versions) if (v.from === null || v.from <= d) hit = v;
  return hit;
}

/** The inherited version in force at `d` among the layers before index `li` (the last wins). */
function inherited<T>(layers: IrLayer<T>[], li: number, d: string | null, has: (body: T) => boolean = () => true): { layer: IrLayer<T>; v: IrVersion<T> } | undefined {
  for (let i = li - 1; i >= 0; i--) {
    const L = layers[i]!;
    const v = at(L.versions, d);
    if (v && has(v.body)) return { layer: L, v };
  }
  return undefined;
}

/** `v.cite` is the version's own citation or its declaration's (compiler/layers.ts); an override
 * without one shows none rather than the inherited declaration's article. */
function value(text: string, v: IrVersion<unknown>, policy: string, _declCite?: string): LayerValue {
  const cite = v.cite;
  return { value: text, from: v.from, policy, ...(cite !== undefined ? { cite } : {}) };
}

function rowOf(body: IrTableVersionBody, key: string | number): IrExpr | undefined {
  return body.rows.find((r) => r.keys.includes(key))?.value ?? body.otherwise;
}

type Layered<T> = { kind: 'param' | 'table' | 'bands' | 'rule'; name: string; cite?: string; layers: IrLayer<T>[] };

export function overridesReport(ir: IrPolicy): OverridesReport {
  const layers = new Map(ir.chain.map((p) => [p, { policy: p, overrides: [], adds: [], inherits: [], counts: { overrides: 0, adds: {}, inherits: {} } } as LayerReport]));
  const add = (policy: string, d: LayerDecl) => layers.get(policy)?.adds.push(d);
  const rank = new Map(ir.chain.map((p, i) => [p, i]));
  const withCite = (kind: LayerDeclKind, name: string, cite?: string): LayerDecl => ({ kind, name, ...(cite !== undefined ? { cite } : {}) });

  // declarations that are never overridden: added by one policy, inherited by every later one
  const plain = (d: LayerDecl, policy: string) => {
    add(policy, d);
    for (const p of ir.chain) if (rank.get(p)! > (rank.get(policy) ?? Infinity)) layers.get(p)!.inherits.push({ ...d, policy });
  };
  for (const e of ir.enums) plain({ kind: 'enum', name: e.name }, e.policy);
  for (const r of ir.records) plain({ kind: 'record', name: r.name }, r.policy);
  for (const f of ir.inputs) plain({ kind: 'input', name: f.name }, f.policy);
  for (const c of ir.checks) plain(withCite('check', c.name, c.cite), c.policy);

  const layered = <T>(d: Layered<T>, print: (body: T) => string, perKey?: (body: T) => (string | number)[]) => {
    const writers = d.layers.filter((l) => l.versions.length > 0 || l === d.layers[0]);
    const first = d.layers[0]?.policy;
    if (first) add(first, withCite(d.kind, d.name, d.cite));
    d.layers.forEach((L, li) => {
      if (li === 0) return;
      const rep = layers.get(L.policy);
      if (!rep) return;
      for (const v of L.versions) {
        if (perKey) {
          for (const key of perKey(v.body)) {
            const has = (b: T) => rowOf(b as unknown as IrTableVersionBody, key) !== undefined;
            const old = inherited(d.layers, li, v.from, has);
            const cell = (b: T) => printIr(rowOf(b as unknown as IrTableVersionBody, key)!);
            rep.overrides.push({
              kind: d.kind, name: d.name, key: String(key),
              old: old ? value(cell(old.v.body), old.v, old.layer.policy, d.cite) : null,
              new: value(cell(v.body), v, L.policy, d.cite),
            });
          }
          continue;
        }
        const old = inherited(d.layers, li, v.from);
        rep.overrides.push({
          kind: d.kind, name: d.name,
          old: old ? value(print(old.v.body), old.v, old.layer.policy, d.cite) : null,
          new: value(print(v.body), v, L.policy, d.cite),
        });
      }
    });
    // inherited untouched by each later policy of the chain
    for (const p of ir.chain) {
      const r = rank.get(p)!;
      if (first === undefined || rank.get(first)! >= r || d.layers.some((l) => l.policy === p)) continue;
      const last = [...writers].reverse().find((l) => rank.get(l.policy)! < r);
      layers.get(p)!.inherits.push({ ...withCite(d.kind, d.name, d.cite), ...(last ? { policy: last.policy } : {}) });
    }
  };

  for (const p of ir.params) layered({ kind: 'param', name: p.name, cite: p.cite, layers: p.layers }, (e) => printIr(e));
  for (const t of ir.tables) {
    layered({ kind: 'table', name: t.name, cite: t.cite, layers: t.layers }, () => '', (b) => b.rows.flatMap((r) => r.keys));
  }
  for (const b of ir.bands) layered({ kind: 'bands', name: b.name, cite: b.cite, layers: b.layers }, (bs) => bs.map(printBand).join('；'));
  for (const r of ir.rules) {
    layered({ kind: 'rule', name: r.name, cite: r.cite, layers: r.layers }, (e) => printIr(e));
    const owner = r.layers[0]?.policy;
    for (const x of r.exceptions) {
      const text = `当 ${printIr(x.condition)} 则 ${printIr(x.value)}`;
      if (x.policy === owner) continue; // part of the declaration the layer adds
      layers.get(x.policy)?.overrides.push({
        kind: 'exception', name: r.name, old: null,
        new: { value: text, from: null, policy: x.policy, ...(x.cite !== undefined ? { cite: x.cite } : {}) },
      });
    }
  }
  // tables: an `否则` row of an override replaces every inherited row it does not name
  for (const t of ir.tables) {
    t.layers.forEach((L, li) => {
      if (li === 0) return;
      for (const v of L.versions) {
        if (!v.body.otherwise) continue;
        const old = inherited(t.layers, li, v.from, (b) => b.otherwise !== undefined);
        layers.get(L.policy)?.overrides.push({
          kind: 'table', name: t.name, key: '否则',
          old: old ? value(printIr(old.v.body.otherwise!), old.v, old.layer.policy, t.cite) : null,
          new: value(printIr(v.body.otherwise), v, L.policy, t.cite),
        });
      }
    });
  }

  for (const rep of layers.values()) {
    rep.counts.overrides = rep.overrides.length;
    for (const d of rep.adds) rep.counts.adds[d.kind] = (rep.counts.adds[d.kind] ?? 0) + 1;
    for (const d of rep.inherits) rep.counts.inherits[d.kind] = (rep.counts.inherits[d.kind] ?? 0) + 1;
  }
  return { policy: ir.name, chain: ir.chain, layers: [...layers.values()] };
}
