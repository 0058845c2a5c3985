// The parameter panel: every parameter of the policy chain with its value in this case and an
// override box (a per-case parameter override, exactly what a golden case's `parameters:` does).
import type { SymbolInfo } from '../protocol.ts';
import { h, clear } from './dom.ts';
import { t } from '../i18n.ts';

export function renderParams(
  host: HTMLElement,
  params: SymbolInfo[],
  caseValues: Map<string, string>,
  overrides: Record<string, string>,
  onChange: (name: string, value: string | undefined) => void,
): void {
  // keep focus in the box being typed in: update values in place when the list is unchanged
  const names = params.map((p) => p.name).join('\u0001');
  if (host.dataset.names === names) {
    for (const p of params) {
      const cur = host.querySelector<HTMLElement>(`[data-param="${CSS.escape(p.name)}"] .pval`);
      if (cur) cur.textContent = caseValues.get(p.name) ?? '';
    }
    return;
  }
  host.dataset.names = names;
  const sorted = [...params].sort((a, b) => Number(!caseValues.has(a.name)) - Number(!caseValues.has(b.name)));
  clear(
    host,
    h(
      'table.params',
      { testid: 'params' },
      h('thead', {}, h('tr', {}, h('th', {}, t('parameters')), h('th', {}, t('value')), h('th', {}, t('override')))),
      h(
        'tbody',
        {},
        sorted.map((p) =>
          h(
            'tr',
            { 'data-param': p.name, testid: `param-${p.name}` },
            h('th', { title: [p.cite, p.doc].filter(Boolean).join('\n') }, p.name, h('small', {}, ` ${p.type}`)),
            h('td.pval', {}, caseValues.get(p.name) ?? ''),
            h(
              'td',
              {},
              h('input', {
                type: 'text',
                testid: `param-input-${p.name}`,
                value: overrides[p.name] ?? '',
                placeholder: p.versions?.at(-1)?.text ?? '',
                oninput: (e: Event) => onChange(p.name, (e.target as HTMLInputElement).value.trim() || undefined),
              }),
            ),
          ),
        ),
      ),
    ),
  );
}
