// xize run <policyDir> --case <file.yaml|json> [--id <caseId>] [--explain] [--json]
import { parseCaseSuite, compareOutcome, renderDiagnostics, type GoldenCase } from '../../compiler/index.ts';
import { bool, parseArgs, str, UsageError, InputFileError } from '../args.ts';
import { c, colorDefault, formatOutcome, formatTrace } from '../format.ts';
import { displayPath, readText } from '../io.ts';
import { compileFolder, renderFolderDiagnostics } from '../policy.ts';
import { resolve } from 'node:path';

export const runHelp = `用法 / Usage: xize run <政策文件夹 policyDir> --case <案例文件 file.yaml|json> [--id <案例 caseId>] [--explain] [--json]

对一个案例求值并显示全部输出（中文名、数值、依据）；案例写了 expected 时逐项标出 ✓/✗。
案例文件可以是案例集（cases: 列表，用 --id 选一个；不给 --id 时运行全部）或单个案例
（as_of、input、parameters …）。
Evaluates a case and prints every output (name, value, citation); when the case states
expectations each is marked ✓/✗. The file is a suite (cases: list; pick one with --id, or all)
or a single case (as_of, input, parameters …).

选项 / Options:
  --case <file>   案例文件 / case file (required)
  --id <caseId>   案例集中的案例 / the case of the suite
  --explain       显示推导树：规则 → 参数（取值日期、版本起始）、表、输入、依据
                  / show the explanation tree: rule → params (date taken, version from), tables, inputs, citations
  --json          以 JSON 输出结果 / print the outcome as JSON
  --no-color      不使用颜色 / no colours
  -h, --help      显示帮助 / show this help

退出码 / Exit codes: 0 成功 ok · 1 政策错误、输入错误、计算错误或与预期不符 policy/input/evaluation errors or mismatch
                     · 2 用法错误 usage · 3 无法读取 unreadable`;

export function run(argv: string[]): number {
  const a = parseArgs(argv, [
    { name: 'case', value: true },
    { name: 'id', value: true },
    { name: 'explain' },
    { name: 'json' },
    { name: 'no-color' },
  ]);
  if (a.positionals.length !== 1) throw new UsageError('需要一个政策文件夹', 'expected one policy folder');
  const caseFile = str(a, 'case');
  if (caseFile === undefined) throw new UsageError('缺少 --case <案例文件>', 'missing --case <file>');
  const json = bool(a, 'json');
  const explain = bool(a, 'explain');

  const text = readText(resolve(caseFile));
  const suite = parseCaseSuite(text, displayPath(resolve(caseFile)));
  const suiteErrors = suite.diagnostics.filter((d) => d.severity === 'error');
  if (suite.diagnostics.length > 0) {
    process.stderr.write(renderDiagnostics(suite.diagnostics, [{ path: suite.file, text }], { color: colorDefault(process.stderr) }));
  }
  if (suiteErrors.length > 0) return 1;

  let cases: GoldenCase[] = suite.cases;
  const id = str(a, 'id');
  if (id !== undefined) {
    cases = suite.cases.filter((x) => x.id === id);
    if (cases.length === 0) {
      throw new UsageError(
        `案例文件中没有 id 为 ${id} 的案例（有：${suite.cases.map((x) => x.id).join('、')}）`,
        `no case with id ${id} (available: ${suite.cases.map((x) => x.id).join(', ')})`,
      );
    }
  }
  if (cases.length === 0) throw new InputFileError(`案例文件中没有案例`, `the case file holds no case`);

  const cf = compileFolder(a.positionals[0]!);
  if (cf.result.diagnostics.length > 0 && (!json || cf.errors > 0)) process.stderr.write(renderFolderDiagnostics(cf));
  if (!cf.policy || !cf.result.ir) return 1;
  const policy = cf.policy;
  const ir = cf.result.ir;

  let failed = false;
  const records: unknown[] = [];
  for (const k of cases) {
    const options: Parameters<typeof policy.evaluate>[1] = { asOf: k.asOf, explain };
    if (k.parameters !== undefined) options.parameters = k.parameters;
    const outcome = policy.evaluate(k.input, options);
    const stated = Object.keys(k.expected).length > 0 || k.expectedChecks !== undefined || k.expectedErrors !== undefined;
    const result = stated ? compareOutcome(k, outcome, ir) : undefined;
    const good = result ? result.pass : outcome.ok;
    if (!good) failed = true;
    if (json) {
      records.push({ id: k.id, ...(k.title ? { title: k.title } : {}), outcome, ...(result ? { result } : {}) });
      continue;
    }
    const title = ir.title ?? ir.name;
    process.stdout.write(`${c.bold(`${title}`)}  ${c.gray(`政策 policy ${ir.name} · 基准日 as of ${k.asOf}`)}\n`);
    process.stdout.write(`${c.bold(`案例 case ${k.id}`)}${k.title ? ` — ${k.title}` : ''}${k.cite ? c.gray(`  〔${k.cite}〕`) : ''}\n\n`);
    process.stdout.write(`${formatOutcome(outcome, policy.outputs, result)}\n`);
    if (explain && outcome.trace) {
      process.stdout.write(`\n${c.bold('推导 / explanation')}\n`);
      for (const node of Object.values(outcome.trace)) process.stdout.write(`${formatTrace(node)}\n\n`);
    }
    if (result) {
      const bad = result.fields.filter((f) => !f.pass).length;
      process.stdout.write(
        result.pass
          ? c.green(`\n与预期一致 / matches the expectations (${result.fields.length})\n`)
          : c.red(`\n${bad} 项与预期不符 / ${bad} expectation(s) not met\n`),
      );
    }
    if (cases.length > 1) process.stdout.write('\n');
  }
  if (json) process.stdout.write(`${JSON.stringify(cases.length === 1 && id !== undefined ? records[0] : records, null, 2)}\n`);
  return failed ? 1 : 0;
}
