// Type pass, core: AST expressions → typed IrExpr. Literals, names (locals → inputs/params/
// rules → enum members), qualified names (enum member or field access, by scope), fields,
// table/band lookups and `于`. Operators live in checkOperators.ts, calls in checkCalls.ts.
// Expressions that already failed get the UNKNOWN type, which unifies with everything.
import Decimal from 'decimal.js';
import type { Expr, Name, Span } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import { KEYWORDS } from '../dsl/keywords.ts';
import type { IrExpr, XType } from './ir.ts';
import { report } from './messages.ts';
import { checkCall, checkLambdaMisuse } from './checkCalls.ts';
import { checkBinary, checkIn, checkMatch, checkUnary, checkWhen } from './checkOperators.ts';
import { suggest, type Symbols } from './symbols.ts';
import { assignable, isUnknown, T, typeArgs, unify, UNKNOWN } from './types.ts';

export interface Ctx {
  syms: Symbols;
  diags: Diagnostic[];
  /** Innermost scope last: rule parameters, lambda variables. */
  scopes: Map<string, XType>[];
  /** Citation of the declaration being checked (shown with its diagnostics). */
  cite?: string;
}

export function err(ctx: Ctx, code: string, span: Span, args: Record<string, string> = {}): void {
  report(ctx.diags, code, span, args, ctx.cite ? { cite: ctx.cite } : {});
}

export function unknownExpr(span: Span): IrExpr {
  return { k: 'lit', value: '', type: UNKNOWN, span };
}

export function lookupLocal(ctx: Ctx, name: string): XType | undefined {
  for (let i = ctx.scopes.length - 1; i >= 0; i--) {
    const t = ctx.scopes[i].get(name);
    if (t) return t;
  }
  return undefined;
}

/** Check `e` and require its type to be assignable to `expected` (XC020 otherwise). */
export function checkExpected(ctx: Ctx, e: Expr, expected: XType): IrExpr {
  const ir = checkExpr(ctx, e, expected);
  if (!assignable(ir.type, expected)) {
    const hint = unitHint(ir.type, expected);
    err(ctx, 'XC020', e.span, { ...typeArgs('expected', expected), ...typeArgs('actual', ir.type), ...hint });
  }
  return ir;
}

export function unitHint(actual: XType, expected: XType): Record<string, string> {
  const numeric = actual.kind === 'integer' || actual.kind === 'number';
  if (numeric && expected.kind === 'money') return { hintZh: '金额字面量要带单位，如 0元', hintEn: 'money literals carry a unit, e.g. 0 yuan' };
  if (numeric && expected.kind === 'rate') return { hintZh: '比率字面量写成百分数，如 0%', hintEn: 'write rates as percentages, e.g. 0%' };
  if (numeric && expected.kind === 'duration') return { hintZh: '期限字面量要带单位，如 30天', hintEn: 'durations carry a unit, e.g. 30 days' };
  return {};
}

function isValidDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Check a date literal written in a declaration (version `自`, calendar entries). */
export function checkDateText(ctx: Ctx, value: string, span: Span): boolean {
  if (isValidDate(value)) return true;
  err(ctx, 'XC029', span, { value });
  return false;
}

