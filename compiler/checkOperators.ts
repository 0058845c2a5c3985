// Type pass, operators: the unit algebra of docs/language.md ("Types and units") for + − × ÷,
// comparisons, and/or/not, 属于, 当…则…否则, 匹配.
import type { BinaryOp, Expr, InSet, MatchArm, Span } from '../dsl/ast.ts';
import type { IrExpr, XType } from './ir.ts';
import { checkExpected, checkExpr, err, isBareMember, unknownExpr, unitHint, type Ctx } from './checkTypes.ts';
import { expandKeys } from './keys.ts';
import { isUnknown, T, typeArgs, typeName, unify, UNKNOWN } from './types.ts';

const isNum = (t: XType) => t.kind === 'integer' || t.kind === 'number';
const isDur = (t: XType) => t.kind === 'duration';
const sameDur = (a: XType, b: XType) => a.kind === 'duration' && b.kind === 'duration' && a.unit === b.unit;
const calendarDur = (t: XType) => t.kind === 'duration' && t.unit !== 'workdays';

/** Result type of an arithmetic operation, or null for a unit error. */
export function arithType(op: '+' | '-' | '*' | '/', l: XType, r: XType): XType | null {
  if (isUnknown(l) || isUnknown(r)) return UNKNOWN;
  const bothInt = l.kind === 'integer' && r.kind === 'integer';
  switch (op) {
    case '+':
    case '-':
      if (l.kind === 'money' && r.kind === 'money') return T.money;
      if (l.kind === 'rate' && r.kind === 'rate') return T.rate;
      if (isNum(l) && isNum(r)) return bothInt ? T.integer : T.number;
      if (l.kind === 'date' && calendarDur(r)) return T.date;
      if (op === '+' && calendarDur(l) && r.kind === 'date') return T.date;
      if (op === '-' && l.kind === 'date' && r.kind === 'date') return T.days;
      if (sameDur(l, r)) return l;
      return null;
    case '*':
      if (l.kind === 'money' && (r.kind === 'rate' || isNum(r))) return T.money;
      if (r.kind === 'money' && (l.kind === 'rate' || isNum(l))) return T.money;
      if ((l.kind === 'rate' && (r.kind === 'rate' || isNum(r))) || (isNum(l) && r.kind === 'rate')) return T.rate;
      if (isNum(l) && isNum(r)) return bothInt ? T.integer : T.number;
      if (isDur(l) && r.kind === 'integer') return l;
      if (l.kind === 'integer' && isDur(r)) return r;
      // a per-day (per-month) amount or rate times a count of days (months): 日工资 × 停工天数
      if ((l.kind === 'money' && isDur(r)) || (isDur(l) && r.kind === 'money')) return T.money;
      if ((l.kind === 'rate' && isDur(r)) || (isDur(l) && r.kind === 'rate')) return T.rate;
      return null;
    case '/':
      if (l.kind === 'money' && isNum(r)) return T.money;
      if (l.kind === 'money' && r.kind === 'money') return T.number;
      if (l.kind === 'rate' && isNum(r)) return T.rate;
      if (l.kind === 'rate' && r.kind === 'rate') return T.number;
      if (isNum(l) && isNum(r)) return T.number;
      if (sameDur(l, r)) return T.number;
      if (isDur(l) && r.kind === 'integer') return l;
      return null;
  }
}

function unitErrorHint(op: string, l: XType, r: XType): Record<string, string> {
  if ((l.kind === 'date' || r.kind === 'date') && (l.kind === 'duration' || r.kind === 'duration')) {
    return { hintZh: '日期加减工作日请用 加工作日(日期, n)', hintEn: 'add working days with add_workdays(date, n)' };
  }
  if (op === '+' || op === '-') {
    const h = unitHint(isNum(l) ? l : r, isNum(l) ? r : l);
    if (h.hintZh) return h;
  }
  return {};
}

export function checkUnary(ctx: Ctx, op: 'neg' | 'not', operand: Expr, span: Span): IrExpr {
  if (op === 'not') return { k: 'not', operand: checkExpected(ctx, operand, T.boolean), type: T.boolean, span };
  const o = checkExpr(ctx, operand);
  const t = o.type;
  if (!isUnknown(t) && !(t.kind === 'money' || t.kind === 'rate' || isNum(t) || isDur(t))) {
    err(ctx, 'XC021', span, { left: '', leftEn: '', op: '-', right: typeName(t, 'zh'), rightEn: typeName(t, 'en') });
    return { k: 'neg', operand: o, type: UNKNOWN, span };
  }
  return { k: 'neg', operand: o, type: t, span };
}

const ORDERED = new Set(['money', 'rate', 'number', 'integer', 'date', 'duration', 'enum']);

