// Completion: keywords (both spellings, from dsl/keywords.ts), declared names, enum members,
// input and record fields. Names declared in the text but not yet compiled are offered too.
import type * as Monaco from 'monaco-editor/editor/editor.api.js';
import { ALL_WORDS, type KeywordCategory } from '../../../dsl/keywords.ts';
import { LANGUAGE_ID } from './monarch.ts';
import { store } from '../store.ts';
import type { SymbolInfo } from '../protocol.ts';

const DECL_RE = /(?:^|\s)(?:规则|rule|参数|param|表|table|分档|bands|枚举|enum|记录|record|检查|check)\s+([\p{L}_][\p{L}\p{N}_]*)/gu;

function kindOf(monaco: typeof Monaco, s: SymbolInfo['kind'] | KeywordCategory) {
  const K = monaco.languages.CompletionItemKind;
  switch (s) {
    case 'rule': return K.Function;
    case 'param': return K.Constant;
    case 'table': case 'bands': return K.Struct;
    case 'enum': return K.Enum;
    case 'member': return K.EnumMember;
    case 'record': return K.Class;
    case 'input': return K.Variable;
    case 'field': return K.Field;
    case 'check': return K.Event;
    case 'type': return K.TypeParameter;
    case 'builtin': return K.Method;
    default: return K.Keyword;
  }
}

/** Does the document mostly use Chinese keywords? Then Chinese spellings sort first. */
function prefersChinese(text: string): boolean {
  const zh = (text.match(/规则|参数|输入|政策|依据/g) ?? []).length;
  const en = (text.match(/\b(rule|param|input|policy|cite)\b/g) ?? []).length;
  return zh >= en;
}

export function registerCompletion(monaco: typeof Monaco): void {
  monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, {
    triggerCharacters: ['.', '['],
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const before = model.getValueInRange(new monaco.Range(position.lineNumber, 1, position.lineNumber, word.startColumn));
      const syms = store.symbols;
      const item = (label: string, kind: Monaco.languages.CompletionItemKind, detail: string, doc?: string, sort = '5') => ({
        label, kind, detail, documentation: doc, insertText: label, range, sortText: sort + label,
      });
      // after `X.` : enum members or record fields
      const dot = /([\p{L}_][\p{L}\p{N}_]*)\s*\.$/u.exec(before);
      if (dot) {
        const owner = syms.find((s) => s.name === dot[1] && (s.kind === 'enum' || s.kind === 'record'));
        let typeName = owner?.name;
        if (!owner) typeName = syms.find((s) => s.name === dot[1])?.type.replace(/^列表\[(.*)\]$/, '$1');
        const members = syms.filter((s) => (s.kind === 'member' || s.kind === 'field') && s.parent === typeName);
        return { suggestions: members.map((m) => item(m.name, kindOf(monaco, m.kind), `${m.parent}.${m.name}: ${m.type}`, m.doc, '0')) };
      }
      const zhFirst = prefersChinese(model.getValue());
      const suggestions: Monaco.languages.CompletionItem[] = [];
      const seen = new Set<string>();
      for (const s of syms) {
        if (s.kind === 'field' || seen.has(s.name)) continue;
        seen.add(s.name);
        const doc = [s.cite && `依据：${s.cite}`, s.doc].filter(Boolean).join('\n');
        suggestions.push(item(s.name, kindOf(monaco, s.kind), `${s.kind} · ${s.type}`, doc, s.kind === 'member' ? '3' : '1'));
      }
      for (const m of model.getValue().matchAll(DECL_RE))
        if (!seen.has(m[1])) {
          seen.add(m[1]);
          suggestions.push(item(m[1], monaco.languages.CompletionItemKind.Reference, '（本文件声明）', undefined, '2'));
        }
      for (const w of ALL_WORDS) {
        const [first, second] = zhFirst ? [w.zh, w.en] : [w.en, w.zh];
        const k = kindOf(monaco, w.category);
        const call = w.category === 'builtin';
        for (const [label, sort] of [[first, '4'], [second, '6']] as const) {
          if (seen.has(label)) continue;
          seen.add(label);
          suggestions.push({
            ...item(label, k, `${w.category} · ${w.zh} / ${w.en}`, w.doc, sort),
            ...(call ? { insertText: `${label}($0)`, insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet } : {}),
          });
        }
      }
      return { suggestions };
    },
  });
}
