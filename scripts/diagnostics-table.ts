// The code tables of docs/diagnostics.md, rendered from the message catalogues themselves: one
// markdown table per layer (code | 中文 | English), template arguments shown as `{name}`. The
// generated part sits between the markers below; the hand-written explanations around it stay.
// tests/docs/diagnostics-doc.test.ts fails when the doc differs from what this renders now, so a
// new code without a row (or a changed text) fails CI until the doc is regenerated:
//   npx tsx scripts/diagnostics-table.ts          rewrite the section in docs/diagnostics.md
//   npx tsx scripts/diagnostics-table.ts --check  exit 1 when it is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliMessages } from '../cli/messages.ts';
import { caseMessages } from '../compiler/cases/messages.ts';
import { codegenMessages, compilerMessages } from '../compiler/messages.ts';
import { sqlMessages } from '../compiler/sql/messages.ts';
import { dslMessages } from '../dsl/messages.ts';
import { evalMessages } from '../runtime/evalMessages.ts';
import { inputMessages, runtimeMessages } from '../runtime/messages.ts';

export const BEGIN = '<!-- codes:begin -->';
export const END = '<!-- codes:end -->';
export const DOC_PATH = 'docs/diagnostics.md';

type Args = Record<string, string>;
/** What every catalogue has in common: a Chinese and an English template, maybe a severity. */
interface Template {
  zh: (a: Args) => string;
  en: (a: Args) => string;
  severity?: string;
}
type Catalogue = Record<string, Template>;

export interface Layer {
  /** code prefix, e.g. 'XL' */
  prefix: string;
  title: string;
  /** where the catalogue lives (repository-relative) */
  source: string;
  catalogues: Catalogue[];
}

/** Every catalogue, by layer, in the order of the pipeline (source text → checker → code → run → CLI). */
export const LAYERS: Layer[] = [
  { prefix: 'XL', title: '词法 / lexer', source: 'dsl/messages.ts', catalogues: [dslMessages] },
  { prefix: 'XP', title: '语法 / parser', source: 'dsl/messages.ts', catalogues: [dslMessages] },
  { prefix: 'XC', title: '检查 / checker', source: 'compiler/messages.ts', catalogues: [compilerMessages] },
  { prefix: 'XG', title: '代码生成 / code generation', source: 'compiler/messages.ts', catalogues: [codegenMessages] },
  { prefix: 'XS', title: 'SQL 后端 / SQL backend', source: 'compiler/sql/messages.ts', catalogues: [sqlMessages] },
  { prefix: 'XT', title: '黄金案例文件 / golden case files', source: 'compiler/cases/messages.ts', catalogues: [caseMessages] },
  { prefix: 'XR', title: '计算 / evaluation', source: 'runtime/evalMessages.ts, runtime/messages.ts', catalogues: [evalMessages, runtimeMessages] },
  { prefix: 'XI', title: '案例输入 / case input', source: 'runtime/messages.ts', catalogues: [inputMessages] },
  { prefix: 'XF', title: '命令行 / command line', source: 'cli/messages.ts', catalogues: [cliMessages] },
];

/** Arguments that render as their own name in braces: `a.name` → `{name}`. */
const PLACEHOLDERS = new Proxy({} as Args, { get: (_t, k) => (typeof k === 'string' ? `{${k}}` : undefined) });

/** One table cell: a `|` would end the cell and `<name>` would vanish as an HTML tag. */
function cell(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

/** The codes of one layer with their templates, sorted by code (a code is in one catalogue only). */
function entries(layer: Layer): [string, Template][] {
  const out = new Map<string, Template>();
  for (const c of layer.catalogues) {
    for (const [code, t] of Object.entries(c)) {
      if (!code.startsWith(layer.prefix)) continue;
      if (out.has(code)) throw new Error(`${code} is in two catalogues of layer ${layer.prefix}`);
      out.set(code, t);
    }
  }
  return [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The generated section (without the markers). */
export function renderCodeTables(layers: Layer[] = LAYERS): string {
  const parts: string[] = [
    '',
    '',
    '## Every code: Chinese and English message',
    '',
    'Generated from the catalogues by `scripts/diagnostics-table.ts` (do not edit by hand; run',
    '`npx tsx scripts/diagnostics-table.ts`). `{name}` stands for an argument filled in when the',
    'diagnostic is made (`{ … }` with spaces is literal text of the message); hints are not listed here.',
  ];
  for (const layer of layers) {
    const rows = entries(layer);
    if (rows.length === 0) continue;
    parts.push('', `### ${layer.prefix}… ${layer.title}`, '', `Catalogue: \`${layer.source}\`.`, '');
    parts.push('| code | 中文 | English |', '|---|---|---|');
    for (const [code, t] of rows) parts.push(`| ${code} | ${cell(t.zh(PLACEHOLDERS))} | ${cell(t.en(PLACEHOLDERS))} |`);
    const warnings = rows.filter(([, t]) => t.severity === 'warning').map(([c]) => c);
    if (warnings.length > 0) parts.push('', `警告（不阻止结果）/ warnings (do not block the result): ${warnings.join(', ')}.`);
  }
  parts.push('', '');
  return parts.join('\n');
}

/** The section between the markers of `doc`, or undefined when the markers are missing. */
export function codeSection(doc: string): string | undefined {
  const b = doc.indexOf(BEGIN);
  const e = doc.indexOf(END);
  if (b < 0 || e < b) return undefined;
  return doc.slice(b + BEGIN.length, e);
}

/** `doc` with the section between the markers replaced by what the catalogues render now. */
export function spliceCodeTables(doc: string, layers: Layer[] = LAYERS): string {
  const b = doc.indexOf(BEGIN);
  const e = doc.indexOf(END);
  if (b < 0 || e < b) throw new Error(`${DOC_PATH} has no ${BEGIN} … ${END} section`);
  return doc.slice(0, b + BEGIN.length) + renderCodeTables(layers) + doc.slice(e);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const doc = readFileSync(DOC_PATH, 'utf8');
  const next = spliceCodeTables(doc);
  if (process.argv.includes('--check')) {
    if (next !== doc) {
      console.error(`${DOC_PATH} 的代码表已过时，请运行 npx tsx scripts/diagnostics-table.ts / the code tables of ${DOC_PATH} are out of date; run npx tsx scripts/diagnostics-table.ts`);
      process.exit(1);
    }
  } else if (next !== doc) {
    writeFileSync(DOC_PATH, next);
    console.log(`${DOC_PATH}: code tables rewritten`);
  }
}
