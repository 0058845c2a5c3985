// One mutant through the whole public pipeline: compilePolicy (parse → resolve → check) →
// tryLoadPolicy (generate → load) → evaluate on the policy's sample cases. Anything thrown out of
// the public API, any internal-error code, any malformed diagnostic or outcome is a finding;
// so is an input that takes longer than HANG_MS.
import type { SourceFile } from '../../dsl/ast.ts';
import { compilePolicy, tryLoadPolicy } from '../../compiler/index.ts';
import { corpusResolver, type SampleCase } from './corpus.ts';
import { checkDiagnostics, checkOutcome, type Finding } from './oracle.ts';
import type { Rng } from './rng.ts';

export const HANG_MS = 2000;

export type Stage = 'parse-error' | 'check-error' | 'load-error' | 'loaded' | 'evaluated';
export const STAGES: Stage[] = ['parse-error', 'check-error', 'load-error', 'loaded', 'evaluated'];

export interface PipelineResult {
  findings: Finding[];
  ms: number;
  /** how far the mutant got: 'parse-error' (an XL/XP error), 'check-error' (only checker errors),
   * 'load-error' (checked clean, but generate/load refused it: always a finding too), 'loaded'
   * (no sample case to evaluate), 'evaluated' */
  stage: Stage;
  cases: number;
}

const thrown = (stage: string, err: unknown): Finding => ({
  kind: `throws-${stage}-${err instanceof Error ? err.name : typeof err}`,
  detail: err instanceof Error ? `${err.message}\n${(err.stack ?? '').split('\n').slice(1, 6).join('\n')}` : String(err),
});

/** Run the pipeline on `files` (one policy's files, parents from the corpus). `cases` are
 * evaluated when the mutant loads; `r` picks the engine of each case. */
export function runPipeline(files: SourceFile[], cases: SampleCase[], r?: Rng): PipelineResult {
  const t0 = performance.now();
  const findings: Finding[] = [];
  let stage: Stage = 'check-error';
  let evaluated = 0;
  try {
    // a parent is read as the disk would give it: a file the mutant also has (same path) is the
    // mutant's text, not the corpus original; else two texts share one path and spans are ambiguous
    const own = new Map(files.map((f) => [f.path, f]));
    const base = corpusResolver();
    const resolve = (name: string) => base(name)?.map((f) => own.get(f.path) ?? f);
    const res = compilePolicy({ files, resolve });
    findings.push(...checkDiagnostics(res.diagnostics, res.sources));
    // a mutant with errors stops here (compilePolicy gives no IR): its diagnostics went through
    // the oracle above; generate/load/evaluate only ever see a clean check
    if (res.diagnostics.some((d) => d.severity === 'error' && /^X[LP]/.test(d.code))) stage = 'parse-error';
    if (res.ir) {
      stage = 'load-error';
      const loaded = tryLoadPolicy(res.ir);
      findings.push(...checkDiagnostics(loaded.diagnostics, res.sources));
      if (loaded.policy) {
        stage = 'loaded';
        for (const c of cases) {
          const engine = r ? r.pick(['auto', 'auto', 'decimal', 'verify'] as const) : 'verify';
          try {
            const o = loaded.policy.evaluate(c.input, { asOf: c.asOf, parameters: c.parameters ?? {}, engine, explain: r?.chance(0.1) ?? false });
            findings.push(...checkOutcome(o).filter((f) => f.kind !== 'negative-money'));
            evaluated++;
          } catch (err) {
            findings.push(thrown('evaluate', err));
          }
        }
        if (evaluated) stage = 'evaluated';
      }
    }
  } catch (err) {
    findings.push(thrown('compile', err));
  }
  const ms = performance.now() - t0;
  if (ms > HANG_MS) findings.push({ kind: 'slow', detail: `${ms.toFixed(0)} ms` });
  return { findings, ms, stage, cases: evaluated };
}
