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
    expect(r.rejectedSql).toBe(r.rejectedJs);
  }, 60_000);
  it('the same at an as-of date under the 2012 handling procedures', async () => {
    const r = await runDifferential({ policyDir: 'provinces/national', records: 500, seed: 7, asOf: '2015-03-31' });
    expect(r.disagreements.slice(0, 3)).toEqual([]);
  }, 60_000);
});
