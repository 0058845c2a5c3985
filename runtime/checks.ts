// The policy's checks (检查): evaluated for every case after the outputs, each reported when its
// condition holds; a check that needs an absent input is skipped, one that fails is reported as
// an error of that check (never of an output). An error-severity check that holds makes the
// case not ok (checkFailures).
import type { CheckResult, EvaluationError, Outcome } from './outcome.ts';
import { evalText } from './evalMessages.ts';
import type { PolicyModel } from './model.ts';
import type { Ctx } from './context.ts';
import { MissingInput, record, tagWith, type Seen } from './failures.ts';
import { absent } from './needs.ts';

/** Runs every check of `M` in `cx` (tracing off); `needs` = per check, the inputs it certainly reads. */
export function runChecks(cx: Ctx, M: PolicyModel, needs: number[][], out: Outcome, seen: Seen): void {
  for (let ci = 0; ci < M.checks.length; ci++) {
    const C = M.checks[ci]!;
    const cn = needs[ci]!;
    if (cn.length > 0 && absent(cx, cn) !== null) continue;
    try {
      if (C.cond(cx) === true) {
        const c: Outcome['checks'][number] = { name: C.name, severity: C.severity, message: C.message };
        if (C.cite !== undefined) c.cite = C.cite;
        out.checks.push(c);
      }
    } catch (e) {
      if (!(e instanceof MissingInput)) record(out, seen, tagWith(e, C.name, C.cite), C.name, false);
    }
  }
}

/** One XR043 in `errors` for each error-severity check in `checks` (they hold): a case whose
 * error check holds is not ok. Its outputs stay in the outcome, for review (docs/embedding.md,
 * "Errors"); warnings do not block. */
export function checkFailures(checks: readonly CheckResult[], errors: EvaluationError[]): void {
  for (const c of checks) {
    if (c.severity !== 'error') continue;
    const args = { name: c.name, message: c.message };
    const e: EvaluationError = { code: 'XR043', ...evalText('XR043', args), rule: c.name, args };
    if (c.cite !== undefined) e.cite = c.cite;
    errors.push(e);
  }
}
