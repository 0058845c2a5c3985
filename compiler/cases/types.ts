// The shapes of golden cases and of their results.
import type { Diagnostic } from '../../dsl/diagnostic.ts';
import type { JsonValue } from '../../runtime/outcome.ts';

// ---------------------------------------------------------------- types

export interface GoldenCase {
  id: string;
  title?: string;
  cite?: string;
  asOf: string;
  parameters?: Record<string, unknown>;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
  expectedChecks?: string[];
  expectedErrors?: string[];
  file: string;
  /** 1-based line of the case */
  line: number;
  /** 1-based line of each expected field (and of expected_checks / expected_errors) */
  lines: Record<string, number>;
}

export interface CaseSuite {
  file: string;
  policy?: string;
  cases: GoldenCase[];
  diagnostics: Diagnostic[];
}

export interface FieldResult {
  kind: 'output' | 'checks' | 'errors' | 'outcome';
  name: string;
  pass: boolean;
  /** as a person reads it, by the declared type (`40%`, `84,000.00元`) */
  expected: string;
  actual: string;
  /** the raw values (outputs only): as written in the case, and the outcome's JSON value */
  expectedValue?: JsonValue;
  actualValue?: JsonValue;
  line?: number;
}

export interface CaseResult {
  id: string;
  title?: string;
  pass: boolean;
  fields: FieldResult[];
  /** evaluation problems not tied to an expected field (shown, fail the case only when global) */
  notes: string[];
}
