// Limits of the checker (docs/diagnostics.md, "Limits"); the front end's are in dsl/limits.ts.

/** Evaluation depth of a rule (compiler/checkDepth.ts, XC093). Far below what the runtime's
 * stack takes (about 6 000 on Node's default stack, measured with chains of
 * `r(i) = r(i−1) + 1元` declared in reverse order), far above real policies. */
export const MAX_EVAL_DEPTH = 1000;

/** Rows of one version of one table (XC095): real tables are keyed by an enum or a small
 * integer range (ages, years); bulk data is case input. */
export const MAX_TABLE_ROWS = 10_000;
