// What the runtime derives once per policy model and keeps beside it (a WeakMap, so the model
// stays plain data): name → index maps, the compiled validator, the work calendar, per-date
// caches and the recycled case context. Built lazily on the first evaluate.
import type { PolicyModel } from './model.ts';
import type { CaseInputError } from './outcome.ts';
import type { WorkCalendar } from './calendar.ts';
import type { Ctx } from './context.ts';

export interface Prepared {
  enumIndex: Map<string, Map<string, number>>;
  enumMembers: Map<string, string[]>;
  records: Map<string, PolicyModel['records'][number]>;
  paramIndex: Map<string, number>;
  outputIndex: Map<string, number>;
  validate: ((input: unknown) => CaseInputError[]) | null;
  calendar: WorkCalendar | null;
  /** per as-of date: optional inputs each rule / check certainly reads */
  needsAt: Map<string, NeedsAt>;
  /** the last `options.outputs` array and its rule indices */
  lastOutputs: { names: readonly string[]; which: number[]; unknown: string[]; allFen?: boolean } | null;
  /** whether every output rule has a fen function (undefined = not yet asked) */
  allOutputsFen?: boolean;
  /** a cleared context ready for the next case */
  free: Ctx | null;
  inputByName: Map<string, number>;
  requiredInputs: number;
  recordFieldIndex: Map<string, Map<string, number>>;
  recordRequired: Map<string, number>;
  /** the last as-of date found valid and in force */
  lastAsOf: string | null;
  /** the fen path's state and its kernels (runtime/fenEval.ts, runtime/fenKernel.ts), kept here
   * rather than in maps of their own: one lookup per case fewer each */
  fenState: unknown;
  kernels: unknown;
}

const prepared = new WeakMap<PolicyModel, Prepared>();

export function prep(M: PolicyModel): Prepared {
  let p = prepared.get(M);
  if (p === undefined) {
    p = {
      enumIndex: new Map(M.enums.map((e) => [e.name, new Map(e.members.map((m, i) => [m, i]))])),
      enumMembers: new Map(M.enums.map((e) => [e.name, e.members])),
      records: new Map(M.records.map((r) => [r.name, r])),
      paramIndex: new Map(M.params.map((q, i) => [q.name, i])),
      outputIndex: new Map(M.outputRules.map((i) => [M.rules[i]!.name, i])),
      validate: null,
      calendar: null,
      lastOutputs: null,
      needsAt: new Map(),
      free: null,
      inputByName: new Map(M.inputs.map((f, i) => [f.name, i])),
      requiredInputs: M.inputs.filter((f) => !f.optional).length,
      recordFieldIndex: new Map(M.records.map((r) => [r.name, new Map(r.fields.map((f, i) => [f.name, i]))])),
      recordRequired: new Map(M.records.map((r) => [r.name, r.fields.filter((f) => !f.optional).length])),
      lastAsOf: null,
      fenState: null,
      kernels: null,
    };
    prepared.set(M, p);
  }
  return p;
}

/** The needs graph resolved at one as-of date (runtime/needs.ts): per rule / check, the
 * optional inputs it certainly reads. */
export interface NeedsAt {
  rules: number[][];
  checks: number[][];
}
