// xize compile <policyDir> -o <outDir> [--runtime <specifier>] [--name <file stem>]
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateModule } from '../../compiler/index.ts';
import { inputSchema } from '../../compiler/codegenSchema.ts';
import { parseArgs, str, UsageError } from '../args.ts';
import { c, OK } from '../format.ts';
import { displayPath, writeAtomic } from '../io.ts';
import { compileFolder, renderFolderDiagnostics } from '../policy.ts';

export const compileHelp = `用法 / Usage: xize compile <政策文件夹 policyDir> -o <输出文件夹 outDir> [--runtime <模块 specifier>] [--name <文件名 stem>]

生成独立的 TypeScript 模块（只依赖 runtime/）及输入的 JSON Schema：
<outDir>/<name>.ts 与 <outDir>/<name>.schema.json（原子写入：先写临时文件再改名）。
Writes a standalone TypeScript module (depending on runtime/ only) and the JSON Schema of the
inputs: <outDir>/<name>.ts and <outDir>/<name>.schema.json (atomically: temp file + rename).

选项 / Options:
  -o, --out <dir>        输出文件夹 / output folder (required)
  --runtime <specifier>  模块中 import 的运行时路径 / runtime import of the module
                         (默认 default: runtime/index.ts relative to <outDir>)
  --name <stem>          输出文件名 / output file stem (default: the policy folder's name)
  --no-color             不使用颜色 / no colours
  -h, --help             显示帮助 / show this help

退出码 / Exit codes: 0 成功 ok · 1 政策有错误 policy errors · 2 用法错误 usage · 3 无法读写 unreadable/unwritable`;

const RUNTIME_INDEX = fileURLToPath(new URL('../../runtime/index.ts', import.meta.url));

export function compile(argv: string[]): number {
  const a = parseArgs(argv, [{ name: 'out', alias: 'o', value: true }, { name: 'runtime', value: true }, { name: 'name', value: true }, { name: 'no-color' }]);
  if (a.positionals.length !== 1) throw new UsageError('需要一个政策文件夹', 'expected one policy folder');
  const out = str(a, 'out');
  if (out === undefined) throw new UsageError('缺少 -o <输出文件夹>', 'missing -o <outDir>');
  const cf = compileFolder(a.positionals[0]!);
  if (cf.result.diagnostics.length > 0) process.stderr.write(renderFolderDiagnostics(cf));
  if (!cf.result.ir || cf.errors > 0) {
    process.stderr.write(c.red(`未生成：政策有 ${cf.errors} 个错误 / not generated: the policy has ${cf.errors} error(s)\n`));
    return 1;
  }
  const stem = str(a, 'name') ?? basename(cf.dir);
  if (!/^[\w.\-\u4e00-\u9fff]+$/u.test(stem)) throw new UsageError(`文件名 ${stem} 无效`, `invalid file stem ${stem}`);
  const outDir = resolve(out);
  let runtimeImport = str(a, 'runtime');
  if (runtimeImport === undefined) {
    let rel = relative(outDir, RUNTIME_INDEX).split(sep).join('/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    runtimeImport = rel;
  }
  const moduleText = generateModule(cf.result.ir, { runtimeImport });
  const schemaText = `${JSON.stringify(inputSchema(cf.result.ir), null, 2)}\n`;
  const tsPath = join(outDir, `${stem}.ts`);
  const schemaPath = join(outDir, `${stem}.schema.json`);
  try {
    writeAtomic(tsPath, moduleText);
    writeAtomic(schemaPath, schemaText);
  } catch (e) {
    process.stderr.write(c.red(`无法写入 ${displayPath(dirname(tsPath))}：${(e as Error).message} / cannot write: ${(e as Error).message}\n`));
    return 3;
  }
  process.stdout.write(`${OK()} 已生成 / generated ${displayPath(tsPath)}, ${displayPath(schemaPath)}\n`);
  return 0;
}
