// xize diff <oldPolicyDir> <newPolicyDir> [--cases <file-or-dir>]… [--json]
import { err, out } from '../output.ts';
import { diffOutcomes, diffPolicies, parseCaseSuite, type DeclChange, type DiffDetail, type GoldenCase, type OutcomeDiff, type OutputState, type PolicyDiff } from '../../compiler/index.ts';
import { InputFileError, parseArgs, UsageError, bool } from '../args.ts';
import { c } from '../format.ts';
import { displayPath, findCaseFiles, readText } from '../io.ts';
import { compileFolder, renderFolderDiagnostics, type CompiledFolder } from '../policy.ts';
import { openPolicySource } from '../policySource.ts';
import { diffPopulationCommand, diffPopulationHelp } from './diffPopulation.ts';

export const diffHelp = `用法 / Usage: xize diff <旧政策文件夹 oldPolicyDir> <新政策文件夹 newPolicyDir> [--cases <文件或文件夹 file-or-dir>]… [--json]

比较同一政策的两个版本：哪些参数、表、分档、规则、检查、输入、枚举、记录被新增、删除或修改，
每项修改自哪一日起生效、依据哪一条文；再用黄金案例在两个版本下分别求值，列出结果变化的案例。
比较的是查询实际看到的“生效值”，覆盖在省与市之间移动而数值不变不算修改。
Compares two versions of a policy: which params, tables, bands, rules, checks, inputs, enums and
records were added, removed or changed, since when each change takes effect and its citation;
then evaluates golden cases under both and lists the cases whose outcomes move. Effective values
are compared (what a lookup sees), so an override moved between layers with equal values is no
change. Either side may be a git revision: git:REV:path (e.g. git:HEAD~3:provinces/zhejiang).

选项 / Options:
  --cases <path>  案例文件或文件夹（可重复；默认：新政策文件夹中的 *.cases.yaml）
                  case file or folder (repeatable; default: the *.cases.yaml of the new policy folder)
  --json          以 JSON 输出 / print the diff as JSON
  --no-color      不使用颜色 / no colours
  -h, --help      显示帮助 / show this help

${diffPopulationHelp}

退出码 / Exit codes: 0 相同 identical · 1 有差异 differences · 2 用法错误 usage
                     · 3 无法读取或政策有错误 unreadable / policy errors`;

const KIND_ZH: Record<string, string> = {
  policy: '政策头 / policy header', enum: '枚举 / enums', record: '记录 / records', input: '输入 / inputs', param: '参数 / parameters',
  table: '表 / tables', bands: '分档 / bands', rule: '规则 / rules', check: '检查 / checks',
};
const STATUS: Record<string, string> = { added: '新增 added', removed: '删除 removed', changed: '修改 changed' };
const WHAT_ZH: Record<string, string> = {
  value: '值 value', cite: '依据 citation', type: '类型 type', rounding: '舍入 rounding', required: '必填 required', range: '范围 range', params: '参数 parameters',
  doc: '说明 doc', exception: '例外 exception', severity: '级别 severity', condition: '条件 condition', message: '提示 message',
  members: '成员 members', field: '字段 field', optional: '可选 optional', title: '标题 title', effective: '生效 effective',
  abstract: '抽象 abstract', holiday: '节假日 holiday', workday: '调休工作日 workday',
};

function dateText(d: string | null | undefined): string {
  return d === null ? '始终 / always' : (d ?? '');
}

function cases(paths: string[], explicit: boolean, names: string[]): GoldenCase[] {
  let files: string[];
  try {
    files = findCaseFiles(paths);
  } catch (e) {
    if (!explicit && e instanceof InputFileError) return [];
    throw e;
  }
  if (explicit && files.length === 0) throw new UsageError(`在 ${paths.join('、')} 下没有找到 *.cases.yaml`, `no *.cases.yaml found under ${paths.join(', ')}`);
  const out: GoldenCase[] = [];
  for (const f of files) {
    const suite = parseCaseSuite(readText(f), displayPath(f));
    if (suite.policy !== undefined && !names.includes(suite.policy)) continue; // a suite of another policy
    out.push(...suite.cases);
  }
  return out;
}

