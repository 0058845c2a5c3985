// The values where a policy's rules turn, read off the checked IR: money at each parameter value
// × each rate the policy writes (± 1 分), integers at each integer literal (± 1), the rates
// themselves, and the policy's version dates. Shared by the conformance pack of a SQL bundle
// (boundaryRecords.ts) and the differential tests' generator (tests/sql/population.gen.ts).
import type { IrExpr, IrPolicy } from '../ir.ts';

/** Every expression of every rule, parameter, table and band of a policy. */
export function walkExprs(ir: IrPolicy, f: (e: IrExpr) => void): void {
  const visit = (e: unknown): void => {
    if (e === null || typeof e !== 'object') return;
    if (Array.isArray(e)) { for (const x of e) visit(x); return; }
    const o = e as Record<string, unknown>;
    if (typeof o.k === 'string' && 'type' in o) f(o as unknown as IrExpr);
    for (const [k, v] of Object.entries(o)) if (k !== 'span' && k !== 'type') visit(v);
  };
  visit(ir.rules); visit(ir.params); visit(ir.tables); visit(ir.bands);
}

/** Month ends, leap days and the year ends around the 2011 and 2022 breaks of the national rules. */
export const CALENDAR_EDGES = ['2010-12-31', '2011-01-01', '2012-02-29', '2016-02-29', '2022-06-15', '2022-06-16', '2023-02-28', '2023-12-31', '2024-01-31', '2024-02-29', '2024-03-01', '2024-05-31'];

function cents(s: string): bigint {
  const [i, f = ''] = s.split('.');
  return BigInt(i!) * 100n + BigInt((f + '00').slice(0, 2));
}

/** Fen as money text with two places ("12.05"). */
export function moneyText(c: bigint): string {
  const neg = c < 0n;
  const a = neg ? -c : c;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

/** Rate literals the policy writes (and 1). */
export function rateLiterals(ir: IrPolicy): string[] {
  const rates = new Set<string>(['1']);
  walkExprs(ir, (e) => { if (e.k === 'lit' && e.type.kind === 'rate' && typeof e.value === 'string') rates.add(e.value); });
  return [...rates];
}

/** Money edges: each money parameter value, and × each rate literal, ± 1 分 (never negative). */
export function moneyEdges(ir: IrPolicy, parameters: Record<string, unknown>): string[] {
  const rates = rateLiterals(ir);
  const out = new Set<string>();
  for (const v of Object.values(parameters)) {
    if (typeof v !== 'string' || !/^\d+(\.\d{1,2})?$/.test(v)) continue;
    for (const r of rates) {
      const [ri, rf = ''] = r.split('.');
      const scale = 10n ** BigInt(rf.length);
      const c = (cents(v) * (BigInt(ri!) * scale + BigInt(rf || '0'))) / scale;
      for (const d of [-1n, 0n, 1n]) if (c + d >= 0n) out.add(moneyText(c + d));
    }
  }
  return [...out];
}

/** Integer literals the policy writes, each with its neighbours (never negative). */
export function integerEdges(ir: IrPolicy): string[] {
  const out = new Set<string>(['0', '1']);
  walkExprs(ir, (e) => {
    if (e.k !== 'lit' || (e.type.kind !== 'integer' && e.type.kind !== 'duration')) return;
    const v = typeof e.value === 'number' || typeof e.value === 'string' ? String(e.value) : '';
    if (!/^\d+$/.test(v)) return;
    const n = BigInt(v);
    for (const d of [-1n, 0n, 1n]) if (n + d >= 0n) out.add(String(n + d));
  });
  return [...out];
}

/** Version start dates of every declaration, with the day before each. */
export function versionDates(ir: IrPolicy): string[] {
  const out = new Set<string>();
  const visit = (o: unknown): void => {
    if (o === null || typeof o !== 'object') return;
    if (Array.isArray(o)) { for (const x of o) visit(x); return; }
    const r = o as Record<string, unknown>;
    if (Array.isArray(r.versions)) for (const v of r.versions as { from: string | null }[]) if (v.from) { out.add(v.from); out.add(dayBefore(v.from)); }
    for (const [k, v] of Object.entries(r)) if (k !== 'span' && k !== 'type' && k !== 'versions') visit(v);
  };
  visit(ir.rules); visit(ir.params); visit(ir.tables); visit(ir.bands);
  return [...out].sort();
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
