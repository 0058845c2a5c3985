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
import { setOwn } from './own.ts';
import type { CaseInputError, CheckResult, EvaluationError, Outcome, OutputValue } from './outcome.ts';

/** What fills `checks`, `errors` and `ok` on first read (runtime/evaluate.ts checksOf). */
export type ChecksRunner = (
  M: PolicyModel,
  input: unknown,
  asOf: string,
  given: Record<string, unknown> | null,
) => { checks: CheckResult[]; errors: EvaluationError[]; ok: boolean };

/** What a LazyOutcome knows of its case's shape (runtime/fenEval.ts makes one per requested
 * outputs, and one per straight-line kernel of runtime/fenKernel.ts). */
export interface OutcomeShape {
  /** the requested rule indices; their fen values are vals[0, which.length) */
  which: readonly number[];
  /** writes `outputs` from those values */
  write: (vals: unknown[]) => Record<string, OutputValue>;
  /** when not null, the case's raw input values follow the outputs in vals, in this key order
   * (a kernel read them once; strings, numbers and booleans need no copy, a structured value is
   * a copy), then the raw override values in gKeys order (gKeys null: no overrides) — instead of
   * copies of the input and parameter objects */
  inKeys: string[] | null;
  gKeys: string[] | null;
}

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
  #M: PolicyModel;
  /** copies of the case's input and parameters, taken when the outputs were computed, when the
   * shape does not keep them in vals (null once the checks have run) */
  #input: unknown;
  #given: Record<string, unknown> | null;
  #done: Done | null = null;
  #shape: OutcomeShape;
  /** fen values of the outputs, then (per the shape) the case's raw values; null once outputs
   * and checks are both done */
  #vals: unknown[] | null;
  #outputs: Record<string, OutputValue> | null = null;
  #inputErrors: CaseInputError[] | null = null;
  #unavailable: Record<string, { missing: string[] }> | null = null;
  constructor(M: PolicyModel, asOf: string, shape: OutcomeShape, vals: unknown[], input: unknown, given: Record<string, unknown> | null) {
    this.policy = M.info.name;
    this.asOf = asOf;
    this.#M = M;
    this.#shape = shape;
    this.#vals = vals;
    this.#input = input;
    this.#given = given;
  }
  #get(): Done {
    if (this.#done === null) {
      const sh = this.#shape;
      let input = this.#input;
      let given = this.#given;
      if (sh.inKeys !== null) {
        // the case as it was read: rebuilt from its raw values (own data properties, key order kept)
        const v = this.#vals!;
        let j = sh.which.length;
        const o: Record<string, unknown> = {};
        for (const k of sh.inKeys) setOwn(o, k, v[j++]);
        input = o;
        if (sh.gKeys !== null) {
          given = {};
          for (const k of sh.gKeys) setOwn(given, k, v[j++]);
        }
      }
      const r = runner!(this.#M, input, this.asOf, given);
      this.#input = this.#given = null; // let the case data go
      if (this.#outputs !== null) this.#vals = null;
      this.#done = { checks: r.checks, errors: r.errors, ok: r.ok };
    }
    return this.#done;
  }
  get outputs(): Record<string, OutputValue> {
    if (this.#outputs === null) {
      this.#outputs = this.#shape.write(this.#vals!);
      if (this.#done !== null) this.#vals = null;
    }
    return this.#outputs;
  }
  set outputs(v: Record<string, OutputValue>) {
    this.#outputs = v;
    if (this.#done !== null) this.#vals = null;
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