export function checkExpr(ctx: Ctx, e: Expr, hint?: XType): IrExpr {
  const span = e.span;
  switch (e.kind) {
    case 'number':
      return { k: 'lit', value: e.value, type: /^-?\d+$/.test(e.value) ? T.integer : T.number, span };
    case 'percent':
      return { k: 'lit', value: new Decimal(e.value).div(e.perMille ? 1000 : 100).toFixed(), type: T.rate, span };
    case 'money':
      return { k: 'lit', value: e.value, type: T.money, span };
    case 'duration': {
      if (e.unit === 'years') return { k: 'lit', value: new Decimal(e.value).mul(12).toFixed(), type: T.months, span };
      return { k: 'lit', value: e.value, type: e.unit === 'days' ? T.days : e.unit === 'months' ? T.months : T.workdays, span };
    }
    case 'date':
      checkDateText(ctx, e.value, span);
      return { k: 'lit', value: e.value, type: T.date, span };
    case 'string':
      return { k: 'lit', value: e.value, type: T.text, span };
    case 'boolean':
      return { k: 'lit', value: e.value, type: T.boolean, span };
    case 'asOf':
      return { k: 'asOf', type: T.date, span };
    case 'roundingUnit':
      err(ctx, 'XC025', span, { name: e.unit, problem: '是舍入单位，只能作为 四舍五入/向下取整/向上取整 的第二个参数', problemEn: 'is a rounding unit, allowed only as the second argument of round/floor/ceil' });
      return unknownExpr(span);
    case 'error':
      return unknownExpr(span);
    case 'name':
      return checkName(ctx, e.name, hint);
    case 'qualified':
      return checkQualified(ctx, e.qualifier, e.member, span, hint);
    case 'field':
      return fieldAccess(ctx, checkExpr(ctx, e.object), e.field, span);
    case 'index':
      return checkIndex(ctx, e.target, e.key, span);
    case 'at': {
      const target = checkExpr(ctx, e.target);
      const date = checkExpected(ctx, e.date, T.date);
      if (target.k === 'param' || target.k === 'table' || target.k === 'bands') {
        if (target.at === null) return { ...target, at: date, span };
      }
      if (!isUnknown(target.type)) err(ctx, 'XC026', span);
      return { ...target, type: isUnknown(target.type) ? UNKNOWN : target.type, span };
    }
    case 'call':
      return checkCall(ctx, e.callee, e.args, span);
    case 'lambda':
      return checkLambdaMisuse(ctx, e);
    case 'unary':
      return checkUnary(ctx, e.op, e.operand, span);
    case 'binary':
      return checkBinary(ctx, e.op, e.left, e.right, span);
    case 'in':
      return checkIn(ctx, e.value, e.set, span);
    case 'when':
      return checkWhen(ctx, e.branches, e.otherwise, span, hint);
    case 'match':
      return checkMatch(ctx, e.subject, e.arms, e.otherwise, span, hint);
    case 'list': {
      const items = e.items.map((i) => checkExpr(ctx, i, hint?.kind === 'list' ? hint.element : undefined));
      let el: XType = hint?.kind === 'list' && items.length === 0 ? hint.element : UNKNOWN;
      for (const it of items) {
        const u = unify(el, it.type);
        if (u) el = u;
        else err(ctx, 'XC020', it.span, { ...typeArgs('expected', el), ...typeArgs('actual', it.type) });
      }
      return { k: 'list', items, type: { kind: 'list', element: el }, span };
    }
  }
}

/** A bare name that would resolve to an enum member (no local or declaration shadows it). */
export function isBareMember(ctx: Ctx, e: Expr): boolean {
  return e.kind === 'name' && !lookupLocal(ctx, e.name.text) && !ctx.syms.values.has(e.name.text) && ctx.syms.members.has(e.name.text);
}

export function resolveMember(ctx: Ctx, name: Name, hint: XType | undefined): IrExpr | undefined {
  const enums = ctx.syms.members.get(name.text);
  if (!enums) return undefined;
  let enumName = enums[0];
  if (enums.length > 1) {
    if (hint?.kind === 'enum' && enums.includes(hint.name)) enumName = hint.name;
    else {
      err(ctx, 'XC071', name.span, { name: name.text, enums: enums.join('、'), example: `${enums[0]}.${name.text}` });
      return unknownExpr(name.span);
    }
  }
  return { k: 'enumLit', enumName, member: name.text, type: { kind: 'enum', name: enumName }, span: name.span };
}

function checkName(ctx: Ctx, name: Name, hint: XType | undefined): IrExpr {
  const n = name.text;
  const span = name.span;
  const local = lookupLocal(ctx, n);
  if (local) return { k: 'local', name: n, type: local, span };
  const v = ctx.syms.values.get(n);
  if (v) {
    switch (v.kind) {
      case 'input':
        return { k: 'input', name: n, type: v.type, span };
      case 'param':
        return { k: 'param', name: n, at: null, type: v.type, span };
      case 'rule':
        if (v.params.length > 0) {
          err(ctx, 'XC027', span, { name: n });
          return unknownExpr(span);
        }
        return { k: 'rule', name: n, args: [], type: v.type, span };
      default:
        err(ctx, 'XC025', span, { name: n, problem: `是${v.kind === 'table' ? '表' : '分档'}，需用 ${n}[键] 取值`, problemEn: `is a ${v.kind}: look it up with ${n}[key]` });
        return unknownExpr(span);
    }
  }
  const member = resolveMember(ctx, name, hint);
  if (member) return member;
  if (ctx.syms.enums.has(n) || ctx.syms.records.has(n)) {
    err(ctx, 'XC025', span, { name: n, problem: '是类型，不能作为值', problemEn: 'is a type, not a value' });
    return unknownExpr(span);
  }
  unknownName(ctx, name);
  return unknownExpr(span);
}

const KW_BY_LENGTH = [...KEYWORDS].sort((a, b) => b.zh.length - a.zh.length);

