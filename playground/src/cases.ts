// Golden cases for the case picker: the one loader (compiler/cases.ts) the CLI and tests use.
// Comparison of expected and actual values happens in the worker (compareOutcome needs the IR).
import { parseCaseSuite, type GoldenCase } from '../../compiler/cases.ts';
import type { Diagnostic } from '../../dsl/diagnostic.ts';

export type { GoldenCase };

export function loadSuites(suites: { path: string; text: string }[]): { cases: GoldenCase[]; diagnostics: Diagnostic[] } {
  const cases: GoldenCase[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const s of suites) {
    const suite = parseCaseSuite(s.text, s.path);
    cases.push(...suite.cases);
    diagnostics.push(...suite.diagnostics);
  }
  return { cases, diagnostics };
}
