// Tiny builders for hand-written IR in codegen tests (no parser needed).
import type { IrExpr, IrLayer, IrPolicy, IrRule, XType, IrParam, IrTable, IrBands, IrVersion } from '../../compiler/ir.ts';
import type { Span } from '../../dsl/ast.ts';
import { T as BASE } from '../../compiler/types.ts';

export const span: Span = { file: 't.xize', start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

// the checker's own type constants, plus builders for the constructed types
export const T = {
  ...BASE,
  enum: (name: string): XType => ({ kind: 'enum', name }),
  record: (name: string): XType => ({ kind: 'record', name }),
  list: (element: XType): XType => ({ kind: 'list', element }),
};

const B = { span };
export const money = (v: string): IrExpr => ({ ...B, k: 'lit', type: T.money, value: v });
export const rate = (v: string): IrExpr => ({ ...B, k: 'lit', type: T.rate, value: v });
export const int = (v: string | number): IrExpr => ({ ...B, k: 'lit', type: T.integer, value: String(v) });
export const num = (v: string): IrExpr => ({ ...B, k: 'lit', type: T.number, value: v });
export const bool = (v: boolean): IrExpr => ({ ...B, k: 'lit', type: T.boolean, value: v });
export const date = (v: string): IrExpr => ({ ...B, k: 'lit', type: T.date, value: v });
export const text = (v: string): IrExpr => ({ ...B, k: 'lit', type: T.text, value: v });
export const dur = (v: string, unit: 'days' | 'months' | 'workdays'): IrExpr => ({ ...B, k: 'lit', type: { kind: 'duration', unit }, value: v });
export const member = (enumName: string, m: string): IrExpr => ({ ...B, k: 'enumLit', type: T.enum(enumName), enumName, member: m });
export const input = (name: string, type: XType): IrExpr => ({ ...B, k: 'input', type, name });
export const local = (name: string, type: XType): IrExpr => ({ ...B, k: 'local', type, name });
export const field = (object: IrExpr, f: string, type: XType, optional = false): IrExpr => ({ ...B, k: 'field', type, object, field: f, optional });
export const param = (name: string, type: XType, at: IrExpr | null = null): IrExpr => ({ ...B, k: 'param', type, name, at });
export const table = (name: string, key: IrExpr, type: XType, at: IrExpr | null = null): IrExpr => ({ ...B, k: 'table', type, name, key, at });
export const bands = (name: string, key: IrExpr, type: XType, at: IrExpr | null = null): IrExpr => ({ ...B, k: 'bands', type, name, key, at });
export const rule = (name: string, type: XType, args: IrExpr[] = []): IrExpr => ({ ...B, k: 'rule', type, name, args });
export const call = (fn: any, type: XType, args: IrExpr[], unit?: 'fen' | 'jiao' | 'yuan'): IrExpr =>
  ({ ...B, k: 'builtin', type, fn, args, ...(unit ? { unit } : {}) }) as IrExpr;
export const agg = (fn: 'sum' | 'count' | 'filter' | 'any' | 'all', list: IrExpr, variable: string | null, body: IrExpr | null, type: XType): IrExpr =>
  ({ ...B, k: 'aggregate', type, fn, list, variable, body });
export const arith = (op: '+' | '-' | '*' | '/', left: IrExpr, right: IrExpr, type: XType = left.type): IrExpr => ({ ...B, k: 'arith', type, op, left, right });
export const cmp = (op: '=' | '!=' | '<' | '<=' | '>' | '>=', left: IrExpr, right: IrExpr): IrExpr => ({ ...B, k: 'compare', type: T.boolean, op, left, right });
export const and = (left: IrExpr, right: IrExpr): IrExpr => ({ ...B, k: 'logic', type: T.boolean, op: 'and', left, right });
export const or = (left: IrExpr, right: IrExpr): IrExpr => ({ ...B, k: 'logic', type: T.boolean, op: 'or', left, right });
export const not = (operand: IrExpr): IrExpr => ({ ...B, k: 'not', type: T.boolean, operand });
export const neg = (operand: IrExpr): IrExpr => ({ ...B, k: 'neg', type: operand.type, operand });
export const inSet = (value: IrExpr, members: IrExpr[]): IrExpr => ({ ...B, k: 'in', type: T.boolean, value, members });
export const when = (branches: [IrExpr, IrExpr][], otherwise: IrExpr): IrExpr =>
  ({ ...B, k: 'when', type: otherwise.type, branches: branches.map(([condition, value]) => ({ condition, value })), otherwise });
export const match = (subject: IrExpr, arms: [string[], IrExpr][], otherwise: IrExpr | null, type: XType): IrExpr =>
  ({ ...B, k: 'match', type, subject, arms: arms.map(([members, value]) => ({ members, value })), otherwise });
export const list = (items: IrExpr[], element: XType): IrExpr => ({ ...B, k: 'list', type: T.list(element), items });
export const asOf = (): IrExpr => ({ ...B, k: 'asOf', type: T.date });

export function versions<X>(policy: string, vs: [string | null, X, string?][]): IrLayer<X> {
  return { policy, versions: vs.map(([from, body, cite]) => ({ from, body, span, ...(cite ? { cite } : {}) }) as IrVersion<X>) };
}
export const one = <X>(policy: string, body: X, cite?: string): IrLayer<X> => versions(policy, [[null, body, cite]]);

export function mkRule(name: string, type: XType, layers: IrLayer<IrExpr>[], extra: Partial<IrRule> = {}): IrRule {
  return {
    name,
    params: [],
    type,
    rounding: type.kind === 'money' ? { mode: 'half_up', unit: 'fen' } : null,
    layers,
    exceptions: [],
    span,
    ...extra,
  };
}
export function mkParam(name: string, type: XType, layers: IrLayer<IrExpr>[], extra: Partial<IrParam> = {}): IrParam {
  return { name, type, required: false, layers, span, ...extra };
}
export function mkTable(name: string, keyType: XType, valueType: XType, layers: IrTable['layers'], extra: Partial<IrTable> = {}): IrTable {
  return { name, keyType, valueType, required: false, layers, span, ...extra };
}
export function mkBands(name: string, keyType: XType, valueType: XType, layers: IrBands['layers'], extra: Partial<IrBands> = {}): IrBands {
  return { name, keyType, valueType, layers, span, ...extra };
}

export function mkPolicy(p: Partial<IrPolicy> & { name: string }): IrPolicy {
  return {
    abstract: false,
    effective: '2011-01-01',
    rounding: { mode: 'half_up', unit: 'fen' },
    chain: [p.name],
    enums: [],
    records: [],
    inputs: [],
    params: [],
    tables: [],
    bands: [],
    rules: [],
    checks: [],
    calendar: { holidays: [], workdays: [] },
    ...p,
  };
}
