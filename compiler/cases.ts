// Golden cases (docs/architecture.md, "Golden cases"): the one loader of `*.cases.yaml` suites
// for the CLI, the tests and the playground. No Node API: it takes text and a file name.
//
//   parseCaseSuite(text, file)          → { policy?, cases, diagnostics (XT…) }
//   compareOutcome(case, outcome, ir)   → per-field pass/fail with expected vs actual
//
// A file without `cases:` is read as a single case (handy for `xize run --case one.yaml`).
// Expected values: money/rate/number compare by decimal value ("86400" = "86400.00" = 86400),
// rates may be written as percentages ("60%", "0.5‰"), integers and durations as numbers,
// booleans as true/false (or 真/假), dates/enums/text as text, lists as lists; `null` (or
// `unavailable` / `不可用`) expects the output to be unavailable (optional inputs missing).

export { caseMessages } from './cases/messages.ts';
export type { GoldenCase, CaseSuite, FieldResult, CaseResult } from './cases/types.ts';
export { parseCaseSuite } from './cases/parse.ts';
export { valueMatches, outputTypes, outputsFor, compareOutcome, runGoldenCase } from './cases/compare.ts';
