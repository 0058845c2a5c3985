// The long run's report (artifacts/fuzz/*.json): what one run or shard wrote, how shard reports
// of one seed add up to one summary (tests/fuzz/mergeReports.ts), and the lines both print.
import { knownReason } from './known.ts';
import { STAGES, type Stage } from './policyFuzz.ts';

export interface Example {
  seed: number;
  n?: number;
  policy?: string;
  ops?: string[];
  detail: string;
  sample?: string;
}

export interface Kind {
  count: number;
  known?: string;
  examples: Example[];
}

export interface FuzzReport {
  seed: number;
  workers: number;
  /** the mutant numbers asked for: from .. from + count − 1 (count null: until the time ran out) */
  range: { from: number; count: number | null };
  /** every mutant of the range was run (counted, or recorded as a hang or a worker crash) */
  complete: boolean;
  seconds: number;
  mutants: number;
  /** mutants skipped after a hang or a worker crash (each is also a finding) */
  skipped: number;
  mutantsPerSecond: number;
  stages: Record<Stage, { count: number; msPerMutant: number }>;
  mutantsLoaded: number;
  mutantsEvaluated: number;
  sampleCaseRuns: number;
  cases: number;
  casesPerSecond: number;
  slowestMutant: { ms: number; seed: number; n: number; policy: string; ops: string[] };
  caseSeconds: number;
  mutantSeconds: number;
  slowestCaseMs: number;
  loadAverage: { min: number; max: number; mean: number } | null;
  findings: Record<string, Kind>;
}

/** Shard reports of one seed as one: counts added, finding kinds merged (3 examples each), the
 * ranges checked for overlaps and gaps. `seconds` is the sum over shards (run time, not wall). */
export function mergeReports(reports: FuzzReport[]): { report: FuzzReport; problems: string[] } {
  const problems: string[] = [];
  if (!reports.length) throw new Error('no reports to merge');
  const seeds = new Set(reports.map((r) => r.seed));
  if (seeds.size > 1) problems.push(`reports of several seeds: ${[...seeds].join(', ')}`);
  const sorted = [...reports].sort((a, b) => a.range.from - b.range.from);
  for (const r of sorted) {
    if (r.range.count === null) problems.push(`shard from ${r.range.from} has no count (a timed run): its range is not known`);
    else if (!r.complete) problems.push(`shard ${r.range.from}..${r.range.from + r.range.count - 1} did not finish (${r.mutants + r.skipped} of ${r.range.count})`);
  }
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const end = prev.range.from + (prev.range.count ?? 0);
    const from = sorted[i]!.range.from;
    if (from < end) problems.push(`shards overlap: ${prev.range.from}.. and ${from}..`);
    if (from > end) problems.push(`gap: mutants ${end}..${from - 1} are in no shard`);
  }
  const sum = (f: (r: FuzzReport) => number) => reports.reduce((a, r) => a + f(r), 0);
  const seconds = sum((r) => r.seconds);
  const findings: Record<string, Kind> = {};
  for (const r of sorted) {
    for (const [kind, k] of Object.entries(r.findings)) {
      const m = (findings[kind] ??= { count: 0, ...(k.known ? { known: k.known } : {}), examples: [] });
      m.count += k.count;
      for (const ex of k.examples) if (m.examples.length < 3) m.examples.push(ex);
    }
  }
  const stages = Object.fromEntries(
    STAGES.map((st) => {
      const count = sum((r) => r.stages[st].count);
      const ms = sum((r) => r.stages[st].count * r.stages[st].msPerMutant);
      return [st, { count, msPerMutant: +(ms / Math.max(1, count)).toFixed(1) }];
    }),
  ) as FuzzReport['stages'];
  const loads = reports.filter((r) => r.loadAverage);
  const slowest = reports.reduce((a, r) => (r.slowestMutant.ms > a.slowestMutant.ms ? r : a)).slowestMutant;
  const mutants = sum((r) => r.mutants);
  const cases = sum((r) => r.cases);
  const count = sorted.every((r) => r.range.count !== null) ? sum((r) => r.range.count!) : null;
  return {
    problems,
    report: {
      seed: sorted[0]!.seed,
      workers: Math.max(...reports.map((r) => r.workers)),
      range: { from: sorted[0]!.range.from, count },
      complete: problems.length === 0,
      seconds,
      mutants,
      skipped: sum((r) => r.skipped),
      mutantsPerSecond: +(mutants / Math.max(1, seconds)).toFixed(2),
      stages,
      mutantsLoaded: sum((r) => r.mutantsLoaded),
      mutantsEvaluated: sum((r) => r.mutantsEvaluated),
      sampleCaseRuns: sum((r) => r.sampleCaseRuns),
      cases,
      casesPerSecond: Math.round(cases / Math.max(1, seconds)),
      slowestMutant: slowest,
      caseSeconds: sum((r) => r.caseSeconds),
      mutantSeconds: sum((r) => r.mutantSeconds),
      slowestCaseMs: Math.max(...reports.map((r) => r.slowestCaseMs)),
      loadAverage: loads.length
        ? {
            min: Math.min(...loads.map((r) => r.loadAverage!.min)),
            max: Math.max(...loads.map((r) => r.loadAverage!.max)),
            mean: +(loads.reduce((a, r) => a + r.loadAverage!.mean * r.seconds, 0) / Math.max(1, loads.reduce((a, r) => a + r.seconds, 0))).toFixed(2),
          }
        : null,
      findings,
    },
  };
}

/** The summary lines of a report; `unknown` counts the finding kinds known.ts does not list. */
export function summaryLines(report: FuzzReport): { lines: string[]; unknown: number } {
  const r = report;
  const range = r.range.count === null ? `from ${r.range.from}` : `${r.range.from}..${r.range.from + r.range.count - 1}${r.complete ? '' : ' (not all run)'}`;
  const lines = [
    `${r.seconds} s, seed ${r.seed}, mutants ${range}, ${r.workers} worker(s)`,
    `policy mutations: ${r.mutants} (${r.mutantsPerSecond}/s; ${r.mutantsLoaded} checked clean and loaded, ${r.mutantsEvaluated} evaluated on ${r.sampleCaseRuns} sample cases)`,
    `  stages: ${STAGES.map((st) => `${st} ${r.stages[st].count}`).join(', ')}`,
    `generated cases:  ${r.cases} (${r.casesPerSecond}/s)`,
    `time in mutants ${r.mutantSeconds} s, in cases ${r.caseSeconds} s; load average ${JSON.stringify(r.loadAverage)}`,
    `slowest mutant:   ${r.slowestMutant.ms} ms (n=${r.slowestMutant.n}, ${r.slowestMutant.policy}, ${r.slowestMutant.ops.join('+')}); slowest case ${r.slowestCaseMs} ms`,
  ];
  let unknown = 0;
  for (const [kind, k] of Object.entries(r.findings)) {
    // known.ts as it is now decides, not as it was when the shard ran
    const known = knownReason(kind);
    if (!known) unknown++;
    lines.push(`  ${known ? 'known ' : 'NEW   '} ${kind} × ${k.count}${known ? ` — ${known}` : ''}`);
  }
  lines.push(`crashes/internal errors/hangs not known: ${unknown} kinds`);
  return { lines, unknown };
}
