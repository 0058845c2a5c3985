// Monaco language definition for Xize, generated from THE keyword table (dsl/keywords.ts):
// both spellings of every keyword, type name and builtin. Nothing is listed by hand here.
import type * as Monaco from 'monaco-editor/editor/editor.api.js';
import { ALL_WORDS, type KeywordCategory } from '../../../dsl/keywords.ts';

export const LANGUAGE_ID = 'xize';

const words = (...cats: KeywordCategory[]) =>
  ALL_WORDS.filter((w) => cats.includes(w.category)).flatMap((w) => [w.zh, w.en]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Unit suffixes glued to a number (`1500元`, `5个工作日`, `3 months`), longest first.
const UNITS = words('unit')
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');

export const monarch: Monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  unicode: true,
  tokenPostfix: '.xize',
  declarations: words('declaration'),
  modifiers: words('modifier'),
  controls: words('control', 'operator-word'),
  literals: words('literal'),
  roundings: words('rounding'),
  units: words('unit'),
  typeNames: words('type'),
  builtins: words('builtin'),
  brackets: [
    { open: '{', close: '}', token: 'delimiter.curly' },
    { open: '[', close: ']', token: 'delimiter.square' },
    { open: '(', close: ')', token: 'delimiter.parenthesis' },
    { open: '（', close: '）', token: 'delimiter.parenthesis' },
  ],
  tokenizer: {
    root: [
      { include: '@whitespace' },
      [/\d{4}-\d{2}-\d{2}/, 'number.date'],
      [new RegExp(`\\d+(?:\\.\\d+)?\\s*(?:${UNITS})(?![\\p{L}\\p{N}_])`, 'u'), 'number.unit'],
      [/\d+(?:\.\d+)?[%‰]/, 'number.percent'],
      [/\d+(?:\.\d+)?/, 'number'],
      [
        /[\p{L}_][\p{L}\p{N}_]*/u,
        {
          cases: {
            '@declarations': 'keyword.declaration',
            '@modifiers': 'keyword.modifier',
            '@controls': 'keyword.control',
            '@literals': 'constant.language',
            '@roundings': 'keyword.rounding',
            '@units': 'keyword.unit',
            '@typeNames': 'type',
            '@builtins': 'predefined',
            '@default': 'identifier',
          },
        },
      ],
      [/"/, 'string', '@string'],
      [/“/, 'string', '@fullwidthString'],
      [/[{}[\]()（）]/, '@brackets'],
      [/=>|\.\.|<=|>=|!=|[≤≥≠×÷*/+\-=<>]/, 'operator'],
      [/[:：,，;.]/, 'delimiter'],
    ],
    whitespace: [
      [/[ \t\r\n\u3000]+/, ''],
      [/\/\*/, 'comment', '@comment'],
      [/\/\/.*$/, 'comment'],
    ],
    comment: [
      [/[^/*]+/, 'comment'],
      [/\*\//, 'comment', '@pop'],
      [/[/*]/, 'comment'],
    ],
    string: [
      [/[^\\"]+/, 'string'],
      [/\\./, 'string.escape'],
      [/"/, 'string', '@pop'],
    ],
    fullwidthString: [
      [/[^”]+/, 'string'],
      [/”/, 'string', '@pop'],
    ],
  },
};

export const languageConfiguration: Monaco.languages.LanguageConfiguration = {
  comments: { lineComment: '//', blockComment: ['/*', '*/'] },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
    ['（', '）'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '（', close: '）' },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
    { open: '“', close: '”', notIn: ['string', 'comment'] },
    { open: '/*', close: ' */', notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"' },
  ],
  folding: {
    markers: { start: /^\s*\/\/\s*#?region\b/, end: /^\s*\/\/\s*#?endregion\b/ },
  },
  indentationRules: {
    increaseIndentPattern: /[{[(（]\s*(\/\/.*)?$/,
    decreaseIndentPattern: /^\s*[}\])）]/,
  },
  wordPattern: /[\p{L}_][\p{L}\p{N}_]*|\d+(?:\.\d+)?/u,
};

/** Token colours matching the page's palette (light theme). */
export const themeRules: Monaco.editor.ITokenThemeRule[] = [
  { token: 'keyword.declaration', foreground: '8b1a1a', fontStyle: 'bold' },
  { token: 'keyword.modifier', foreground: 'a0522d' },
  { token: 'keyword.control', foreground: '7b2d8b', fontStyle: 'bold' },
  { token: 'keyword.rounding', foreground: '00707a' },
  { token: 'keyword.unit', foreground: '00707a' },
  { token: 'constant.language', foreground: '0b6e4f', fontStyle: 'bold' },
  { token: 'type', foreground: '1c5fa8' },
  { token: 'predefined', foreground: '795e26' },
  { token: 'identifier', foreground: '1f2328' },
  { token: 'number', foreground: '0a7d32' },
  { token: 'string', foreground: 'a31515' },
  { token: 'comment', foreground: '6a737d', fontStyle: 'italic' },
  { token: 'operator', foreground: '444444' },
];

export function registerXize(monaco: typeof Monaco): void {
  monaco.languages.register({ id: LANGUAGE_ID, extensions: ['.xize'], aliases: ['Xize', '细则'] });
  monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, monarch);
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, languageConfiguration);
  monaco.editor.defineTheme('xize-light', { base: 'vs', inherit: true, rules: themeRules, colors: {} });
}
