// xize run <policyDir> --case <file.yaml|json> [--id <caseId>] [--outputs <a,b,…> | --all] [--explain] [--json]
import { err, out } from '../output.ts';
import { oneLine as line } from '../../compiler/render/escape.ts';
import { parseCaseSuite, compareOutcome, outputsFor, renderDiagnostics, type GoldenCase } from '../../compiler/index.ts';
import { suggest } from '../../compiler/symbols.ts';
import { bool, parseArgs, str, UsageError, InputFileError } from '../args.ts';
import { c, colorEnabled, ownColours, formatExplanation, formatOutcome, type ShowOptions } from '../format.ts';
import { cachedCaseSuite } from '../astCache.ts';
import { displayPath, readText } from '../io.ts';
import { compileFolder, renderFolderDiagnostics } from '../policy.ts';
import { resolve } from 'node:path';
import { renderCalcSheet } from '../../compiler/render/calcSheet.ts';
import { runPopulationCommand } from './population.ts';

export const runHelp = `用法 / Usage: xize run <政策文件夹 policyDir> --case <案例文件 file.yaml|json> [--id <案例 caseId>]
                 [--outputs <名称,名称,…> | --all] [--explain] [--json]

对一个案例求值并显示输出（中文名、数值、依据）。默认只显示案例 expected 中的输出（逐项标出
✓/✗）以及触发的检查和错误；案例没有 expected 时显示全部可算出的输出。
案例文件可以是案例集（cases: 列表，用 --id 选一个；不给 --id 时运行全部）或单个案例
（as_of、input、parameters …）。
Evaluates a case and prints outputs (name, value, citation). By default only the outputs the
case expects (each marked ✓/✗), plus the checks that fired and errors; a case without
expectations shows every output it computes. The file is a suite (cases: list; pick one with
--id, or all) or a single case (as_of, input, parameters …).

选项 / Options:
  --case <file>   案例文件 / case file (required)
  --id <caseId>   案例集中的案例 / the case of the suite
  --outputs <a,b> 只计算并显示这些输出（逗号分隔），只比较它们的预期
                  / compute and show only these outputs (comma-separated); only their expectations are compared
  --all           显示全部输出及全部不可用输出 / show every output and every unavailable one
  --explain       显示所显示输出的推导树：规则 → 参数（取值日期、版本起始）、表、输入、舍入、依据
                  / explanation tree of the shown outputs: rule → params (date taken, version from), tables, inputs, rounding, citations
  --html          打印计算单：独立 HTML（内联样式，可打印），含公式与代入数值
                  / print the calculation sheet: standalone, printable HTML with formulas and values
  --json          以 JSON 输出结果 / print the outcome as JSON
  --population <f> 对整个人群求值（NDJSON/CSV/Parquet），见 xize run --population --help
                  / evaluate a whole population file (NDJSON/CSV/Parquet); docs/populations.md
  --no-color      不使用颜色 / no colours
  -h, --help      显示帮助 / show this help

退出码 / Exit codes: 0 成功 ok · 1 政策错误、输入错误、计算错误或与预期不符 policy/input/evaluation errors or mismatch
                     · 2 用法错误 usage · 3 无法读取 unreadable`;

