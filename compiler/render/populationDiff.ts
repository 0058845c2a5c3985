// The population diff report as one standalone HTML page an auditor can file: inline CSS (the
// calculation sheet's), no script, no external asset; Chinese first, English alongside; money as
// 元 with thousands separators (runtime/format.ts). Also the value formatting the terminal report
// shares. No Node API.
import type { PopulationDiffReport, OutputDiff, RecordMove } from '../diff/population.ts';
import type { DeclChange } from '../diff/types.ts';
import { formatValue } from '../../runtime/format.ts';
import { esc, SHEET_CSS } from './calcSheet.ts';

/** A value of an output by its type (`1,234.50元`); null is 无. */
export function amount(type: OutputDiff['type'], v: string | null): string {
  return v === null ? '（无）' : formatValue({ kind: type }, v);
}

/** A signed difference: `+1,234.50元`, `-20.00元`, `0.00元`. */
export function signed(type: OutputDiff['type'], v: string): string {
  const s = amount(type, v);
  return v.startsWith('-') || /^0(\.0*)?$/.test(v) ? s : `+${s}`;
}

export function sideLine(s: PopulationDiffReport['old']): string {
  return `${s.label}${s.commit ? `（${s.commit.slice(0, 12)}）` : ''} · 政策 ${s.policy} · 基准日 as of ${s.asOf}`;
}

const STATUS: Record<DeclChange['status'], string> = { added: '新增 added', removed: '删除 removed', changed: '修改 changed' };

function movesTable(o: OutputDiff, moves: RecordMove[], caption: string): string {
  if (moves.length === 0) return '';
  const rows = moves.map((m) => `<tr><td>${esc(m.id)}</td><td class="num">${esc(amount(o.type, m.old))}</td><td class="num">${esc(amount(o.type, m.new))}</td><td class="num">${esc(signed(o.type, m.difference))}</td></tr>`);
  return `<h3>${caption}</h3><table><thead><tr><th>记录 record</th><th>原值 old</th><th>新值 new</th><th>差额 difference</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function renderPopulationDiffHtml(r: PopulationDiffReport): string {
  const res = r.result;
  const summary = [...res.outputs].sort((x, y) => Number(y.affected > 0) - Number(x.affected > 0)).map((o) => `<tr><th>${esc(o.name)}</th><td class="num">${esc(amount(o.type, o.oldSum))}</td><td class="num">${esc(amount(o.type, o.newSum))}</td><td class="num">${esc(signed(o.type, o.difference))}</td><td class="num">${o.affected}</td><td class="num">${o.increased} / ${o.decreased}</td><td class="num">${o.appeared} / ${o.vanished}</td></tr>`);
  const detail = res.outputs.filter((o) => o.affected > 0).map((o) =>
    `<div class="rule"><b>${esc(o.name)}</b> <span class="en">${o.affected} 条受影响 records affected · 有值 with a value ${o.oldCount} → ${o.newCount}</span>
${movesTable(o, o.largestIncreases, '增加最多 <span class="en">Largest increases</span>')}
${movesTable(o, o.largestDecreases, '减少最多 <span class="en">Largest decreases</span>')}</div>`);
  const rej = (xs: { code: string; count: number }[]) => (xs.length ? xs.map((x) => `${esc(x.code)} × ${x.count}`).join('，') : '无 none');
  const changes = r.changes.map((c) => `<tr><td>${esc(c.kind)}</td><td>${esc(c.name)}</td><td>${STATUS[c.status]}</td><td>${c.since === undefined ? '' : esc(c.since ?? '始终 always')}</td><td>${esc(c.cite ?? '')}</td></tr>`);
  const cases = (r.cases?.moved ?? []).map((m) => {
    const outs = m.outputs.map((o) => {
      const mark = o.expectation ? (o.expectation.new ? '<span class="ok">✓ 符合预期 meets expectation</span>' : `<span class="bad">✗ 不符预期 expectation fails${o.expectation.old ? '（原版本符合 held before）' : ''}</span>`) : '';
      const st = (s: typeof o.old) => (s.state === 'value' ? s.display ?? String(s.value) : s.state === 'unavailable' ? '不可用 unavailable' : s.state === 'error' ? `错误 ${s.code}` : '（无）');
      return `<li>${esc(o.name)}：${esc(st(o.old))} → ${esc(st(o.new))} ${mark}</li>`;
    });
    return `<tr><td>${esc(m.id)}${m.title ? `<div class="en">${esc(m.title)}</div>` : ''}</td><td>${esc(m.file)}:${m.line}</td><td><ul>${outs.join('')}</ul></td></tr>`;
  });
  const params = (p: Record<string, string>) => Object.keys(p).sort().map((k) => `${esc(k)} = ${esc(p[k]!)}`).join('；') || '无 none';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>人群差异报告 — ${esc(r.new.policy)}</title><style>${SHEET_CSS}
h3{font-size:14px;margin:10px 0 4px}</style></head>
<body>
<h1>人群差异报告 <span class="en">Population diff report</span></h1>
<div class="meta">原 old：${esc(sideLine(r.old))}</div>
<div class="meta">新 new：${esc(sideLine(r.new))}</div>
<div class="meta">人群 population：${esc(r.population.file)} · ${r.population.records} 条记录 records</div>
<div class="meta">参数 parameters（原 old）：${params(r.parameters.old)}</div>
<div class="meta">参数 parameters（新 new）：${params(r.parameters.new)}</div>
<div class="meta">被拒记录 rejected：原 old ${rej(res.rejected.old)}；新 new ${rej(res.rejected.new)}</div>
<h2>各输出合计 <span class="en">Totals per output</span></h2>
<table><thead><tr><th>输出 output</th><th>原合计 old sum</th><th>新合计 new sum</th><th>差额 difference</th><th>受影响 affected</th><th>增 / 减 up / down</th><th>新有值 / 不再有值 appeared / vanished</th></tr></thead><tbody>${summary.join('')}</tbody></table>
<p class="en">差额 = 新合计 − 原合计；受影响 = 两侧数值不同的记录（一侧无值也算）；无值按 0 计入差额。/ difference = new sum − old sum; affected = records whose values differ (a value on one side only counts); no value counts as 0 in a record's difference.</p>
${detail.length ? `<h2>变化最大的记录 <span class="en">Records that move most</span></h2>\n${detail.join('\n')}` : ''}
<h2>声明变化 <span class="en">Declaration changes</span>（${r.changes.length}）</h2>
${changes.length ? `<table><thead><tr><th>类别 kind</th><th>名称 name</th><th>变化 change</th><th>生效 since</th><th>依据 citation</th></tr></thead><tbody>${changes.join('')}</tbody></table>` : '<p>无 none</p>'}
<h2>黄金案例 <span class="en">Golden cases</span></h2>
${r.cases === undefined ? '<p>同一政策、不同基准日：案例自带基准日，不重新求值。<span class="en">One policy at two dates: a case carries its own as-of date and is not re-evaluated.</span></p>'
    : `<p>${r.cases.moved.length} / ${r.cases.cases} 个案例结果变化 <span class="en">cases whose outcomes move</span></p>${cases.length ? `<table><thead><tr><th>案例 case</th><th>位置 where</th><th>变化 moves</th></tr></thead><tbody>${cases.join('')}</tbody></table>` : ''}`}
</body></html>
`;
}
