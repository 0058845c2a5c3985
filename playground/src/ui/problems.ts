// The problems list: every diagnostic, Chinese first then English, hint; click jumps there.
import type { Diagnostic } from '../../../dsl/diagnostic.ts';
import { h, clear } from './dom.ts';
import { t, bi } from '../i18n.ts';

export function renderProblems(
  host: HTMLElement,
  diags: Diagnostic[],
  failure: string | undefined,
  jump: (d: Diagnostic) => void,
): void {
  const sorted = [...diags].sort(
    (a, b) =>
      rank(a) - rank(b) || a.span.file.localeCompare(b.span.file) || a.span.start.offset - b.span.start.offset,
  );
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.filter((d) => d.severity === 'warning').length;
  clear(
    host,
    h('h3', {}, `${t('problems')} `, h('span.count', { testid: 'problem-count' }, errors ? `✗ ${errors}` : '', warnings ? ` ⚠ ${warnings}` : '')),
    failure ? h('pre.failure', { testid: 'compiler-failure' }, failure) : null,
    sorted.length === 0 && !failure ? h('p.none', { testid: 'no-problems' }, t('noProblems')) : null,
    h(
      'ul.problems',
      {},
      sorted.map((d) => {
        const [m1, m2] = bi(d.message);
        const hint = d.hint ? bi(d.hint) : null;
        return h(
          `li.problem.${d.severity}`,
          { testid: 'problem', 'data-code': d.code, tabindex: 0, title: `${d.span.file}:${d.span.start.line}:${d.span.start.column}`, onclick: () => jump(d), onkeydown: (e: Event) => (e as KeyboardEvent).key === 'Enter' && jump(d) },
          h('span.sev', {}, d.severity === 'error' ? '✗' : d.severity === 'warning' ? '⚠' : 'ℹ'),
          h('span.code', {}, d.code),
          h('span.loc', {}, `${d.span.file.split('/').pop()}:${d.span.start.line}:${d.span.start.column}`),
          h('div.msg', {}, m1),
          h('div.msg2', {}, m2),
          hint ? h('div.hint', {}, `${t('hint')}：${hint[0]}`) : null,
          d.cite ? h('div.cite', {}, `${t('cite')}：${d.cite}`) : null,
        );
      }),
    ),
  );
}

const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : d.severity === 'warning' ? 1 : 2);
