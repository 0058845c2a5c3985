// Population throughput: records/s and peak RSS of `xize run --population` through the JS engine
// and wholly in DuckDB (`duckdb-sql`), on the same generated file, each engine in its own child
// process (peak RSS is per process). Usage:
//   npx tsx bench/population.ts [--records 1000000] [--engines js,duckdb-sql] [--format ndjson|parquet|both]
// Parquet: the same population copied by DuckDB from the NDJSON with declared column types
// (DATE, DECIMAL(18,2), BOOLEAN; not timed), so both formats must give the same sums.
import { createWriteStream, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const arg = (k: string, d: string) => { const i = process.argv.indexOf(`--${k}`); return i > 0 ? process.argv[i + 1]! : d; };
const records = Number(arg('records', '1000000'));
const engines = arg('engines', 'js,duckdb-sql').split(',');
const formatArg = arg('format', 'ndjson');
const formats = formatArg === 'both' ? ['ndjson', 'parquet'] : [formatArg];

if (process.argv.includes('--child')) {
  const { compileFolder } = await import('../cli/policy.ts');
  const { runPopulation } = await import('../cli/population/run.ts');
  const ir = compileFolder('provinces/national').result.ir!;
  const s = await runPopulation(ir, {
    file: arg('file', ''), asOf: '2024-06-01', engine: arg('engine', 'js') as 'js',
    parameters: { 统筹地区上年度职工月平均工资: '8123.45', 最低工资标准: '2490' },
    outputs: ['本人工资', '一次性伤残补助金', '伤残津贴', '退休后伤残津贴差额'],
  });
  const ru = process.resourceUsage();
  // CPU seconds of the whole process (DuckDB's threads too): steadier than wall time on a shared machine
  process.stdout.write(JSON.stringify({ records: s.records, seconds: s.seconds, cpuSeconds: (ru.userCPUTime + ru.systemCPUTime) / 1e6, maxRssMB: ru.maxRSS / 1024, sums: s.outputs.map((o) => o.sum) }) + '\n');
} else {
  const file = join(tmpdir(), `xize-bench-population-${records}.ndjson`);
  if (!existsSync(file)) {
    const g0 = performance.now();
    // deterministic bulk: wages over the clamp range, every grade, dates across the 2011 break
    const w = createWriteStream(file);
    const grades = ['一级', '二级', '三级', '四级', '五级', '六级', '七级', '八级', '九级', '十级'];
    let x = 12345;
    const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < records; i++) {
      const cents = next() % 3_000_000;
      const y = 2008 + (next() % 17), m = 1 + (next() % 12), d = 1 + (next() % 28);
      const rec = { 受伤日期: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, 工伤认定日期: `${y + 1}-01-15`, 月缴费工资: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`, 伤残等级: grades[next() % 10], 已退休: next() % 5 === 0, 基本养老金: '3000.00' };
      if (!w.write(JSON.stringify(rec) + '\n')) await new Promise((r) => w.once('drain', r));
    }
    await new Promise((r) => w.end(r));
    process.stderr.write(`generated ${records} records into ${file} in ${((performance.now() - g0) / 1000).toFixed(1)} s (not part of the timings)\n`);
  }
  const parquet = file.replace(/\.ndjson$/, '.parquet');
  if (formats.includes('parquet') && !existsSync(parquet)) {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:', { memory_limit: '1GB' });
    const c = await db.connect();
    const cols = `{'受伤日期': 'DATE', '工伤认定日期': 'DATE', '月缴费工资': 'DECIMAL(18,2)', '伤残等级': 'VARCHAR', '已退休': 'BOOLEAN', '基本养老金': 'DECIMAL(18,2)'}`;
    await c.run(`COPY (SELECT * FROM read_json('${file}', format = 'newline_delimited', columns = ${cols})) TO '${parquet}' (FORMAT parquet)`);
    c.closeSync();
    process.stderr.write(`copied the population to ${parquet} with declared types (not part of the timings)\n`);
  }
  if (process.argv.includes('--generate-only')) process.exit(0);
  const results: Record<string, { recPerS: number; seconds: number; cpuSeconds: number; maxRssMB: number; sums: string[] }> = {};
  for (const f of formats) for (const e of engines) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/population.ts', '--child', '--engine', e, '--file', f === 'parquet' ? parquet : file], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) { process.stderr.write(r.stderr); process.exit(1); }
    const o = JSON.parse(r.stdout.trim().split('\n').pop()!);
    results[formats.length > 1 ? `${e} ${f}` : e] = { recPerS: Math.round(o.records / o.seconds), seconds: Number(o.seconds.toFixed(2)), cpuSeconds: Number(o.cpuSeconds.toFixed(2)), maxRssMB: Math.round(o.maxRssMB), sums: o.sums };
  }
  const sameSums = new Set(Object.values(results).map((r) => r.sums.join(','))).size === 1;
  console.log(JSON.stringify({ records, results, sumsAgree: sameSums }, null, 2));
}
