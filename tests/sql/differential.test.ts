// The SQL backend on DuckDB against the JS engine (the oracle) over generated records of the
// national baseline's disability rules: same text per record per output, same rejected records.
// Longer runs: `npm run bench:population-diff` (bench/population-diff.ts).
import { describe, expect, it } from 'vitest';
import { runDifferential } from './differential.ts';

describe('SQL (DuckDB) agrees with the JS engine', () => {
  it('disability outputs, 1500 generated records at edges, ties, month ends and leap days', async () => {
    const r = await runDifferential({ policyDir: 'provinces/national', records: 1500, seed: 12, asOf: '2024-06-01' });
    expect(r.disagreements.slice(0, 3)).toEqual([]);
    expect(r.compared).toBeGreaterThan(10_000);
    expect(r.rejectedJs).toBeGreaterThan(0); // the generator does produce bad records
    // every input-error class the generator aims at occurs, and SQL rejects exactly those
    // records with the same codes plus the ones it declines (XS011, each checked)
    for (const code of ['XI002', 'XI003', 'XI004', 'XI005', 'XI008', 'XI013']) expect(r.codes[code], code).toBeGreaterThan(0);
    expect(r.declinedSql).toBeGreaterThan(0);
    expect(r.rejectedSql).toBe(r.rejectedJs + r.declinedSql);
  }, 60_000);
  it('through a population run: the records the fast query declines are computed by the second passes', async () => {
    // the same generated records as above; what the fast query declined now agrees with JS, and
    // a decline left must not fit DECIMAL(38, s) even at the places it has (ownScales)
    const fast = await runDifferential({ policyDir: 'provinces/national', records: 1500, seed: 12, asOf: '2024-06-01' });
    const r = await runDifferential({ policyDir: 'provinces/national', records: 1500, seed: 12, asOf: '2024-06-01', viaRun: true });
    expect(r.disagreements.slice(0, 3)).toEqual([]);
    expect(r.rejectedSql).toBe(r.rejectedJs + r.declinedSql);
    expect(fast.declinedSql).toBeGreaterThan(0);
    expect(r.declinedSql).toBeLessThan(fast.declinedSql);
    expect(r.compared).toBeGreaterThan(fast.compared);
  }, 120_000);
  it('the same at an as-of date under the 2012 handling procedures', async () => {
    const r = await runDifferential({ policyDir: 'provinces/national', records: 500, seed: 7, asOf: '2015-03-31' });
    expect(r.disagreements.slice(0, 3)).toEqual([]);
  }, 60_000);
});

describe('every national output in the SQL subset', () => {
  it('agrees with the JS engine on 400 generated records', async () => {
    const { compileFolder } = await import('../../cli/policy.ts');
    const { compileSql } = await import('../../compiler/sql/index.ts');
    const { NATIONAL_PARAMETERS } = await import('./differential.ts');
    const ir = compileFolder('provinces/national').result.ir!;
    const outputs = compileSql(ir, 'duckdb', { asOf: '2024-06-01', parameters: NATIONAL_PARAMETERS }).query!.outputs.map((o) => o.name);
    expect(outputs.length).toBeGreaterThanOrEqual(80);
    const r = await runDifferential({ policyDir: 'provinces/national', records: 400, seed: 99, asOf: '2024-06-01', outputs });
    expect(r.disagreements.slice(0, 3).map((d) => [d.output, d.js, d.sql])).toEqual([]);
    expect(r.computed).toBeGreaterThan(r.compared / 2);
  }, 60_000);
});
