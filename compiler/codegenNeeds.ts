// Static "needs" graph: for each version of each parameterless rule, and for each check, the
// optional top-level inputs read UNCONDITIONALLY and the parameterless rules called
// unconditionally. The runtime resolves it per as-of date (choosing each rule's version) into
// the set of optional inputs an output or check certainly reads; when the case lacks one, the
// evaluation would certainly stop with the missing-input signal, so the runtime reports the
// output unavailable / skips the check up front without running (and throwing through) code.
// Conservative: conditional parts (the right operand of 且/或, branches of 当/匹配 after the
// first condition, aggregate bodies, rules with exceptions) contribute nothing.
import type { IrExpr, IrPolicy } from './ir.ts';

export interface NeedsNode {
  inputs: number[];
  rules: number[];
}

export interface NeedsGraph {
  /** per rule: one node per flattened version (branch order), or null (rule with exceptions / parameters) */
  rules: (NeedsNode[] | null)[];
  checks: NeedsNode[];
}

/** The names an expression reads unconditionally: every top-level input (optional or not: the
 * policy decides which are optional) and every parameterless rule called. Kept per expression
 * object: the version bodies of an unchanged declaration are the same objects from compile to
 * compile (compiler/buildCache.ts), so after an edit only the edited declaration is walked. */
interface Names {
  inputs: string[];
  rules: string[];
}
const namesKept = new WeakMap<IrExpr, Names>();

function namesOf(e: IrExpr): Names {
  const kept = namesKept.get(e);
  if (kept) return kept;
  const inputs = new Set<string>();
  const rules = new Set<string>();
  const walk = (x: IrExpr | null | undefined): void => {
    if (!x) return;
    switch (x.k) {
      case 'input':
        inputs.add(x.name);
        break;
      case 'field':
        walk(x.object);
        break;
      case 'param':
        walk(x.at);
        break;
      case 'table':
      case 'bands':
        walk(x.key);
        walk(x.at);
        break;
      case 'rule':
        x.args.forEach(walk);
        if (x.args.length === 0) rules.add(x.name);
        break;
      case 'builtin':
        if (x.fn !== 'present') x.args.forEach(walk);
        break;
      case 'aggregate':
        walk(x.list);
        break;
      case 'arith':
      case 'compare':
        walk(x.left);
        walk(x.right);
        break;
      case 'logic':
        walk(x.left);
        break;
      case 'not':
      case 'neg':
        walk(x.operand);
        break;
      case 'in':
        walk(x.value);
        x.members.forEach(walk);
        break;
      case 'when':
        walk(x.branches[0]?.condition);
        break;
      case 'match':
        walk(x.subject);
        break;
      case 'list':
        x.items.forEach(walk);
        break;
      default:
        break;
    }
  };
  walk(e);
  const names = { inputs: [...inputs], rules: [...rules] };
  namesKept.set(e, names);
  return names;
}

export function needsGraph(ir: IrPolicy): NeedsGraph {
  const optionalInput = new Map<string, number>();
  ir.inputs.forEach((f, i) => {
    if (f.optional) optionalInput.set(f.name, i);
  });
  const ruleIndex = new Map(ir.rules.map((r, i) => [r.name, i]));

  const node = (e: IrExpr): NeedsNode => {
    const names = namesOf(e);
    const inputs: number[] = [];
    const rules: number[] = [];
    for (const n of names.inputs) {
      const i = optionalInput.get(n);
      if (i !== undefined) inputs.push(i);
    }
    for (const n of names.rules) {
      const i = ruleIndex.get(n);
      if (i !== undefined) rules.push(i);
    }
    // distinct names of one kind have distinct positions (the names are unique, codegen.ts)
    return { inputs: inputs.sort((a, b) => a - b), rules: rules.sort((a, b) => a - b) };
  };

  return {
    rules: ir.rules.map((r) =>
      r.params.length > 0 || r.exceptions.length > 0 ? null : r.layers.flatMap((l) => l.versions).map((v) => node(v.body)),
    ),
    checks: ir.checks.map((c) => node(c.condition)),
  };
}