export function run(argv: string[]): number {
  if (argv.includes('--population')) return runPopulationCommand(argv); // populations: cli/commands/population.ts
  const a = parseArgs(argv, [
    { name: 'case', value: true },
    { name: 'id', value: true },
    { name: 'outputs', value: true },
    { name: 'all' },
    { name: 'explain' },
    { name: 'json' },
    { name: 'html' },
    { name: 'no-color' },
  ]);
  const html = bool(a, 'html');
  if (a.positionals.length !== 1) throw new UsageError('需要一个政策文件夹', 'expected one policy folder');
  const caseFile = str(a, 'case');
  if (caseFile === undefined) throw new UsageError('缺少 --case <案例文件>', 'missing --case <file>');
  const json = bool(a, 'json');
  const explain = bool(a, 'explain');
  const all = bool(a, 'all');
  const outputsArg = str(a, 'outputs');
  if (all && outputsArg !== undefined) throw new UsageError('--outputs 与 --all 不能同时使用', '--outputs and --all cannot be combined');
  const picked = outputsArg === undefined ? undefined : splitNames(outputsArg);

  const text = readText(resolve(caseFile));
  const suite = cachedCaseSuite(text, displayPath(resolve(caseFile)));
  const suiteErrors = suite.diagnostics.filter((d) => d.severity === 'error');
  if (suite.diagnostics.length > 0) {
    err(ownColours(renderDiagnostics(suite.diagnostics, [{ path: suite.file, text }], { color: colorEnabled() })));
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
  if (cf.result.diagnostics.length > 0 && (!json || cf.errors > 0)) err(renderFolderDiagnostics(cf));
  if (!cf.policy || !cf.result.ir) return 1;
  const policy = cf.policy;
  const ir = cf.result.ir;
  const known = policy.outputs.map((o) => o.name);
  const knownSet = new Set(known);
  if (picked) checkOutputNames(picked, known);

  let failed = false;
  const records: unknown[] = [];
  for (const k of cases) {
    const sel = selection(k, picked, all, ir, knownSet);
    const options: Parameters<typeof policy.evaluate>[1] = { asOf: k.asOf, explain: explain || html };
    if (k.parameters !== undefined) options.parameters = k.parameters;
    if (sel.compute !== undefined) options.outputs = sel.compute;
    const outcome = policy.evaluate(k.input, options);
    // with --outputs, only the expectations of the picked outputs are compared
    const kc: GoldenCase = picked ? { ...k, expected: Object.fromEntries(Object.entries(k.expected).filter(([n]) => picked.includes(n))) } : k;
    const stated = Object.keys(kc.expected).length > 0 || kc.expectedChecks !== undefined || kc.expectedErrors !== undefined;
    const result = stated ? compareOutcome(kc, outcome, ir) : undefined;
    const good = result ? result.pass : outcome.ok;
    if (!good) failed = true;
    if (html) {
      const sheet = { ir, outcome, input: k.input, caseId: k.id, ...(k.title ? { caseTitle: k.title } : {}), ...(k.cite ? { caseCite: k.cite } : {}), ...(result ? { result } : {}) };
      records.push(renderCalcSheet(sel.show ? { ...sheet, outputs: sel.show } : sheet));
      continue;
    }
    if (json) {
      records.push({ id: k.id, ...(k.title ? { title: k.title } : {}), outcome, ...(result ? { result } : {}) });
      continue;
    }
    const title = ir.title ?? ir.name;
    out(`${c.bold(line(title))}  ${c.gray(`政策 policy ${line(ir.name)} · 基准日 as of ${k.asOf}`)}\n`);
    out(`${c.bold(`案例 case ${line(k.id)}`)}${k.title ? ` — ${line(k.title)}` : ''}${k.cite ? c.gray(`  〔${line(k.cite)}〕`) : ''}\n\n`);
    const show: ShowOptions = { allUnavailable: all };
    if (sel.show) show.show = sel.show;
    const note = hiddenNote(known.length, sel.show, outcome, all);
    if (note) show.note = note;
    out(`${formatOutcome(outcome, policy.outputs, result, show)}\n`);
    if (explain && outcome.trace) {
      const names = sel.show ?? (all ? known : Object.keys(outcome.outputs));
      out(`\n${c.bold('推导 / explanation')}\n${formatExplanation(outcome.trace, names, { ir, asOf: k.asOf, input: k.input })}\n`);
    }
    if (result) {
      const bad = result.fields.filter((f) => !f.pass).length;
      out(
        result.pass
          ? c.green(`\n与预期一致 / matches the expectations (${result.fields.length})\n`)
          : c.red(`\n${bad} 项与预期不符 / ${bad} expectation(s) not met\n`),
      );
    }
    if (cases.length > 1) out('\n');
  }
  if (html) out(records.join('\n'));
  else if (json) out(`${JSON.stringify(cases.length === 1 && id !== undefined ? records[0] : records, null, 2)}\n`);
  return failed ? 1 : 0;
}

/** `--outputs 甲,乙` (also ，、 and spaces as separators). */
function splitNames(arg: string): string[] {
  const names = [...new Set(arg.split(/[,，、\s]+/).map((x) => x.trim()).filter((x) => x !== ''))];
  if (names.length === 0) throw new UsageError('--outputs 需要至少一个输出名称', '--outputs needs at least one output name');
  return names;
}

/** Unknown output names are usage errors, with the closest output of the policy as a hint. */
function checkOutputNames(names: string[], known: string[]): void {
  const set = new Set(known);
  const unknown = names.filter((n) => !set.has(n));
  if (unknown.length === 0) return;
  const hints = unknown.map((n) => {
    const s = suggest(n, known) ?? known.find((k) => k.includes(n) || n.includes(k));
    return { n, s };
  });
  const zh = hints.map(({ n, s }) => `“${n}”${s ? `（是否想写“${s}”？）` : ''}`).join('、');
  const en = hints.map(({ n, s }) => `'${n}'${s ? ` (did you mean '${s}'?)` : ''}`).join(', ');
  throw new UsageError(
    `政策没有输出 ${zh}；可用 --all 列出全部 ${known.length} 项输出`,
    `the policy has no output ${en}; --all lists all ${known.length} outputs`,
  );
}

interface Selection {
  /** outputs to list, in order (undefined: every computed output) */
  show?: string[];
  /** EvaluateOptions.outputs (undefined: all) */
  compute?: string[];
}

/** --outputs: those; --all: everything; default: the expected outputs (computed like `xize test`
 * does: all of them when the case expects errors), or everything when the case expects none. */
function selection(k: GoldenCase, picked: string[] | undefined, all: boolean, ir: Parameters<typeof outputsFor>[1], known: Set<string>): Selection {
  if (picked) return { show: picked, compute: picked };
  if (all || Object.keys(k.expected).length === 0) return {};
  const compute = outputsFor(k, ir);
  const show = Object.keys(k.expected).filter((n) => known.has(n));
  return compute === undefined ? { show } : { show, compute };
}

/** The dim line under the outputs: how many outputs are not listed and how to see them. */
function hiddenNote(total: number, show: string[] | undefined, o: { outputs: object; unavailable: object }, all: boolean): string | undefined {
  if (all) return undefined;
  if (show) {
    const listed = new Set(show).size;
    const rest = total - listed;
    if (rest <= 0) return undefined;
    return `另有 ${rest} 项输出未显示（--all 显示全部，--outputs 名称,… 挑选）/ ${rest} more output(s) not shown (--all shows every output, --outputs name,… picks some)`;
  }
  const n = Object.keys(o.unavailable).length;
  if (n === 0) return undefined;
  return `另有 ${n} 项输出不可用（缺少可选输入），未列出（--all 列出）/ ${n} more output(s) unavailable (optional inputs missing), not listed (--all lists them)`;
}