function compiled(dir: string): CompiledFolder & Required<Pick<CompiledFolder, 'policy'>> {
  const cf = compileFolder(dir);
  if (!cf.policy || !cf.result.ir) {
    err(renderFolderDiagnostics(cf));
    throw new InputFileError(`政策 ${displayPath(cf.dir)} 有 ${cf.errors} 个错误，无法比较`, `policy ${displayPath(cf.dir)} has ${cf.errors} error(s); cannot compare`);
  }
  return cf as CompiledFolder & Required<Pick<CompiledFolder, 'policy'>>;
}

export function diff(argv: string[]): number {
  // --cases is repeatable: take every occurrence before the ordinary parse
  const casePaths: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--cases') {
      const v = argv[++i];
      if (v === undefined || v === '') throw new UsageError('选项 --cases 需要一个值', 'option --cases needs a value');
      casePaths.push(v);
    } else if (a.startsWith('--cases=')) {
      const v = a.slice('--cases='.length);
      if (v === '') throw new UsageError('选项 --cases 需要一个值', 'option --cases needs a value');
      casePaths.push(v);
    } else rest.push(a);
  }
  if (rest.some((x) => x === '--population' || x.startsWith('--population='))) return diffPopulationCommand(rest, casePaths, cases);
  const a = parseArgs(rest, [{ name: 'json' }, { name: 'no-color' }]);
  if (a.positionals.length !== 2) throw new UsageError('需要两个政策文件夹（旧、新）', 'expected two policy folders (old, new)');
  const oldSrc = openPolicySource(a.positionals[0]!);
  try {
    const newSrc = openPolicySource(a.positionals[1]!);
    try {
      return policyDiff(a, oldSrc, newSrc, casePaths);
    } finally {
      newSrc.dispose();
    }
  } finally {
    oldSrc.dispose();
  }
}

function policyDiff(a: ReturnType<typeof parseArgs>, oldSrc: ReturnType<typeof openPolicySource>, newSrc: ReturnType<typeof openPolicySource>, casePaths: string[]): number {
  const oldCf = compiled(oldSrc.dir);
  const newCf = compiled(newSrc.dir);
  const label = (s: typeof oldSrc, cf: CompiledFolder) => (s.commit ? s.label : displayPath(cf.dir));
  const oldIr = oldCf.result.ir!;
  const newIr = newCf.result.ir!;
  const pd = diffPolicies(oldIr, newIr);
  const ks = cases(casePaths.length > 0 ? casePaths : [newCf.dir], casePaths.length > 0, [oldIr.name, newIr.name]);
  const od = diffOutcomes(oldCf.policy, oldIr, newCf.policy, newIr, ks);
  const differ = pd.changes.length > 0 || od.moved.length > 0;
  if (bool(a, 'json')) {
    out(`${JSON.stringify({ identical: !differ, old: { dir: label(oldSrc, oldCf), ...pd.old }, new: { dir: label(newSrc, newCf), ...pd.new }, changes: pd.changes, outcomes: od }, null, 2)}\n`);
  } else {
    out(renderDiff(pd, od, label(oldSrc, oldCf), label(newSrc, newCf)));
  }
  return differ ? 1 : 0;
}

function detailLine(d: DiffDetail, declCite?: string): string[] {
  const when = d.from !== undefined ? `${c.cyan(`自 ${dateText(d.from)}`)}${d.until ? c.gray(` 至 ${d.until}（不含）/ until ${d.until}`) : ''} ` : '';
  const key = d.key !== undefined && d.what !== 'exception' ? `［${d.key}］` : '';
  const lines: string[] = [];
  if (d.what === 'exception') {
    lines.push(`${d.new !== null ? c.green('+ 例外 exception') : c.red('- 例外 exception')}: 当 ${d.key} 则 ${d.new ?? d.old}`);
    const cite = d.newCite ?? d.oldCite;
    if (cite) lines.push(c.gray(`  依据 / cite: ${cite}`));
    return lines;
  }
  const label = d.what === 'value' ? '' : `${WHAT_ZH[d.what] ?? d.what}: `;
  lines.push(`${when}${key}${label}${d.old === null ? c.gray('（无）/ (none)') : c.red(d.old)} → ${d.new === null ? c.gray('（无）/ (none)') : c.green(d.new)}`);
  if ((d.oldCite !== undefined || d.newCite !== undefined) && !(d.oldCite === d.newCite && d.newCite === declCite)) {
    lines.push(c.gray(d.oldCite === d.newCite || d.oldCite === undefined ? `  依据 / cite: ${d.newCite}` : d.newCite === undefined ? `  原依据 / old cite: ${d.oldCite}` : `  依据 / cite: ${d.oldCite} → ${d.newCite}`));
  }
  return lines;
}

