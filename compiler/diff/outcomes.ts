// Outcome movement: each golden case evaluated under both policies (like runGoldenCase, minus
// the comparison with the expectations); lists the outputs whose state differs.
import type { IrPolicy, XType } from '../ir.ts';
import type { LoadedPolicy, Outcome } from '../../runtime/outcome.ts';
import type { GoldenCase } from '../cases/types.ts';
import { outputTypes, recordFieldsOf, valueMatches } from '../cases/compare.ts';
import { formatValue, type RecordFields } from '../../runtime/format.ts';
import type { CaseMove, OutcomeDiff, OutputMove, OutputState } from './types.ts';

function evaluate(policy: LoadedPolicy, c: GoldenCase): Outcome | Error {
  try {
    const options: Parameters<LoadedPolicy['evaluate']>[1] = { asOf: c.asOf };
    if (c.parameters !== undefined) options.parameters = c.parameters;
    return policy.evaluate(c.input, options);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

function stateOf(o: Outcome | Error, name: string, t: XType | undefined, records: RecordFields): OutputState {
  if (o instanceof Error) return { state: 'error', code: 'internal', message: o.message };
  const v = o.outputs[name];
  if (v !== undefined) return { state: 'value', value: v.value, display: formatValue(t, v.value, records) };
  const u = o.unavailable[name];
  if (u !== undefined) return { state: 'unavailable', missing: u.missing };
  const err = o.errors.find((e) => e.rule === name || e.affects?.includes(name));
  if (err) return { state: 'error', code: err.code, message: `${err.message.zh} / ${err.message.en}` };
  return { state: 'absent' };
}

function sameState(a: OutputState, b: OutputState, t: Parameters<typeof valueMatches>[0]): boolean {
  if (a.state !== b.state) return false;
  if (a.state === 'value' && b.state === 'value') return valueMatches(t, a.value, b.value) || JSON.stringify(a.value) === JSON.stringify(b.value);
  if (a.state === 'error' && b.state === 'error') return a.code === b.code;
  if (a.state === 'unavailable' && b.state === 'unavailable') return a.missing.join() === b.missing.join();
  return true;
}

function movement(a: OutputState, b: OutputState): OutputMove['movement'] {
  if (a.state === 'value' && b.state === 'value') return 'changed';
  if (b.state === 'value') return 'appeared';
  if (b.state === 'unavailable') return 'unavailable';
  if (b.state === 'error') return 'failed';
  if (b.state === 'absent' && a.state !== 'absent') return 'removed';
  return 'other';
}

function setDiff(a: string[], b: string[]): { added: string[]; removed: string[] } {
  const sa = new Set(a);
  const sb = new Set(b);
  return { added: [...sb].filter((x) => !sa.has(x)).sort(), removed: [...sa].filter((x) => !sb.has(x)).sort() };
}

/** Evaluates every case under both policies (every output) and lists the cases that move. */
export function diffOutcomes(oldPolicy: LoadedPolicy, oldIr: IrPolicy, newPolicy: LoadedPolicy, newIr: IrPolicy, cases: GoldenCase[]): OutcomeDiff {
  const oldTypes = outputTypes(oldIr);
  const newTypes = outputTypes(newIr);
  const oldRecords = recordFieldsOf(oldIr);
  const newRecords = recordFieldsOf(newIr);
  const names = [...new Set([...oldTypes.keys(), ...newTypes.keys()])];
  const moved: CaseMove[] = [];
  for (const c of cases) {
    const a = evaluate(oldPolicy, c);
    const b = evaluate(newPolicy, c);
    const outputs: OutputMove[] = [];
    for (const name of names) {
      const sa = stateOf(a, name, oldTypes.get(name), oldRecords);
      const sb = stateOf(b, name, newTypes.get(name), newRecords);
      if (sameState(sa, sb, newTypes.get(name) ?? oldTypes.get(name))) continue;
      const expected = Object.prototype.hasOwnProperty.call(c.expected, name);
      const meets = (s: OutputState, t: XType | undefined) => s.state === 'value' && valueMatches(t, c.expected[name], s.value);
      const move: OutputMove = { name, movement: movement(sa, sb), expected, old: sa, new: sb };
      if (expected) move.expectation = { old: meets(sa, oldTypes.get(name)), new: meets(sb, newTypes.get(name)) };
      outputs.push(move);
    }
    const fired = (o: Outcome | Error) => (o instanceof Error ? [] : o.checks.map((x) => x.name));
    const codes = (o: Outcome | Error) => (o instanceof Error ? ['internal'] : o.inputErrors.map((e) => `${e.code} ${e.path}`));
    const checks = setDiff(fired(a), fired(b));
    const inputErrors = setDiff(codes(a), codes(b));
    if (outputs.length === 0 && checks.added.length + checks.removed.length + inputErrors.added.length + inputErrors.removed.length === 0) continue;
    moved.push({ id: c.id, ...(c.title !== undefined ? { title: c.title } : {}), file: c.file, line: c.line, outputs, checks, inputErrors });
  }
  return { cases: cases.length, moved };
}
