// The `xize` command line: check, compile, run, test, diff. Chinese first, then English.
// Exit codes: 0 ok · 1 policy diagnostics (errors) or failing cases · 2 usage error ·
// 3 unreadable input file / internal error. Errors are coded (cli/messages.ts); a stack trace only
// with XIZE_DEBUG=1.
import { err, out } from './output.ts';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError } from './args.ts';
import { describeError } from './messages.ts';
import { escapeControls } from '../compiler/render/escape.ts';
import { check, checkHelp } from './commands/check.ts';
import { compile, compileHelp } from './commands/compile.ts';
import { conformance, conformanceHelp } from './commands/conformance.ts';
import { diff, diffHelp } from './commands/diff.ts';
import { run, runHelp } from './commands/run.ts';
import { test, testHelp } from './commands/test.ts';
import { colorDefault, setColor } from './format.ts';
import { VERSION } from './version.ts';
import { diskParseStore } from './astCache.ts';
import { setParseStore } from '../compiler/parseCache.ts';

export const mainHelp = `xize —— 细则：工伤保险政策配置语言的编译器 / the Xize policy compiler

用法 / Usage: xize <命令 command> [选项 options]

命令 / Commands:
  check <policyDir>                          检查政策 / check a policy
  compile <policyDir> -o <outDir>            生成 TypeScript 模块与 JSON Schema / generate the module and schema
  run <policyDir> --case <file> [--id id]    对案例求值（--explain 显示推导）/ evaluate a case (--explain)
  test [paths…]                              运行黄金案例 *.cases.yaml / run the golden cases
  diff <oldDir> <newDir> [--cases p]…        比较两个政策版本 / what changed, since when, which cases move
  compile <policyDir> --target spark-sql …   SQL 作业包 / a SQL job bundle (Spark, Trino, DuckDB)
  conformance <bundleDir> [--results f]      检查作业包的一致性记录 / check a bundle's conformance pack

每个命令都支持 --help / every command accepts --help.
退出码 / Exit codes: 0 成功 ok · 1 政策错误或案例失败 policy errors or failing cases
                     · 2 用法错误 usage error · 3 无法读取输入或内部错误 unreadable input / internal error`;

const COMMANDS: Record<string, { fn: (argv: string[]) => number; help: string }> = {
  check: { fn: check, help: checkHelp },
  compile: { fn: compile, help: compileHelp },
  run: { fn: run, help: runHelp },
  test: { fn: test, help: testHelp },
  diff: { fn: diff, help: diffHelp },
  conformance: { fn: conformance, help: conformanceHelp },
};

export function main(argv: string[]): number {
  setParseStore(diskParseStore()); // the built CLI only (a build id); tsx runs parse every time
  const noColor = argv.includes('--no-color');
  setColor(!noColor && colorDefault(process.stdout));
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '-h' || cmd === '--help' || cmd === 'help') {
    const topic = cmd === 'help' ? rest[0] : undefined;
    out(`${topic && COMMANDS[topic] ? COMMANDS[topic]!.help : mainHelp}\n`);
    return cmd === undefined ? 2 : 0;
  }
  if (cmd === '--version' || cmd === '-v') {
    out(`xize ${VERSION}\n`);
    return 0;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, cmd) ? COMMANDS[cmd] : undefined;
  if (!command) {
    err(`错误：未知命令 ${escapeControls(cmd)} / error: unknown command ${escapeControls(cmd)}\n\n${mainHelp}\n`);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    out(`${command.help}\n`);
    return 0;
  }
  try {
    return command.fn(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`用法错误：${escapeControls(e.zh)} / usage error: ${escapeControls(e.en)}\n\n${command.help}\n`);
      return 2;
    }
    const { text, exit } = describeError(e);
    err(text);
    return exit;
  }
}

function isEntry(): boolean {
  const argv1 = process.argv[1];
  if (!argv1) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) {
  // the population commands finish asynchronously: what escapes them is reported the same way
  const fatal = (e: unknown) => {
    const { text, exit } = describeError(e);
    err(text);
    process.exit(exit);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  const code = main(process.argv.slice(2));
  process.exitCode = code;
}
