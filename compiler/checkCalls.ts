// Type pass, calls: built-in functions (both spellings, dsl/keywords.ts), aggregates with
// their `x => …` argument, and calls of parameterised rules. XC022 for wrong arguments.
import type { Expr, Name, Span } from '../dsl/ast.ts';
import { BUILTIN_FUNCTIONS, builtinName } from '../dsl/keywords.ts';
import type { AggregateFn, BuiltinFn, IrExpr, XType } from './ir.ts';
import { checkExpected, checkExpr, err, unknownExpr, unknownName, type Ctx } from './checkTypes.ts';
import { checkCondition } from './checkOperators.ts';
import { BUILTIN_USAGE } from './builtinUsage.ts';
import { isUnknown, T, typeArgs, typeName, unify, UNKNOWN } from './types.ts';

const AGGREGATES = new Set(['sum', 'count', 'filter', 'map', 'any', 'all']);
const ARITY: Record<string, [number, number]> = {
  min: [2, Infinity], max: [2, Infinity], clamp: [3, 3], round: [2, 2], floor: [2, 2], ceil: [2, 2], abs: [1, 1],
  present: [1, 1], month_after: [1, 1], month_start: [1, 1], year_end: [1, 1], year_start: [1, 1], year: [1, 1],
  add_months: [2, 2], add_days: [2, 2], add_workdays: [2, 2], workdays_between: [2, 2], days_between: [2, 2],
  months_between: [2, 2], age_at: [2, 2], date: [3, 3], index_of: [2, 2], sum: [1, 2], count: [1, 2], filter: [2, 2], map: [2, 2], any: [2, 2], all: [2, 2],
};
const ORDERABLE = (t: XType) => ['money', 'rate', 'number', 'integer', 'duration', 'date'].includes(t.kind);
const SUMMABLE = (t: XType) => ['money', 'rate', 'number', 'integer', 'duration'].includes(t.kind);

function bad(ctx: Ctx, callee: Name, fn: string, span: Span, zh: string, en: string): void {
  const u = BUILTIN_USAGE[fn];
  err(ctx, 'XC022', span, { name: callee.text, problem: zh, problemEn: en, sigZh: u?.[0] ?? '', sigEn: u?.[1] ?? '' });
}

function wrongType(ctx: Ctx, callee: Name, fn: string, arg: IrExpr, wantZh: string, wantEn: string): void {
  bad(ctx, callee, fn, arg.span, `参数应为${wantZh}，实际为 ${typeName(arg.type, 'zh')}`, `argument should be ${wantEn}, found ${typeName(arg.type, 'en')}`);
}

export function checkLambdaMisuse(ctx: Ctx, e: Expr): IrExpr {
  err(ctx, 'XC028', e.span);
  return unknownExpr(e.span);
}

export function checkCall(ctx: Ctx, callee: Name, args: Expr[], span: Span): IrExpr {
  const v = ctx.syms.values.get(callee.text);
  if (v?.kind === 'rule') return ruleCall(ctx, callee, v.params, v.type, args, span);
  const fn = builtinName(callee.text);
  if (!fn) {
    for (const a of args) if (a.kind !== 'lambda') checkExpr(ctx, a);
    if (v) err(ctx, 'XC025', callee.span, { name: callee.text, problem: '不是函数，不能调用', problemEn: 'is not a function and cannot be called' });
    else unknownName(ctx, callee, [...Object.keys(BUILTIN_FUNCTIONS), ...Object.keys(BUILTIN_USAGE)]);
    return unknownExpr(span);
  }
  const [lo, hi] = ARITY[fn];
  if (args.length < lo || args.length > hi) {
    const want = lo === hi ? `${lo}` : hi === Infinity ? `至少 ${lo}` : `${lo}–${hi}`;
    const wantEn = lo === hi ? `${lo}` : hi === Infinity ? `at least ${lo}` : `${lo}–${hi}`;
    bad(ctx, callee, fn, span, `需要 ${want} 个参数，实际 ${args.length} 个`, `expects ${wantEn} argument(s), got ${args.length}`);
    for (const a of args) if (a.kind !== 'lambda') checkExpr(ctx, a);
    return unknownExpr(span);
  }
  if (AGGREGATES.has(fn)) return aggregate(ctx, callee, fn as AggregateFn, args, span);
  return builtin(ctx, callee, fn as BuiltinFn, args, span);
}

