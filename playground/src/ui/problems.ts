// The problems list: every diagnostic, Chinese first then English, hint; click jumps there.
import type { Diagnostic } from '../../../dsl/diagnostic.ts';
import { h, clear } from './dom.ts';
import { t, bi } from '../i18n.ts';

/** A problem of the case data or the as-of date (XI…, XT…, XR001/XR002): shown with the policy's
 * problems; a click focuses and marks the field. */
export interface CaseProblem {
  code: string;
  /** field path (`月缴费工资`, `供养亲属[0].出生日期`), `as_of`, or '' */
  path: string;
  message: { zh: string; en: string };
  hint?: { zh: string; en: string };
}

/** The hint without a pointer to a file the browser cannot open (the 帮助 link replaces it). */
const hintText = (s: string) => s.replace(/[，,]\s*(参见|see) docs\/language\.md/g, '');

function helpLink(code: string, help: (code: string) => void): HTMLElement {
  return h('a.help-link', { href: `#help-${code}`, testid: `help-link-${code}`, onclick: (e: Event) => { e.preventDefault(); e.stopPropagation(); help(code); } }, `${t('help')} ${code}`);
}

export function renderProblems(
  host: HTMLElement,
  diags: Diagnostic[],
  failure: string | undefined,
  jump: (d: Diagnostic) => void,
  caseProblems: CaseProblem[] = [],
  focus: (path: string) => void = () => undefined,
  help: (code: string) => void = () => undefined,
): void {
  const sorted = [...diags].sort(
    (a, b) =>
      rank(a) - rank(b) || a.span.file.localeCompare(b.span.file) || a.span.start.offset - b.span.start.offset,
  );
  const errors = diags.filter((d) => d.severity === 'error').length + caseProblems.length;
  const warnings = diags.filter((d) => d.severity === 'warning').length;
  clear(
    host,
    h('h3', {}, `${t('problems')} `, h('span.count', { testid: 'problem-count' }, errors ? `✗ ${errors}` : '', warnings ? ` ⚠ ${warnings}` : '')),
    failure ? h('pre.failure', { testid: 'compiler-failure' }, failure) : null,
    sorted.length === 0 && caseProblems.length === 0 && !failure ? h('p.none', { testid: 'no-problems' }, t('noProblems')) : null,
    h(
      'ul.problems',
      {},
      caseProblems.map((p) => {
        const [m1, m2] = bi(p.message);
        const hint = p.hint ? bi(p.hint) : null;
        const go = () => focus(p.path);
        return h(
          'li.problem.error.case-problem',
          { testid: 'case-problem', 'data-code': p.code, 'data-path': p.path, tabindex: 0, onclick: go, onkeydown: (e: Event) => (e as KeyboardEvent).key === 'Enter' && go() },
          h('span.sev', {}, '✗'),
          h('span.code', {}, p.code),
          h('span.loc', {}, `${t('caseProblem')}${p.path ? ` · ${p.path === 'as_of' ? t('asOf') : p.path}` : ''}`, helpLink(p.code, help)),
          h('div.msg', {}, m1),
          h('div.msg2', {}, m2),
          hint ? h('div.hint', {}, `${t('hint')}：${hintText(hint[0])}`) : null,
        );
      }),
      sorted.map((d) => {
        const [m1, m2] = bi(d.message);
        const hint = d.hint ? bi(d.hint) : null;
        return h(
          `li.problem.${d.severity}`,
          { testid: 'problem', 'data-code': d.code, tabindex: 0, title: `${d.span.file}:${d.span.start.line}:${d.span.start.column}`, onclick: () => jump(d), onkeydown: (e: Event) => (e as KeyboardEvent).key === 'Enter' && jump(d) },
          h('span.sev', {}, d.severity === 'error' ? '✗' : d.severity === 'warning' ? '⚠' : 'ℹ'),
          h('span.code', {}, d.code),
          h('span.loc', {}, `${d.span.file.split('/').pop()}:${d.span.start.line}:${d.span.start.column}`, helpLink(d.code, help)),
          h('div.msg', {}, m1),
          h('div.msg2', {}, m2),
          hint ? h('div.hint', {}, `${t('hint')}：${hintText(hint[0])}`) : null,
          d.cite ? h('div.cite', {}, `${t('cite')}：${d.cite}`) : null,
        );
      }),
    ),
  );
}

const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : d.severity === 'warning' ? 1 : 2);
