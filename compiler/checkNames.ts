// Names the runtime can never accept as keys. Case data, parameter overrides, outputs, reports
// and golden cases are JSON objects keyed by policy names, and the runtime refuses the keys
// __proto__, constructor and prototype anywhere in case data (XI011, runtime/validate.ts): they
// are the prototype-pollution vectors of JavaScript objects. A policy declaring such a name
// would compile and then reject every case, so the declaration itself is the error (XC096).
// Other names that exist on Object.prototype (toString, valueOf, hasOwnProperty, …) are safe:
// the runtime reads case data by own property only (runtime/own.ts), and tests prove them.
import type { Name } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import { report } from './messages.ts';
import type { PolicyUnit } from './resolve.ts';

export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function checkReservedNames(chain: PolicyUnit[], diags: Diagnostic[]): void {
  const at = (n: Name | undefined) => {
    if (n && RESERVED_NAMES.has(n.text)) report(diags, 'XC096', n.span, { name: n.text });
  };
  for (const unit of chain) {
    for (const ast of unit.asts) {
      for (const d of ast.declarations) {
        switch (d.kind) {
          case 'enum':
            at(d.name);
            d.members.forEach(at);
            break;
          case 'record':
            at(d.name);
            for (const f of d.fields) at(f.name);
            break;
          case 'input':
            for (const f of d.fields) at(f.name);
            break;
          case 'rule':
            at(d.name);
            for (const p of d.params) at(p.name);
            break;
          case 'header':
          case 'param':
          case 'table':
          case 'bands':
          case 'check':
            at(d.name);
            break;
          default:
            break;
        }
      }
    }
  }
}
