import { expect } from 'vitest';
import type { Declaration, Expr } from '../../dsl/ast.ts';
import { parseFile } from '../../dsl/index.ts';

/** Deep copy without `span` keys, for structural assertions. */
export function strip<T>(o: T): T {
  if (Array.isArray(o)) return o.map(strip) as T;
  if (o && typeof o === 'object') {
    return Object.fromEntries(
      Object.entries(o as Record<string, unknown>).filter(([k]) => k !== 'span').map(([k, v]) => [k, strip(v)]),
    ) as T;
  }
  return o;
}

export function parseOk(text: string): Declaration[] {
  const r = parseFile({ path: 'test.xize', text });
  expect(r.diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column} ${d.message.en}`)).toEqual([]);
  return r.ast.declarations;
}

/** Parse `规则 r: 数值 = <expr>` and return the expression (span-free). */
export function expr(text: string): Expr {
  const [d] = parseOk(`规则 r: 数值 = ${text}`);
  if (!d || d.kind !== 'rule') throw new Error('no rule');
  return strip(d.versions[0]!.body);
}

export const n = (text: string) => ({ kind: 'name', name: { text } });
export const num = (value: string) => ({ kind: 'number', value });
export const bin = (op: string, left: unknown, right: unknown) => ({ kind: 'binary', op, left, right });
