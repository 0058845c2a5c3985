// Override validation: an override that states a type must state the inherited one (XC012);
// a rule override that lists parameters must list the same ones. (Targets and redeclarations
// are validated while merging, see merge.ts.)
import type { TypeRef } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import type { XType } from './ir.ts';
import { report } from './messages.ts';
import { resolveType, type Symbols, type ValueSym } from './symbols.ts';
import { identicalType, typeArgs } from './types.ts';

function compare(syms: Symbols, ref: TypeRef | undefined, inherited: XType, diags: Diagnostic[]): void {
  if (!ref) return;
  const t = resolveType(syms, ref, diags);
  if (!identicalType(t, inherited)) {
    report(diags, 'XC012', ref.span, { ...typeArgs('expected', inherited), ...typeArgs('actual', t) });
  }
}

export function checkOverrideTypes(syms: Symbols, v: ValueSym, diags: Diagnostic[]): void {
  switch (v.kind) {
    case 'input':
      return;
    case 'param':
      for (const o of v.decls.slice(1)) compare(syms, o.decl.type, v.type, diags);
      return;
    case 'table':
    case 'bands':
      for (const o of v.decls.slice(1)) {
        compare(syms, o.decl.keyType, v.keyType, diags);
        compare(syms, o.decl.valueType, v.valueType, diags);
      }
      return;
    case 'rule':
      for (const o of v.decls.slice(1)) {
        compare(syms, o.decl.type, v.type, diags);
        const ps = o.decl.params;
        if (ps.length === 0) continue;
        if (ps.length !== v.params.length) {
          const sig = (n: number) => String(n);
          report(diags, 'XC012', o.decl.name.span, {
            expected: `${sig(v.params.length)} 个参数`,
            expectedEn: `${v.params.length} parameter(s)`,
            actual: `${ps.length} 个参数`,
            actualEn: `${ps.length} parameter(s)`,
          });
          continue;
        }
        ps.forEach((p, i) => compare(syms, p.type, v.params[i].type, diags));
      }
      return;
  }
}
