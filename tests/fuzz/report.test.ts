// Shard reports add up (tests/fuzz/report.ts): counts summed, finding kinds merged, and a gap,
// an overlap or an unfinished shard reported as a problem.
import { describe, expect, it } from 'vitest';
import { mergeReports, summaryLines, type FuzzReport } from './report.ts';
import { STAGES } from './policyFuzz.ts';

function shard(from: number, count: number | null, extra: Partial<FuzzReport> = {}): FuzzReport {
  const mutants = count ?? 10;
  return {
    seed: 1, workers: 1, range: { from, count }, complete: count !== null, seconds: 10, mutants, skipped: 0,
    mutantsPerSecond: mutants / 10,
    stages: Object.fromEntries(STAGES.map((s) => [s, { count: s === 'parse-error' ? mutants : 0, msPerMutant: s === 'parse-error' ? 2 : 0 }])) as FuzzReport['stages'],
    mutantsLoaded: 1, mutantsEvaluated: 1, sampleCaseRuns: 2, cases: mutants, casesPerSecond: 1,
    slowestMutant: { ms: from, seed: 1, n: from, policy: '全国', ops: ['truncate'] }, caseSeconds: 1, mutantSeconds: 5, slowestCaseMs: 3,
    loadAverage: { min: 1, max: 2, mean: 1.5 }, findings: {}, ...extra,
  };
}

describe('merging shard reports', () => {
  it('adds up shards that cover one range', () => {
    const slow = { count: 2, examples: [{ seed: 1, n: 7, detail: '2100 ms' }, { seed: 1, n: 9, detail: '2200 ms' }] };
    const { report, problems } = mergeReports([shard(100, 50, { findings: { slow } }), shard(0, 100, { findings: { slow: { ...slow, count: 3 } } })]);
    expect(problems).toEqual([]);
    expect(report.range).toEqual({ from: 0, count: 150 });
    expect(report.complete).toBe(true);
    expect(report.mutants).toBe(150);
    expect(report.cases).toBe(150);
    expect(report.seconds).toBe(20);
    expect(report.stages['parse-error']).toEqual({ count: 150, msPerMutant: 2 });
    expect(report.findings.slow!.count).toBe(5);
    expect(report.findings.slow!.examples).toHaveLength(3);
    expect(report.slowestMutant.n).toBe(100);
    const { unknown } = summaryLines(report);
    expect(unknown).toBe(1); // `slow` is in no known.ts entry
  });

  it('reports gaps, overlaps, unfinished and timed shards', () => {
    expect(mergeReports([shard(0, 100), shard(120, 10)]).problems).toEqual(['gap: mutants 100..119 are in no shard']);
    expect(mergeReports([shard(0, 100), shard(90, 10)]).problems).toEqual(['shards overlap: 0.. and 90..']);
    expect(mergeReports([shard(0, 100, { complete: false, mutants: 60 })]).problems[0]).toMatch(/did not finish \(60 of 100\)/);
    expect(mergeReports([shard(0, null)]).problems[0]).toMatch(/no count/);
    expect(mergeReports([shard(0, 10), shard(10, 10, { seed: 2 })]).problems[0]).toMatch(/several seeds/);
  });
});
