// The case input form, generated from the policy's input schema (JSON Schema produced by the
// code generator). Edits update a plain JSON value; validation is the runtime's (XI messages
// come back from the worker and are shown on the field).
import { h, clear } from './dom.ts';
import { t, bi } from '../i18n.ts';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  allOf?: Schema[];
  oneOf?: Schema[];
  $ref?: string;
  $defs?: Record<string, Schema>;
  definitions?: Record<string, Schema>;
  description?: string;
  title?: string;
  format?: string;
  pattern?: string;
  'x-type'?: string;
};

export interface InputError {
  path: string;
  code: string;
  message: { zh: string; en: string };
  hint?: { zh: string; en: string };
}

type Obj = Record<string, unknown>;

/** "/供养亲属/0/出生日期", "供养亲属[0].出生日期", "input.x" -> "供养亲属.0.出生日期" */
export function normPath(p: string): string {
  return p
    .replace(/^\$?\.?(input\.)?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\//, '')
    .split(/[/.]/)
    .filter(Boolean)
    .join('.');
}

export class CaseForm {
  private root: Schema = {};
  private value: Obj = {};
  constructor(
    private host: HTMLElement,
    private onChange: (value: Obj) => void,
  ) {}

  render(schema: unknown, value: Obj): void {
    this.root = (schema ?? {}) as Schema;
    this.value = structuredClone(value ?? {});
    this.redraw();
  }

  private redraw(): void {
    const props = this.deref(this.root).properties;
    clear(
      this.host,
      h('div.form-errors', { testid: 'form-errors' }),
      props ? this.fields(this.deref(this.root), this.value, '') : h('p.none', {}, t('loading')),
    );
  }

  private deref(s: Schema | undefined, depth = 0): Schema {
    let cur = s ?? {};
    if (depth > 10) return cur;
    if (cur.$ref) {
      const name = cur.$ref.split('/').pop()!;
      const { $ref: _r, ...rest } = cur;
      cur = { ...this.deref(this.root.$defs?.[name] ?? this.root.definitions?.[name], depth + 1), ...rest };
    }
    if (cur.allOf) {
      const { allOf, ...rest } = cur;
      cur = Object.assign({}, ...allOf.map((a) => this.deref(a, depth + 1)), rest);
    }
    return cur;
  }

  private fields(schema: Schema, obj: Obj, prefix: string): HTMLElement {
    const req = new Set(schema.required ?? []);
    const entries = Object.entries(schema.properties ?? {});
    // top level: the fields this case uses (or must give) first, the rest folded away
    const main = prefix ? entries : entries.filter(([n]) => req.has(n) || n in obj);
    const rest = prefix ? [] : entries.filter(([n]) => !(req.has(n) || n in obj));
    const box = this.fieldList(main, req, obj, prefix);
    if (rest.length)
      box.append(h('details.more', { testid: 'more-fields' }, h('summary', {}, `${t('moreFields')} (${rest.length})`), this.fieldList(rest, req, obj, prefix)));
    return box;
  }

  private fieldList(entries: [string, Schema][], req: Set<string>, obj: Obj, prefix: string): HTMLElement {
    return h(
      'div.fields',
      {},
      entries.map(([name, sub]) => {
        const path = prefix ? `${prefix}.${name}` : name;
        const s = this.deref(sub);
        return h(
          'div.field',
          { 'data-path': path, testid: `field-${path}` },
          h('label', { title: s.description ?? '' }, name, req.has(name) ? h('span.req', {}, ' *') : null, s.description ? h('small', {}, s.description) : null),
          this.control(s, obj, name, path),
          h('div.field-error', { testid: `field-error-${path}` }),
        );
      }),
    );
  }

  private control(s: Schema, obj: Obj, key: string, path: string): HTMLElement {
    const set = (v: unknown) => {
      if (v === undefined || v === '') delete obj[key];
      else obj[key] = v;
      this.onChange(structuredClone(this.value));
    };
    const types = ([] as string[]).concat(s.type ?? []);
    const enumVals = s.enum ?? s.anyOf?.flatMap((a) => (a.const !== undefined ? [a.const] : a.enum ?? [])) ?? s.oneOf?.flatMap((a) => (a.const !== undefined ? [a.const] : [])) ?? [];
    if (enumVals.length && !types.includes('array')) {
      return h(
        'select',
        { testid: `input-${path}`, onchange: (e: Event) => set((e.target as HTMLSelectElement).value || undefined) },
        h('option', { value: '' }, t('empty')),
        enumVals.map((v) => h('option', { value: String(v), selected: obj[key] === v }, String(v))),
      );
    }
    if (types.includes('boolean')) {
      const cur = obj[key];
      return h(
        'select',
        { testid: `input-${path}`, onchange: (e: Event) => { const v = (e.target as HTMLSelectElement).value; set(v === '' ? undefined : v === 'true'); } },
        h('option', { value: '' }, t('empty')),
        h('option', { value: 'true', selected: cur === true }, '是'),
        h('option', { value: 'false', selected: cur === false }, '否'),
      );
    }
    if (types.includes('array')) {
      const item = this.deref(s.items);
      const list = Array.isArray(obj[key]) ? (obj[key] as unknown[]) : [];
      if (item.properties) {
        const box = h('div.list', { testid: `list-${path}` });
        const draw = () => {
          clear(
            box,
            list.map((el, i) =>
              h(
                'fieldset.item',
                {},
                h('legend', {}, `${key} #${i + 1} `, h('button.small', { type: 'button', onclick: () => { list.splice(i, 1); set(list.length ? list : undefined); draw(); } }, t('remove'))),
                this.fields(item, el as Obj, `${path}.${i}`),
              ),
            ),
            h('button.small', { type: 'button', testid: `add-${path}`, onclick: () => { list.push({}); set(list); draw(); } }, `+ ${t('add')}`),
          );
        };
        draw();
        return box;
      }
      return this.jsonBox(obj, key, path, set);
    }
    if (s.properties) {
      const sub = (obj[key] && typeof obj[key] === 'object' ? obj[key] : (obj[key] = {})) as Obj;
      return this.fields(s, sub, path);
    }
    const numeric = types.includes('integer') || (types.includes('number') && !types.includes('string'));
    const cur = obj[key];
    return h('input', {
      type: 'text',
      testid: `input-${path}`,
      value: cur === undefined || cur === null ? '' : String(cur),
      placeholder: s.format === 'date' ? 'YYYY-MM-DD' : s.format === 'decimal' ? t('phDecimal') : s.format === 'rate' ? t('phRate') : types.includes('integer') ? t('phInteger') : '',
      oninput: (e: Event) => {
        const raw = (e.target as HTMLInputElement).value.trim();
        set(raw === '' ? undefined : numeric && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw);
      },
    });
  }

  private jsonBox(obj: Obj, key: string, path: string, set: (v: unknown) => void): HTMLElement {
    return h('textarea', {
      testid: `input-${path}`,
      rows: 3,
      value: obj[key] === undefined ? '' : JSON.stringify(obj[key]),
      oninput: (e: Event) => {
        const raw = (e.target as HTMLTextAreaElement).value.trim();
        try {
          set(raw ? JSON.parse(raw) : undefined);
        } catch {
          set(raw);
        }
      },
    });
  }

  /** Show XI errors on their fields (or above the form when no field matches). */
  /** Shows a field (unfolding 其他输入字段 if needed), marks it and puts the cursor in it. */
  focusField(path: string): boolean {
    const p = normPath(path);
    const field = [...this.host.querySelectorAll<HTMLElement>('.field')].reverse().find((f) => f.dataset.path === p);
    if (!field) return false;
    for (let d = field.closest('details'); d; d = d.parentElement?.closest('details') ?? null) (d as HTMLDetailsElement).open = true;
    field.scrollIntoView({ block: 'center' });
    field.classList.add('field-error-mark');
    field.querySelector<HTMLElement>('input, select, textarea')?.focus();
    return true;
  }

  markErrors(errors: InputError[]): void {
    for (const el of this.host.querySelectorAll('.field.invalid')) el.classList.remove('invalid');
    for (const el of this.host.querySelectorAll('.field-error')) el.textContent = '';
    const top = this.host.querySelector('.form-errors');
    if (top) top.textContent = '';
    for (const e of errors) {
      const p = normPath(e.path);
      const [m1, m2] = bi(e.message);
      const text = `${e.code} ${m1} · ${m2}`;
      const field = [...this.host.querySelectorAll<HTMLElement>('.field')].reverse().find((f) => f.dataset.path === p);
      if (field) {
        field.classList.add('invalid');
        const box = field.querySelector(':scope > .field-error');
        if (box) box.textContent = (box.textContent ? box.textContent + '\n' : '') + text;
      } else top?.append(h('div', { testid: 'form-error' }, (p ? p + ': ' : '') + text));
    }
  }
}
