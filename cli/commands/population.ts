// xize run <policyDir> --population <file> --as-of <date> [--engine js|duckdb-sql] [--parameters <file.json>]
//          [--outputs a,b] [--out results.parquet|.csv|.ndjson] [--group-by <column>] [--id <column>] [--json]
// Reached from `xize run` when --population is given (cli/commands/run.ts).
import { err, out, progress } from '../output.ts';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputFileError, parseArgs, str, bool, UsageError } from '../args.ts';
import { displayPath } from '../io.ts';
import { checkOutputFile } from '../safeWrite.ts';
import { describeError } from '../messages.ts';
import { compileFolder, renderFolderDiagnostics } from '../policy.ts';
// The population engine (and its native DuckDB addon) is loaded only when a population run is asked
// for, so every other command starts without it.
import type { PopulationSummary } from '../population/run.ts';
import { readParametersFile } from '../population/parametersFile.ts';

export const populationHelp = `用法 / Usage: xize run <政策文件夹> --population <文件 .ndjson|.csv|.parquet> --as-of <日期>
          [--engine js|duckdb-sql] [--parameters <参数.json>] [--outputs a,b] [--out <结果文件>]
          [--group-by <列>] [--id <列>] [--json]
对整个人群逐条校验、求值，写出结果并汇总（每个输出的条数、合计、最小、最大；被拒记录及代码）。
Validates and evaluates every record of a population, writes the outputs and a summary
(count, sum, min, max per output; rejected records with codes). docs/populations.md.`;

export function runPopulationCommand(argv: string[]): number {
  const a = parseArgs(argv, [
    { name: 'population', value: true }, { name: 'as-of', value: true }, { name: 'engine', value: true, choices: ['js', 'duckdb-sql'] },
    { name: 'parameters', value: true }, { name: 'outputs', value: true }, { name: 'out', value: true, alias: 'o' },
    { name: 'group-by', value: true }, { name: 'id', value: true }, { name: 'json' }, { name: 'no-color' },
  ]);
  if (a.positionals.length !== 1) throw new UsageError('需要一个政策文件夹', 'expected one policy folder');
  const asOf = str(a, 'as-of');
  if (!asOf || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError('缺少 --as-of <YYYY-MM-DD>', 'missing --as-of <YYYY-MM-DD>');
  const cf = compileFolder(a.positionals[0]!);
  if (!cf.result.ir || cf.errors > 0) { err(renderFolderDiagnostics(cf)); return 1; }
  const pfile = str(a, 'parameters');
  const parameters = readParameters(pfile);
  const popArg = str(a, 'population');
  if (popArg === undefined) throw new UsageError('缺少 --population <文件>', 'missing --population <file>');
  const population = resolve(popArg);
  readableFile(population);
  const outArg = str(a, 'out');
  // checked before the run: never a folder, a device, a source or case file, or an input
  const outFile = outArg === undefined ? undefined : checkOutputFile(outArg, { inputs: [population, ...(pfile ? [resolve(pfile)] : [])] });
  const outputs = str(a, 'outputs')?.split(',').map((s) => s.trim()).filter(Boolean);
  const json = bool(a, 'json');
  const started = Date.now();
  let last = 0;
  const ir = cf.result.ir;
  import('../population/run.ts').then(({ runPopulation, PopulationError }) => runPopulation(ir, {
    file: population, asOf, parameters, outputs,
    engine: (str(a, 'engine') ?? 'js') as 'js' | 'duckdb-sql', ...(outFile ? { out: outFile } : {}), groupBy: str(a, 'group-by'), idColumn: str(a, 'id'),
    progress: (n) => {
      if (!process.stderr.isTTY || Date.now() - last < 1000) return; // a progress line only on a terminal
      last = Date.now();
      progress(`已处理 ${n} 条 / ${n} records (${Math.round(n / ((Date.now() - started) / 1000))}/s)`);
    },
  }).then((s) => {
    if (last) err('\n');
    out(json ? `${JSON.stringify(s, null, 2)}\n` : renderSummary(s));
    process.exitCode = 0;
  }, (e: unknown) => {
    if (e instanceof PopulationError) {
      err(`错误 / error: ${e.message}\n`);
      process.exitCode = 1;
      return;
    }
    const { text, exit } = describePopulationError(e);
    err(text);
    process.exitCode = exit;
  }));
  return 0; // the exit code is set when the run finishes (main() is synchronous)
}

function renderSummary(s: PopulationSummary): string {
  const lines = [`记录 records: ${s.records}   被拒 rejected: ${s.rejected.reduce((x, r) => x + r.count, 0)}   用时 ${s.seconds.toFixed(2)} s`];
  for (const r of s.rejected) lines.push(`  ${r.code}: ${r.count}`);
  const table = (outs: PopulationSummary['outputs']) => outs.map((o) => `  ${o.name}  条数 count ${o.count}  合计 sum ${o.sum ?? '—'}  最小 min ${o.min ?? '—'}  最大 max ${o.max ?? '—'}`);
  lines.push(...table(s.outputs));
  for (const g of s.groups ?? []) { lines.push(`分组 group ${g.key ?? '(空 null)'}`); lines.push(...table(g.outputs)); }
  return `${lines.join('\n')}\n`;
}

/** The population file must be a readable regular file; checked before DuckDB opens it. */
export function readableFile(abs: string): void {
  let st;
  try {
    st = statSync(abs);
  } catch (e) {
    throw new InputFileError(`无法读取人群文件 ${displayPath(abs)}：${(e as Error).message}`, `cannot read the population file ${displayPath(abs)}: ${(e as Error).message}`);
  }
  if (!st.isFile()) throw new InputFileError(`人群文件 ${displayPath(abs)} 不是普通文件`, `the population file ${displayPath(abs)} is not a regular file`);
}

/** `--parameters <file.json>`: one JSON object, or a coded input error (never a stack trace). */
export function readParameters(file: string | undefined): Record<string, string> {
  if (!file) return {};
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(resolve(file), 'utf8'));
  } catch (e) {
    throw new InputFileError(`无法读取参数文件 ${displayPath(resolve(file))}：${(e as Error).message}`, `cannot read the parameters file ${displayPath(resolve(file))}: ${(e as Error).message}`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new InputFileError(`参数文件 ${displayPath(resolve(file))} 应为一个 JSON 对象`, `the parameters file ${displayPath(resolve(file))} must hold one JSON object`);
  return v as Record<string, string>;
}

/** DuckDB's own errors about the population file (a malformed CSV, a wrong column) are input
 * errors of that file; anything else is internal. */
export function describePopulationError(e: unknown): { text: string; exit: number } {
  const m = e instanceof Error ? e.message : '';
  if (/^(IO|Invalid Input|Conversion|Parser|Binder|Catalog) Error/.test(m)) {
    return describeError(new InputFileError(`人群文件无法读取或格式不符：${m.split('\n')[0]}`, `the population file cannot be read or does not fit: ${m.split('\n')[0]}`));
  }
  return describeError(e);
}
