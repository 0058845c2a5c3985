// Test helpers: compile in-memory policies and locate diagnostics by the text they point at.
import { expect } from 'vitest';
import type { Diagnostic } from '../../dsl/diagnostic.ts';
import { compilePolicy, type CompileResult } from '../../compiler/index.ts';

export const HEADER = '政策 测试 标题 "测试" 生效 2020-01-01 舍入 四舍五入 到 分\n';

/** Files of one policy: path → text. */
export type Folder = Record<string, string>;

export function compileFolders(leaf: Folder, parents: Record<string, Folder> = {}): CompileResult {
  const toFiles = (f: Folder) => Object.entries(f).map(([path, text]) => ({ path, text }));
  return compilePolicy({ files: toFiles(leaf), resolve: (name) => (parents[name] ? toFiles(parents[name]) : undefined) });
}

/** Compile one file `t.xize` holding HEADER + body. */
export function compileBody(body: string): CompileResult & { text: string } {
  const text = HEADER + body;
  return { ...compileFolders({ 't.xize': text }), text };
}

/** 1-based line/column of the `nth` occurrence of `needle` in `text`. */
export function posOf(text: string, needle: string, nth = 1): { line: number; column: number } {
  let i = -1;
  for (let k = 0; k < nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`needle not found: ${needle}`);
  }
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

export function codes(diags: Diagnostic[]): string[] {
  return diags.map((d) => d.code);
}

/** Exactly one diagnostic with `code`, at the position of `needle`, with both languages. */
export function expectDiag(r: { diagnostics: Diagnostic[] }, code: string, file: string, text: string, needle: string, nth = 1): Diagnostic {
  const found = r.diagnostics.filter((d) => d.code === code);
  expect(found.length, `${code} in ${JSON.stringify(codes(r.diagnostics))}: ${r.diagnostics.map((d) => d.message.en).join(' | ')}`).toBeGreaterThanOrEqual(1);
  const p = posOf(text, needle, nth);
  const d = found.find((x) => x.span.file === file && x.span.start.line === p.line && x.span.start.column === p.column);
  expect(d, `${code} at ${file}:${p.line}:${p.column}; got ${found.map((x) => `${x.span.file}:${x.span.start.line}:${x.span.start.column}`).join(', ')}`).toBeDefined();
  expect(d!.message.zh.length).toBeGreaterThan(0);
  expect(d!.message.en.length).toBeGreaterThan(0);
  return d!;
}

export function errorsOf(r: { diagnostics: Diagnostic[] }): Diagnostic[] {
  return r.diagnostics.filter((d) => d.severity === 'error');
}
