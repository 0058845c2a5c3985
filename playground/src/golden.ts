// "Save the current form as a golden case": a case suite in the YAML the CLI loads through the
// one case loader (compiler/cases.ts parseCaseSuite) — policy, id, title, as_of, parameters,
// input, and expected values taken from the current outcome of the outputs the case asks for
// (all computed outputs for a custom case). The expected values are what the policy gives now:
// the file says so, and a tester checks each against the regulation before committing it.
import { stringify } from 'yaml';
import type { Outcome } from '../../runtime/outcome.ts';

export interface GoldenDraft {
  policy: string;
  id: string;
  title?: string;
  cite?: string;
  asOf: string;
  parameters: Record<string, unknown>;
  input: Record<string, unknown>;
  /** the outputs to expect (default: every computed output) */
  outputs?: string[];
  outcome: Outcome;
}

export function goldenYaml(d: GoldenDraft): string {
  const names = (d.outputs?.length ? d.outputs : Object.keys(d.outcome.outputs)).filter((n) => d.outcome.outputs[n] !== undefined || d.outcome.unavailable[n] !== undefined);
  const expected: Record<string, unknown> = {};
  for (const n of names) expected[n] = d.outcome.outputs[n] ? d.outcome.outputs[n]!.value : null;
  const c: Record<string, unknown> = { id: d.id };
  if (d.title) c.title = d.title;
  if (d.cite) c.cite = d.cite;
  c.as_of = d.asOf;
  if (Object.keys(d.parameters).length) c.parameters = d.parameters;
  c.input = d.input;
  c.expected = expected;
  const head =
    '# 由演练场“存为黄金案例”生成。预期值取自当前计算结果：提交前请按条文逐项手算核对，并在注释中写出算式。\n' +
    '# Saved from the playground. Expected values are the current results: work each out by hand from the regulation (arithmetic in a comment) before committing.\n';
  return head + stringify({ policy: d.policy, cases: [c] }, { lineWidth: 0 });
}
