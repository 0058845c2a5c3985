// Golden cases for the case picker. TEMPORARY adapter until compiler/cases.ts lands: then this
// file only re-exports/adapts that one loader (no second implementation).
import { parse } from 'yaml';

export interface GoldenCase {
  id: string;
  title?: string;
  cite?: string;
  asOf: string;
  parameters: Record<string, string>;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
  expectedErrors: string[];
  expectedChecks: string[];
  suite: string;
}

export function loadSuites(suites: { path: string; text: string }[]): { cases: GoldenCase[]; errors: string[] } {
  const cases: GoldenCase[] = [];
  const errors: string[] = [];
  for (const s of suites) {
    try {
      const doc = parse(s.text) as { cases?: Record<string, unknown>[] };
      for (const c of doc?.cases ?? [])
        cases.push({
          id: String(c.id),
          title: c.title as string | undefined,
          cite: c.cite as string | undefined,
          asOf: String(c.as_of ?? ''),
          parameters: Object.fromEntries(Object.entries((c.parameters as Record<string, unknown>) ?? {}).map(([k, v]) => [k, String(v)])),
          input: (c.input as Record<string, unknown>) ?? {},
          expected: (c.expected as Record<string, unknown>) ?? {},
          expectedErrors: (c.expected_errors as string[]) ?? [],
          expectedChecks: (c.expected_checks as string[]) ?? [],
          suite: s.path,
        });
    } catch (e) {
      errors.push(`${s.path}: ${(e as Error).message}`);
    }
  }
  return { cases, errors };
}

/** Does an output value equal the expected one (decimal compare for numbers, `60%` allowed)? */
export function sameValue(expected: unknown, actual: { type: string; value: unknown }): boolean {
  const num = (x: unknown) => {
    const s = String(x).trim();
    return s.endsWith('%') ? Number(s.slice(0, -1)) / 100 : Number(s);
  };
  if (['money', 'rate', 'number', 'integer', 'days', 'months', 'workdays'].includes(actual.type))
    return Math.abs(num(expected) - num(actual.value)) < 1e-9;
  return JSON.stringify(expected) === JSON.stringify(actual.value) || String(expected) === String(actual.value);
}
