// In-page help, generated (never hand-copied): the syntax from the keyword table
// (dsl/keywords.ts) and every diagnostic code from the message catalogs the compiler, case
// loader and runtime speak with — template text with ‹argument› placeholders, hint included.
// A problem's 帮助 link opens it at its code.
import { dslMessages } from '../../../dsl/messages.ts';
import { compilerMessages } from '../../../compiler/messages.ts';
import { caseMessages } from '../../../compiler/cases/messages.ts';
import { inputMessages, runtimeMessages } from '../../../runtime/messages.ts';
import { evalMessages } from '../../../runtime/evalMessages.ts';
import { ALL_WORDS } from '../../../dsl/keywords.ts';
import { h, clear } from './dom.ts';
import { t } from '../i18n.ts';

type Tpl = { zh: (a: Record<string, string>) => string; en: (a: Record<string, string>) => string; hintZh?: (a: Record<string, string>) => string; hintEn?: (a: Record<string, string>) => string };

/** Arguments shown as ‹name›; `a.x ?? 'default'` keeps showing a placeholder. */
const ARGS = new Proxy({}, { get: (_t, k) => (typeof k === 'string' ? `‹${k}›` : undefined) }) as Record<string, string>;
const text = (f: ((a: Record<string, string>) => string) | undefined): string => {
  if (!f) return '';
  try {
    return f(ARGS);
  } catch {
    return '';
  }
};

/** Every code of every catalog, sorted: code, Chinese, English, hint. */
export function helpEntries(): { code: string; zh: string; en: string; hint: string }[] {
  const all: Record<string, Tpl> = { ...dslMessages, ...compilerMessages, ...caseMessages, ...runtimeMessages, ...inputMessages, ...(evalMessages as Record<string, Tpl>) };
  return Object.entries(all)
    .map(([code, m]) => ({ code, zh: text(m.zh), en: text(m.en), hint: [text(m.hintZh), text(m.hintEn)].filter(Boolean).join(' / ') }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

let dialog: HTMLDialogElement | null = null;

function build(): HTMLDialogElement {
  const d = h('dialog.help', { testid: 'help' }) as HTMLDialogElement;
  const words = ALL_WORDS;
  clear(
    d,
    h('div', { style: 'display:flex;justify-content:space-between;align-items:center' }, h('h2', {}, t('help')),
      h('button', { type: 'button', testid: 'help-close', onclick: () => d.close() }, t('close'))),
    h('h3', { id: 'help-syntax' }, t('helpSyntax')),
    h('table', { testid: 'help-syntax' }, h('tbody', {}, words.map((w) => h('tr', {}, h('td', {}, h('b', {}, w.zh)), h('td', {}, h('code', {}, w.en)), h('td', {}, w.doc))))),
    h('h3', { id: 'help-codes' }, t('helpCodes')),
    h('table', { testid: 'help-codes' }, h('tbody', {}, helpEntries().map((e) =>
      h('tr', { id: `help-${e.code}`, testid: `help-${e.code}` }, h('td', {}, h('b', {}, e.code)), h('td', {}, e.zh, h('div.msg2', {}, e.en), e.hint ? h('div.hint', {}, `${t('hint')}：${e.hint}`) : null))))),
  );
  document.body.append(d);
  return d;
}

/** Opens the help; at a diagnostic code's row, or at the syntax. */
export function openHelp(code?: string): void {
  dialog ??= build();
  if (!dialog.open) dialog.showModal();
  for (const el of dialog.querySelectorAll('tr.target')) el.classList.remove('target');
  const row = code ? dialog.querySelector<HTMLElement>(`#help-${CSS.escape(code)}`) : dialog.querySelector<HTMLElement>('#help-syntax');
  row?.classList.add('target');
  row?.scrollIntoView({ block: 'center' });
}

/** Rebuilt on the next open (after a language switch). */
export function resetHelp(): void {
  dialog?.remove();
  dialog = null;
}
