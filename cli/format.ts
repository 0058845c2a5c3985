// Terminal output of the CLI: colours (off when not a TTY or NO_COLOR is set), outcomes and the
// explanation tree. Chinese first, then English.
import type { EvaluationError, Outcome, OutputInfo, OutputValue } from '../runtime/outcome.ts';
import type { TraceNode } from '../runtime/trace.ts';
import type { CaseResult } from '../compiler/cases.ts';
import type { IrPolicy } from '../compiler/ir.ts';
import { conditionsLine, explainRule, formulaLine } from '../compiler/explain.ts';
import { formatValue } from '../runtime/format.ts';
import { escapeControls as t, oneLine } from '../compiler/render/escape.ts';

/** What the explanation needs to print formulas and typed input values. */
export interface ExplainContext {
  ir: IrPolicy;
  asOf: string;
  input?: Record<string, unknown>;
}

let colorOn = false;

export function setColor(on: boolean): void {
  colorOn = on;
}

/** Whether colours are on (set once by main from the terminal and --no-color / NO_COLOR). */
export function colorEnabled(): boolean {
  return colorOn;
}

export function colorDefault(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

/** Marks a colour code as this CLI's own (a Unicode noncharacter, reserved for internal use):
 * the writer (output.ts) keeps a marked SGR code and escapes every other escape sequence, so a
 * colour code hidden in a policy string or a case id is shown, never obeyed. */
export const OWN = '\ufdd0';
const code = (open: number, close: number) => (s: string) => (colorOn ? `${OWN}\x1b[${open}m${s}${OWN}\x1b[${close}m` : s);

/** Text from a renderer whose every escape sequence is a colour it added itself — the
 * diagnostics renderer (compiler/render/terminal.ts), which escapes all the text it quotes. */
export function ownColours(s: string): string {
  return s.replace(/\x1b\[[0-9;]*m/g, (m) => OWN + m);
}
export const c = {
  bold: code(1, 22),
  dim: code(2, 22),
  red: code(31, 39),
  green: code(32, 39),
  yellow: code(33, 39),
  blue: code(34, 39),
  cyan: code(36, 39),
  gray: code(90, 39),
};

export const OK = () => c.green('✓');
export const BAD = () => c.red('✗');

const MODE_ZH: Record<string, string> = { half_up: '四舍五入', half_even: '银行家舍入', floor: '向下取整', ceil: '向上取整' };
const UNIT_ZH: Record<string, string> = { fen: '分', jiao: '角', yuan: '元' };

function jsonText(v: unknown): string {
  if (v === undefined) return '—';
  if (typeof v === 'string') return t(v);
  return t(JSON.stringify(v));
}

export function errorLine(e: EvaluationError): string {
  const where = e.rule ? `［${e.rule}］` : '';
  const lines = [`${c.red(e.code)}${t(where)} ${t(e.message.zh)}`, `      ${t(e.message.en)}`];
  if (e.hint) lines.push(`      ${c.gray(`提示 / hint: ${t(e.hint.zh)} / ${t(e.hint.en)}`)}`);
  if (e.cite) lines.push(`      ${c.gray(`依据: ${t(e.cite)}`)}`);
  if (e.affects && e.affects.length > 0 && !(e.affects.length === 1 && e.affects[0] === e.rule)) {
    lines.push(`      ${c.gray(`影响输出 / affects: ${t(e.affects.join('、'))}`)}`);
  }
  return lines.join('\n');
}

/** Which outputs `formatOutcome` lists. */
export interface ShowOptions {
  /** The outputs to list, in this order (default: every computed output, in policy order). */
  show?: string[];
  /** List every unavailable output (`--all`); otherwise only the unavailable ones of `show`. */
  allUnavailable?: boolean;
  /** A dim line after the outputs (how many are not listed and how to see them). */
  note?: string;
}

/** Pretty outcome: each output with its name, value and citation, then unavailable outputs,
 * checks and errors. `result` marks each output ✓/✗ when the case states it. */
export function formatOutcome(o: Outcome, outputs: OutputInfo[], result?: CaseResult, opts: ShowOptions = {}): string {
  const lines: string[] = [];
  const info = new Map(outputs.map((x) => [x.name, x]));
  const fieldOf = new Map((result?.fields ?? []).filter((f) => f.kind === 'output').map((f) => [f.name, f]));
  if (o.inputErrors.length > 0) {
    lines.push(c.bold(c.red('输入错误 / input errors')));
    for (const e of o.inputErrors) {
      lines.push(`  ${c.red(e.code)} ${oneLine(e.path || '（根）')}: ${t(e.message.zh)}`);
      lines.push(`        ${t(e.message.en)}`);
      if (e.hint) lines.push(`        ${c.gray(`提示 / hint: ${t(e.hint.zh)} / ${t(e.hint.en)}`)}`);
    }
  }
  const names = opts.show ? opts.show.filter((n) => o.outputs[n] !== undefined) : Object.keys(o.outputs);
  if (names.length > 0) {
    lines.push(c.bold('输出 / outputs'));
    const width = Math.max(...names.map((n) => displayWidth(n)));
    for (const n of names) {
      const v = o.outputs[n] as OutputValue;
      const f = fieldOf.get(n);
      const mark = f ? (f.pass ? `${OK()} ` : `${BAD()} `) : '  ';
      const cite = info.get(n)?.cite;
      lines.push(`${mark}${n}${' '.repeat(width - displayWidth(n))}  ${c.bold(t(v.display))}${cite ? c.gray(`  〔${t(cite)}〕`) : ''}`);
      if (f && !f.pass) lines.push(`    ${c.red(`预期 / expected: ${t(f.expected)}`)}`);
    }
  }
  const unavailable = opts.allUnavailable
    ? Object.entries(o.unavailable)
    : opts.show
      ? opts.show.filter((n) => o.unavailable[n] !== undefined).map((n) => [n, o.unavailable[n]!] as const)
      : [];
  const listedUnavailable = new Set(unavailable.map(([n]) => n));
  if (unavailable.length > 0) {
    lines.push(c.bold('不可用（缺少可选输入）/ unavailable (optional inputs missing)'));
    for (const [n, u] of unavailable) {
      const f = fieldOf.get(n);
      const mark = f ? (f.pass ? `${OK()} ` : `${BAD()} `) : '  ';
      lines.push(`${mark}${n}  ${c.gray(`缺少 / missing: ${u.missing.join('、')}`)}`);
      if (f && !f.pass) lines.push(`    ${c.red(`预期 / expected: ${t(f.expected)}`)}`);
    }
  }
  if (opts.note) lines.push(c.dim(opts.note));
  if (o.checks.length > 0) {
    lines.push(c.bold('检查 / checks'));
    for (const k of o.checks) {
      const sev = k.severity === 'error' ? c.red('错误 error') : c.yellow('警告 warning');
      lines.push(`  ${sev} ${k.name}: ${t(k.message)}${k.cite ? c.gray(`  〔${t(k.cite)}〕`) : ''}`);
    }
  }
  if (o.errors.length > 0) {
    lines.push(c.bold(c.red('计算错误 / evaluation errors')));
    for (const e of o.errors) lines.push(`  ${errorLine(e)}`);
  }
  for (const f of result?.fields ?? []) {
    if (f.kind === 'output') {
      if (!f.pass && !o.outputs[f.name] && !listedUnavailable.has(f.name)) {
        lines.push(`${BAD()} ${f.name}: ${c.red(`预期 / expected ${t(f.expected)}`)}，实际 / actual ${t(f.actual)}`);
      }
    } else if (f.kind !== 'outcome') {
      lines.push(`${f.pass ? OK() : BAD()} ${f.name}: 预期 / expected ${t(f.expected)}，实际 / actual ${t(f.actual)}`);
    }
  }
  return lines.join('\n');
}

/** Terminal columns of a string (CJK counts two). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd)
      ? 2
      : 1;
  }
  return w;
}

/** One line of the explanation tree; `brief` drops the citation and version of a rule (used for
 * a rule whose subtree was printed above). */
function traceLabel(n: TraceNode, brief = false, cx?: ExplainContext): string {
  switch (n.kind) {
    case 'rule': {
      const args = n.args ? `(${n.args.map(jsonText).join(', ')})` : '';
      const value = n.failed === 'missing' ? c.yellow('不可用 / unavailable') : n.failed === 'error' ? c.red('错误 / error') : c.bold(n.display !== undefined ? t(n.display) : jsonText(n.value));
      if (brief) return `${c.cyan('规则')} ${n.name}${args} = ${value}`;
      const extra: string[] = [];
      if (n.version !== undefined) extra.push(`版本起始 / from ${n.version ?? '—'}`);
      if (n.exception) extra.push(`适用例外 / exception${n.exception.cite ? ` 〔${t(n.exception.cite)}〕` : ''}（${n.exception.policy}）`);
      const layer = n.exception?.policy ?? n.policy;
      if (layer) extra.push(`层 / layer ${layer}`);
      return `${c.cyan('规则')} ${n.name}${args} = ${value}${n.cite ? c.gray(`  〔${t(n.cite)}〕`) : ''}${extra.length ? c.gray(`  ${extra.join(' · ')}`) : ''}`;
    }
    case 'param':
      return `${c.blue('参数')} ${n.name} = ${c.bold(n.display !== undefined ? t(n.display) : jsonText(n.value))}  ${c.gray(`取值日期 ${n.at} · 版本起始 ${n.from ?? '—'} · ${n.overridden ? '案例覆盖 / case override' : `层 ${n.policy}`}${n.cite ? ` 〔${t(n.cite)}〕` : ''}`)}`;
    case 'table':
    case 'bands':
      return `${c.blue(n.kind === 'table' ? '表' : '分档')} ${n.name}[${jsonText(n.key)}] = ${c.bold(n.display !== undefined ? t(n.display) : jsonText(n.value))}  ${c.gray(`取值日期 ${n.at} · 版本起始 ${n.from ?? '—'} · 层 ${n.policy}${n.cite ? ` 〔${t(n.cite)}〕` : ''}`)}`;
    case 'input':
      return n.missing
        ? `${c.green('输入')} ${oneLine(n.path)} ${c.yellow('（未提供 / not given）')}`
        : `${c.green('输入')} ${oneLine(n.path)} = ${cx ? t(formatValue(cx.ir.inputs.find((f) => f.name === n.path.split('.')[0])?.type, n.value)) : jsonText(n.value)}`;
    case 'rounding':
      return `${c.gray('舍入')} ${MODE_ZH[n.mode] ?? n.mode} 到 ${UNIT_ZH[n.unit] ?? n.unit}: ${n.before} → ${n.after}`;
  }
}

/** The explanation of one output as an indented tree (├─ └─). Rules are memoised, so the same
 * rule node can occur under several parents: a rule whose subtree was already printed — in this
 * tree or, when the caller passes the same `shown` set, in an earlier one — is printed as one
 * line referring to it (`（见上 / see above）`). */
export function formatTrace(root: TraceNode, shown: Set<TraceNode> = new Set(), cx?: ExplainContext): string {
  const lines: string[] = [];
  const walk = (n: TraceNode, prefix: string, last: boolean, top: boolean) => {
    const branch = top ? '' : last ? '└─ ' : '├─ ';
    const repeated = n.kind === 'rule' && shown.has(n) && n.children.length > 0;
    lines.push(`${prefix}${branch}${repeated ? `${traceLabel(n, true)}${c.gray('  （见上 / see above）')}` : traceLabel(n, false, cx)}`);
    if (n.kind !== 'rule' || repeated) return;
    shown.add(n);
    const next = top ? '' : prefix + (last ? '   ' : '│  ');
    const x = cx && !n.args?.length ? explainRule(cx.ir, n, cx.asOf, cx.input) : undefined;
    if (x) {
      const bar = n.children.length > 0 ? '│  ' : '   ';
      if (x.conditions.length > 0) lines.push(`${next}${bar}${c.yellow(`分支 / branch: ${t(conditionsLine(x))}`)}`);
      lines.push(`${next}${bar}${c.cyan(`算式 / formula: ${t(formulaLine(x))}`)}`);
    }
    n.children.forEach((ch, i) => walk(ch, next, i === n.children.length - 1, false));
  };
  walk(root, '', true, true);
  return lines.join('\n');
}

/** The explanation trees of the named outputs (in that order; default: every traced output),
 * a shared subtree printed once. Starts with a one-line legend. */
export function formatExplanation(trace: Record<string, TraceNode>, names: string[] = Object.keys(trace), cx?: ExplainContext): string {
  const shown = new Set<TraceNode>();
  const trees = names.filter((n) => trace[n] !== undefined).map((n) => formatTrace(trace[n]!, shown, cx));
  const legend = c.gray(
    '算式 = 公式 = 代入数值 = 结果 · 分支 = 所取分支及条件 · 取值日期 = 参数取值的日期 · 版本起始 = 所用版本的起始日期 · 层 = 决定该值的政策层 · 〔〕依据 · （见上）= 上文已展开\n' +
      'formula = formula = with values = result · branch = the branch taken and why · at = date the value was taken at · from = start of the version used · layer = the policy whose declaration decided the value · 〔〕 citation · (see above) = subtree shown above',
  );
  return [legend, ...trees].join('\n\n');
}
