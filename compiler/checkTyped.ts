// Last pass of a clean check: the IR handed to code generation is fully typed. UNKNOWN is the
// checker's marker for "already reported"; if it is found where no error was reported, some
// pass let an untyped value through (as a typeless rule once did, crashing code generation
// with XG005). Reporting it here (XC094, at the node) keeps code generation infallible.
import type { Diagnostic } from '../dsl/diagnostic.ts';
import type { IrExpr, IrPolicy } from './ir.ts';
import { summary } from './irSummary.ts';
import { report } from './messages.ts';
import { isUnknown } from './types.ts';

type Parts = Pick<IrPolicy, 'rules' | 'checks' | 'params'>;

export function checkTyped(ir: Parts, diags: Diagnostic[]): void {
  const roots: IrExpr[] = [];
  for (const r of ir.rules) {
    for (const l of r.layers) for (const v of l.versions) roots.push(v.body);
    for (const x of r.exceptions) roots.push(x.condition, x.value);
  }
  for (const c of ir.checks) roots.push(c.condition);
  for (const p of ir.params) for (const l of p.layers) for (const v of l.versions) roots.push(v.body);
  for (const r of ir.rules) {
    if (isUnknown(r.type)) report(diags, 'XC094', r.span);
  }
  for (const root of roots) {
    const found = summary(root).untyped;
    if (found) report(diags, 'XC094', found.span);
  }
}
