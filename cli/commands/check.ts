// xize check <policyDir> [--json] [--overrides [--verbose]]
import { err, out } from '../output.ts';
import { diagnosticsToJson } from '../../compiler/index.ts';
import { bool, parseArgs, UsageError } from '../args.ts';
import { c, OK } from '../format.ts';
import { displayPath } from '../io.ts';
import { compileFolder, renderFolderDiagnostics } from '../policy.ts';
import { overridesReport } from '../../compiler/overrides.ts';
import { formatOverrides } from '../overrides.ts';

export const checkHelp = `用法 / Usage: xize check <政策文件夹 policyDir> [--json] [--overrides [--verbose]]

检查一个政策（及其继承链）：词法、语法、类型与单位、表的覆盖、分档的缺口与重叠、循环、覆盖声明。
Checks a policy (and its extends chain): syntax, types and units, table coverage, band gaps and
overlaps, cycles, overrides.

选项 / Options:
  --json        以 JSON 输出诊断 / print the diagnostics as JSON
  --overrides   逐层列出覆盖（原值与新值、日期、依据）、新增与继承 / per layer: what it overrides
                (old and new value, date, citation), adds and inherits
  --verbose     与 --overrides 同用：列出新增与继承的名称 / with --overrides: list the names
  --no-color    不使用颜色 / no colours
  -h, --help    显示帮助 / show this help

退出码 / Exit codes: 0 无错误 no errors · 1 有错误 errors · 2 用法错误 usage · 3 无法读取 unreadable`;

export function check(argv: string[]): number {
  const a = parseArgs(argv, [{ name: 'json' }, { name: 'no-color' }, { name: 'overrides' }, { name: 'verbose' }]);
  if (a.positionals.length !== 1) throw new UsageError('需要一个政策文件夹', 'expected one policy folder');
  if (bool(a, 'verbose') && !bool(a, 'overrides')) throw new UsageError('--verbose 只能与 --overrides 同用', '--verbose needs --overrides');
  const cf = compileFolder(a.positionals[0]!, false);
  const report = bool(a, 'overrides') && cf.errors === 0 && cf.result.ir ? overridesReport(cf.result.ir) : undefined;
  if (bool(a, 'json') && bool(a, 'overrides')) {
    const diagnostics = JSON.parse(diagnosticsToJson(cf.result.diagnostics)) as unknown;
    out(`${JSON.stringify({ diagnostics, ...(report ? { overrides: report } : {}) }, null, 2)}\n`);
  } else if (bool(a, 'json')) {
    out(`${diagnosticsToJson(cf.result.diagnostics, 2)}\n`);
  } else {
    if (cf.result.diagnostics.length > 0) out(renderFolderDiagnostics(cf));
    const name = cf.result.ir?.name;
    if (cf.errors === 0) {
      const what = name ? `政策 ${name}` : displayPath(cf.dir);
      out(`${OK()} ${what}：无错误${cf.warnings ? `（${cf.warnings} 个警告）` : ''} / no errors${cf.warnings ? ` (${cf.warnings} warning(s))` : ''}\n`);
      if (report) out(`\n${formatOverrides(report, bool(a, 'verbose'))}`);
    } else {
      out(c.red(`${displayPath(cf.dir)}：${cf.errors} 个错误 / ${cf.errors} error(s)\n`));
    }
  }
  return cf.errors > 0 ? 1 : 0;
}
