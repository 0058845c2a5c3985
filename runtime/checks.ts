// The policy's checks (检查): evaluated for every case after the outputs, each reported when its
// condition holds; a check that needs an absent input is skipped, one that fails is reported as
// an error of that check (never of an output).
import type { Outcome } from './outcome.ts';
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