export function checkBinary(ctx: Ctx, op: BinaryOp, le: Expr, re: Expr, span: Span): IrExpr {
  if (op === 'and' || op === 'or') {
    const left = checkExpected(ctx, le, T.boolean);
    const right = checkExpected(ctx, re, T.boolean);
    return { k: 'logic', op, left, right, type: T.boolean, span };
  }
  // a bare enum member takes its enum from the other side (`伤残等级 <= 四级`)
  let left: IrExpr;
  let right: IrExpr;
  if (isBareMember(ctx, le) && !isBareMember(ctx, re)) {
    right = checkExpr(ctx, re);
    left = checkExpr(ctx, le, right.type);
  } else {
    left = checkExpr(ctx, le);
    right = checkExpr(ctx, re, left.type);
  }
  const l = left.type;
  const r = right.type;
  if (op === '+' || op === '-' || op === '*' || op === '/') {
    const t = arithType(op, l, r);
    if (!t) {
      err(ctx, 'XC021', span, {
        left: typeName(l, 'zh'), leftEn: typeName(l, 'en'), right: typeName(r, 'zh'), rightEn: typeName(r, 'en'),
        op: op === '*' ? '×' : op === '/' ? '÷' : op, ...unitErrorHint(op, l, r),
      });
      return { k: 'arith', op, left, right, type: UNKNOWN, span };
    }
    return { k: 'arith', op, left, right, type: t, span };
  }
  const u = unify(l, r);
  if (!u) {
    err(ctx, 'XC020', right.span, { ...typeArgs('expected', l), ...typeArgs('actual', r), ...unitHint(r, l), ...unitHint(l, r) });
  } else if (op !== '=' && op !== '!=' && !isUnknown(u) && !ORDERED.has(u.kind)) {
    err(ctx, 'XC020', span, { expected: '可比较大小的类型', expectedEn: 'an ordered type', ...typeArgs('actual', u) });
  }
  return { k: 'compare', op, left, right, type: T.boolean, span };
}

export function checkIn(ctx: Ctx, valueE: Expr, set: InSet, span: Span): IrExpr {
  const value = checkExpr(ctx, valueE);
  const vt = value.type;
  const members: IrExpr[] = [];
  if (set.kind === 'members') {
    for (const it of set.items) members.push(checkExpected(ctx, it, vt));
  } else {
    const from = checkExpr(ctx, set.from, vt);
    const to = checkExpr(ctx, set.to, vt);
    if (from.k === 'enumLit' && to.k === 'enumLit' && from.enumName === to.enumName) {
      const en = ctx.syms.enums.get(from.enumName)!;
      const a = en.index.get(from.member)!;
      const b = en.index.get(to.member)!;
      if (!isUnknown(vt) && (vt.kind !== 'enum' || vt.name !== from.enumName)) {
        err(ctx, 'XC020', set.span, { ...typeArgs('expected', vt), ...typeArgs('actual', from.type) });
      } else if (a > b) {
        err(ctx, 'XC033', set.span, { from: from.member, to: to.member });
      }
      for (let i = a; i <= b; i++) {
        members.push({ k: 'enumLit', enumName: from.enumName, member: en.members[i], type: from.type, span: set.span });
      }
    } else if (!isUnknown(from.type) && !isUnknown(to.type)) {
      err(ctx, 'XC020', set.span, { expected: '枚举成员范围', expectedEn: 'a range of enum members', ...typeArgs('actual', from.type) });
    }
  }
  return { k: 'in', value, members, type: T.boolean, span };
}

export function checkCondition(ctx: Ctx, e: Expr): IrExpr {
  const c = checkExpr(ctx, e);
  if (!isUnknown(c.type) && c.type.kind !== 'boolean') err(ctx, 'XC023', e.span, typeArgs('actual', c.type));
  return c;
}

/** Unify branch values; XC024 on each branch that does not fit the first. */
function unifyBranches(ctx: Ctx, values: IrExpr[]): XType {
  let t: XType = UNKNOWN;
  for (const v of values) {
    const u = unify(t, v.type);
    if (u) t = u;
    else err(ctx, 'XC024', v.span, { ...typeArgs('expected', t), ...typeArgs('actual', v.type) });
  }
  return t;
}

export function checkWhen(ctx: Ctx, branches: { condition: Expr; value: Expr }[], otherwise: Expr, span: Span, hint?: XType): IrExpr {
  const bs = branches.map((b) => ({ condition: checkCondition(ctx, b.condition), value: checkExpr(ctx, b.value, hint) }));
  const other = checkExpr(ctx, otherwise, hint);
  const type = unifyBranches(ctx, [...bs.map((b) => b.value), other]);
  return { k: 'when', branches: bs, otherwise: other, type, span };
}

export function checkMatch(ctx: Ctx, subjectE: Expr, arms: MatchArm[], otherwiseE: Expr | undefined, span: Span, hint?: XType): IrExpr {
  const subject = checkExpr(ctx, subjectE);
  const st = subject.type;
  const enumOk = !isUnknown(st) && st.kind === 'enum';
  if (!isUnknown(st) && !enumOk) err(ctx, 'XC020', subjectE.span, { expected: '枚举', expectedEn: 'an enum', ...typeArgs('actual', st) });
  const seen = new Set<string>();
  const irArms: { members: string[]; value: IrExpr }[] = [];
  let keyErrors = 0;
  for (const arm of arms) {
    const before = ctx.diags.length;
    const keys = enumOk ? expandKeys(ctx, arm.keys, st) : [];
    keyErrors += ctx.diags.length - before;
    const members: string[] = [];
    for (const k of keys) {
      const key = String(k.key);
      if (seen.has(key)) err(ctx, 'XC031', k.span, { key });
      else members.push(key);
      seen.add(key);
    }
    irArms.push({ members, value: checkExpr(ctx, arm.value, hint) });
  }
  const otherwise = otherwiseE ? checkExpr(ctx, otherwiseE, hint) : null;
  if (enumOk && !otherwise && st.kind === 'enum') {
    const missing = ctx.syms.enums.get(st.name)!.members.filter((m) => !seen.has(m));
    // only claim non-exhaustiveness when every arm key was understood
    if (missing.length > 0 && keyErrors === 0) err(ctx, 'XC070', span, { missing: missing.join('、') });
  }
  const type = unifyBranches(ctx, [...irArms.map((a) => a.value), ...(otherwise ? [otherwise] : [])]);
  if (arms.length === 0 && !otherwise) return unknownExpr(span);
  return { k: 'match', subject, arms: irArms, otherwise, type, span };
}
