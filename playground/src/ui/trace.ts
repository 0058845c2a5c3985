// The explanation tree: <details>/<summary> per node, unfolding into rules, parameters (with
// the date taken at), table/band lookups, inputs, rounding and citations.
import type { TraceNode } from '../../../runtime/trace.ts';
import { h } from './dom.ts';
import { t, getLang } from '../i18n.ts';
import { keywordBySpelling } from '../../../dsl/keywords.ts';
import { conditionsLine, formulaLine, type RuleExplanation } from '../../../compiler/explain.ts';

const kw = (en: string) => (getLang() === 'zh' ? (keywordBySpelling(en)?.zh ?? en) : en);

const show = (v: unknown): string =>
  v === undefined ? '—' : typeof v === 'string' ? v : v === null ? 'null' : JSON.stringify(v);

function cite(c: string | undefined): HTMLElement | null {
  return c ? h('span.tcite', {}, `〔${c}〕`) : null;
}

/** What the worker worked out for the shown outcome: each rule's computation, typed input values. */
export interface ExplainInfo {
  explained: Record<string, RuleExplanation>;
  inputDisplay: Record<string, string>;
}
let info: ExplainInfo = { explained: {}, inputDisplay: {} };
export function setExplainInfo(x: ExplainInfo): void {
  info = x;
}

/** The formula line and the branch taken under a rule's head. */
function computation(name: string): HTMLElement[] {
  const x = info.explained[name];
  if (!x) return [];
  const zh = getLang() === 'zh';
  const out: HTMLElement[] = [];
  if (x.conditions.length) out.push(h('div.tbranch', { testid: `branch-${name}` }, `${zh ? '分支' : 'Branch'}：${conditionsLine(x)}`));
  out.push(
    h('div.tformula', { testid: `formula-${name}` }, formulaLine(x)),
  );
  const src = [x.layer ? `${zh ? '政策层' : 'layer'} ${x.layer}${x.from ? ` 自 ${x.from}` : ''}` : '', x.rounding ?? ''].filter(Boolean).join(' · ');
  if (src) out.push(h('div.tsrc', {}, src));
  return out;
}

export function traceTree(node: TraceNode, depth = 0, seen = new Set<TraceNode>()): HTMLElement {
  switch (node.kind) {
    case 'rule': {
      const again = seen.has(node);
      seen.add(node);
      const head = h(
        'summary',
        {},
        h('span.tk.rule', {}, t('rule')),
        h('b', {}, node.name),
        node.args?.length ? `(${node.args.map(show).join(', ')})` : '',
        ' = ',
        h('span.tv', {}, node.failed === 'missing' ? t('unavailableShort') : node.failed ? `✗ ${t('errors')}` : (node.display ?? show(node.value))),
        node.version !== undefined ? h('span.tat', {}, node.version ? ` 自 ${node.version}` : '') : null,
        // a parameterised call has no computation block below: name its layer in the head
        node.args?.length && node.policy ? h('span.tat', {}, ` · ${getLang() === 'zh' ? '政策层' : 'layer'} ${node.policy}`) : null,
        node.exception ? h('span.texc', {}, ` ${t('exception')} (${node.exception.policy}) `, cite(node.exception.cite)) : null,
        cite(node.cite),
      );
      if (again) return h('div.tnode.leaf', {}, [...head.childNodes], h('span.tat', {}, ` ${t('seeAbove')}`));
      const calc = node.args?.length ? [] : computation(node.name);
      if (node.children.length === 0) return h('div.tnode.leaf', {}, [...head.childNodes], calc);
      return h('details.tnode', { open: depth < 1 }, head, h('div.tchildren', {}, calc, dedupe(node.children).map((c) => traceTree(c, depth + 1, seen))));
    }
    case 'param':
      return h(
        'div.tnode.leaf',
        {},
        h('span.tk.param', {}, t('param')),
        h('b', {}, node.name),
        ' = ',
        h('span.tv', {}, node.display ?? show(node.value)),
        h('span.tat', {}, ` ${t('takenAt')} ${node.at}${node.from ? ` · 自 ${node.from}` : ''} · ${node.overridden ? t('override') : node.policy}`),
        cite(node.cite),
      );
    case 'table':
    case 'bands':
      return h(
        'div.tnode.leaf',
        {},
        h(`span.tk.${node.kind}`, {}, t(node.kind)),
        h('b', {}, node.name),
        `[${show(node.key)}] = `,
        h('span.tv', {}, node.display ?? show(node.value)),
        h('span.tat', {}, ` ${t('takenAt')} ${node.at}${node.from ? ` · 自 ${node.from}` : ''} · ${node.policy}`),
        cite(node.cite),
      );
    case 'input':
      return h('div.tnode.leaf', {}, h('span.tk.input', {}, t('input')), h('b', {}, node.path), ' = ', h('span.tv', {}, node.missing ? t('notGiven') : (info.inputDisplay[node.path] ?? show(node.value))));
    case 'rounding':
      return h('div.tnode.leaf', {}, h('span.tk.rounding', {}, t('rounding')), `${kw(node.mode)} ${getLang() === 'zh' ? '到' : 'to'} ${kw(node.unit)}：${node.before} → ${node.after}`);
  }
}

/** The same input read twice by one rule is listed once. */
function dedupe(children: TraceNode[]): TraceNode[] {
  const seen = new Set<string>();
  return children.filter((c) => {
    if (c.kind !== 'input' && c.kind !== 'param') return true;
    const k = c.kind === 'input' ? `i:${c.path}` : `p:${c.name}:${c.at}`;
    return !seen.has(k) && !!seen.add(k);
  });
}

/** name -> value seen anywhere in a trace (params with their date; rules; inputs). */
export function traceValues(trace: Record<string, TraceNode> | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Set<TraceNode>();
  const walk = (n: TraceNode) => {
    if (seen.has(n)) return;
    seen.add(n);
    if (n.kind === 'param') out.set(n.name, `${n.display ?? show(n.value)}（${t('takenAt')} ${n.at}）`);
    else if (n.kind === 'table' || n.kind === 'bands') out.set(n.name, `[${show(n.key)}] = ${n.display ?? show(n.value)}（${t('takenAt')} ${n.at}）`);
    else if (n.kind === 'input') out.set(n.path, info.inputDisplay[n.path] ?? show(n.value));
    else if (n.kind === 'rule') {
      if (!n.args?.length && !out.has(n.name)) out.set(n.name, n.display ?? show(n.value));
      n.children.forEach(walk);
    }
  };
  Object.values(trace ?? {}).forEach(walk);
  return out;
}
