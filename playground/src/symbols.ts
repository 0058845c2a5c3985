// Symbol table for hover/completion, derived from the checked IR (the same the code generator
// reads). Values of dated versions are shown as their source text.
import type { IrPolicy, XType, IrLayer, IrExpr } from '../../compiler/ir.ts';
import type { SourceFile } from '../../dsl/ast.ts';
import type { Span } from '../../dsl/ast.ts';
import { typeName } from '../../compiler/types.ts';
import type { SymbolInfo, VersionInfo } from './protocol.ts';

/** A type as policy staff write it (金额, 列表[供养亲属记录] …): the checker's own rendering. */
export function typeText(t: XType): string {
  return typeName(t, 'zh');
}

export function buildSymbols(ir: IrPolicy, files: SourceFile[]): SymbolInfo[] {
  const text = new Map(files.map((f) => [f.path, f.text]));
  const slice = (s: Span | undefined) => {
    const src = s && text.get(s.file);
    if (!src || !s) return '';
    const t = src.slice(s.start.offset, s.end.offset).replace(/\s+/g, ' ').trim();
    return t.length > 120 ? t.slice(0, 117) + '…' : t;
  };
  const at = (s: Span) => ({ file: s.file, line: s.start.line });
  const versions = <T>(layers: IrLayer<T>[], body: (b: T, s: Span) => Span): VersionInfo[] =>
    layers.flatMap((l) =>
      l.versions.map((v) => ({ from: v.from, text: slice(body(v.body, v.span)), policy: l.policy, cite: v.cite })),
    );
  const out: SymbolInfo[] = [];
  for (const e of ir.enums) {
    out.push({ name: e.name, kind: 'enum', type: '枚举', doc: e.doc, policy: e.policy, members: e.members, ...at(e.span) });
    for (const m of e.members) out.push({ name: m, kind: 'member', type: e.name, parent: e.name, policy: e.policy });
  }
  for (const r of ir.records) {
    out.push({ name: r.name, kind: 'record', type: '记录', policy: r.policy, members: r.fields.map((f) => f.name), ...at(r.span) });
    for (const f of r.fields)
      out.push({ name: f.name, kind: 'field', type: typeText(f.type), parent: r.name, doc: f.doc, optional: f.optional, policy: f.policy });
  }
  for (const f of ir.inputs)
    out.push({ name: f.name, kind: 'input', type: typeText(f.type), doc: f.doc, optional: f.optional, policy: f.policy, ...at(f.span) });
  for (const p of ir.params)
    out.push({
      name: p.name, kind: 'param', type: typeText(p.type), cite: p.cite, doc: p.doc, required: p.required,
      versions: versions<IrExpr>(p.layers, (b) => b.span), ...at(p.span),
    });
  for (const t of ir.tables)
    out.push({
      name: t.name, kind: 'table', type: `${typeText(t.keyType)} -> ${typeText(t.valueType)}`, cite: t.cite, doc: t.doc,
      versions: versions(t.layers, (_b, s) => s), ...at(t.span),
    });
  for (const b of ir.bands)
    out.push({
      name: b.name, kind: 'bands', type: `${typeText(b.keyType)} -> ${typeText(b.valueType)}`, cite: b.cite, doc: b.doc,
      versions: versions(b.layers, (_b, s) => s), ...at(b.span),
    });
  for (const r of ir.rules)
    out.push({
      name: r.name, kind: 'rule',
      type: (r.params.length ? `(${r.params.map((p) => `${p.name}: ${typeText(p.type)}`).join(', ')}) -> ` : '') + typeText(r.type),
      cite: r.cite, doc: r.doc, versions: versions<IrExpr>(r.layers, (b) => b.span), ...at(r.span),
    });
  for (const c of ir.checks) out.push({ name: c.name, kind: 'check', type: c.severity === 'error' ? '错误' : '警告', cite: c.cite, doc: c.message, policy: c.policy, ...at(c.span) });
  return out;
}
