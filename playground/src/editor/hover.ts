// Hover on a name: its kind and type, citation, doc, effective-dated values and — for the
// selected case — its current value. Hover on a keyword: its doc from dsl/keywords.ts.
import type * as Monaco from 'monaco-editor/editor/editor.api.js';
import { ALL_WORDS } from '../../../dsl/keywords.ts';
import { LANGUAGE_ID } from './monarch.ts';
import { store } from '../store.ts';
import type { SymbolInfo } from '../protocol.ts';

const KIND_ZH: Record<SymbolInfo['kind'], string> = {
  input: '输入', param: '参数', table: '表', bands: '分档', rule: '规则', enum: '枚举',
  member: '枚举成员', record: '记录', field: '字段', check: '检查',
};
const md = (s: string) => s.replace(/([\\`*_{}[\]<>|])/g, '\\$1');

export function hoverText(name: string): string[] | null {
  const found = store.symbols.filter((s) => s.name === name);
  if (found.length) {
    const s = found.find((x) => x.kind !== 'member' && x.kind !== 'field') ?? found[0];
    const parts = [`**${KIND_ZH[s.kind]} ${md(s.name)}** : \`${s.type}\`${s.optional ? '（可选 optional）' : ''}${s.required ? '（必填 required）' : ''}`];
    if (s.parent) parts.push(`${md(s.parent)}.${md(s.name)}`);
    if (s.cite) parts.push(`依据 cite：${md(s.cite)}`);
    if (s.doc) parts.push(md(s.doc));
    if (s.members?.length) parts.push(md(s.members.join('、')));
    if (s.versions?.length && s.versions.some((v) => v.text))
      parts.push(
        ['生效版本 versions:', ...s.versions.map((v) => `- ${v.from ? `自 ${v.from}` : '（不限日期）'}：\`${v.text.replace(/`/g, "'")}\` · ${md(v.policy)}${v.cite ? ` 〔${md(v.cite)}〕` : ''}`)].join('\n'),
      );
    const val = store.caseValues.get(s.name);
    if (val !== undefined) parts.push(`**本案值 in ${md(store.caseLabel)}**：${md(val)}`);
    return parts;
  }
  const kw = ALL_WORDS.find((w) => w.zh === name || w.en === name);
  return kw ? [`**${kw.zh} / ${kw.en}** · ${kw.category}`, md(kw.doc)] : null;
}

export function registerHover(monaco: typeof Monaco): void {
  monaco.languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover(model, position) {
      const w = model.getWordAtPosition(position);
      if (!w) return null;
      const parts = hoverText(w.word);
      if (!parts) return null;
      return {
        range: new monaco.Range(position.lineNumber, w.startColumn, position.lineNumber, w.endColumn),
        contents: parts.map((value) => ({ value })),
      };
    },
  });
}
