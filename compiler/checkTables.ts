// Coverage pass: an enum-keyed table must give a value for every member in every effective
// period (XC030). Breakpoints are the union of the version dates of all layers; at each one,
// a member is covered when the version in force in some layer has a row for it or `否则`.
// Consecutive periods missing the same members are reported once.
import type { Span } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import type { IrTable, IrTableVersionBody, IrVersion } from './ir.ts';
import { report } from './messages.ts';
import type { Symbols } from './symbols.ts';

/** The version of `versions` (sorted by from, null first) in force at breakpoint `bp`. */
export function inForce<T>(versions: IrVersion<T>[], bp: string | null): IrVersion<T> | undefined {
  let hit: IrVersion<T> | undefined;
  for (const v of versions) {
    if (v.from === null || (bp !== null && v.from <= bp)) hit = v;
    else break;
  }
  return hit;
}

/** Sorted breakpoints over all layers; null (= before any date) first when some version is undated. */
export function breakpoints(layers: { versions: { from: string | null }[] }[]): (string | null)[] {
  const set = new Set<string | null>();
  for (const l of layers) for (const v of l.versions) set.add(v.from);
  return [...set].sort((a, b) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1));
}

export function periodText(from: string | null, until: string | null | undefined): { zh: string; en: string } {
  if (from === null && !until) return { zh: '所有日期', en: 'all dates' };
  if (from === null) return { zh: `${until} 之前`, en: `before ${until}` };
  if (!until) return { zh: `${from} 起`, en: `from ${from} on` };
  return { zh: `${from} 至 ${until} 前`, en: `from ${from} until ${until}` };
}

export function checkTableCoverage(syms: Symbols, t: IrTable, diags: Diagnostic[]): void {
  if (t.keyType.kind !== 'enum') return;
  const en = syms.enums.get(t.keyType.name);
  if (!en) return;
  const bps = breakpoints(t.layers);
  type Gap = { from: string | null; until?: string | null; missing: string; span: Span };
  const gaps: Gap[] = [];
  for (let i = 0; i < bps.length; i++) {
    const bp = bps[i];
    const covered = new Set<string | number>();
    let all = false;
    let span: Span | undefined;
    for (const layer of t.layers) {
      const v = inForce<IrTableVersionBody>(layer.versions, bp);
      if (!v) continue;
      if (v.from === bp) span = v.span; // the most derived version starting here
      if (v.body.otherwise) all = true;
      for (const r of v.body.rows) for (const k of r.keys) covered.add(k);
    }
    const missing = all ? '' : en.members.filter((m) => !covered.has(m)).join('、');
    const prev = gaps[gaps.length - 1];
    if (prev && prev.until === bp && prev.missing === missing) {
      prev.until = bps[i + 1];
      continue;
    }
    if (missing) gaps.push({ from: bp, until: bps[i + 1], missing, span: span ?? t.span });
  }
  for (const g of gaps) {
    const p = periodText(g.from, g.until);
    report(diags, 'XC030', g.span, { name: t.name, period: p.zh, periodEn: p.en, missing: g.missing }, t.cite ? { cite: t.cite } : {});
  }
}

/** A `必填` table left without rows in a non-abstract policy (XC063); a table declared with
 * neither rows nor `必填` (XC064). Mirrors the required-parameter rule (XC060/XC062). */
export function checkTableRequired(
  syms: Symbols,
  t: IrTable,
  leaf: { name: string; abstract: boolean; span: Span },
  diags: Diagnostic[],
  read = true,
): void {
  const extra = t.cite ? { cite: t.cite } : {};
  const sym = syms.values.get(t.name);
  const base = sym?.kind === 'table' ? sym.decls[0].decl : undefined;
  if (base && !base.required && base.versions.length === 0) {
    report(diags, 'XC064', base.name.span, { name: t.name }, extra);
    return;
  }
  const hasRows = t.layers.some((l) => l.versions.some((v) => v.body.rows.length > 0 || v.body.otherwise));
  if (t.required && !hasRows && !leaf.abstract && read) {
    const related = base ? [{ span: base.name.span, message: { zh: '表的声明', en: 'the table declaration' } }] : undefined;
    report(diags, 'XC063', leaf.span, { name: t.name, policy: leaf.name }, { ...extra, ...(related ? { related } : {}) });
  }
}
