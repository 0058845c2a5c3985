// Messages between the page and the compile worker.
import type { SourceFile } from '../../dsl/ast.ts';
import type { Diagnostic } from '../../dsl/diagnostic.ts';
import type { GoldenCase, CaseResult } from '../../compiler/cases.ts';
import type { DeclChange } from '../../compiler/diff.ts';
import type { RuleExplanation } from '../../compiler/explain.ts';

export interface CaseData {
  input: unknown;
  asOf: string;
  parameters: Record<string, unknown>;
  /** the golden case's own overrides only: what the policy as loaded is evaluated with */
  baseParameters?: Record<string, unknown>;
}

export interface VersionInfo {
  from: string | null;
  text: string; // source text of the value
  policy: string;
  cite?: string;
}

export interface SymbolInfo {
  name: string;
  kind: 'input' | 'param' | 'table' | 'bands' | 'rule' | 'enum' | 'member' | 'record' | 'field' | 'check';
  type: string; // rendered in Chinese (金额, 伤残等级, 列表[供养亲属], 伤残等级 -> 整数 …)
  cite?: string;
  doc?: string;
  policy?: string;
  optional?: boolean;
  required?: boolean;
  parent?: string; // enum of a member, record of a field
  versions?: VersionInfo[];
  members?: string[]; // enum members, record fields
  file?: string;
  line?: number;
}

export interface RunRequest {
  seq: number;
  /** folder of the policy to compile (e.g. provinces/national) */
  folder: string;
  /** every .xize file the playground knows, as edited (for `继承` resolution) */
  files: SourceFile[];
  /** the same files as loaded (for the side-by-side comparison); sent when they change */
  originalFiles?: SourceFile[];
  case: CaseData | null;
  /** the selected golden case: its expectations are compared with the edited outcome */
  golden?: GoldenCase | null;
}

export interface RunResponse {
  seq: number;
  folder: string;
  ok: boolean; // compiled without errors
  /** compile failed, outcomes come from the last good compile */
  stale: boolean;
  diagnostics: Diagnostic[];
  symbols: SymbolInfo[];
  inputSchema: unknown;
  /** Outcome (runtime/outcome.ts) of the edited policy, and of the policy as loaded */
  edited: unknown;
  original: unknown;
  /** compareOutcome (compiler/cases.ts) of the golden case's expectations and the edited outcome */
  result: CaseResult | null;
  failure?: string; // internal error text (compiler crash, …)
  /** diffPolicies(as loaded, edited) (compiler/diff.ts); null until both sides compiled once */
  changes: ChangesInfo | null;
  ms: { compile: number; evaluate: number; diff: number };
  /** rule name -> its computation (compiler/explain.ts) in the edited outcome */
  explained?: Record<string, RuleExplanation>;
  /** input path -> its value shown by the declared type */
  inputDisplay?: Record<string, string>;
  /** the printable calculation sheet (compiler/render/calcSheet.ts) of the edited outcome */
  sheet?: string;
}

/** One changed declaration, with where it is declared (the edited files; as loaded when removed). */
export interface ChangeEntry extends DeclChange {
  file?: string;
  line?: number;
}

export interface ChangesInfo {
  /** the edited policy has errors: this is the diff of its last good compile */
  stale: boolean;
  changes: ChangeEntry[];
}