/** XC001 with a "did you mean" over the names in scope and the keyword-spacing hint. */
export function unknownName(ctx: Ctx, name: Name, extra: Iterable<string> = []): void {
  const n = name.text;
  const scope: string[] = [...ctx.syms.values.keys(), ...ctx.syms.members.keys(), ...extra];
  for (const s of ctx.scopes) scope.push(...s.keys());
  const known = (x: string) => ctx.syms.values.has(x) || ctx.syms.members.has(x) || !!lookupLocal(ctx, x);
  let hintZh = '';
  let hintEn = '';
  const kw = KW_BY_LENGTH.find((k) => {
    const loose = k.category === 'control' || k.category === 'operator-word';
    const zhHit = n.startsWith(k.zh) && n.length > k.zh.length && (loose || known(n.slice(k.zh.length)));
    return zhHit || (n.startsWith(k.en) && n.length > k.en.length && known(n.slice(k.en.length)));
  });
  if (kw) {
    const w = n.startsWith(kw.zh) ? kw.zh : kw.en;
    const rest = n.slice(w.length);
    hintZh = `关键字与名称之间需要空格：写成“${w} ${rest}”`;
    hintEn = `a keyword must be separated from a name by a space: write '${w} ${rest}'`;
  } else {
    const s = suggest(n, scope);
    if (s) {
      hintZh = `是否想写“${s}”？`;
      hintEn = `did you mean '${s}'?`;
    }
  }
  err(ctx, 'XC001', name.span, { name: n, hintZh, hintEn });
}

function checkQualified(ctx: Ctx, q: Name, member: Name, span: Span, hint: XType | undefined): IrExpr {
  const local = lookupLocal(ctx, q.text);
  if (!local) {
    const en = ctx.syms.enums.get(q.text);
    const v = ctx.syms.values.get(q.text);
    const isRecordValue = v && (v.kind === 'input' || v.kind === 'param' || v.kind === 'rule') && !isUnknown(v.type) && v.type.kind === 'record';
    if (en && (en.index.has(member.text) || !isRecordValue)) {
      if (en.index.has(member.text)) return { k: 'enumLit', enumName: q.text, member: member.text, type: { kind: 'enum', name: q.text }, span };
      const s = suggest(member.text, en.members);
      err(ctx, 'XC001', member.span, { name: member.text, what: `${q.text} 的成员`, whatEn: `member of ${q.text}`, hintZh: s ? `是否想写“${s}”？` : '', hintEn: s ? `did you mean '${s}'?` : '' });
      return unknownExpr(span);
    }
  }
  void hint;
  return fieldAccess(ctx, checkName(ctx, q, undefined), member, span);
}

export function fieldAccess(ctx: Ctx, obj: IrExpr, field: Name, span: Span): IrExpr {
  if (isUnknown(obj.type)) return unknownExpr(span);
  if (obj.type.kind !== 'record') {
    err(ctx, 'XC025', field.span, { name: field.text, problem: `不是字段：类型 ${typeArgs('t', obj.type).t} 没有字段`, problemEn: `is not a field: type ${typeArgs('t', obj.type).tEn} has no fields` });
    return unknownExpr(span);
  }
  const rec = ctx.syms.records.get(obj.type.name)!;
  const f = rec.fields.get(field.text);
  if (!f) {
    const s = suggest(field.text, rec.fields.keys());
    err(ctx, 'XC001', field.span, { name: field.text, what: `${rec.decl.name.text} 的字段`, whatEn: `field of ${rec.decl.name.text}`, hintZh: s ? `是否想写“${s}”？` : '', hintEn: s ? `did you mean '${s}'?` : '' });
    return unknownExpr(span);
  }
  return { k: 'field', object: obj, field: f.name, optional: f.optional, type: f.type, span };
}

function checkIndex(ctx: Ctx, target: Name, key: Expr, span: Span): IrExpr {
  const v = ctx.syms.values.get(target.text);
  if (!v || (v.kind !== 'table' && v.kind !== 'bands')) {
    if (!v && !lookupLocal(ctx, target.text)) unknownName(ctx, target);
    else err(ctx, 'XC025', target.span, { name: target.text, problem: '不是表或分档，不能用 [] 取值', problemEn: 'is not a table or bands and cannot be indexed' });
    checkExpr(ctx, key);
    return unknownExpr(span);
  }
  const k = checkExpected(ctx, key, v.keyType);
  return { k: v.kind, name: target.text, key: k, at: null, type: v.valueType, span };
}
