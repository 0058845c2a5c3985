// The abstract syntax tree of a Xize policy: what the parser produces and the checker reads.
// Keyword spelling (Chinese or English) is gone at this level: the AST is language-neutral.
// Every node carries a Span so diagnostics can point at source text.

export interface Position {
  offset: number; // 0-based character offset
  line: number; // 1-based
  column: number; // 1-based, in UTF-16 code units (what Monaco and terminals expect)
}

export interface Span {
  file: string;
  start: Position;
  end: Position; // exclusive
}

export interface Name {
  text: string;
  span: Span;
}

// ---------- types ----------

export type PrimitiveTypeName =
  | 'money'
  | 'rate'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'date'
  | 'text'
  | 'days'
  | 'months'
  | 'workdays';

export type TypeRef =
  | { kind: 'primitive'; name: PrimitiveTypeName; span: Span }
  | { kind: 'named'; name: Name; span: Span } // an enum or record
  | { kind: 'list'; element: TypeRef; span: Span };

// ---------- expressions ----------

export type RoundingMode = 'half_up' | 'half_even' | 'floor' | 'ceil';
export type RoundingUnit = 'fen' | 'jiao' | 'yuan';
export type DurationUnit = 'days' | 'months' | 'workdays' | 'years';

export type BinaryOp = '+' | '-' | '*' | '/' | '=' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

export type Expr =
  | { kind: 'number'; value: string; span: Span } // decimal text as written, e.g. "123.45"
  | { kind: 'percent'; value: string; perMille: boolean; span: Span } // "60" for 60%, "0.5" for 0.5‰
  | { kind: 'money'; value: string; span: Span } // "1500" for 1500元
  | { kind: 'duration'; value: string; unit: DurationUnit; span: Span }
  | { kind: 'date'; value: string; span: Span } // ISO "2024-01-01"
  | { kind: 'string'; value: string; span: Span } // unescaped text
  | { kind: 'boolean'; value: boolean; span: Span }
  | { kind: 'roundingUnit'; unit: RoundingUnit; span: Span } // 分/角/元 as a function argument
  | { kind: 'asOf'; span: Span }
  | { kind: 'name'; name: Name; span: Span } // input, rule, param, enum member, local …
  | { kind: 'qualified'; qualifier: Name; member: Name; span: Span } // 伤残等级.四级 (enum member) — or field access, resolved by checker
  | { kind: 'field'; object: Expr; field: Name; span: Span } // x.y where x is not a bare name
  | { kind: 'index'; target: Name; key: Expr; span: Span } // table/band lookup: 表[key]
  | { kind: 'at'; target: Expr; date: Expr; span: Span } // X 于 d   (target is name or index)
  | { kind: 'call'; callee: Name; args: Expr[]; span: Span } // builtin or parameterised rule
  | { kind: 'lambda'; param: Name; body: Expr; span: Span } // x => expr (only as a builtin argument)
  | { kind: 'unary'; op: 'neg' | 'not'; operand: Expr; span: Span }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; span: Span }
  | { kind: 'in'; value: Expr; set: InSet; span: Span }
  | { kind: 'when'; branches: { condition: Expr; value: Expr }[]; otherwise: Expr; span: Span }
  | { kind: 'match'; subject: Expr; arms: MatchArm[]; otherwise?: Expr; span: Span }
  | { kind: 'list'; items: Expr[]; span: Span }
  | { kind: 'error'; span: Span }; // placeholder left by parser recovery

export type InSet =
  | { kind: 'members'; items: Expr[]; span: Span } // [a, b, c]
  | { kind: 'range'; from: Expr; to: Expr; span: Span }; // 一级..四级

export interface MatchArm {
  keys: KeyPattern[];
  value: Expr;
  span: Span;
}

// A key of a table row or match arm.
export type KeyPattern =
  | { kind: 'member'; name: Name; qualifier?: Name; span: Span }
  | { kind: 'range'; from: Name; to: Name; span: Span } // 五级..六级
  | { kind: 'integer'; value: string; span: Span };

// ---------- declarations ----------

