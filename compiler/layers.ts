// Layer pass: turn the merged declarations of params, tables, bands and rules into IR layers
// (one per declaring/overriding policy, root first), type-checking every value. Also checks
// version dates (XC081), citations of rules (XC080) and resolves rule rounding.
import type { BandsDecl, RuleDecl, TableDecl, Versioned } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import type { IrBand, IrBands, IrExpr, IrLayer, IrParam, IrRounding, IrRule, IrTable, IrTableVersionBody, IrVersion, XType } from './ir.ts';
import { checkDateText, checkExpected, err, type Ctx } from './checkTypes.ts';
import { expandKeys } from './keys.ts';
import { MAX_TABLE_ROWS } from './limits.ts';
import type { Owned, Symbols, ValueSym } from './symbols.ts';
import { isUnknown, typeArgs } from './types.ts';

export function newCtx(syms: Symbols, diags: Diagnostic[], cite?: string, locals?: Map<string, XType>): Ctx {
  return { syms, diags, scopes: locals ? [locals] : [], cite };
}

function versions<T, U>(ctx: Ctx, vs: Versioned<T>[], declCite: string | undefined, conv: (body: T) => U): IrVersion<U>[] {
  const out: IrVersion<U>[] = [];
  let last: string | null | undefined;
  for (const v of vs) {
    const from = v.from?.value ?? null;
    if (v.from) checkDateText(ctx, v.from.value, v.from.span);
    if (last !== undefined && (from === null || (last !== null && from <= last))) {
      const dup = from === last;
      err(ctx, 'XC081', v.from?.span ?? v.span, {
        problem: dup ? '重复' : '未按先后顺序排列',
        problemEn: dup ? 'repeat' : 'are not ascending',
        date: from ?? '(始终 / always)',
      });
    }
    last = from;
    const cite = v.cite?.text ?? declCite;
    out.push({ from, body: conv(v.body), span: v.span, ...(cite ? { cite } : {}) });
  }
  return out.sort((a, b) => (a.from === b.from ? 0 : a.from === null ? -1 : b.from === null ? 1 : a.from < b.from ? -1 : 1));
}

export function buildParam(syms: Symbols, v: Extract<ValueSym, { kind: 'param' }>, diags: Diagnostic[]): IrParam {
  const base = v.decls[0].decl;
  const layers: IrLayer<IrExpr>[] = v.decls.map(({ decl, policy }) => {
    const ctx = newCtx(syms, diags, decl.cite?.text ?? base.cite?.text);
    return { policy, versions: versions(ctx, decl.versions, decl.cite?.text, (e) => checkExpected(ctx, e, v.type)) };
  });
  // the range belongs to the declaration: an override may not widen (or restate) it
  for (const { decl } of v.decls.slice(1)) {
    if (decl.range) err(newCtx(syms, diags, decl.cite?.text ?? base.cite?.text), 'XC069', decl.range.span, { name: v.name, problem: '只能写在参数的声明处，覆盖不能改变', problemEn: 'belongs to the declaration; an override cannot change it' });
  }
  let range: IrParam['range'];
  if (base.range) {
    const ctx = newCtx(syms, diags, base.cite?.text);
    const numeric = ['money', 'rate', 'number', 'integer', 'duration'].includes(v.type.kind);
    if (!numeric && !isUnknown(v.type)) {
      err(ctx, 'XC069', base.range.span, { name: v.name, problem: '只能用于金额、比率、数值、整数或期限类型的参数', problemEn: 'applies only to money, rate, number, integer or duration parameters' });
    } else {
      range = { lo: checkExpected(ctx, base.range.from, v.type), hi: checkExpected(ctx, base.range.to, v.type), policy: v.decls[0].policy, span: base.range.span };
    }
  }
  return {
    name: v.name, type: v.type, required: base.required, layers, span: base.span, ...(range ? { range } : {}),
    ...(base.cite ? { cite: base.cite.text } : {}), ...(base.doc ? { doc: base.doc.text } : {}),
  };
}

function tableBody(ctx: Ctx, name: string, rows: TableDecl['versions'][number]['body'], keyType: XType, valueType: XType): IrTableVersionBody {
  const body: IrTableVersionBody = { rows: [] };
  const seen = new Set<string | number>();
  for (const [n, row] of rows.entries()) {
    if (n === MAX_TABLE_ROWS) {
      // reported once, at the first row past the limit; the rest is not checked
      err(ctx, 'XC095', row.span, { name, rows: String(rows.length), limit: String(MAX_TABLE_ROWS) });
      break;
    }
    const value = checkExpected(ctx, row.value, valueType);
    if (row.keys === 'otherwise') {
      if (body.otherwise) err(ctx, 'XC031', row.span, { key: '否则 / otherwise' });
      else body.otherwise = value;
      continue;
    }
    const keys: (string | number)[] = [];
    for (const k of expandKeys(ctx, row.keys, keyType)) {
      if (seen.has(k.key)) err(ctx, 'XC031', k.span, { key: String(k.key) });
      else keys.push(k.key);
      seen.add(k.key);
    }
    if (keys.length > 0) body.rows.push({ keys, value });
  }
  return body;
}

