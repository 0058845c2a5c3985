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
import { plainOutputs } from './fenValue.ts';

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
  M: PolicyModel;
  /** the requested rule indices; their fen values are vals[0, which.length) */
  which: readonly number[];
  /** writes `outputs` from those values */
  write: (vals: unknown[]) => Record<string, OutputValue>;
  /** When not null, the case's raw input values follow the outputs in vals, in this key order
   * (a kernel read them once; strings, numbers and booleans need no copy, a structured value is
   * a copy), then its raw override values in gKeys order (gKeys null: no overrides). When null,
   * vals[which.length] is a copy of the input and vals[which.length + 1] one of the parameters
   * (or null). Either way, no change the caller makes to its objects later reaches the checks. */
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

interface Rest {
  inputErrors: CaseInputError[] | null;
  unavailable: Record<string, { missing: string[] }> | null;
}

export class LazyOutcome implements Outcome {
  policy: string;
  asOf: string;
  // (few fields: one outcome per case, most of them read once and dropped)
  #shape: OutcomeShape;
  /** fen values of the outputs, then the case's raw values or copies (OutcomeShape); null once
   * outputs and checks are both done */
  #vals: unknown[] | null;
  #outputs: Record<string, OutputValue> | null;
  #done: Done | null;
  /** inputErrors and unavailable (empty on the fen path), when read or written */
  #rest: Rest | null;
  constructor(shape: OutcomeShape, asOf: string, vals: unknown[]) {
    this.policy = shape.M.info.name;
    this.asOf = asOf;
    this.#shape = shape;
    this.#vals = vals;
    this.#outputs = null;
    this.#done = null;
    this.#rest = null;
  }
  #get(): Done {
    if (this.#done === null) {
      const sh = this.#shape;
      const v = this.#vals!;
      let j = sh.which.length;
      let input: unknown;
      let given: Record<string, unknown> | null = null;
      if (sh.inKeys !== null) {
        // the case as it was read: rebuilt from its raw values (own data properties, key order kept)
        const o: Record<string, unknown> = {};
        for (const k of sh.inKeys) setOwn(o, k, v[j++]);
        input = o;
        if (sh.gKeys !== null) {
          given = {};
          for (const k of sh.gKeys) setOwn(given, k, v[j++]);
        }
      } else {
        input = v[j];
        given = v[j + 1] as Record<string, unknown> | null;
      }
      const r = runner!(sh.M, input, this.asOf, given);
      if (this.#outputs !== null) this.#vals = null; // let the case data go
      this.#done = { checks: r.checks, errors: r.errors, ok: r.ok };
    }
    return this.#done;
  }
  #r(): Rest {
    return (this.#rest ??= { inputErrors: null, unavailable: null });
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
    const r = this.#r();
    return (r.inputErrors ??= []);
  }
  set inputErrors(v: CaseInputError[]) {
    this.#r().inputErrors = v;
  }
  get unavailable(): Record<string, { missing: string[] }> {
    const r = this.#r();
    return (r.unavailable ??= {});
  }
  set unavailable(v: Record<string, { missing: string[] }>) {
    this.#r().unavailable = v;
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
  /** The plain Outcome (every field an own data property, output values plain too). */
  toJSON(): Outcome {
    const d = this.#get();
    return {
      policy: this.policy,
      asOf: this.asOf,
      ok: d.ok,
      inputErrors: this.inputErrors,
      outputs: plainOutputs(this.outputs),
      unavailable: this.unavailable,
      errors: d.errors,
      checks: d.checks,
    };
  }
}