function ruleCall(ctx: Ctx, callee: Name, params: { name: string; type: XType }[], type: XType, args: Expr[], span: Span): IrExpr {
  if (args.length !== params.length) {
    const p = params.length;
    err(ctx, 'XC022', span, {
      name: callee.text,
      problem: p === 0 ? '该规则没有参数，直接写名称即可' : `需要 ${p} 个参数，实际 ${args.length} 个`,
      problemEn: p === 0 ? 'the rule takes no parameters: write its name alone' : `expects ${p} argument(s), got ${args.length}`,
      sigZh: p ? `${callee.text}(${params.map((x) => `${x.name}: ${typeName(x.type, 'zh')}`).join(', ')})` : '',
      sigEn: p ? `${callee.text}(${params.map((x) => `${x.name}: ${typeName(x.type, 'en')}`).join(', ')})` : '',
    });
    for (const a of args) if (a.kind !== 'lambda') checkExpr(ctx, a);
    return p === 0 ? { k: 'rule', name: callee.text, args: [], type, span } : unknownExpr(span);
  }
  const irArgs = args.map((a, i) => checkExpected(ctx, a, params[i].type));
  return { k: 'rule', name: callee.text, args: irArgs, type, span };
}

function aggregate(ctx: Ctx, callee: Name, fn: AggregateFn, args: Expr[], span: Span): IrExpr {
  const list = checkExpr(ctx, args[0]);
  let element: XType = UNKNOWN;
  if (list.type.kind === 'list') element = list.type.element;
  else if (!isUnknown(list.type)) wrongType(ctx, callee, fn, list, '列表', 'a list');
  let variable: string | null = null;
  let body: IrExpr | null = null;
  const fnArg = args[1];
  if (fnArg) {
    if (fnArg.kind !== 'lambda') {
      bad(ctx, callee, fn, fnArg.span, '第二个参数应为 x => …', 'the second argument should be x => …');
      checkExpr(ctx, fnArg);
    } else {
      variable = fnArg.param.text;
      ctx.scopes.push(new Map([[variable, element]]));
      body = fn === 'sum' || fn === 'map' ? checkExpr(ctx, fnArg.body) : checkCondition(ctx, fnArg.body);
      ctx.scopes.pop();
    }
  }
  let type: XType;
  switch (fn) {
    case 'sum': {
      const t = body ? body.type : element;
      if (!isUnknown(t) && !SUMMABLE(t)) bad(ctx, callee, fn, (body ?? list).span, `不能对 ${typeName(t, 'zh')} 求和`, `cannot sum ${typeName(t, 'en')}`);
      type = SUMMABLE(t) ? t : UNKNOWN;
      break;
    }
    case 'count':
      type = T.integer;
      break;
    case 'filter':
      type = isUnknown(list.type) ? UNKNOWN : list.type;
      break;
    case 'map':
      // one value per item, in list order: e.g. each dependant's pension
      type = body && !isUnknown(body.type) ? { kind: 'list', element: body.type } : UNKNOWN;
      break;
    default:
      type = T.boolean;
  }
  return { k: 'aggregate', fn, list, variable, body, type, span };
}

