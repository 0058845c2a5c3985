// xize diff <old> <new> --population <file> --as-of <date> … : what a change costs over every
// record of a population (cli/population/diffRun.ts), with the declaration diff and the golden
// cases that move. Reached from `xize diff` when --population is given.
import { err, out, progress } from '../output.ts';
import { readFileSync } from 'node:fs';
import { checkOutputFile, writeFileAtomic } from '../safeWrite.ts';
import { describePopulationError, readableFile } from './population.ts';
import { resolve } from 'node:path';
import { diffOutcomes, diffPolicies } from '../../compiler/index.ts';
import type { PopulationDiffReport } from '../../compiler/diff/population.ts';
import { amount, renderPopulationDiffHtml, sideLine, signed } from '../../compiler/render/populationDiff.ts';
import { InputFileError, parseArgs, str, bool, UsageError } from '../args.ts';
import { c } from '../format.ts';
import { displayPath } from '../io.ts';
import { compileFolder, renderFolderDiagnostics } from '../policy.ts';
import { openPolicySource, type PolicySource } from '../policySource.ts';
import type { GoldenCase } from '../../compiler/index.ts';
import { readParametersFile } from '../population/parametersFile.ts';

export const diffPopulationHelp = `用法 / Usage: xize diff <旧 old> <新 new> --population <文件 .ndjson|.csv|.parquet>
          (--as-of <日期> | --old-as-of <日期> --new-as-of <日期>)
          [--parameters <参数.json>] [--old-parameters <f>] [--new-parameters <f>]
          [--outputs a,b] [--id <列>] [--top <n>] [--cases <路径>]… [--json] [--html <报告.html>]
旧、新可以是政策文件夹，也可以是 git 版本 git:REV:path；同一政策在两个基准日比较时两边写同一文件夹。
两个版本在一次读取中对每条记录求值，按输出列出原合计、新合计、差额、受影响记录数、增加与减少最多的记录。
Old and new are policy folders or git revisions (git:REV:path); for one policy at two as-of dates
name the same folder twice. Both versions evaluate every record in one pass; per output: old sum,
new sum, difference, records affected, largest increases and decreases. docs/populations.md.`;


