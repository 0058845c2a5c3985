// File tabs: the selected policy's files, then its ancestors' (inherited) files.
import { h, clear } from './dom.ts';

export interface Tab {
  path: string;
  group: string; // policy name the file belongs to
  inherited: boolean;
  modified: boolean;
  errors: number;
}

export function renderTabs(host: HTMLElement, tabs: Tab[], active: string, select: (path: string) => void): void {
  clear(
    host,
    tabs.map((tb) =>
      h(
        `button.tab${tb.path === active ? '.active' : ''}${tb.inherited ? '.inherited' : ''}`,
        { type: 'button', testid: `tab-${tb.path.split('/').pop()}`, 'data-path': tb.path, title: tb.path, onclick: () => select(tb.path) },
        tb.inherited ? h('span.grp', {}, `${tb.group} › `) : null,
        tb.path.split('/').pop(),
        tb.modified ? h('span.dot', { title: 'modified' }, ' ●') : null,
        tb.errors ? h('span.errs', {}, ` ✗${tb.errors}`) : null,
      ),
    ),
  );
}
