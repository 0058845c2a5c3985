// The one seam between population runs and the JS engine. Today it evaluates through
// `loadPolicy(ir).evaluate`; when the batch API of issue 9 lands, only this file changes.
import { loadPolicy } from '../../compiler/index.ts';
import type { IrPolicy } from '../../compiler/ir.ts';

export interface RecordResult {
  /** Output name → exact text (money "12345.60", rate "0.6", booleans "true"), null when not computable. */
  outputs: Record<string, string | null>;
  /** Codes of the input errors, or [] when the record was accepted. */
  rejected: string[];
}

export interface PopulationEngine {
  evaluate(record: Record<string, unknown>): RecordResult;
}

export function jsEngine(ir: IrPolicy, opts: { asOf: string; parameters: Record<string, unknown>; outputs: string[] }): PopulationEngine {
  const policy = loadPolicy(ir);
  const options = { asOf: opts.asOf, parameters: opts.parameters as never, outputs: opts.outputs } as never;
  return {
    evaluate(record) {
      const o = policy.evaluate(record, options);
      if (o.inputErrors.length > 0) return { outputs: {}, rejected: o.inputErrors.map((e) => e.code) };
      const outputs: Record<string, string | null> = {};
      for (const name of opts.outputs) {
        const v = o.outputs[name];
        outputs[name] = v === undefined || v.value === null || v.value === undefined ? null : String(v.value);
      }
      return { outputs, rejected: [] };
    },
  };
}