const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function diffPopulationCommand(argv: string[], casePaths: string[], loadCases: (paths: string[], explicit: boolean, names: string[]) => GoldenCase[]): number {
  const a = parseArgs(argv, [
    { name: 'population', value: true }, { name: 'as-of', value: true }, { name: 'old-as-of', value: true }, { name: 'new-as-of', value: true },
    { name: 'parameters', value: true }, { name: 'old-parameters', value: true }, { name: 'new-parameters', value: true },
    { name: 'outputs', value: true }, { name: 'id', value: true }, { name: 'top', value: true }, { name: 'html', value: true },
    { name: 'json' }, { name: 'no-color' },
  ]);
  if (a.positionals.length !== 2) throw new UsageError('需要两个政策（旧、新）', 'expected two policies (old, new)');
  const oldAsOf = str(a, 'old-as-of') ?? str(a, 'as-of');
  const newAsOf = str(a, 'new-as-of') ?? str(a, 'as-of');
  if (!oldAsOf || !newAsOf || !DATE.test(oldAsOf) || !DATE.test(newAsOf)) throw new UsageError('缺少 --as-of（或 --old-as-of 与 --new-as-of）<YYYY-MM-DD>', 'missing --as-of (or --old-as-of and --new-as-of) <YYYY-MM-DD>');
  const top = str(a, 'top') === undefined ? 10 : Number(str(a, 'top'));
  if (!Number.isInteger(top) || top < 0 || top > 1000) throw new UsageError('--top 应为 0 到 1000 的整数', '--top must be an integer from 0 to 1000');
  const shared = readParametersFile(str(a, 'parameters'));
  const oldParams = { ...shared, ...readParametersFile(str(a, 'old-parameters')) };
  const newParams = { ...shared, ...readParametersFile(str(a, 'new-parameters')) };
  const sources: PolicySource[] = [];
  const dispose = () => { for (const s of sources) s.dispose(); };
  try {
    sources.push(openPolicySource(a.positionals[0]!));
    sources.push(openPolicySource(a.positionals[1]!));
    const [oldSrc, newSrc] = sources as [PolicySource, PolicySource];
    const oldCf = compileFolder(oldSrc.dir);
    const newCf = compileFolder(newSrc.dir);
    for (const cf of [oldCf, newCf]) {
      if (!cf.policy || !cf.result.ir) {
        err(renderFolderDiagnostics(cf));
        throw new InputFileError(`政策 ${displayPath(cf.dir)} 有 ${cf.errors} 个错误，无法比较`, `policy ${displayPath(cf.dir)} has ${cf.errors} error(s); cannot compare`);
      }
    }
    const oldIr = oldCf.result.ir!;
    const newIr = newCf.result.ir!;
    const pd = diffPolicies(oldIr, newIr);
    // one policy at two dates: golden cases carry their own as-of, so none moves; they are skipped
    const samePolicy = pd.changes.length === 0 && oldAsOf !== newAsOf;
    const ks = samePolicy ? undefined : loadCases(casePaths.length > 0 ? casePaths : [newSrc.dir], casePaths.length > 0, [oldIr.name, newIr.name]);
    const od = ks ? diffOutcomes(oldCf.policy!, oldIr, newCf.policy!, newIr, ks) : undefined;
    if (od) for (const m of od.moved) m.file = m.file.startsWith('/') ? displayPath(m.file) : m.file;
    const popArg = str(a, 'population');
    if (popArg === undefined) throw new UsageError('缺少 --population <文件>', 'missing --population <file>');
    const file = resolve(popArg);
    readableFile(file);
    const outputs = str(a, 'outputs')?.split(',').map((s) => s.trim()).filter(Boolean);
    const json = bool(a, 'json');
    const htmlArg = str(a, 'html');
    const paramFiles = ['parameters', 'old-parameters', 'new-parameters'].map((n) => str(a, n)).filter((x): x is string => x !== undefined).map((x) => resolve(x));
    const htmlInputs = [file, ...paramFiles];
    // checked before the run: never a folder, a device, a policy source, a case file or an input
    const html = htmlArg === undefined ? undefined : checkOutputFile(htmlArg, { inputs: htmlInputs });
    const started = Date.now();
    let last = started; // the first progress line after a second, not on the first chunk
    import('../population/diffRun.ts').then(({ runPopulationDiff }) => runPopulationDiff({
      file, outputs, idColumn: str(a, 'id'), top,
      old: { ir: oldIr, asOf: oldAsOf, parameters: oldParams },
      new: { ir: newIr, asOf: newAsOf, parameters: newParams },
      progress: (n) => {
        if (!process.stderr.isTTY || Date.now() - last < 1000) return; // a progress line only on a terminal
        last = Date.now();
        progress(`已处理 ${n} 条 / ${n} records (${Math.round(n / ((Date.now() - started) / 1000))}/s)`);
      },
    })).then((result) => {
      if (last !== started) err('\n');
      const side = (s: PolicySource, ir: typeof oldIr, asOf: string) => ({ label: s.label, policy: ir.name, ...(ir.title ? { title: ir.title } : {}), asOf, ...(s.commit ? { commit: s.commit } : {}) });
      const report: PopulationDiffReport = {
        kind: 'xize-population-diff', version: 1,
        old: side(oldSrc, oldIr, oldAsOf), new: side(newSrc, newIr, newAsOf),
        population: { file: displayPath(file), records: result.records },
        parameters: { old: oldParams, new: newParams },
        result, changes: pd.changes, ...(od ? { cases: od } : {}),
      };
      if (html) writeFileAtomic(html, renderPopulationDiffHtml(report), { inputs: htmlInputs });
      out(json ? `${JSON.stringify(report, null, 2)}\n` : renderPopulationDiffText(report));
      const moved = result.outputs.some((o) => o.affected > 0) || pd.changes.length > 0 || (od?.moved.length ?? 0) > 0;
      process.exitCode = moved ? 1 : 0;
    }).catch((e: unknown) => {
      const known = e instanceof Error && e.constructor.name === 'PopulationError';
      if (known) {
        err(`错误 / error: ${(e as Error).message}\n`);
        process.exitCode = 3;
        return;
      }
      const { text, exit } = describePopulationError(e);
      err(text);
      process.exitCode = exit;
    }).finally(dispose);
  } catch (e) {
    dispose();
    throw e;
  }
  return 0; // the exit code is set when the run finishes (main() is synchronous)
}