export interface Rounding {
  mode: RoundingMode;
  unit: RoundingUnit;
  span: Span;
}

export interface Meta {
  cite?: { text: string; span: Span };
  doc?: { text: string; span: Span };
}

export interface PolicyHeader {
  kind: 'header';
  name: Name;
  abstract: boolean;
  title?: string;
  extends?: Name;
  effective?: { value: string; span: Span };
  rounding?: Rounding;
  span: Span;
}

export interface EnumDecl extends Meta {
  kind: 'enum';
  name: Name;
  members: Name[];
  span: Span;
}

export interface FieldDecl extends Meta {
  name: Name;
  optional: boolean;
  type: TypeRef;
  /** `范围 lo..hi`: the inclusive range of the values a case may give (literal ends). */
  range?: { from: Expr; to: Expr; span: Span };
  span: Span;
}

export interface RecordDecl extends Meta {
  kind: 'record';
  name: Name;
  fields: FieldDecl[];
  span: Span;
}

export interface InputDecl {
  kind: 'input';
  fields: FieldDecl[];
  span: Span;
}

// A dated version of a value: `自 2024-01-01: expr [依据 "…"]`. `from` absent = always.
export interface Versioned<T> {
  from?: { value: string; span: Span };
  body: T;
  cite?: { text: string; span: Span };
  span: Span;
}

export interface ParamDecl extends Meta {
  kind: 'param';
  override: boolean;
  name: Name;
  type?: TypeRef; // optional only on overrides
  required: boolean;
  /** `范围 lo..hi`: the inclusive range every layer's value must lie in (checked at compile time). */
  range?: { from: Expr; to: Expr; span: Span };
  versions: Versioned<Expr>[]; // empty when only `必填`
  span: Span;
}

export interface TableRow {
  keys: KeyPattern[] | 'otherwise';
  value: Expr;
  span: Span;
}

export interface TableDecl extends Meta {
  kind: 'table';
  override: boolean;
  name: Name;
  /** `必填` without rows: a descendant must supply the rows (like a required parameter). */
  required?: boolean;
  keyType?: TypeRef;
  valueType?: TypeRef;
  versions: Versioned<TableRow[]>[];
  span: Span;
}

export interface Band {
  lower: { value: Expr | 'inf'; inclusive: boolean };
  upper: { value: Expr | 'inf'; inclusive: boolean };
  value: Expr;
  span: Span;
}

export interface BandsDecl extends Meta {
  kind: 'bands';
  override: boolean;
  name: Name;
  keyType?: TypeRef;
  valueType?: TypeRef;
  versions: Versioned<Band[]>[];
  span: Span;
}

export interface RuleParam {
  name: Name;
  type: TypeRef;
  span: Span;
}

export interface RuleDecl extends Meta {
  kind: 'rule';
  override: boolean;
  name: Name;
  params: RuleParam[];
  type?: TypeRef; // optional only on overrides
  rounding?: Rounding | 'none';
  versions: Versioned<Expr>[]; // `= expr` gives one version without `from`
  span: Span;
}

export interface ExceptionDecl extends Meta {
  kind: 'exception';
  rule: Name;
  condition: Expr;
  value: Expr;
  span: Span;
}

export interface CheckDecl extends Meta {
  kind: 'check';
  name: Name;
  severity: 'warning' | 'error';
  condition: Expr;
  message: { text: string; span: Span };
  span: Span;
}

export interface CalendarDecl {
  kind: 'calendar';
  holidays: { value: string; span: Span }[];
  workdays: { value: string; span: Span }[];
  span: Span;
}

export type Declaration =
  | PolicyHeader
  | EnumDecl
  | RecordDecl
  | InputDecl
  | ParamDecl
  | TableDecl
  | BandsDecl
  | RuleDecl
  | ExceptionDecl
  | CheckDecl
  | CalendarDecl;

export interface SourceFile {
  path: string; // as given by the host, e.g. "provinces/national/death.xize"
  text: string;
}

export interface FileAst {
  file: string;
  declarations: Declaration[];
}
