// Bulk differential: the same generated population run through `xize run --population` twice,
// once by the JS engine (the oracle) and once wholly in DuckDB (`duckdb-sql`, shadow check off),
// each writing its per-record results to Parquet; DuckDB then joins the two files on the record
// id and counts, per output, the records whose texts differ, and the records one engine rejects
// and the other does not or with another code (the one population code, rejectCode.ts). This is the ≥ 10⁷-record differential of issue 12;
// the boundary records (band edges, ties, clamps) are the fast-check generator's job
// (bench/population-diff.ts, tests/sql/differential.test.ts). Usage:
//   npx tsx bench/population-diff-bulk.ts [--records 1000000] [--outputs disability|all|a,b,c] [--as-of 2024-06-01]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { compileFolder } from '../cli/policy.ts';
import { runPopulation } from '../cli/population/run.ts';
import { DISABILITY_OUTPUTS, NATIONAL_PARAMETERS } from '../tests/sql/differential.ts';
import { writePopulation } from './populationGen.ts';
import { ident as q, lit } from '../cli/population/sqlText.ts';

const arg = (k: string, d: string) => { const i = process.argv.indexOf(`--${k}`); return i > 0 ? process.argv[i + 1]! : d; };
const records = Number(arg('records', '1000000'));
const asOf = arg('as-of', '2024-06-01');
const DEATH_OUTPUTS = ['工亡待遇取数日期', '享受丧葬补助金', '丧葬补助金', '享受一次性工亡补助金', '一次性工亡补助金', '享受供养亲属抚恤金', '供养亲属抚恤金上限'];
const pick = arg('outputs', 'disability');
const outputs = pick === 'all' ? undefined : pick === 'disability' ? [...DISABILITY_OUTPUTS, ...DEATH_OUTPUTS] : pick.split(',');

const ir = compileFolder('provinces/national').result.ir!;
const dir = mkdtempSync(join(tmpdir(), 'xize-diff-bulk-'));
try {
  const file = join(dir, 'population.ndjson');
  const g0 = performance.now();
  await writePopulation(file, records, undefined, { faults: true });
  process.stderr.write(`generated ${records} records in ${((performance.now() - g0) / 1000).toFixed(1)} s\n`);
  const seconds: Record<string, number> = {};
  for (const engine of ['js', 'duckdb-sql'] as const) {
    const s = await runPopulation(ir, { file, asOf, parameters: NATIONAL_PARAMETERS, outputs, engine, idColumn: '编号', out: join(dir, `${engine}.parquet`), shadow: 0 });
    seconds[engine] = Number(s.seconds.toFixed(1));
    process.stderr.write(`${engine}: ${s.records} records in ${s.seconds.toFixed(1)} s\n`);
  }
  const db = await DuckDBInstance.create(join(dir, 'compare.duckdb'), { memory_limit: '400MB', threads: '2' });
  const c = await db.connect();
  const cols = (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${lit(join(dir, 'js.parquet'))})`)).getRowObjectsJson().map((r) => String(r.column_name));
  const outs = cols.filter((x) => x !== 'rec_id' && x !== 'reject');
  const joined = `read_parquet(${lit(join(dir, 'js.parquet'))}) j LEFT JOIN read_parquet(${lit(join(dir, 'duckdb-sql.parquet'))}) s USING (rec_id)`;
  const sel = [
    'count(*) AS n',
    'count(*) FILTER (WHERE s.rec_id IS NULL) AS missing_sql',
    'count(*) FILTER (WHERE j.reject IS NOT NULL) AS rejected_js',
    // reject codes compared exactly (cli/population/rejectCode.ts); a record JS computes and
    // SQL declines (XS010/XS011: outside what it computes exactly) is counted apart
    `count(*) FILTER (WHERE j.reject IS NULL AND regexp_matches(s.reject, '^XS01[01]:')) AS declined_sql`,
    `count(*) FILTER (WHERE (j.reject IS NULL) <> (s.reject IS NULL) AND NOT (j.reject IS NULL AND regexp_matches(s.reject, '^XS01[01]:'))) AS reject_disagree`,
    'count(*) FILTER (WHERE j.reject IS NOT NULL AND s.reject IS NOT NULL AND j.reject <> s.reject) AS reject_code_differs',
    ...outs.map((o, i) => `count(*) FILTER (WHERE j.reject IS NULL AND s.reject IS NULL AND j.${q(o)} IS DISTINCT FROM s.${q(o)}) AS d${i}`),
    ...outs.map((o, i) => `count(*) FILTER (WHERE j.reject IS NULL AND j.${q(o)} IS NOT NULL) AS f${i}`),
  ];
  const row = (await c.runAndReadAll(`SELECT ${sel.join(', ')} FROM ${joined}`)).getRowObjectsJson()[0] as Record<string, string>;
  const perOutput = Object.fromEntries(outs.map((o, i) => [o, { figures: Number(row[`f${i}`]), disagreements: Number(row[`d${i}`]) }]));
  const disagreements = outs.reduce((a, _o, i) => a + Number(row[`d${i}`]), 0) + Number(row.reject_disagree) + Number(row.reject_code_differs) + Number(row.missing_sql);
  const examples = disagreements === 0 ? [] : (await c.runAndReadAll(`SELECT j.*, s.* FROM ${joined} WHERE (j.reject IS DISTINCT FROM s.reject AND NOT (j.reject IS NULL AND regexp_matches(s.reject, '^XS01[01]:'))) OR ${outs.map((o) => `(j.reject IS NULL AND j.${q(o)} IS DISTINCT FROM s.${q(o)})`).join(' OR ')} LIMIT 5`)).getRowObjectsJson();
  c.closeSync();
  console.log(JSON.stringify({ records: Number(row.n), asOf, outputs: outs.length, seconds, rejectedJs: Number(row.rejected_js), declinedSql: Number(row.declined_sql), rejectCodeDiffers: Number(row.reject_code_differs), disagreements, perOutput, examples }, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
