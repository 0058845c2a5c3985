// Every expression of every rule, parameter and table of a policy (for the record generator).
import type { IrExpr, IrPolicy } from '../../compiler/ir.ts';

export function walkRates(ir: IrPolicy, f: (e: IrExpr) => void): void {
  const visit = (e: unknown): void => {
    if (e === null || typeof e !== 'object') return;
    if (Array.isArray(e)) { for (const x of e) visit(x); return; }
    const o = e as Record<string, unknown>;
    if (typeof o.k === 'string' && 'type' in o) f(o as unknown as IrExpr);
    for (const [k, v] of Object.entries(o)) if (k !== 'span' && k !== 'type') visit(v);
  };
  visit(ir.rules); visit(ir.params); visit(ir.tables); visit(ir.bands);
}