export function buildTable(syms: Symbols, v: Extract<ValueSym, { kind: 'table' }>, diags: Diagnostic[]): IrTable {
  const base = v.decls[0].decl;
  const kt = v.keyType;
  if (!isUnknown(kt) && kt.kind !== 'enum' && kt.kind !== 'integer') {
    err(newCtx(syms, diags, base.cite?.text), 'XC034', base.keyType?.span ?? base.name.span, typeArgs('actual', kt));
  }
  const layers = v.decls.map(({ decl, policy }: Owned<TableDecl>, i) => {
    const ctx = newCtx(syms, diags, decl.cite?.text ?? base.cite?.text);
    const vs = versions(ctx, decl.versions, decl.cite?.text, (rows) => tableBody(ctx, v.name, rows, kt, v.valueType));
    return { policy, versions: i === 0 ? vs : fromEffective(syms, policy, vs) };
  });
  return {
    name: v.name, keyType: kt, valueType: v.valueType, required: base.required === true, layers, span: base.span,
    ...(base.cite ? { cite: base.cite.text } : {}), ...(base.doc ? { doc: base.doc.text } : {}),
  };
}

/** An undated `覆盖 表` takes effect from the overriding policy's `生效` date: before it the
 * inherited rows hold. Rows are merged per key with the parent's, so "at every date" would leave
 * the members the override does not name uncovered before the parent's first version (and would
 * move a 2016 lookup `表[k] 于 受伤日期` in a policy effective 2018 onto that policy's figures). */
function fromEffective<U>(syms: Symbols, policy: string, vs: IrVersion<U>[]): IrVersion<U>[] {
  const eff = syms.chain.find((u) => u.name === policy)?.header?.effective?.value;
  if (!eff) return vs;
  return vs.map((v) => (v.from === null ? { ...v, from: eff } : v));
}

const BAND_KEYS = new Set(['money', 'rate', 'number', 'integer', 'duration']);

export function buildBands(syms: Symbols, v: Extract<ValueSym, { kind: 'bands' }>, diags: Diagnostic[]): IrBands {
  const base = v.decls[0].decl;
  const kt = v.keyType;
  if (!isUnknown(kt) && !BAND_KEYS.has(kt.kind)) {
    err(newCtx(syms, diags, base.cite?.text), 'XC043', base.keyType?.span ?? base.name.span, typeArgs('actual', kt));
  }
  const layers = v.decls.map(({ decl, policy }: Owned<BandsDecl>) => {
    const ctx = newCtx(syms, diags, decl.cite?.text ?? base.cite?.text);
    const bound = (b: { value: import('../dsl/ast.ts').Expr | 'inf'; inclusive: boolean }) => ({
      value: b.value === 'inf' ? null : checkExpected(ctx, b.value, kt),
      inclusive: b.inclusive,
    });
    const conv = (bands: BandsDecl['versions'][number]['body']): IrBand[] =>
      bands.map((b) => ({ lower: bound(b.lower), upper: bound(b.upper), value: checkExpected(ctx, b.value, v.valueType) }));
    return { policy, versions: versions(ctx, decl.versions, decl.cite?.text, conv) };
  });
  return {
    name: v.name, keyType: kt, valueType: v.valueType, layers, span: base.span,
    ...(base.cite ? { cite: base.cite.text } : {}), ...(base.doc ? { doc: base.doc.text } : {}),
  };
}

function hasCitation(d: RuleDecl): boolean {
  return !!d.cite || (d.versions.length > 0 && d.versions.every((x) => !!x.cite));
}

export function buildRule(syms: Symbols, v: Extract<ValueSym, { kind: 'rule' }>, diags: Diagnostic[], headerRounding: IrRounding | null): IrRule {
  const base = v.decls[0].decl;
  const locals = new Map(v.params.map((p) => [p.name, p.type] as [string, XType]));
  const layers = v.decls.map(({ decl, policy }) => {
    const ctx = newCtx(syms, diags, decl.cite?.text ?? base.cite?.text, locals);
    if (!hasCitation(decl)) err(ctx, 'XC080', decl.name.span, { name: v.name });
    return { policy, versions: versions(ctx, decl.versions, decl.cite?.text, (e) => checkExpected(ctx, e, v.type)) };
  });
  let rounding: IrRounding | null = null;
  const own = [...v.decls].reverse().find((d) => d.decl.rounding !== undefined)?.decl.rounding;
  if (own === 'none') rounding = null;
  else if (own) rounding = { mode: own.mode, unit: own.unit };
  else if (!isUnknown(v.type) && v.type.kind === 'money') rounding = headerRounding;
  return {
    name: v.name, params: v.params, type: v.type, rounding, layers, exceptions: [], span: base.span,
    ...(base.cite ? { cite: base.cite.text } : {}), ...(base.doc ? { doc: base.doc.text } : {}),
  };
}
