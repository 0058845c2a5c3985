// Liveness pass: which parameters and tables the compiled policy can still read. A province that
// overrides a rule at every date (an undated 覆盖) makes the parent's body dead, and with it the
// parameters only that body read. A `必填` parameter or table that nothing live reads need not be
// supplied, so XC060/XC063 only fire for what a case can actually reach.
import type { IrBands, IrCheck, IrExpr, IrLayer, IrParam, IrRule, IrTable } from './ir.ts';
import { summary } from './irSummary.ts';

/** Layers that can still win a lookup: a layer is dead when a later one has an undated version. */
function liveLayers<T>(layers: IrLayer<T>[]): IrLayer<T>[] {
  let last = -1;
  layers.forEach((l, i) => {
    if (l.versions.some((v) => v.from === null)) last = i;
  });
  return last < 0 ? layers : layers.slice(last);
}

export interface LiveRefs {
  params: Set<string>;
  tables: Set<string>;
}

export function liveRefs(p: { rules: IrRule[]; checks: IrCheck[]; params: IrParam[]; tables: IrTable[]; bands: IrBands[] }): LiveRefs {
  const params = new Set<string>();
  const tables = new Set<string>();
  const paramByName = new Map(p.params.map((x) => [x.name, x]));
  const tableByName = new Map(p.tables.map((x) => [x.name, x]));
  const pending: IrExpr[] = [];
  // only membership is read (checkParams, checkTables), so the order names are found in is free
  const visit = (root: IrExpr) => {
    const s = summary(root);
    for (const name of s.params) {
      if (params.has(name)) continue;
      params.add(name);
      const decl = paramByName.get(name);
      if (decl) for (const l of liveLayers(decl.layers)) for (const v of l.versions) pending.push(v.body);
    }
    for (const name of s.tables) {
      if (tables.has(name)) continue;
      tables.add(name);
      // table rows are merged per key, so every layer can still supply a row
      const decl = tableByName.get(name);
      if (decl) for (const l of decl.layers) for (const v of l.versions) {
        for (const r of v.body.rows) pending.push(r.value);
        if (v.body.otherwise) pending.push(v.body.otherwise);
      }
    }
  };
  for (const r of p.rules) {
    for (const l of liveLayers(r.layers)) for (const v of l.versions) pending.push(v.body);
    for (const x of r.exceptions) pending.push(x.condition, x.value);
  }
  for (const c of p.checks) pending.push(c.condition);
  for (const b of p.bands) for (const l of liveLayers(b.layers)) for (const v of l.versions) {
    for (const band of v.body) {
      if (band.lower.value) pending.push(band.lower.value);
      if (band.upper.value) pending.push(band.upper.value);
      pending.push(band.value);
    }
  }
  while (pending.length) visit(pending.pop()!);
  return { params, tables };
}
