// The shadow check of `--engine duckdb-sql` runs: a sample re-evaluated in the JS engine, and a
// disagreement (here a query tampered on purpose) fails with XS020 naming record and output.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DuckDBInstance } from '@duckdb/node-api';
import { compileFolder } from '../../cli/policy.ts';
import { runPopulation } from '../../cli/population/run.ts';
import { shadowCheck, ShadowMismatch } from '../../cli/population/shadow.ts';
import { sourceRelation } from '../../cli/population/duckdbSql.ts';
import { compileSql } from '../../compiler/sql/index.ts';
import { UNKNOWN_COLUMN, moneyEdges, recordArb } from './population.gen.ts';
import { DISABILITY_OUTPUTS, NATIONAL_PARAMETERS } from './differential.ts';

const dir = mkdtempSync(join(tmpdir(), 'xize-shadow-'));
const file = join(dir, 'p.ndjson');
const ir = compileFolder('provinces/national').result.ir!;
const recs = fc.sample(recordArb(ir, moneyEdges(ir, NATIONAL_PARAMETERS)), { numRuns: 300, seed: 5 });
writeFileSync(file, recs.map((r, i) => JSON.stringify({ id: `p${i}`, ...r })).join('\n') + '\n');
const base = { file, asOf: '2024-06-01', parameters: NATIONAL_PARAMETERS, outputs: DISABILITY_OUTPUTS, engine: 'duckdb-sql' as const, idColumn: 'id' };

describe('shadow check', () => {
  it('re-evaluates the default sample (every record of a small file) and agrees', async () => {
    const s = await runPopulation(ir, base);
    expect(s.shadow!.checked).toBe(300);
    expect(s.shadow!.compared).toBeGreaterThan(300 * DISABILITY_OUTPUTS.length / 2);
  }, 60_000);
  it('--shadow N samples N records; 0 turns it off', async () => {
    expect((await runPopulation(ir, { ...base, shadow: 40 })).shadow!.checked).toBe(40);
    expect((await runPopulation(ir, { ...base, shadow: 0 })).shadow).toBeUndefined();
  }, 60_000);
  it('the JS engine has no shadow (it is the oracle)', async () => {
    expect((await runPopulation(ir, { ...base, engine: 'js' })).shadow).toBeUndefined();
  }, 60_000);
  it('a wrong figure fails with XS020 naming the record, the output and both values', async () => {
    const compiled = compileSql(ir, 'duckdb', { asOf: base.asOf, parameters: NATIONAL_PARAMETERS, outputs: ['本人工资'], source: 'POPULATION_SOURCE', idColumn: 'x' });
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const run = (tamper: (s: string) => string) => shadowCheck(c, { ir, asOf: base.asOf, parameters: NATIONAL_PARAMETERS, outputs: ['本人工资'], idColumn: 'id', relation: sourceRelation(file, 'ndjson', { ...compiled.query!, idColumn: 'id' }), sample: 50, tamper });
    // the untampered query agrees
    expect((await run((s) => s)).checked).toBe(50);
    // one fen too much on every computed 本人工资
    const err = await run((s) => s.replace(/CASE WHEN reject IS NULL THEN (o\d+) END AS "本人工资"/, `CASE WHEN reject IS NULL THEN CAST(CAST($1 AS DECIMAL(38,2)) + 0.01 AS VARCHAR) END AS "本人工资"`)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShadowMismatch);
    const m = err as ShadowMismatch;
    expect(m.code).toBe('XS020');
    expect(m.message).toMatch(/^XS020 影子核对/);
    expect(m.message).toMatch(/本人工资/);
    const d = m.disagreements[0]!;
    expect(d.output).toBe('本人工资');
    expect(d.id).toMatch(/^p\d+$/);
    // the record as the run read it: a JSON null is absent, a column that is no input is not read
    const given = Object.entries(recs[Number(d.id!.slice(1))]!).filter(([k, v]) => v !== null && k !== UNKNOWN_COLUMN);
    expect(Object.keys(d.record).sort()).toEqual(given.map(([k]) => k).sort());
    // records rejected by one engine only (every record the JS engine accepts: which sampled
    // records are accepted depends on the generator)
    const err2 = await run((s) => s.replace(/SELECT rec_id, grp, reject AS reject/, `SELECT rec_id, grp, CASE WHEN reject IS NULL THEN 'XI-x' ELSE reject END AS reject`)).catch((e: unknown) => e);
    expect(err2).toBeInstanceOf(ShadowMismatch);
    expect((err2 as ShadowMismatch).disagreements.some((x) => x.output === '(rejected)')).toBe(true);
    // both reject, with another code: the codes are compared exactly
    const err3 = await run((s) => s.replace(/SELECT rec_id, grp, reject AS reject/, `SELECT rec_id, grp, CASE WHEN reject LIKE 'XI%' THEN 'XI090:' || reject ELSE reject END AS reject`)).catch((e: unknown) => e);
    expect(err3).toBeInstanceOf(ShadowMismatch);
    expect((err3 as ShadowMismatch).disagreements.every((x) => x.output === '(rejected)' && x.js !== null && x.sql === `XI090:${x.js}`)).toBe(true);
    c.closeSync();
  }, 60_000);
});
