// The checked IR: what the checker produces from the ASTs of a policy and its ancestors, and
// what code generation consumes. Everything here is resolved (no bare names left), typed, and
// merged across `extends` into layers. Language-neutral: names are the policy's own
// identifiers (often Chinese); code generation escapes them.
import type { Span, RoundingMode, RoundingUnit } from '../dsl/ast.ts';

export type XType =
  | { kind: 'money' }
  | { kind: 'rate' }
  | { kind: 'number' }
  | { kind: 'integer' }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'text' }
  | { kind: 'duration'; unit: 'days' | 'months' | 'workdays' }
  | { kind: 'enum'; name: string }
  | { kind: 'record'; name: string }
  | { kind: 'list'; element: XType };

export interface IrRounding {
  mode: RoundingMode;
  unit: RoundingUnit;
}

export interface IrEnum {
  name: string;
  members: string[]; // in declaration order (the order comparisons use)
  policy: string;
  doc?: string;
  span: Span;
}

export interface IrField {
  name: string;
  type: XType;
  optional: boolean;
  /** `范围 lo..hi` of an input or record field: inclusive bounds as decimal text (fractions for
   * rates). Without it money, integers and durations are at least 0. */
  range?: [string, string];
  doc?: string;
  policy: string; // policy that declared it
  span: Span;
}

export interface IrRecord {
  name: string;
  fields: IrField[];
  policy: string;
  span: Span;
}

/** One dated version. `from` is an ISO date, or null for "always" (sorts first). */
export interface IrVersion<T> {
  from: string | null;
  body: T;
  cite?: string;
  span: Span;
}

/** The versions one policy of the chain contributes to a declaration. */
export interface IrLayer<T> {
  policy: string; // the policy that wrote this layer
  versions: IrVersion<T>[]; // sorted by `from`, null first
}

// Layers are ordered from the root ancestor to the policy being compiled. Lookup at date d:
// the LAST layer that has a version with from <= d (null counts as <= every date) wins, and
// within it the latest such version. Tables do this per key (a layer "has" a key at d if its
// version in force at d has a row for the key or an `otherwise` row).

export interface IrParam {
  name: string;
  type: XType;
  required: boolean; // declared `必填`
  cite?: string;
  doc?: string;
  layers: IrLayer<IrExpr>[]; // may be all empty when unset (only allowed in abstract policies)
  /** `范围 lo..hi` of the declaration: every layer's value must lie in [lo, hi] (compiler/checkRanges.ts). */
  range?: IrParamRange;
  span: Span;
}

export interface IrParamRange {
  lo: IrExpr;
  hi: IrExpr;
  /** the bounds as decimal strings, filled by the range pass when they are constant */
  loValue?: string;
  hiValue?: string;
  policy: string; // the policy that declared the range
  span: Span;
}

export interface IrTableRow {
  keys: (string | number)[]; // enum member names (ranges already expanded) or integers
  value: IrExpr;
}

export interface IrTableVersionBody {
  rows: IrTableRow[];
  otherwise?: IrExpr;
}

export interface IrTable {
  name: string;
  keyType: XType; // enum or integer
  valueType: XType;
  required: boolean; // declared `必填`: a non-abstract descendant must supply rows
  cite?: string;
  doc?: string;
  layers: IrLayer<IrTableVersionBody>[];
  span: Span;
}

export interface IrBand {
  lower: { value: IrExpr | null; inclusive: boolean }; // null = −∞
  upper: { value: IrExpr | null; inclusive: boolean }; // null = +∞
  value: IrExpr;
}

export interface IrBands {
  name: string;
  keyType: XType; // money, rate, number, integer, or a duration
  valueType: XType;
  cite?: string;
  doc?: string;
  layers: IrLayer<IrBand[]>[]; // bands are replaced per version as a whole (no per-key merge)
  span: Span;
}

export interface IrException {
  condition: IrExpr;
  value: IrExpr;
  cite?: string;
  policy: string;
  span: Span;
}

