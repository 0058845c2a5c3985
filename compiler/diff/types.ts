// The shapes of a policy diff (compiler/diff.ts): plain data, rendered by the CLI (or as JSON).

export type DeclKind = 'policy' | 'enum' | 'record' | 'input' | 'param' | 'table' | 'bands' | 'rule' | 'check';

export type DetailWhat =
  | 'value' // a dated value (param value, table row, band list, rule body) as a lookup sees it
  | 'cite' // the citation of a dated value, or of the declaration (no `from`)
  | 'type'
  | 'rounding'
  | 'required'
  | 'params' // a rule's parameters
  | 'doc'
  | 'exception' // added (old null) or removed (new null); `key` = the condition
  | 'severity'
  | 'condition'
  | 'message'
  | 'members' // enum members (order matters)
  | 'field' // a record field: added, removed or changed
  | 'optional'
  | 'title'
  | 'effective'
  | 'abstract'
  | 'holiday'
  | 'workday';

export interface DiffDetail {
  what: DetailWhat;
  /** table key (or `否则`), record field name, exception condition */
  key?: string;
  /** for dated details: the date from which this difference holds (null = from the beginning) */
  from?: string | null;
  /** for dated details: the date it stops holding (exclusive; absent = still holds) */
  until?: string;
  /** canonical text (compiler/printIr.ts); null = none / not in force */
  old: string | null;
  new: string | null;
  /** citations of the old and new values, when they have one */
  oldCite?: string;
  newCite?: string;
}

export interface DeclChange {
  kind: DeclKind;
  name: string;
  status: 'added' | 'removed' | 'changed';
  /**
   * Since when the change takes effect: the earliest `from` of its dated details. Absent when
   * the change is not date-bound (a type, a check); null = from the beginning (undated version).
   */
  since?: string | null;
  /** the declaration's citation (the new one; the old one when removed) */
  cite?: string;
  details: DiffDetail[];
}

export interface PolicyDiff {
  old: { name: string; chain: string[] };
  new: { name: string; chain: string[] };
  /** grouped by kind in the order of DeclKind, then by name */
  changes: DeclChange[];
}

/** The state of one output of one case under one policy. */
export type OutputState =
  | { state: 'value'; value: unknown; /** by the declared type: `84,000.00元`, `40%` */ display?: string }
  | { state: 'unavailable'; missing: string[] }
  | { state: 'error'; code: string; message: string }
  | { state: 'absent' }; // not computed / no such output

export interface OutputMove {
  name: string;
  movement: 'changed' | 'appeared' | 'unavailable' | 'failed' | 'removed' | 'other';
  /** the case states an expected value for this output */
  expected: boolean;
  /** with an expected value: whether each side's value meets it (a golden case that now fails) */
  expectation?: { old: boolean; new: boolean };
  old: OutputState;
  new: OutputState;
}

export interface CaseMove {
  id: string;
  title?: string;
  file: string;
  line: number;
  outputs: OutputMove[];
  /** checks that fire under only one of the policies */
  checks: { added: string[]; removed: string[] };
  /** input errors (codes) under only one of the policies */
  inputErrors: { added: string[]; removed: string[] };
}

export interface OutcomeDiff {
  cases: number;
  /** only the cases whose outcome moves */
  moved: CaseMove[];
}
