// Merge pass: walk the chain root → leaf and build the symbol table. Within one policy a name
// is declared once (XC002). A child may add inputs, enums, records and checks but not
// redeclare them (XC013); it replaces an inherited param/table/bands/rule only with 覆盖
// (XC011), and an override must target an inherited declaration of the same kind (XC010).
// Declaration types are resolved at the end (records, inputs, params, tables, bands, rules).
import type { Declaration, FieldDecl, Name, Span } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import { checkOverrideTypes } from './checkOverrides.ts';
import { report } from './messages.ts';
import type { PolicyUnit } from './resolve.ts';
import { KIND_WORDS, resolveType, type FieldSym, type Symbols, type ValueSym } from './symbols.ts';
import { UNKNOWN } from './types.ts';

type NamedDecl = { kind: string; name: Name; span: Span; decl: Declaration | null; field?: FieldDecl };
type Space = 'v' | 't' | 'c';

function spaceOf(kind: string): Space {
  return kind === 'enum' || kind === 'record' ? 't' : kind === 'check' ? 'c' : 'v';
}

export function mergeChain(chain: PolicyUnit[], diags: Diagnostic[]): Symbols {
  const syms: Symbols = {
    chain,
    enums: new Map(),
    records: new Map(),
    values: new Map(),
    members: new Map(),
    checks: [],
    exceptions: [],
    calendars: [],
  };
  // where each name was first declared (space:name → policy + span), for XC011/XC013
  const origin = new Map<string, { policy: string; kind: string }>();

  for (const unit of chain) {
    const policy = unit.name;
    const own = new Map<string, NamedDecl>();
    const overrides: NamedDecl[] = [];
    const addOwn = (nd: NamedDecl) => {
      if (!nd.name.text) return; // recovered by the parser without a name: already reported
      const key = spaceOf(nd.kind) + ':' + nd.name.text;
      const prev = own.get(key);
      if (prev) {
        report(diags, 'XC002', nd.name.span, { name: nd.name.text }, {
          related: [{ span: prev.name.span, message: { zh: '先前的声明', en: 'the earlier declaration' } }],
        });
        return;
      }
      own.set(key, nd);
    };
    for (const ast of unit.asts) {
      for (const d of ast.declarations) {
        switch (d.kind) {
          case 'header':
            break;
          case 'calendar':
            syms.calendars.push(d);
            break;
          case 'exception':
            syms.exceptions.push({ decl: d, policy });
            break;
          case 'input':
            for (const f of d.fields) addOwn({ kind: 'input', name: f.name, span: f.span, decl: null, field: f });
            break;
          case 'param':
          case 'table':
          case 'bands':
          case 'rule':
            if (!d.name.text) break;
            if (d.override) overrides.push({ kind: d.kind, name: d.name, span: d.span, decl: d });
            else addOwn({ kind: d.kind, name: d.name, span: d.span, decl: d });
            break;
          default:
            addOwn({ kind: d.kind, name: d.name, span: d.span, decl: d });
        }
      }
    }

    // overrides target what the ancestors declared (this policy's own names are not yet added)
    const overridden = new Map<string, NamedDecl>();
    for (const ov of overrides) {
      const name = ov.name.text;
      const w = KIND_WORDS[ov.kind];
      const prevOv = overridden.get(name);
      if (prevOv) {
        report(diags, 'XC002', ov.name.span, { name }, {
          related: [{ span: prevOv.name.span, message: { zh: '先前的覆盖', en: 'the earlier override' } }],
        });
        continue;
      }
      const target = syms.values.get(name);
      if (!target || target.kind !== ov.kind) {
        let hintZh: string | undefined;
        let hintEn: string | undefined;
        if (target) {
          const tw = KIND_WORDS[target.kind];
          hintZh = `“${name}”是${tw.zh}，请写 覆盖 ${tw.zh} ${name}`;
          hintEn = `'${name}' is a ${tw.en}: write \`override ${tw.en} ${name}\``;
        } else if (own.has('v:' + name)) {
          hintZh = `“${name}”在本政策中声明，直接修改该声明即可`;
          hintEn = `'${name}' is declared in this policy: edit that declaration instead`;
        }
        report(diags, 'XC010', ov.name.span, { name, what: w.zh, whatEn: w.en, ...(hintZh ? { hintZh, hintEn: hintEn! } : {}) });
        continue;
      }
      overridden.set(name, ov);
      (target as unknown as { decls: { decl: Declaration; policy: string }[] }).decls.push({ decl: ov.decl!, policy });
    }

    for (const [key, nd] of own) {
      const name = nd.name.text;
      const from = origin.get(key);
      if (from) {
        const w = KIND_WORDS[nd.kind];
        const inheritable = nd.kind === 'param' || nd.kind === 'table' || nd.kind === 'bands' || nd.kind === 'rule';
        if (inheritable && from.kind === nd.kind) {
          report(diags, 'XC011', nd.name.span, { name, parent: from.policy, kw: w.zh, kwEn: w.en });
        } else if (inheritable) {
          report(diags, 'XC011', nd.name.span, { name, parent: from.policy, kw: KIND_WORDS[from.kind].zh, kwEn: KIND_WORDS[from.kind].en });
        } else {
          report(diags, 'XC013', nd.name.span, { name, parent: from.policy, what: w.zh, whatEn: w.en });
        }
        continue;
      }
      origin.set(key, { policy, kind: nd.kind });
      addSymbol(syms, nd, policy, diags);
    }
  }
  resolveDeclaredTypes(syms, diags);
  return syms;
}