export interface IrRule {
  name: string;
  params: { name: string; type: XType }[]; // non-empty: a function-like rule, not an output
  type: XType;
  rounding: IrRounding | null; // already resolved: rule's own, else the header default for money; null = none
  cite?: string;
  doc?: string;
  layers: IrLayer<IrExpr>[]; // an override adds a layer
  exceptions: IrException[]; // from every policy of the chain
  span: Span;
}

export interface IrCheck {
  name: string;
  severity: 'warning' | 'error';
  condition: IrExpr;
  message: string;
  cite?: string;
  policy: string;
  span: Span;
}

export interface IrPolicy {
  name: string;
  title?: string;
  abstract: boolean;
  effective: string | null;
  rounding: IrRounding | null; // header default
  chain: string[]; // root ancestor first, this policy last
  enums: IrEnum[];
  records: IrRecord[];
  inputs: IrField[];
  params: IrParam[];
  tables: IrTable[];
  bands: IrBands[];
  rules: IrRule[];
  checks: IrCheck[];
  calendar: { holidays: string[]; workdays: string[] };
}

// ---------- expressions (every node typed) ----------

export type BuiltinFn =
  | 'min'
  | 'max'
  | 'clamp'
  | 'round'
  | 'floor'
  | 'ceil'
  | 'abs'
  | 'present'
  | 'month_after'
  | 'month_start'
  | 'add_months'
  | 'add_days'
  | 'add_workdays'
  | 'workdays_between'
  | 'days_between'
  | 'months_between'
  | 'age_at'
  | 'year'
  | 'date'
  | 'year_end'
  | 'year_start'
  | 'index_of';

export type AggregateFn = 'sum' | 'count' | 'filter' | 'map' | 'any' | 'all';

export type ArithOp = '+' | '-' | '*' | '/';
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

interface Base {
  type: XType;
  span: Span;
}

export type IrExpr =
  | (Base & { k: 'lit'; value: string | boolean }) // decimal text (money, rate as a fraction "0.6", number, integer, duration count), ISO date, text, boolean
  | (Base & { k: 'enumLit'; enumName: string; member: string })
  | (Base & { k: 'asOf' })
  | (Base & { k: 'input'; name: string }) // a top-level input field
  | (Base & { k: 'local'; name: string }) // a rule parameter or lambda variable
  | (Base & { k: 'field'; object: IrExpr; field: string; optional: boolean })
  | (Base & { k: 'param'; name: string; at: IrExpr | null })
  | (Base & { k: 'table'; name: string; key: IrExpr; at: IrExpr | null })
  | (Base & { k: 'bands'; name: string; key: IrExpr; at: IrExpr | null })
  | (Base & { k: 'rule'; name: string; args: IrExpr[] })
  | (Base & { k: 'builtin'; fn: BuiltinFn; args: IrExpr[]; unit?: RoundingUnit }) // round/floor/ceil carry their unit
  | (Base & { k: 'aggregate'; fn: AggregateFn; list: IrExpr; variable: string | null; body: IrExpr | null })
  | (Base & { k: 'arith'; op: ArithOp; left: IrExpr; right: IrExpr })
  | (Base & { k: 'compare'; op: CompareOp; left: IrExpr; right: IrExpr })
  | (Base & { k: 'logic'; op: 'and' | 'or'; left: IrExpr; right: IrExpr })
  | (Base & { k: 'not'; operand: IrExpr })
  | (Base & { k: 'neg'; operand: IrExpr })
  | (Base & { k: 'in'; value: IrExpr; members: IrExpr[] }) // ranges expanded to members
  | (Base & { k: 'when'; branches: { condition: IrExpr; value: IrExpr }[]; otherwise: IrExpr })
  | (Base & { k: 'match'; subject: IrExpr; arms: { members: string[]; value: IrExpr }[]; otherwise: IrExpr | null })
  | (Base & { k: 'list'; items: IrExpr[] });
