// Outputs: edited vs as-loaded side by side, the golden case's expected value with ✓/✗, the
// stale marker, checks, evaluation errors, unavailable rules, and the explanation per output.
import type { Outcome } from '../../../runtime/outcome.ts';
import type { TraceNode } from '../../../runtime/trace.ts';
import { h, clear } from './dom.ts';
import { t, bi } from '../i18n.ts';
import { traceTree } from './trace.ts';
import type { CaseResult, FieldResult } from '../../../compiler/cases.ts';

let showExtra = false; // the outputs the case has no expected value for, folded by default

export interface OutputsView {
  edited: Outcome | null;
  original: Outcome | null;
  expected: Record<string, unknown>;
  stale: null | 'policy' | 'case';
  /** compareOutcome of the golden case and the edited outcome (done in the worker) */
  result: CaseResult | null;
  /** the printable calculation sheet (HTML) */
  sheet?: string;
}

/** The sheet in a new window, printed from there (no network: a blob URL). */
function printSheet(html: string): void {
  const w = window.open(URL.createObjectURL(new Blob([html], { type: 'text/html' })), '_blank');
  w?.addEventListener('load', () => w.print());
}

/** expected_checks / expected_errors and whole-outcome failures (input or evaluation errors). */
function expectations(fields: FieldResult[]): HTMLElement | null {
  const other = fields.filter((f) => f.kind !== 'output');
  if (!other.length) return null;
  const label: Record<FieldResult['kind'], string> = { checks: t('expectedCheck'), errors: t('expectedError'), outcome: t('outcomeProblem'), output: '' };
  return h(
    'div.expectations',
    {},
    other.map((f) =>
      h(`div.expect.${f.pass ? 'st-match' : 'st-mismatch'}`, { testid: 'expectation', 'data-status': f.pass ? 'match' : 'mismatch', title: f.actual },
        `${f.pass ? '✓' : '✗'} ${label[f.kind]} ${f.expected}${f.pass ? '' : ` ≠ ${f.actual}`}`),
    ),
  );
}

