// The short deterministic fuzz run of the test suite (fixed seeds, a few seconds): policy
// mutants through parse → check → generate → load → evaluate, and fast-check cases on the
// compiled corpus. The long run is `npm run fuzz -- --minutes 10` (docs/fuzzing.md).
import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { compilePolicy, loadPolicy } from '../../compiler/index.ts';
import { caseArb } from './caseArb.ts';
import { checkCase } from './caseFuzz.ts';
import { corpus, corpusResolver, policyNamed } from './corpus.ts';
import { mutantJob } from './generate.ts';
import { knownReason } from './known.ts';
import { runPipeline } from './policyFuzz.ts';

describe('policy mutation fuzz (seed 20261207)', () => {
  it('60 mutants: diagnostics, never a throw, an internal error or a malformed diagnostic', () => {
    const found: string[] = [];
    for (let n = 0; n < 60; n++) {
      const job = mutantJob(20261207, n);
      const res = runPipeline(job.mutant.files, job.cases, job.r);
      // 'slow' is not asserted here: timings in unit tests depend on the machine's load
      for (const f of res.findings) if (f.kind !== 'slow') found.push(`n=${n} ${job.mutant.edited} ${job.mutant.ops.join('+')}: ${f.kind} ${f.detail.slice(0, 200)}`);
    }
    expect(found).toEqual([]);
  }, 60_000);
});

const national = (() => {
  const p = policyNamed('全国');
  const r = compilePolicy({ files: p.files, resolve: corpusResolver() });
  return { policy: loadPolicy(r.ir!), samples: p.cases };
})();

describe('case fuzz (fast-check)', () => {
  it.prop([caseArb({ schema: national.policy.inputSchema, samples: national.samples })], { seed: 20261207, numRuns: 300 })(
    'national cases: input errors naming the field, or finite outputs without leaked JS text',
    (c) => {
      const unknown = checkCase(national.policy, c).filter((f) => !knownReason(f.kind));
      expect(unknown).toEqual([]);
    },
  );

  it('every corpus policy compiles and its schema yields cases', () => {
    for (const p of corpus()) {
      const r = compilePolicy({ files: p.files, resolve: corpusResolver() });
      if (!r.ir) continue; // tests/fixtures/cli/broken is broken on purpose
      const policy = loadPolicy(r.ir);
      const cases = fc.sample(caseArb({ schema: policy.inputSchema, samples: p.cases }), { numRuns: 20, seed: 7 });
      const unknown = cases.flatMap((c) => checkCase(policy, c)).filter((f) => !knownReason(f.kind));
      expect(unknown, p.name).toEqual([]);
    }
  }, 60_000);
});
