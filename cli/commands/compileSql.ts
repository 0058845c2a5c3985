// xize compile <policyDir> --target spark-sql|trino|duckdb-sql -o <outDir> --as-of <date>
//   [--parameters <file.json>] [--outputs a,b] [--id <column>] [--records <n>]
// Writes a SQL job bundle (cli/population/bundle.ts): the query, its manifest, the parameter
// values and a conformance pack. Reached from `xize compile` when --target is given.
import { join, resolve } from 'node:path';
import { parseArgs, str, UsageError } from '../args.ts';
import { c, OK } from '../format.ts';
import { displayPath } from '../io.ts';
import { checkOutputFolder, writeFilesAtomic } from '../safeWrite.ts';
import { err, out } from '../output.ts';
import { colorEnabled, ownColours } from '../format.ts';
import { compileFolder, renderFolderDiagnostics } from '../policy.ts';
import { renderDiagnostics } from '../../compiler/render/terminal.ts';
import { sqlBundle, type BundleDialect } from '../population/bundle.ts';
import { readParametersFile } from '../population/parametersFile.ts';

export const TARGETS: Record<string, BundleDialect> = { 'spark-sql': 'spark', trino: 'trino', 'duckdb-sql': 'duckdb' };

export const compileSqlHelp = `用法 / Usage: xize compile <政策文件夹 policyDir> --target spark-sql|trino|duckdb-sql -o <输出文件夹 outDir>
          --as-of <日期 YYYY-MM-DD> [--parameters <参数.json>] [--outputs a,b] [--id <列 column>] [--records <n>]

生成 SQL 作业包：query.sql、manifest.json（输入输出及其 DECIMAL 类型）、parameters.csv、
conformance/（边界记录及 JS 引擎的期望结果）、README.md（如何在集群上运行，见 xize conformance）。
Writes a SQL job bundle: query.sql, manifest.json (inputs and outputs with DECIMAL types),
parameters.csv, conformance/ (boundary records and the JS engine's expected results) and
README.md (how to run it on the cluster; see xize conformance). docs/populations.md.

选项 / Options:
  --target <t>           spark-sql（Spark ≥ 4, ANSI）· trino · duckdb-sql
  -o, --out <dir>        输出文件夹 / output folder (required)
  --as-of <date>         基准日 / the as-of date the query is compiled for (required)
  --parameters <file>    参数值（JSON 对象）/ parameter values (one JSON object)
  --outputs a,b          只含这些输出 / only these outputs (default: every output in the SQL subset)
  --id <column>          记录编号列 / the record id column (default: id)
  --records <n>          一致性记录条数 / conformance records (default 400)`;

export function compileSql(argv: string[]): number {
  const a = parseArgs(argv, [
    { name: 'target', value: true, choices: Object.keys(TARGETS) }, { name: 'out', alias: 'o', value: true }, { name: 'as-of', value: true },
    { name: 'parameters', value: true }, { name: 'outputs', value: true }, { name: 'id', value: true }, { name: 'records', value: true }, { name: 'no-color' },
  ]);
  if (a.positionals.length !== 1) throw new UsageError('需要一个政策文件夹', 'expected one policy folder');
  const dialect = TARGETS[str(a, 'target')!]!;
  const outArg = str(a, 'out');
  if (outArg === undefined) throw new UsageError('缺少 -o <输出文件夹>', 'missing -o <outDir>');
  const asOf = str(a, 'as-of');
  if (!asOf || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError('缺少 --as-of <YYYY-MM-DD>', 'missing --as-of <YYYY-MM-DD>');
  const recText = str(a, 'records') ?? '400';
  if (!/^\d{1,6}$/.test(recText) || Number(recText) < 1) throw new UsageError(`--records ${recText} 应为 1 至 999999 的整数`, `--records ${recText} must be a whole number from 1 to 999999`);
  const parameters = readParametersFile(str(a, 'parameters'));
  const outputs = str(a, 'outputs')?.split(',').map((s) => s.trim()).filter(Boolean);
  const cf = compileFolder(a.positionals[0]!);
  if (cf.result.diagnostics.length > 0) err(renderFolderDiagnostics(cf));
  if (!cf.result.ir || cf.errors > 0) {
    err(c.red(`未生成：政策有 ${cf.errors} 个错误 / not generated: the policy has ${cf.errors} error(s)\n`));
    return 1;
  }
  const b = sqlBundle(cf.result.ir, { dialect, asOf, parameters, outputs, idColumn: str(a, 'id'), records: Number(recText) });
  if (!b.manifest) {
    err(ownColours(renderDiagnostics(b.diagnostics, cf.result.sources, { color: colorEnabled() })));
    err(c.red('未生成：有输出不在 SQL 子集中 / not generated: outputs outside the SQL subset\n'));
    return 1;
  }
  const outDir = checkOutputFolder(outArg);
  // all or nothing; never over a policy source, a case file or a file of the policy read
  writeFilesAtomic([...b.files].map(([name, text]) => ({ path: join(outDir, name), text })), { inputs: [...cf.result.sources.values()].map((f) => resolve(f.path)) });
  const m = b.manifest;
  out(`${OK()} 已生成 / generated ${displayPath(outDir)}: ${m.dialect} · ${m.outputs.length} 个输出 outputs · ${m.skipped.length} 个不在子集 outside the subset · ${m.conformance.records} 条一致性记录 conformance records\n`);
  return 0;
}