export function renderOutputs(host: HTMLElement, explainHost: HTMLElement, v: OutputsView): void {
  const e = v.edited;
  const o = v.original;
  // outputs the case expects first, then the other computed ones; unavailable ones folded away
  const expectedNames = Object.keys(v.expected);
  const fields = new Map((v.result?.fields ?? []).filter((f) => f.kind === 'output').map((f) => [f.name, f]));
  const names = [...new Set([...expectedNames, ...Object.keys(e?.outputs ?? {})])];
  const unavailable = Object.keys(e?.unavailable ?? {}).filter((n) => !names.includes(n));
  const row = (name: string) => {
    const out = e?.outputs[name];
    const orig = o?.outputs[name];
    const has = Object.prototype.hasOwnProperty.call(v.expected, name);
    const field = fields.get(name);
    const changed = !!out && !!orig && JSON.stringify(out.value) !== JSON.stringify(orig.value);
    // a deliberate edit that moves a value away from the golden case is not a failure
    const status = !has || !field ? 'none' : field.pass ? 'match' : changed ? 'edited' : 'mismatch';
    const extra = expectedNames.length > 0 && !has && !changed;
    return h(
      `tr.out.st-${status}${changed ? '.changed' : ''}${extra ? '.extra' : ''}`,
      { testid: `output-row-${name}`, 'data-status': status, 'data-changed': String(changed) },
      h('th', { scope: 'row' }, name),
      h('td.num', { testid: `output-value-${name}`, 'data-value': out ? String(out.value) : '' },
        out ? out.display : e?.unavailable[name] ? h('span.unavail', { title: e.unavailable[name].missing.join('、') }, `— (${e.unavailable[name].missing.join('、')})`) : '—'),
      h('td.num.orig', { testid: `output-original-${name}` }, orig ? orig.display : '—'),
      h('td.num.exp', { testid: `output-expected-${name}`, title: field && !field.pass ? field.actual : '' }, field ? field.expected : has ? String(v.expected[name]) : ''),
      h('td.status', { testid: `output-status-${name}`, title: status === 'edited' ? t('editDiffersTitle') : '' },
        status === 'match' ? `✓ ${t('match')}` : status === 'mismatch' ? `✗ ${t('mismatch')}` : status === 'edited' ? `≠ ${t('editDiffers')}` : ''),
    );
  };
  const rows = names.map(row).sort((a, b) => Number(a.classList.contains('extra')) - Number(b.classList.contains('extra')));
  const extras = rows.filter((r) => r.classList.contains('extra')).length;
  if (extras)
    rows.splice(
      rows.findIndex((r) => r.classList.contains('extra')),
      0,
      h('tr.toggle', {}, h('td', { colspan: 5 }, h('button.small', {
        type: 'button',
        testid: 'toggle-extra',
        onclick: (ev: Event) => {
          showExtra = !showExtra;
          (ev.target as HTMLElement).closest('table')?.classList.toggle('show-extra', showExtra);
          (ev.target as HTMLElement).textContent = label();
        },
      }, label()))),
    );
  function label() {
    return `${showExtra ? '▾' : '▸'} ${t('otherOutputs')} (${extras})`;
  }
  // evaluation errors of outputs the case never asked for are folded away, not red
  const errs = e?.errors ?? [];
  const isAsked = (x: (typeof errs)[number]) => expectedNames.length === 0 || !x.rule || (x.affects ?? [x.rule]).some((n) => expectedNames.includes(n));
  const asked = errs.filter(isAsked);
  const others = errs.filter((x) => !isAsked(x));
  const errorLine = (x: (typeof errs)[number]) => h('div.eval-error', {}, `${x.code} ${bi(x.message).join(' · ')}`, x.rule ? ` — ${x.rule}` : '', x.cite ? ` 〔${x.cite}〕` : '');
  const staleMsg = v.stale === 'policy' ? t('stalePolicy') : v.stale === 'case' ? t('staleCase') : '';
  clear(
    host,
    expectations(v.result?.fields ?? []),
    v.stale ? h('div.stale-banner', { testid: 'stale' }, h('b', {}, `${t('stale')} `), staleMsg) : null,
    h(
      `table.outputs${v.stale ? '.is-stale' : ''}${showExtra ? '.show-extra' : ''}`,
      { testid: 'outputs' },
      h('thead', {}, h('tr', {}, h('th', {}, t('output')), h('th', {}, t('edited')), h('th', {}, t('original')), h('th', {}, t('expected')), h('th', {}, ''))),
      h('colgroup', {}, h('col', { style: 'width:34%' }), h('col', { style: 'width:22%' }), h('col', { style: 'width:20%' }), h('col', { style: 'width:14%' }), h('col', { style: 'width:10%' })),
      h('tbody', {}, rows),
    ),
    unavailable.length
      ? h('details.unavailable', { testid: 'unavailable' }, h('summary', {}, `${t('unavailable')} (${unavailable.length})`),
          h('ul', {}, unavailable.map((n) => h('li', {}, h('b', {}, n), ` — ${e!.unavailable[n].missing.join('、')}`))))
      : null,
    e?.checks.length
      ? h('div.checks', { testid: 'checks' }, h('h4', {}, t('checks')), e.checks.map((c) => h(`div.check.${c.severity}`, {}, `${c.severity === 'error' ? '✗' : '⚠'} ${c.name}：${c.message}`, c.cite ? ` 〔${c.cite}〕` : '')))
      : null,
    asked.length
      ? h('div.eval-errors', { testid: 'eval-errors' }, h('h4', {}, t('errors')), asked.map(errorLine))
      : null,
    others.length
      ? h('details.other-errors', { testid: 'other-errors' }, h('summary', {}, `${t('otherErrors')} (${others.length})`), others.map(errorLine))
      : null,
  );
  // the outputs the case asks for first and open; the rest one click away
  const seen = new Set<TraceNode>();
  const traced = Object.entries(e?.trace ?? {}).filter(([name]) => name in (e?.outputs ?? {}) || expectedNames.includes(name));
  const main = expectedNames.length ? expectedNames.flatMap((n) => traced.filter(([m]) => m === n)) : traced;
  const rest = traced.filter(([n]) => expectedNames.length > 0 && !expectedNames.includes(n));
  const root = ([name, node]: [string, TraceNode]) => h('div.troot', { testid: `trace-${name}` }, traceTree(node, 0, seen));
  clear(explainHost, e?.trace
      ? h(`div.explain${v.stale ? '.is-stale' : ''}`, { testid: 'explain' },
          v.sheet
            ? h('div.sheet-actions', {},
                h('button.small', { type: 'button', testid: 'print-sheet', onclick: () => printSheet(v.sheet!) }, t('printSheet')),
                h('a.small', { testid: 'download-sheet', download: 'calculation-sheet.html', href: URL.createObjectURL(new Blob([v.sheet], { type: 'text/html' })) }, t('downloadSheet')))
            : null,
          main.map(root),
          rest.length ? h('details.other-traces', { testid: 'other-traces' }, h('summary', {}, `${t('otherTraces')} (${rest.length})`), rest.map(root)) : null)
      : null);
}
