// The 改动 / Changes panel: diffPolicies(as loaded, edited) (compiler/diff.ts, computed in the
// worker) grouped by kind, each declaration added / removed / changed, since when, old → new
// (the compiler's canonical printing, compiler/printIr.ts) and its citation. A click opens the
// declaration's file and line. Mirrors the CLI's `xize diff` rendering (cli/commands/diff.ts).
import type { ChangeEntry, ChangesInfo } from '../protocol.ts';
import type { DiffDetail } from '../../../compiler/diff.ts';
import { h, clear } from './dom.ts';
import { t, getLang } from '../i18n.ts';

type Pair = readonly [string, string];
const KIND: Record<string, Pair> = {
  policy: ['政策头', 'policy header'], enum: ['枚举', 'enums'], record: ['记录', 'records'], input: ['输入', 'inputs'],
  param: ['参数', 'parameters'], table: ['表', 'tables'], bands: ['分档', 'bands'], rule: ['规则', 'rules'], check: ['检查', 'checks'],
};
const STATUS: Record<string, Pair> = { added: ['新增', 'added'], removed: ['删除', 'removed'], changed: ['修改', 'changed'] };
const MARK: Record<string, string> = { added: '+', removed: '−', changed: '~' };
const WHAT: Record<string, Pair> = {
  value: ['值', 'value'], cite: ['依据', 'citation'], type: ['类型', 'type'], rounding: ['舍入', 'rounding'], required: ['必填', 'required'],
  params: ['参数', 'parameters'], doc: ['说明', 'doc'], exception: ['例外', 'exception'], severity: ['级别', 'severity'],
  condition: ['条件', 'condition'], message: ['提示', 'message'], members: ['成员', 'members'], field: ['字段', 'field'],
  optional: ['可选', 'optional'], title: ['标题', 'title'], effective: ['生效', 'effective'], abstract: ['抽象', 'abstract'],
  holiday: ['节假日', 'holiday'], workday: ['调休工作日', 'workday'],
};
/** Current language first, the other after it: "参数 / parameters" or "parameters / 参数". */
const two = (p: Pair | undefined, fallback: string) => (p ? (getLang() === 'zh' ? `${p[0]} / ${p[1]}` : `${p[1]} / ${p[0]}`) : fallback);
const one = (p: Pair | undefined, fallback: string) => (p ? p[getLang() === 'zh' ? 0 : 1] : fallback);

function sinceText(d: string | null): string {
  if (getLang() === 'zh') return d === null ? '始终 / always' : `自 ${d} 起 / since ${d}`;
  return d === null ? 'always / 始终' : `since ${d} / 自 ${d} 起`;
}

const none = () => h('span.none', {}, getLang() === 'zh' ? '（无）' : '(none)');

function detail(d: DiffDetail, declCite: string | undefined, i: number): HTMLElement {
  if (d.what === 'exception') {
    const added = d.new !== null;
    const cite = d.newCite ?? d.oldCite;
    return h(`li.detail.${added ? 'd-added' : 'd-removed'}`, { testid: 'change-detail', 'data-what': d.what },
      `${added ? '+' : '−'} ${one(WHAT.exception, 'exception')}: ${getLang() === 'zh' ? '当' : 'when'} ${d.key} ${getLang() === 'zh' ? '则' : 'then'} `,
      h('code', {}, d.new ?? d.old ?? ''),
      cite ? h('div.dcite', {}, `${t('cite')}: ${cite}`) : null);
  }
  const when = d.from !== undefined ? h('span.when', {}, d.from === null ? sinceText(null) : sinceText(d.from), d.until ? ` → ${d.until}` : '') : null;
  const key = d.key !== undefined ? h('span.key', {}, `［${d.key}］`) : null;
  const label = d.what === 'value' ? null : h('span.what', {}, `${one(WHAT[d.what], d.what)}: `);
  let cite: string | null = null;
  if ((d.oldCite !== undefined || d.newCite !== undefined) && !(d.oldCite === d.newCite && d.newCite === declCite))
    cite = d.oldCite === d.newCite || d.oldCite === undefined ? `${t('cite')}: ${d.newCite}` : d.newCite === undefined ? `${t('cite')}: ${d.oldCite} → —` : `${t('cite')}: ${d.oldCite} → ${d.newCite}`;
  return h('li.detail', { testid: 'change-detail', 'data-what': d.what, 'data-index': i },
    when, ' ', key, label,
    d.old === null ? none() : h('code.old', { testid: 'change-old' }, d.old),
    h('span.arrow', {}, ' → '),
    d.new === null ? none() : h('code.new', { testid: 'change-new' }, d.new),
    cite ? h('div.dcite', {}, cite) : null);
}

function entry(c: ChangeEntry, open: (file: string, line: number) => void): HTMLElement {
  const go = c.file && c.line ? () => open(c.file!, c.line!) : undefined;
  return h(
    `li.change.c-${c.status}${go ? '.link' : ''}`,
    {
      testid: `change-${c.kind}-${c.name}`, 'data-kind': c.kind, 'data-status': c.status, 'data-name': c.name,
      title: c.file ? `${c.file}:${c.line}` : '', tabindex: go ? 0 : undefined,
      onclick: go, onkeydown: go ? (e: Event) => (e as KeyboardEvent).key === 'Enter' && go() : undefined,
    },
    h('div.chead', {},
      h('span.mark', {}, MARK[c.status] ?? '?'), ' ',
      h('b.cname', {}, c.name), ' ',
      h('span.cstatus', { testid: 'change-status' }, two(STATUS[c.status], c.status)),
      c.since !== undefined ? h('span.since', { testid: 'change-since' }, ' ', sinceText(c.since)) : null,
      c.file ? h('span.loc', {}, ` ${c.file.split('/').pop()}:${c.line}`) : null),
    c.cite ? h('div.ccite', { testid: 'change-cite' }, `${t('cite')}: ${c.cite}`) : null,
    h('ul.details', {}, c.details.map((d, i) => detail(d, c.cite, i))),
  );
}

export function renderChanges(host: HTMLElement, countEl: HTMLElement, info: ChangesInfo | null, open: (file: string, line: number) => void): void {
  countEl.textContent = info && info.changes.length ? ` (${info.changes.length})` : '';
  if (!info) {
    clear(host, h('p.none', { testid: 'changes-unavailable' }, t('changesUnavailable')));
    return;
  }
  const groups = Object.keys(KIND).map((k) => [k, info.changes.filter((c) => c.kind === k)] as const).filter(([, cs]) => cs.length);
  clear(
    host,
    info.stale ? h('div.stale-banner', { testid: 'changes-stale' }, h('b', {}, `${t('stale')} `), t('stalePolicy')) : null,
    info.changes.length === 0 ? h('p.none', { testid: 'changes-none' }, t('sameAsLoaded')) : null,
    h(`div.changes${info.stale ? '.is-stale' : ''}`, { testid: 'changes', 'data-count': info.changes.length },
      groups.map(([k, cs]) =>
        h('section.cgroup', { testid: `changes-group-${k}` },
          h('h4', {}, two(KIND[k], k), h('span.count', {}, ` ${cs.length}`)),
          h('ul.changes-list', {}, cs.map((c) => entry(c, open))),
        ),
      )),
  );
}
