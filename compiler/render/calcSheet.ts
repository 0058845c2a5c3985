// The printable calculation sheet (计算单) of one case: a standalone HTML page (inline CSS, no
// external asset, no script) with the case, each asked-for output with its value and expected
// value, and the computation of every rule leading to them (formula, values, result, branch
// taken, layer, article). Chinese first, English alongside. `xize run --explain --html` and the
// playground's 打印计算单 button both render it. No Node API.
import type { IrPolicy } from '../ir.ts';
import type { Outcome } from '../../runtime/outcome.ts';
import type { CaseResult } from '../cases/types.ts';
import { conditionsLine, explainRule, formulaLine, rulesLeadingTo } from '../explain.ts';

export interface CalcSheetInput {
  ir: IrPolicy;
  outcome: Outcome;
  /** the outputs the case asks for, in order (default: every computed output) */
  outputs?: string[];
  caseId?: string;
  caseTitle?: string;
  caseCite?: string;
  input?: Record<string, unknown>;
  result?: CaseResult;
}

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const SHEET_CSS = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:960px;color:#111;line-height:1.5;font-size:14px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:20px 0 6px;border-bottom:1px solid #999}
.meta{color:#444}.en{color:#666;font-size:12px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.ok{color:#176b2c}.bad{color:#b00020}
.rule{border:1px solid #ccc;padding:6px 8px;margin:6px 0;break-inside:avoid}
.rule .f{font-family:"Noto Sans Mono CJK SC",monospace;white-space:pre-wrap;word-break:break-word}
.rule .c{color:#7a4b00}.rule .src{color:#555;font-size:12px}
@media print{body{margin:0;max-width:none}a{color:inherit}}
`;

/** The whole calculation sheet as one HTML document. */
export function renderCalcSheet(x: CalcSheetInput): string {
  const o = x.outcome;
  const names = (x.outputs ?? Object.keys(o.outputs)).filter((n) => o.outputs[n] !== undefined || o.unavailable[n] !== undefined);
  const fields = new Map((x.result?.fields ?? []).filter((f) => f.kind === 'output').map((f) => [f.name, f]));
  const rows = names.map((n) => {
    const v = o.outputs[n];
    const f = fields.get(n);
    const mark = f ? (f.pass ? '<span class="ok">✓ 一致 / matches</span>' : '<span class="bad">✗ 不一致 / differs</span>') : '';
    const value = v ? v.display : `不可用 / unavailable（缺少 ${o.unavailable[n]!.missing.join('、')}）`;
    return `<tr><th>${esc(n)}</th><td class="num">${esc(value)}</td><td class="num">${f ? esc(f.expected) : ''}</td><td>${mark}</td></tr>`;
  });
  const rules = o.trace ? rulesLeadingTo(o.trace, names) : [];
  const steps = rules.map((n) => {
    const e = explainRule(x.ir, n, o.asOf, x.input);
    if (!e) return '';
    const cond = e.conditions.length ? `<div class="c">分支 / branch：${esc(conditionsLine(e))}</div>` : '';
    const src = [e.layer ? `层 / layer：${esc(e.layer)}${e.from ? ` 自 ${esc(e.from)}` : ''}` : '', e.cite ? `依据 / article：〔${esc(e.cite)}〕` : '', e.rounding ? `舍入 / rounding：${esc(e.rounding)}` : '']
      .filter(Boolean)
      .join(' · ');
    return `<div class="rule"><b>${esc(n.name)}</b> = ${esc(e.result)}${cond}<div class="f">${esc(formulaLine(e))}</div><div class="src">${src}</div></div>`;
  });
  // only the errors that touch the asked-for outputs (or the whole case)
  const asked = new Set(names);
  const errors = o.errors.filter((e) => !x.outputs || !e.rule || (e.affects ?? [e.rule]).some((n) => asked.has(n))).map((e) => `<li>${esc(e.code)} ${esc(e.message.zh)} <span class="en">${esc(e.message.en)}</span></li>`);
  const checks = o.checks.map((k) => `<li>${k.severity === 'error' ? '错误 error' : '警告 warning'} ${esc(k.name)}：${esc(k.message)}${k.cite ? ` 〔${esc(k.cite)}〕` : ''}</li>`);
  const title = x.ir.title ?? x.ir.name;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>计算单 ${esc(x.caseId ?? '')} — ${esc(title)}</title><style>${SHEET_CSS}</style></head>
<body>
<h1>计算单 <span class="en">Calculation sheet</span></h1>
<div class="meta">${esc(title)} · 政策 policy ${esc(x.ir.name)} · 基准日 as of ${esc(o.asOf)}</div>
${x.caseId ? `<div class="meta">案例 case ${esc(x.caseId)}${x.caseTitle ? ` — ${esc(x.caseTitle)}` : ''}${x.caseCite ? ` 〔${esc(x.caseCite)}〕` : ''}</div>` : ''}
<h2>结果 <span class="en">Results</span></h2>
<table><thead><tr><th>输出 output</th><th>计算值 value</th><th>预期 expected</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>
${checks.length ? `<h2>检查 <span class="en">Checks</span></h2><ul>${checks.join('')}</ul>` : ''}
${errors.length ? `<h2>计算错误 <span class="en">Evaluation errors</span></h2><ul>${errors.join('')}</ul>` : ''}
<h2>计算过程 <span class="en">How each figure is computed</span></h2>
<p class="en">公式 = 代入数值 = 结果 / formula = with values = result</p>
${steps.join('\n')}
</body></html>
`;
}
