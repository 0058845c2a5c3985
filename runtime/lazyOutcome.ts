// The Outcome of a case the fen path answered. Its output values are computed at once, as
// integers; their texts (`value`, `display`) are written when `outputs` is first read, and its
// checks — with the `errors` and `ok` the checks can change — when one of those is first read
// (most callers that ask for a few outputs never read the checks, and the checks of a whole
// policy cost more than the outputs; a caller that only keeps outcomes pays for no text).
// Reading them gives exactly what the eager decimal path gives: the texts come from the same
// integers, and the checks run on the fen path where the compiler proved them exact, else on
// the decimal path.
//
// Why a class with accessors on the prototype: an accessor defined on each object puts the
// object in dictionary mode and costs more than what it saves. `toJSON` makes JSON.stringify
// show the same fields a plain Outcome has.
import type { PolicyModel } from './model.ts';
import type { CaseInputError, CheckResult, EvaluationError, Outcome, OutputValue } from './outcome.ts';

/** What fills `checks`, `errors` and `ok` on first read (runtime/evaluate.ts checksOf). */
export type ChecksRunner = (
  M: PolicyModel,
  input: unknown,
  asOf: string,
  given: Record<string, unknown> | null,
) => { checks: CheckResult[]; errors: EvaluationError[]; ok: boolean };

/** What writes the outputs from the fen values on first read (runtime/fenEval.ts). */
export type OutputsWriter = (M: PolicyModel, which: readonly number[], vals: unknown[]) => Record<string, OutputValue>;

let runner: ChecksRunner | null = null;
let writer: OutputsWriter | null = null;
/** runtime/evaluate.ts registers it (it needs the decimal path; importing it here would make a cycle). */
export function setChecksRunner(f: ChecksRunner): void {
  runner = f;
}
/** runtime/fenEval.ts registers it (it imports this file). */
export function setOutputsWriter(f: OutputsWriter): void {
  writer = f;
}

interface Done {
  checks: CheckResult[];
  errors: EvaluationError[];
  ok: boolean;
}

export class LazyOutcome implements Outcome {
  policy: string;
  asOf: string;
  #M: PolicyModel;
  /** copies of the case's input and parameters, taken when the outputs were computed (null
   * once the checks have run) */
  #input: unknown;
  #given: Record<string, unknown> | null;
  #done: Done | null = null;
  /** requested rule indices and their fen values (null once the outputs are written) */
  #which: readonly number[] | null;
  #vals: unknown[] | null;
  #outputs: Record<string, OutputValue> | null = null;
  #inputErrors: CaseInputError[] | null = null;
  #unavailable: Record<string, { missing: string[] }> | null = null;
  constructor(M: PolicyModel, asOf: string, input: unknown, given: Record<string, unknown> | null, which: readonly number[], vals: unknown[]) {
    this.policy = M.info.name;
    this.asOf = asOf;
    this.#M = M;
    this.#input = input;
    this.#given = given;
    this.#which = which;
    this.#vals = vals;
  }
  #get(): Done {
    if (this.#done === null) {
      const r = runner!(this.#M, this.#input, this.asOf, this.#given);
      this.#input = this.#given = null; // let the case data go
      this.#done = { checks: r.checks, errors: r.errors, ok: r.ok };
    }
    return this.#done;
  }
  get outputs(): Record<string, OutputValue> {
    if (this.#outputs === null) {
      this.#outputs = writer!(this.#M, this.#which!, this.#vals!);
      this.#which = this.#vals = null;
    }
    return this.#outputs;
  }
  set outputs(v: Record<string, OutputValue>) {
    this.#outputs = v;
    this.#which = this.#vals = null;
  }
  get inputErrors(): CaseInputError[] {
    return (this.#inputErrors ??= []);
  }
  set inputErrors(v: CaseInputError[]) {
    this.#inputErrors = v;
  }
  get unavailable(): Record<string, { missing: string[] }> {
    return (this.#unavailable ??= {});
  }
  set unavailable(v: Record<string, { missing: string[] }>) {
    this.#unavailable = v;
  }
  get checks(): CheckResult[] {
    return this.#get().checks;
  }
  set checks(v: CheckResult[]) {
    this.#get().checks = v;
  }
  get errors(): EvaluationError[] {
    return this.#get().errors;
  }
  set errors(v: EvaluationError[]) {
    this.#get().errors = v;
  }
  get ok(): boolean {
    return this.#get().ok;
  }
  set ok(v: boolean) {
    this.#get().ok = v;
  }
  /** The plain Outcome (every field an own data property). */
  toJSON(): Outcome {
    const d = this.#get();
    return {
      policy: this.policy,
      asOf: this.asOf,
      ok: d.ok,
      inputErrors: this.inputErrors,
      outputs: this.outputs,
      unavailable: this.unavailable,
      errors: d.errors,
      checks: d.checks,
    };
  }
}
