// File tabs, grouped: the selected policy's own files as one row of tabs (scrolling sideways,
// never wrapping into rows), each ancestor's (inherited) files in one picker per policy.
import { h, clear } from './dom.ts';

export interface Tab {
  path: string;
  group: string; // policy name the file belongs to
  inherited: boolean;
  modified: boolean;
  errors: number;
}

const base = (p: string) => p.split('/').pop() ?? p;
const mark = (tb: Tab) => `${tb.modified ? ' ●' : ''}${tb.errors ? ` ✗${tb.errors}` : ''}`;

export function renderTabs(host: HTMLElement, tabs: Tab[], active: string, select: (path: string) => void): void {
  const own = tabs.filter((x) => !x.inherited);
  const groups = [...new Set(tabs.filter((x) => x.inherited).map((x) => x.group))];
  clear(
    host,
    h('div.own-tabs', { testid: 'own-tabs' },
      own.map((tb) =>
        h(
          `button.tab${tb.path === active ? '.active' : ''}`,
          { type: 'button', testid: `tab-${base(tb.path)}`, 'data-path': tb.path, title: tb.path, onclick: () => select(tb.path) },
          base(tb.path),
          tb.modified ? h('span.dot', { title: 'modified' }, ' ●') : null,
          tb.errors ? h('span.errs', {}, ` ✗${tb.errors}`) : null,
        ),
      )),
    groups.map((g) => {
      const files = tabs.filter((x) => x.inherited && x.group === g);
      const cur = files.find((x) => x.path === active);
      const errs = files.reduce((n, x) => n + x.errors, 0);
      return h(
        `select.inherited-files${cur ? '.active' : ''}`,
        { testid: `inherited-${g}`, title: g, onchange: (ev: Event) => select((ev.target as HTMLSelectElement).value) },
        h('option', { value: '', selected: !cur, disabled: true }, `${g} ▾ (${files.length})${errs ? ` ✗${errs}` : ''}`),
        files.map((tb) => h('option', { value: tb.path, selected: tb.path === active, testid: `tab-${base(tb.path)}` }, `${g} › ${base(tb.path)}${mark(tb)}`)),
      );
    }),
  );
}
