// The population diff report (`xize diff <old> <new> --population`): what a change costs over
// every record of a population. Filled by cli/population/diffRun.ts and cli/commands/diffPopulation.ts,
// rendered as text (the CLI), JSON (this shape, documented in docs/populations.md) and HTML
// (compiler/render/populationDiff.ts). Values are exact decimal text.
import type { DeclChange, OutcomeDiff } from './types.ts';

export interface RecordMove {
  /** the record's id column, or `#n` (1-based row number) */
  id: string;
  old: string | null;
  new: string | null;
  /** new − old, an absent value counted as 0 */
  difference: string;
}

export interface OutputDiff {
  name: string;
  type: 'money' | 'rate' | 'number' | 'integer';
  /** records with a value on that side */
  oldCount: number;
  newCount: number;
  oldSum: string;
  newSum: string;
  /** newSum − oldSum */
  difference: string;
  /** records whose value differs (a value on one side only counts too) */
  affected: number;
  increased: number;
  decreased: number;
  /** a value on the new side only / on the old side only */
  appeared: number;
  vanished: number;
  largestIncreases: RecordMove[];
  largestDecreases: RecordMove[];
}

export interface PopulationDiffResult {
  records: number;
  /** records rejected (input errors) on each side, by code */
  rejected: { old: { code: string; count: number }[]; new: { code: string; count: number }[] };
  outputs: OutputDiff[];
  seconds: number;
}

export interface DiffSideInfo {
  /** as given: a folder, or `git:REV:path` */
  label: string;
  policy: string;
  title?: string;
  asOf: string;
  /** the commit id of a git side */
  commit?: string;
}

export interface PopulationDiffReport {
  kind: 'xize-population-diff';
  version: 1;
  old: DiffSideInfo;
  new: DiffSideInfo;
  population: { file: string; records: number };
  parameters: { old: Record<string, string>; new: Record<string, string> };
  result: PopulationDiffResult;
  /** declaration changes between the two policies ([] for one policy at two dates) */
  changes: DeclChange[];
  /** golden cases whose outcomes move (absent for one policy at two dates: a case carries its own date) */
  cases?: OutcomeDiff;
}
