// Outputs: edited vs as-loaded side by side, the golden case's expected value with ✓/✗, the
// stale marker, checks, evaluation errors, unavailable rules, and the explanation per output.
import type { Outcome } from '../../../runtime/outcome.ts';
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
    const status = !has || !field ? 'none' : field.pass ? 'match' : 'mismatch';
    const changed = !!out && !!orig && JSON.stringify(out.value) !== JSON.stringify(orig.value);
    const extra = expectedNames.length > 0 && !has && !changed;
    return h(
      `tr.out.st-${status}${changed ? '.changed' : ''}${extra ? '.extra' : ''}`,
      { testid: `output-row-${name}`, 'data-status': status, 'data-changed': String(changed) },
      h('th', { scope: 'row' }, name),
      h('td.num', { testid: `output-value-${name}`, 'data-value': out ? String(out.value) : '' },
        out ? out.display : e?.unavailable[name] ? h('span.unavail', { title: e.unavailable[name].missing.join('、') }, `— (${e.unavailable[name].missing.join('、')})`) : '—'),
      h('td.num.orig', { testid: `output-original-${name}` }, orig ? orig.display : '—'),
      h('td.num.exp', { testid: `output-expected-${name}`, title: field && !field.pass ? field.actual : '' }, field ? field.expected : has ? String(v.expected[name]) : ''),
      h('td.status', { testid: `output-status-${name}` }, status === 'match' ? `✓ ${t('match')}` : status === 'mismatch' ? `✗ ${t('mismatch')}` : ''),
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
    e?.errors.length
      ? h('div.eval-errors', { testid: 'eval-errors' }, h('h4', {}, t('errors')), e.errors.map((x) => h('div.eval-error', {}, `${x.code} ${bi(x.message).join(' · ')}`, x.rule ? ` — ${x.rule}` : '', x.cite ? ` 〔${x.cite}〕` : '')))
      : null,
  );
  clear(explainHost, e?.trace
      ? h(`div.explain${v.stale ? '.is-stale' : ''}`, { testid: 'explain' },
          Object.entries(e.trace)
            .filter(([name]) => name in e.outputs || expectedNames.includes(name))
            .sort(([a], [b]) => Number(!expectedNames.includes(a)) - Number(!expectedNames.includes(b)))
            .map(([name, node]) => h('div.troot', { testid: `trace-${name}` }, traceTree(node, expectedNames.length === 0 || expectedNames.includes(name) ? 0 : 1))))
      : null);
}
