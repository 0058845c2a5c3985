// The auditors' policy diff (docs/cli.md, "xize diff"): what changed between two checked
// policies, since when, and which golden-case outcomes move. Data only; the CLI renders it.
//
//   diffPolicies(old, new)                               → PolicyDiff (declarations)
//   diffOutcomes(oldPolicy, oldIr, newPolicy, newIr, cs) → OutcomeDiff (cases that move)
//
// Params, tables (per key), bands and rules are compared by their *effective* dated values — what
// a lookup would see from each version date on, whatever layer supplies it — so moving an
// override between a province and a city with the same values is no change. Expressions are
// compared by their canonical printing (compiler/printIr.ts). No Node API.
import type { IrPolicy } from './ir.ts';
import { diffDecls } from './diff/decls.ts';
import type { PolicyDiff } from './diff/types.ts';

export type * from './diff/types.ts';
export { diffOutcomes } from './diff/outcomes.ts';
export { printBand } from './diff/decls.ts';

export function diffPolicies(oldIr: IrPolicy, newIr: IrPolicy): PolicyDiff {
  return {
    old: { name: oldIr.name, chain: oldIr.chain },
    new: { name: newIr.name, chain: newIr.chain },
    changes: diffDecls(oldIr, newIr),
  };
}