function builtin(ctx: Ctx, callee: Name, fn: BuiltinFn, args: Expr[], span: Span): IrExpr {
  const mk = (irArgs: IrExpr[], type: XType, extra: Partial<{ unit: 'fen' | 'jiao' | 'yuan' }> = {}): IrExpr =>
    ({ k: 'builtin', fn, args: irArgs, type, span, ...extra });
  switch (fn) {
    case 'min':
    case 'max':
    case 'clamp': {
      const irArgs = args.map((a) => checkExpr(ctx, a));
      let t: XType = UNKNOWN;
      for (const a of irArgs) {
        const u = unify(t, a.type);
        if (!u) err(ctx, 'XC020', a.span, { ...typeArgs('expected', t), ...typeArgs('actual', a.type) });
        else if (!isUnknown(u) && !ORDERABLE(u)) wrongType(ctx, callee, fn, a, '可比较大小的值', 'an ordered value');
        else t = u;
      }
      return mk(irArgs, t);
    }
    case 'round':
    case 'floor':
    case 'ceil': {
      const x = checkExpr(ctx, args[0]);
      if (!isUnknown(x.type) && x.type.kind !== 'money' && x.type.kind !== 'number') wrongType(ctx, callee, fn, x, '金额或数值', 'money or a number');
      const u = args[1];
      let unit: 'fen' | 'jiao' | 'yuan' | undefined;
      if (u.kind === 'roundingUnit') unit = u.unit;
      else if (u.kind === 'name') unit = ({ 分: 'fen', 角: 'jiao', 元: 'yuan', fen: 'fen', jiao: 'jiao', yuan: 'yuan' } as const)[u.name.text as '分'];
      if (!unit && u.kind !== 'error') bad(ctx, callee, fn, u.span, '第二个参数应为 分、角 或 元', 'the second argument should be fen, jiao or yuan');
      return mk([x], x.type, { unit: unit ?? 'fen' });
    }
    case 'abs': {
      const x = checkExpr(ctx, args[0]);
      if (!isUnknown(x.type) && !SUMMABLE(x.type)) wrongType(ctx, callee, fn, x, '金额、比率、数值或期限', 'money, a rate, a number or a duration');
      return mk([x], x.type);
    }
    case 'present': {
      const x = checkExpr(ctx, args[0]);
      if (x.k !== 'input' && x.k !== 'field' && !isUnknown(x.type)) bad(ctx, callee, fn, x.span, '参数应为输入字段', 'the argument should be an input field');
      return mk([x], T.boolean);
    }
    case 'month_after':
    case 'month_start':
    case 'year_end':
    case 'year_start':
      return mk([checkExpected(ctx, args[0], T.date)], T.date);
    case 'year':
      return mk([checkExpected(ctx, args[0], T.date)], T.integer);
    case 'add_months':
    case 'add_days':
    case 'add_workdays': {
      const d = checkExpected(ctx, args[0], T.date);
      const n = checkExpr(ctx, args[1]);
      const unit = fn === 'add_months' ? 'months' : fn === 'add_days' ? 'days' : 'workdays';
      const ok = isUnknown(n.type) || n.type.kind === 'integer' || (n.type.kind === 'duration' && n.type.unit === unit);
      if (!ok) wrongType(ctx, callee, fn, n, `整数或${typeName(T[unit], 'zh')}`, `an integer or ${unit}`);
      return mk([d, n], T.date);
    }
    case 'workdays_between':
    case 'days_between':
    case 'months_between':
    case 'age_at': {
      const a = checkExpected(ctx, args[0], T.date);
      const b = checkExpected(ctx, args[1], T.date);
      const type = fn === 'workdays_between' ? T.workdays : fn === 'days_between' ? T.days : fn === 'months_between' ? T.months : T.integer;
      return mk([a, b], type);
    }
    case 'date':
      return mk(args.map((a) => checkExpected(ctx, a, T.integer)), T.date);
    case 'index_of': {
      // 序号(列表, 项): the 1-based position of the item in the list (0 when absent) — the input order
      // a tie-break needs (e.g. which dependant receives a residual fen).
      const list = checkExpr(ctx, args[0]);
      let element: XType = UNKNOWN;
      if (list.type.kind === 'list') element = list.type.element;
      else if (!isUnknown(list.type)) wrongType(ctx, callee, fn, list, '列表', 'a list');
      const item = isUnknown(element) ? checkExpr(ctx, args[1]) : checkExpected(ctx, args[1], element);
      return mk([list, item], T.integer);
    }
  }
}
