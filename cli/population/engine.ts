// The one seam between population runs and the JS engine: the batch API of issue 9
// (runtime/batch.ts, evaluateRows: only the asked outputs, the fen path where proven exact),
// with a case it hands back carrying its full Outcome (input errors, unavailable outputs).
import { loadPolicy } from '../../compiler/index.ts';
import type { IrPolicy } from '../../compiler/ir.ts';
import { batchJson, batchScales, evaluateColumns as batchColumns, evaluateRows } from '../../runtime/index.ts';
import { populationReject } from './rejectCode.ts';

export interface RecordResult {
  /** Output name → exact text (money "12345.60", rate "0.6", booleans "true"), null when not computable. */
  outputs: Record<string, string | null>;
  /** Codes of the input errors, or [] when the record was accepted. */
  rejected: string[];
  /** The population reject code (rejectCode.ts: the first input error as `<code>:<path>`), or null. */
  reject: string | null;
}

/** A chunk's results as columns: per record its population reject code (null when accepted), per output
 * its exact texts (null when not computable or rejected). */
export interface ChunkColumns {
  rejected: (string | null)[];
  values: (string | null)[][];
}

/** As ChunkColumns, numeric outputs as integers at `scales` (runtime/batch.ts `values: 'scaled'`):
 * a number is the value × 10^scale; a string (or any other value) is the exact JSON value. */
export interface ScaledColumns {
  rejected: (string | null)[];
  values: unknown[][];
}

export interface PopulationEngine {
  evaluate(record: Record<string, unknown>): RecordResult;
  evaluateChunk(records: Record<string, unknown>[]): RecordResult[];
  /** as evaluateChunk, as columns (no object per record): what a streamed run appends */
  evaluateColumns(records: Record<string, unknown>[]): ChunkColumns;
  /** as evaluateColumns, the outputs marked in `ints` as integers (no text written and parsed
   * back; see `scales`), the others as texts */
  evaluateScaled(records: Record<string, unknown>[], ints: readonly boolean[]): ScaledColumns;
  /** per output, the scale of its integers in evaluateScaled (null: never an integer) */
  scales: (number | null)[];
}

export function jsEngine(ir: IrPolicy, opts: { asOf: string; parameters: Record<string, unknown>; outputs: string[] }): PopulationEngine {
  const policy = loadPolicy(ir);
  const batchOptions = { outputs: opts.outputs, asOf: opts.asOf, parameters: opts.parameters };
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  const evaluateChunk = (records: Record<string, unknown>[]): RecordResult[] => {
    const out: RecordResult[] = new Array(records.length);
    for (const row of evaluateRows(policy, records.map((input) => ({ input })), batchOptions)) {
      const o = row.outcome;
      if (o && o.inputErrors.length > 0) { out[row.index] = { outputs: {}, rejected: o.inputErrors.map((e) => e.code), reject: populationReject(o.inputErrors) }; continue; }
      // a row that is not ok still has its computed values (null where unavailable or failed),
      // the same as its Outcome's, without formatting the Outcome's display texts
      const outputs: Record<string, string | null> = {};
      opts.outputs.forEach((name, k) => {
        outputs[name] = text(row.values[k]);
      });
      out[row.index] = { outputs, rejected: [], reject: null };
    }
    return out;
  };
  const scaledOptions = { ...batchOptions, values: 'scaled' as const };
  const same = (v: unknown) => (v === undefined ? null : v);
  const columns = <T>(records: Record<string, unknown>[], options: typeof batchOptions, valueOf: (k: number) => (v: unknown) => T): { rejected: (string | null)[]; values: (T | null)[][] } => {
    const n = records.length;
    const cases: { input: unknown }[] = new Array(n);
    for (let i = 0; i < n; i++) cases[i] = { input: records[i] };
    // the batch API's columns: no row object and no values array per record
    const r = batchColumns(policy, cases, options);
    const rejected: (string | null)[] = new Array(n).fill(null);
    for (const [i, o] of r.failures) if (o.inputErrors.length > 0) rejected[i] = populationReject(o.inputErrors);
    const values = opts.outputs.map((name, k) => {
      // the batch's own fresh column, rewritten in place
      const value = valueOf(k);
      const col = r.columns[name]! as (T | null)[];
      for (let i = 0; i < n; i++) col[i] = rejected[i] !== null ? null : value(col[i]);
      return col;
    });
    return { rejected, values };
  };
  const json = batchJson(policy, opts.outputs);
  return {
    evaluateChunk,
    evaluateColumns: (records) => columns(records, batchOptions, () => text),
    evaluateScaled: (records, ints) => columns(records, scaledOptions, (k) => (ints[k] ? same : (v: unknown) => text(json[k]!(v)))),
    scales: batchScales(policy, opts.outputs),
    evaluate: (record) => evaluateChunk([record])[0]!,
  };
}
