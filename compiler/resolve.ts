// Resolve pass: parse every file of the policy and of each ancestor, find the one header of
// each policy, and build the chain root → leaf. Reports XC003 (no header), XC004 (several),
// XC005 (parent not found), XC006 (extends cycle). Parser diagnostics are collected too.
import type { FileAst, PolicyHeader, SourceFile, Span } from '../dsl/ast.ts';
import { makeDiagnostic, type Diagnostic } from '../dsl/diagnostic.ts';
import { dslMessages } from '../dsl/messages.ts';
import { report } from './messages.ts';

export type PolicyResolver = (name: string) => SourceFile[] | undefined;
export type ParseFn = (file: SourceFile) => { ast: FileAst; diagnostics: Diagnostic[] };

/** One policy of the chain: its header (if found) and the ASTs of its files. */
export interface PolicyUnit {
  name: string;
  header?: PolicyHeader;
  asts: FileAst[];
}

export function startSpan(file: string): Span {
  const p = { offset: 0, line: 1, column: 1 };
  return { file, start: p, end: p };
}

function loadUnit(
  files: SourceFile[],
  fallbackName: string,
  parse: ParseFn,
  diags: Diagnostic[],
  sources: Map<string, SourceFile>,
): PolicyUnit {
  const asts: FileAst[] = [];
  const headers: PolicyHeader[] = [];
  for (const f of files) {
    sources.set(f.path, f);
    let res: { ast: FileAst; diagnostics: Diagnostic[] };
    try {
      res = parse(f);
    } catch (err) {
      // A parser crash must not hide the diagnostics of the other files.
      res = { ast: { file: f.path, declarations: [] }, diagnostics: [] };
      diags.push(makeDiagnostic(dslMessages, 'XP000', startSpan(f.path), { error: String(err) }));
    }
    diags.push(...res.diagnostics);
    asts.push(res.ast);
    for (const d of res.ast.declarations) if (d.kind === 'header') headers.push(d);
  }
  // a file refused for its size (XL006) was not read: its header may well be in it
  const unread = diags.some((d) => d.code === 'XL006' && files.some((f) => f.path === d.span.file));
  if (headers.length === 0 && !unread) {
    report(diags, 'XC003', startSpan(files[0]?.path ?? ''), { name: fallbackName });
  }
  for (const extra of headers.slice(1)) {
    report(diags, 'XC004', extra.name.span, { name: headers[0].name.text }, {
      related: [{ span: headers[0].name.span, message: { zh: '第一个政策头', en: 'the first header' } }],
    });
  }
  const header = headers[0];
  return { name: header?.name.text ?? fallbackName, header, asts };
}

/**
 * Build the chain root → leaf. The leaf is the policy made of `files`; `resolve` supplies the
 * files of a parent by name. Always returns at least the leaf unit.
 */
export function resolveChain(
  files: SourceFile[],
  resolve: PolicyResolver | undefined,
  parse: ParseFn,
  diags: Diagnostic[],
  sources: Map<string, SourceFile>,
): PolicyUnit[] {
  const leaf = loadUnit(files, '?', parse, diags, sources);
  const chain = [leaf];
  const seen = new Set([leaf.name]);
  let cur = leaf;
  while (cur.header?.extends) {
    const ext = cur.header.extends;
    const parentName = ext.text;
    if (seen.has(parentName)) {
      const names = chain.map((u) => u.name);
      const path = [...names.slice(names.indexOf(parentName)), parentName].join(' → ');
      report(diags, 'XC006', ext.span, { path });
      break;
    }
    const parentFiles = resolve?.(parentName);
    if (!parentFiles || parentFiles.length === 0) {
      report(diags, 'XC005', ext.span, { name: parentName });
      break;
    }
    const parent = loadUnit(parentFiles, parentName, parse, diags, sources);
    if (seen.has(parent.name)) {
      const names = chain.map((u) => u.name);
      const path = [...names.slice(names.indexOf(parent.name)), parent.name].join(' → ');
      report(diags, 'XC006', ext.span, { path });
      break;
    }
    seen.add(parent.name);
    chain.push(parent);
    cur = parent;
  }
  return chain.reverse();
}
