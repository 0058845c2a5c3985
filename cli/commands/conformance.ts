// xize conformance <bundleDir> [--results <file|folder>] [--engine duckdb] [--json]
// Checks a SQL job bundle's conformance pack (cli/population/conformance.ts): results produced
// on the cluster (--results), or, for a DuckDB bundle, a run in embedded DuckDB here.
import { resolve } from 'node:path';
import { bool, parseArgs, str, UsageError } from '../args.ts';
import { c, OK } from '../format.ts';
import { err, out } from '../output.ts';
import { BundleError, compareConformance, readExpected, readManifest, readResults, runDuckdbBundle, type ConformanceReport } from '../population/conformance.ts';

export const conformanceHelp = `用法 / Usage: xize conformance <作业包文件夹 bundleDir> [--results <文件或文件夹 file|folder>] [--json]

检查 SQL 作业包（xize compile --target …）的一致性记录：引擎对 conformance/records.ndjson 的结果
须与 conformance/expected.ndjson（Xize JS 引擎）逐条逐个输出文本相同，被拒的记录相同。
--results 读取集群写出的结果（NDJSON 或带表头的 CSV，或其分片所在的文件夹）；DuckDB 作业包
不带 --results 时在内嵌 DuckDB 中直接运行。Spark 与 Trino 的运行步骤见作业包的 README.md。
Checks a SQL job bundle's conformance pack: the engine's results for conformance/records.ndjson
must equal conformance/expected.ndjson (the Xize JS engine) per record per output as text, with
the same records rejected. --results reads what the cluster wrote (NDJSON or CSV with a header,
or a folder of part files); a DuckDB bundle without --results runs in embedded DuckDB here. The
bundle's README.md says how to run it on Spark and Trino.

退出码 / Exit codes: 0 一致 conformant · 1 有差异 differences · 2 用法错误 usage · 3 无法读取 unreadable`;

export function conformance(argv: string[]): number {
  const a = parseArgs(argv, [{ name: 'results', value: true }, { name: 'engine', value: true, choices: ['duckdb', 'spark', 'trino'] }, { name: 'json' }, { name: 'no-color' }]);
  if (a.positionals.length !== 1) throw new UsageError('需要一个作业包文件夹', 'expected one bundle folder');
  const dir = resolve(a.positionals[0]!);
  const results = str(a, 'results');
  let manifest;
  try { manifest = readManifest(dir); } catch (e) { return fail(e); }
  const engine = str(a, 'engine') ?? manifest.dialect;
  if (engine !== manifest.dialect) throw new UsageError(`作业包为 ${manifest.dialect} 方言，不是 ${engine}`, `the bundle is in the ${manifest.dialect} dialect, not ${engine}`);
  if (!results && manifest.dialect !== 'duckdb') {
    throw new UsageError(`${manifest.dialect} 作业包需要 --results：先按作业包 README.md 在集群上运行`, `a ${manifest.dialect} bundle needs --results: run it on the cluster first, as the bundle's README.md says`);
  }
  const m = manifest;
  (results ? readResults(m, resolve(results)) : runDuckdbBundle(dir, m)).then((rows) => {
    const rep = compareConformance(m, readExpected(dir), rows);
    out(bool(a, 'json') ? `${JSON.stringify(rep, null, 2)}\n` : render(rep));
    process.exitCode = rep.mismatches.length + rep.missing.length + rep.unexpected.length === 0 ? 0 : 1;
  }, (e: unknown) => { process.exitCode = fail(e); });
  return 0; // the exit code is set when the comparison finishes (main() is synchronous)
}

function fail(e: unknown): number {
  if (e instanceof BundleError) err(`错误：${e.zh} / error: ${e.en}\n`);
  else err(`错误 / error: ${(e as Error)?.message ?? String(e)}\n`);
  return 3;
}

function render(r: ConformanceReport): string {
  const bad = r.mismatches.length + r.missing.length + r.unexpected.length;
  const lines = [`${bad === 0 ? OK() : c.red('✗')} 记录 records ${r.records} · 比较的输出值 output values compared ${r.compared} · 被拒 rejected alike ${r.rejected} · 差异 differences ${r.mismatches.length} · 缺少 missing ${r.missing.length} · 多出 unexpected ${r.unexpected.length}`];
  for (const x of r.mismatches.slice(0, 20)) lines.push(`  ${x.id} ${x.output}: 期望 expected ${x.expected ?? 'NULL'} · 实际 actual ${x.actual ?? 'NULL'}`);
  if (r.mismatches.length > 20) lines.push(`  … 另 ${r.mismatches.length - 20} 处 / ${r.mismatches.length - 20} more`);
  if (r.missing.length) lines.push(`  缺少的记录 / missing records: ${r.missing.slice(0, 10).join(', ')}${r.missing.length > 10 ? ' …' : ''}`);
  return `${lines.join('\n')}\n`;
}
