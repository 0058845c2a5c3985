// The policy model: the plain data and compiled functions generated code builds and hands to
// createPolicy (compiler/codegen.ts emits it). Types only. The runtime never imports the
// compiler, so RtType restates compiler/ir.ts XType.
//
// Internal value representation (what compiled expressions compute with):
//   money, rate, number, integer, days/months/workdays → Decimal
//   date → ISO string · text → string · boolean → boolean
//   enum → member index (number, declaration order) · list → array
//   record → array of field values in declaration order (absent optional field = undefined)
import type { RoundingMode, RoundingUnit } from './money.ts';
import type { Layers, TableBody, BandRow } from './lookup.ts';
import type { OutputInfo, PolicyInfo } from './outcome.ts';
import type { Ctx } from './context.ts';
import type { FenModel } from './fenEval.ts';

/** Same shape as compiler/ir.ts XType (the runtime does not import the compiler). */
export type RtType =
  | { kind: 'money' | 'rate' | 'number' | 'integer' | 'boolean' | 'date' | 'text' }
  | { kind: 'duration'; unit: 'days' | 'months' | 'workdays' }
  | { kind: 'enum'; name: string }
  | { kind: 'record'; name: string }
  | { kind: 'list'; element: RtType };

export type ValueFn = (cx: Ctx, at: string) => unknown;

export interface NeedsNode {
  inputs: number[];
  rules: number[];
}

export interface ModelRounding {
  mode: RoundingMode;
  unit: RoundingUnit;
}

/** An input or record field; `range` = its `范围` (inclusive, decimal text; fractions for rates). */
export interface InputField {
  name: string;
  type: RtType;
  optional: boolean;
  range?: [string, string];
}

export interface PolicyModel {
  info: PolicyInfo;
  schema: Record<string, unknown>;
  outputs: OutputInfo[];
  enums: { name: string; members: string[] }[];
  records: { name: string; fields: InputField[] }[];
  inputs: InputField[];
  params: { name: string; type: RtType; cite?: string; layers: Layers<ValueFn>; /** `范围`: inclusive bounds as decimal text (fractions for rates) */ range?: [string, string] }[];
  tables: { name: string; keyType: RtType; valueType: RtType; cite?: string; layers: Layers<TableBody<ValueFn>> }[];
  bands: { name: string; keyType: RtType; valueType: RtType; cite?: string; layers: Layers<BandRow<ValueFn, ValueFn>[]> }[];
  rules: {
    name: string;
    type: RtType;
    cite?: string;
    rounding: ModelRounding | null;
    params: { name: string; type: RtType }[];
    /** computes the (unrounded) value; parameterised rules take their arguments after cx */
    fn: (cx: Ctx, ...args: any[]) => unknown;
    /** dated versions (value = branch index), when the rule has more than one or a dated one */
    layers: Layers<number> | null;
    /** the policy of the (last) layer declaring the rule; with `layers`, the chosen version's policy wins */
    policy?: string;
    exceptions: { cite?: string; policy: string }[];
    /** per version (branch order): optional inputs read and rules called unconditionally; null = unknown */
    deps: NeedsNode[] | null;
  }[];
  /** indices of the output rules (parameterless), in declaration order */
  outputRules: number[];
  checks: { name: string; severity: 'warning' | 'error'; message: string; cite?: string; deps: NeedsNode; cond: (cx: Ctx) => unknown }[];
  calendar: { holidays: string[]; workdays: string[] };
  /** the fen path (compiler/codegenFen.ts); absent in models generated before it */
  fen?: FenModel;
}
