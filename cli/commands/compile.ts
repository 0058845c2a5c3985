// xize compile <policyDir> -o <outDir> [--runtime <specifier>] [--name <file stem>]
import { err, out } from '../output.ts';
import { basename, dirname, join, resolve } from 'node:path';
import { generateModule } from '../../compiler/index.ts';
import { emitCjsModule, emitDeclarations, emitEsmModule, RUNTIME_PACKAGE } from '../../compiler/emitModule.ts';
import { inputSchema } from '../../compiler/codegenSchema.ts';
import { parseArgs, str, UsageError } from '../args.ts';
import { c, OK } from '../format.ts';
import { displayPath } from '../io.ts';
import { checkOutputFolder, writeFilesAtomic } from '../safeWrite.ts';
import { compileFolder, renderFolderDiagnostics } from '../policy.ts';
import { compileSql, compileSqlHelp } from './compileSql.ts';

export const compileHelp = `用法 / Usage: xize compile <政策文件夹 policyDir> -o <输出文件夹 outDir> [--ts] [--runtime <模块 specifier>] [--name <文件名 stem>]

生成独立的 JavaScript 模块（只依赖 xize/runtime）、类型声明及输入的 JSON Schema：
<outDir>/<name>.js（ES 模块）、<name>.cjs（CommonJS）、<name>.d.ts、<name>.d.cts、<name>.schema.json；
--ts 另写 <name>.ts（TypeScript 源码）。原子写入：先写临时文件再改名。
Writes a standalone JavaScript module (depending on xize/runtime only), its declarations and the
JSON Schema of the inputs: <name>.js (ES module), <name>.cjs (CommonJS), <name>.d.ts, <name>.d.cts,
<name>.schema.json; --ts also writes <name>.ts (TypeScript source). Atomic: temp file + rename.

选项 / Options:
  -o, --out <dir>        输出文件夹 / output folder (required)
  --ts                   另写 TypeScript 模块 / also write the TypeScript module <name>.ts
  --runtime <specifier>  模块中 import 的运行时 / runtime import of the module (default: xize/runtime)
  --name <stem>          输出文件名 / output file stem (default: the policy folder's name)
  --no-color             不使用颜色 / no colours
  -h, --help             显示帮助 / show this help

退出码 / Exit codes: 0 成功 ok · 1 政策有错误 policy errors · 2 用法错误 usage · 3 无法读写 unreadable/unwritable

SQL 作业包 / SQL job bundles:
${compileSqlHelp}`;

export function compile(argv: string[]): number {
  if (argv.some((x) => x === '--target' || x.startsWith('--target='))) return compileSql(argv); // a SQL job bundle
  const a = parseArgs(argv, [{ name: 'out', alias: 'o', value: true }, { name: 'runtime', value: true }, { name: 'name', value: true }, { name: 'ts' }, { name: 'no-color' }]);
  if (a.positionals.length !== 1) throw new UsageError('需要一个政策文件夹', 'expected one policy folder');
  const outArg = str(a, 'out');
  if (outArg === undefined) throw new UsageError('缺少 -o <输出文件夹>', 'missing -o <outDir>');
  const outDir = checkOutputFolder(outArg); // refused before compiling: a file, /proc, /sys
  const cf = compileFolder(a.positionals[0]!);
  if (cf.result.diagnostics.length > 0) err(renderFolderDiagnostics(cf));
  if (!cf.result.ir || cf.errors > 0) {
    err(c.red(`未生成：政策有 ${cf.errors} 个错误 / not generated: the policy has ${cf.errors} error(s)\n`));
    return 1;
  }
  const stem = str(a, 'name') ?? basename(cf.dir);
  if (!/^[\w.\-\u4e00-\u9fff]+$/u.test(stem)) throw new UsageError(`文件名 ${stem} 无效`, `invalid file stem ${stem}`);
  const runtimeImport = str(a, 'runtime') ?? RUNTIME_PACKAGE;
  const ir = cf.result.ir;
  const declarations = emitDeclarations(ir, { runtimeImport });
  const files: [string, string][] = [
    [`${stem}.js`, emitEsmModule(ir, { runtimeImport })],
    [`${stem}.d.ts`, declarations],
    [`${stem}.cjs`, emitCjsModule(ir, { runtimeImport })],
    [`${stem}.d.cts`, declarations],
    [`${stem}.schema.json`, `${JSON.stringify(inputSchema(ir), null, 2)}\n`],
  ];
  if (a.flags.has('ts')) files.push([`${stem}.ts`, generateModule(ir, { runtimeImport })]);
  // all or nothing; never over a policy source, a case file or a file of the policy read
  const inputs = [...cf.result.sources.values()].map((f) => resolve(f.path));
  const paths = writeFilesAtomic(files.map(([name, text]) => ({ path: join(outDir, name), text })), { inputs });
  out(`${OK()} 已生成 / generated ${paths.map(displayPath).join(', ')}\n`);
  return 0;
}
