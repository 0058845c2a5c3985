// The Outcome of a case the fen path answered. Its outputs are there at once; its checks, and
// the `errors` and `ok` the checks can change, are computed when one of them is first read
// (most callers that ask for a few outputs never read them, and the checks of a whole policy
// cost more than the outputs). Reading them gives exactly what the eager decimal path gives:
// the checks run on the fen path where the compiler proved them exact, else on the decimal path.
//
// Why a class with accessors on the prototype: an accessor defined on each object puts the
// object in dictionary mode and costs more than the checks it saves. `toJSON` makes
// JSON.stringify show the same fields a plain Outcome has.
import type { PolicyModel } from './model.ts';
import type { CaseInputError, CheckResult, EvaluationError, Outcome, OutputValue } from './outcome.ts';

/** What fills `checks`, `errors` and `ok` on first read (runtime/evaluate.ts checksOf). */
export type ChecksRunner = (
  M: PolicyModel,
  input: unknown,
  asOf: string,
  given: Record<string, unknown> | null,
) => { checks: CheckResult[]; errors: EvaluationError[]; ok: boolean };

let runner: ChecksRunner | null = null;
/** runtime/evaluate.ts registers it (it needs the decimal path; importing it here would make a cycle). */
export function setChecksRunner(f: ChecksRunner): void {
  runner = f;
}

interface Done {
  checks: CheckResult[];
  errors: EvaluationError[];
  ok: boolean;
}

export class LazyOutcome implements Outcome {
  policy: string;
  asOf: string;
  inputErrors: CaseInputError[] = [];
  outputs: Record<string, OutputValue> = {};
  unavailable: Record<string, { missing: string[] }> = {};
  #M: PolicyModel | null;
  /** copies of the case's input and parameters, taken when the outputs were computed */
  #input: unknown;
  #given: Record<string, unknown> | null;
  #done: Done | null = null;
  constructor(M: PolicyModel, asOf: string, input: unknown, given: Record<string, unknown> | null) {
    this.policy = M.info.name;
    this.asOf = asOf;
    this.#M = M;
    this.#input = input;
    this.#given = given;
  }
  #get(): Done {
    if (this.#done === null) {
      const r = runner!(this.#M!, this.#input, this.asOf, this.#given);
      this.#M = this.#input = this.#given = null; // let the case data go
      this.#done = { checks: r.checks, errors: r.errors, ok: r.ok };
    }
    return this.#done;
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