function changeBlock(ch: DeclChange): string[] {
  const since = ch.since !== undefined ? c.cyan(`  自 ${dateText(ch.since)} 起 / since ${ch.since ?? 'always'}`) : '';
  const lines = [`  ${ch.status === 'added' ? c.green('+') : ch.status === 'removed' ? c.red('-') : c.yellow('~')} ${c.bold(ch.name)}  ${c.gray(STATUS[ch.status] ?? ch.status)}${since}`];
  if (ch.cite) lines.push(`      ${c.gray(`依据 / cite: ${ch.cite}`)}`);
  for (const d of ch.details) for (const l of detailLine(d, ch.cite)) lines.push(`      ${l}`);
  return lines;
}

function stateText(s: OutputState): string {
  switch (s.state) {
    case 'value':
      return s.display ?? (typeof s.value === 'string' ? s.value : JSON.stringify(s.value));
    case 'unavailable':
      return `不可用（缺少 ${s.missing.join('、')}）/ unavailable`;
    case 'error':
      return `错误 ${s.code} / error`;
    case 'absent':
      return '（无）/ (none)';
  }
}

export function renderDiff(pd: PolicyDiff, od: OutcomeDiff, oldDir: string, newDir: string): string {
  const out: string[] = [c.bold(`政策差异 / policy diff: ${oldDir} (${pd.old.name}) → ${newDir} (${pd.new.name})`), ''];
  if (pd.changes.length === 0) out.push('声明无变化 / no declaration changes', '');
  for (const kind of Object.keys(KIND_ZH)) {
    const group = pd.changes.filter((x) => x.kind === kind);
    if (group.length === 0) continue;
    out.push(c.bold(`${KIND_ZH[kind]}（${group.length}）`));
    for (const ch of group) out.push(...changeBlock(ch));
    out.push('');
  }
  out.push(c.bold(`受影响的案例 / cases whose outcomes move: ${od.moved.length} / ${od.cases}`));
  for (const m of od.moved) {
    out.push(`  ${c.bold(m.id)}${m.title ? ` — ${m.title}` : ''}  ${c.gray(`${m.file}:${m.line}`)}`);
    for (const o of m.outputs) {
      out.push(`      ${o.name}${o.expected ? c.gray('（预期值 expected）') : ''}${o.expectation && o.expectation.old && !o.expectation.new ? c.red(' 黄金预期现不符 golden expectation now fails') : ''}: ${c.red(stateText(o.old))} → ${c.green(stateText(o.new))}`);
    }
    for (const x of m.checks.added) out.push(`      ${c.green('+ 检查触发 check fires')}: ${x}`);
    for (const x of m.checks.removed) out.push(`      ${c.red('- 检查不再触发 check no longer fires')}: ${x}`);
    for (const x of m.inputErrors.added) out.push(`      ${c.red('+ 输入错误 input error')}: ${x}`);
    for (const x of m.inputErrors.removed) out.push(`      ${c.green('- 输入错误消失 input error gone')}: ${x}`);
  }
  out.push('');
  const n = pd.changes.length;
  out.push(n === 0 && od.moved.length === 0 ? '两个政策相同 / the policies are identical' : `${n} 项声明变化，${od.moved.length} 个案例结果变化 / ${n} declaration change(s), ${od.moved.length} case(s) move`);
  return `${out.join('\n')}\n`;
}
