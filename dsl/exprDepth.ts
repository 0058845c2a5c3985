// The expression-depth limit (MAX_EXPR_DEPTH, dsl/limits.ts), applied to a built declaration.
// The parser bounds bracket nesting, but an operator chain (`a + a + … + a`, left-associative)
// is flat in the CST and as deep as it is long in the AST; every later pass (checker, code
// generators, explain, diff) recurses over the AST. This walk is iterative, so measuring
// cannot itself overflow; a subtree that goes too deep is reported once (XP021, at the
// subexpression where the limit is crossed) and replaced by an `error` node, which the checker
// treats as already reported.
import type { Declaration, Span } from './ast.ts';
import { makeDiagnostic, type Diagnostic } from './diagnostic.ts';
import { MAX_EXPR_DEPTH } from './limits.ts';
import { dslMessages } from './messages.ts';

const EXPR_KINDS = new Set([
  'number', 'percent', 'money', 'duration', 'date', 'string', 'boolean', 'roundingUnit', 'asOf', 'name', 'qualified',
  'field', 'index', 'at', 'call', 'lambda', 'unary', 'binary', 'in', 'when', 'match', 'list', 'error',
]);

type Node = Record<string, unknown>;

function isExpr(v: Node): boolean {
  return typeof v.kind === 'string' && EXPR_KINDS.has(v.kind) && typeof v.span === 'object';
}

/** Cuts every subtree deeper than the limit; returns one diagnostic (at the first cut) or none. */
export function limitExpressionDepth(decl: Declaration, file: string, limit = MAX_EXPR_DEPTH): Diagnostic[] {
  const out: Diagnostic[] = [];
  // [value, parent, key, depth of expressions above it]
  const stack: [unknown, Node | unknown[] | null, string | number, number][] = [[decl, null, '', 0]];
  while (stack.length) {
    const [v, parent, key, above] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], v, i, above]);
      continue;
    }
    const node = v as Node;
    let depth = above;
    if (isExpr(node)) {
      depth = above + 1;
      if (depth > limit && parent) {
        const span = node.span as Span;
        if (!out.length) out.push(makeDiagnostic(dslMessages, 'XP021', { ...span, file }, { limit: String(limit) }));
        (parent as Record<string | number, unknown>)[key] = { kind: 'error', span };
        continue;
      }
    }
    // pushed in reverse, popped in source order: the first cut is the leftmost, i.e. in a
    // left-deep chain the run of terms past the limit, starting where the expression starts
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      if (k !== 'span') stack.push([node[k], node, k, depth]);
    }
  }
  return out;
}
