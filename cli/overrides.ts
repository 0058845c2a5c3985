// Text form of the layer report (`xize check --overrides`, compiler/overrides.ts): per layer,
// root first, each override with the inherited value it replaces and the new one (value, start
// date, policy, citation), then what the layer adds and inherits — counts by kind, or the
// names with --verbose.
import type { LayerDecl, LayerDeclKind, LayerReport, LayerValue, OverridesReport } from '../compiler/overrides.ts';
import { c } from './format.ts';

const KIND: Record<LayerDeclKind, string> = {
  input: '输入 input', enum: '枚举 enum', record: '记录 record', param: '参数 param', table: '表 table',
  bands: '分档 bands', rule: '规则 rule', check: '检查 check', exception: '例外 exception',
};
const ORDER: LayerDeclKind[] = ['input', 'enum', 'record', 'param', 'table', 'bands', 'rule', 'check'];
const WIDE = 140;

const clip = (s: string) => (s.length > WIDE ? `${s.slice(0, WIDE - 1)}…` : s);
const from = (d: string | null) => (d === null ? '不限日期 / undated' : `自 ${d}`);
const val = (v: LayerValue) => `${clip(v.value)}  ${c.gray(`${from(v.from)} · ${v.policy}${v.cite ? ` 〔${v.cite}〕` : ''}`)}`;

function counts(m: Partial<Record<LayerDeclKind, number>>): string {
  const parts = ORDER.filter((k) => m[k]).map((k) => `${KIND[k].split(' ')[0]} ${m[k]}`);
  return parts.length ? parts.join('，') : '—';
}

function list(ds: LayerDecl[], indent: string, withPolicy: boolean): string[] {
  return ORDER.flatMap((k) => {
    const names = ds.filter((d) => d.kind === k);
    if (!names.length) return [];
    return [`${indent}${KIND[k]}：${names.map((d) => (withPolicy && d.policy ? `${d.name}（${d.policy}）` : d.name)).join('、')}`];
  });
}

function layerText(L: LayerReport, verbose: boolean): string[] {
  const out = [c.bold(`层 / layer ${L.policy}`)];
  out.push(`  覆盖 / overrides：${L.overrides.length}`);
  for (const o of L.overrides) {
    out.push(`    ${c.cyan(KIND[o.kind].split(' ')[0]!)} ${o.name}${o.key !== undefined ? `[${o.key}]` : ''}`);
    out.push(`      原 / was  ${o.old ? val(o.old) : c.gray(o.kind === 'exception' ? '（新增例外 / a new exception）' : '（未赋值 / unset）')}`);
    out.push(`      现 / now  ${val(o.new)}`);
  }
  const adds = L.adds.length;
  out.push(`  新增 / adds：${adds}${adds ? `（${counts(L.counts.adds)}）` : ''}`);
  if (verbose) out.push(...list(L.adds, '    ', false));
  const inh = L.inherits.length;
  out.push(`  继承 / inherits：${inh}${inh ? `（${counts(L.counts.inherits)}）` : ''}`);
  if (verbose) out.push(...list(L.inherits, '    ', true));
  return out;
}

export function formatOverrides(r: OverridesReport, verbose: boolean): string {
  const head = `覆盖关系 / layers of ${r.policy}：${r.chain.join(' → ')}`;
  const hint = verbose ? [] : [c.gray('新增与继承只列数目；--verbose 列出名称 / adds and inherits are counted; --verbose lists the names')];
  return [head, '', ...r.layers.flatMap((L) => [...layerText(L, verbose), '']), ...hint].join('\n').trimEnd() + '\n';
}