function addSymbol(syms: Symbols, nd: NamedDecl, policy: string, diags: Diagnostic[]): void {
  const name = nd.name.text;
  const d = nd.decl;
  if (nd.kind === 'input') {
    syms.values.set(name, { kind: 'input', name, field: nd.field!, policy, type: UNKNOWN });
    return;
  }
  if (!d) return;
  switch (d.kind) {
    case 'enum': {
      const index = new Map<string, number>();
      const members: string[] = [];
      for (const mem of d.members) {
        if (index.has(mem.text)) {
          report(diags, 'XC002', mem.span, { name: mem.text });
          continue;
        }
        index.set(mem.text, members.length);
        members.push(mem.text);
        const list = syms.members.get(mem.text);
        if (list) list.push(name);
        else syms.members.set(mem.text, [name]);
      }
      syms.enums.set(name, { decl: d, policy, members, index });
      return;
    }
    case 'record':
      syms.records.set(name, { decl: d, policy, fields: new Map() });
      return;
    case 'check':
      syms.checks.push({ decl: d, policy });
      return;
    case 'param':
      syms.values.set(name, { kind: 'param', name, decls: [{ decl: d, policy }], type: UNKNOWN });
      return;
    case 'table':
      syms.values.set(name, { kind: 'table', name, decls: [{ decl: d, policy }], keyType: UNKNOWN, valueType: UNKNOWN });
      return;
    case 'bands':
      syms.values.set(name, { kind: 'bands', name, decls: [{ decl: d, policy }], keyType: UNKNOWN, valueType: UNKNOWN });
      return;
    case 'rule':
      syms.values.set(name, { kind: 'rule', name, decls: [{ decl: d, policy }], type: UNKNOWN, params: [] });
      return;
  }
}

function resolveDeclaredTypes(syms: Symbols, diags: Diagnostic[]): void {
  for (const rec of syms.records.values()) {
    for (const f of rec.decl.fields) {
      if (rec.fields.has(f.name.text)) {
        report(diags, 'XC002', f.name.span, { name: f.name.text });
        continue;
      }
      const fs: FieldSym = { name: f.name.text, type: resolveType(syms, f.type, diags), optional: f.optional, decl: f };
      rec.fields.set(f.name.text, fs);
    }
  }
  for (const v of syms.values.values()) resolveValueType(syms, v, diags);
}

function resolveValueType(syms: Symbols, v: ValueSym, diags: Diagnostic[]): void {
  switch (v.kind) {
    case 'input':
      v.type = resolveType(syms, v.field.type, diags);
      return;
    case 'param':
      v.type = resolveType(syms, v.decls[0].decl.type, diags);
      break;
    case 'table':
    case 'bands':
      v.keyType = resolveType(syms, v.decls[0].decl.keyType, diags);
      v.valueType = resolveType(syms, v.decls[0].decl.valueType, diags);
      break;
    case 'rule': {
      const base = v.decls[0].decl;
      v.type = resolveType(syms, base.type, diags);
      v.params = base.params.map((p) => ({ name: p.name.text, type: resolveType(syms, p.type, diags) }));
      const seen = new Set<string>();
      for (const p of base.params) {
        if (seen.has(p.name.text)) report(diags, 'XC002', p.name.span, { name: p.name.text });
        seen.add(p.name.text);
      }
      break;
    }
  }
  checkOverrideTypes(syms, v, diags);
}