export function renderPopulationDiffText(r: PopulationDiffReport): string {
  const res = r.result;
  const out = [c.bold('人群差异 / population diff'), `  原 old: ${sideLine(r.old)}`, `  新 new: ${sideLine(r.new)}`,
    `  人群 population: ${r.population.file} · ${r.population.records} 条 records · 用时 ${res.seconds.toFixed(2)} s`];
  const rej = (xs: { code: string; count: number }[]) => (xs.length ? xs.map((x) => `${x.code} × ${x.count}`).join(', ') : '0');
  out.push(`  被拒 rejected: 原 old ${rej(res.rejected.old)} · 新 new ${rej(res.rejected.new)}`, '');
  const still = res.outputs.filter((o) => o.affected === 0);
  for (const o of res.outputs.filter((x) => x.affected > 0)) {
    const d = o.difference.startsWith('-') ? c.red(signed(o.type, o.difference)) : o.affected ? c.green(signed(o.type, o.difference)) : signed(o.type, o.difference);
    out.push(`${c.bold(o.name)}  ${amount(o.type, o.oldSum)} → ${amount(o.type, o.newSum)}  差额 difference ${d}`);
    out.push(c.gray(`  受影响 affected ${o.affected}（增 up ${o.increased}，减 down ${o.decreased}，新有值 appeared ${o.appeared}，不再有值 vanished ${o.vanished}）`));
    for (const [label, ms] of [['增加最多 largest increases', o.largestIncreases], ['减少最多 largest decreases', o.largestDecreases]] as const) {
      if (ms.length === 0) continue;
      out.push(`  ${label}:`);
      for (const m of ms) out.push(`    ${m.id}  ${amount(o.type, m.old)} → ${amount(o.type, m.new)}  (${signed(o.type, m.difference)})`);
    }
  }
  if (still.length) out.push(c.gray(`无变化的输出 unchanged outputs (${still.length}): ${still.map((o) => o.name).join('、')}`));
  out.push('', `声明变化 declaration changes: ${r.changes.length}`);
  for (const ch of r.changes) out.push(`  ${ch.status === 'added' ? '+' : ch.status === 'removed' ? '-' : '~'} ${ch.name}${ch.since !== undefined ? c.gray(`  自 since ${ch.since ?? 'always'}`) : ''}`);
  if (r.cases === undefined) out.push('黄金案例 golden cases: 同一政策、不同基准日，不重新求值 / one policy at two dates: not re-evaluated');
  else {
    out.push(`黄金案例 golden cases whose outcomes move: ${r.cases.moved.length} / ${r.cases.cases}`);
    for (const m of r.cases.moved) {
      const fails = m.outputs.filter((o) => o.expectation && !o.expectation.new).map((o) => o.name);
      out.push(`  ${m.id}  ${c.gray(`${m.file}:${m.line}`)}${fails.length ? c.red(`  预期不符 expectation fails: ${fails.join('、')}`) : ''}`);
    }
  }
  return `${out.join('\n')}\n`;
}
