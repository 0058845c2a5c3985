import { describe, expect, it } from 'vitest';
import type { Declaration, Expr, Span } from '../../dsl/ast.ts';
import { parseFile } from '../../dsl/index.ts';

const text = [
  '// 头部',
  '政策 浙江 继承 全国',
  '覆盖 规则 本人工资: 金额 =',
  '  限定(月缴费工资, 平均 × 60%,',
  '       平均 × 300%)',
  '表 t: 伤残等级 -> 整数 { 一级: 27, 五级..六级: 3 }',
  '规则 e: 数值 = “说明” + 伤残等级.一级 + 𠀀 + 1500元',
].join('\r\n');

const { ast, diagnostics } = parseFile({ path: 'provinces/zj/a.xize', text });
const slice = (s: Span) => text.slice(s.start.offset, s.end.offset);

/** Line/column of an offset, counting \r\n as one line break, columns in UTF-16 units. */
function lc(offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\r\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

function checkSpan(s: Span): void {
  expect(s.file).toBe('provinces/zj/a.xize');
  expect(lc(s.start.offset)).toEqual({ line: s.start.line, column: s.start.column });
  expect(lc(s.end.offset)).toEqual({ line: s.end.line, column: s.end.column });
}

/** Every span in the AST is consistent (offset ↔ line/column) and non-empty. */
function walk(o: unknown): number {
  let count = 0;
  if (Array.isArray(o)) for (const x of o) count += walk(x);
  else if (o && typeof o === 'object') {
    for (const [k, v] of Object.entries(o)) {
      if (k === 'span') {
        checkSpan(v as Span);
        expect((v as Span).end.offset).toBeGreaterThan((v as Span).start.offset);
        count++;
      } else count += walk(v);
    }
  }
  return count;
}

describe('spans', () => {
  it('parses cleanly', () => expect(diagnostics).toEqual([]));

  it('every span has matching offsets and 1-based line/column (CRLF, astral chars)', () => {
    expect(walk(ast)).toBeGreaterThan(30);
  });

  it('declaration and name spans cover their source text', () => {
    const [h, r, t, e] = ast.declarations as [Declaration, Declaration, Declaration, Declaration];
    expect(slice(h.span)).toBe('政策 浙江 继承 全国');
    expect(h.span.start).toEqual({ offset: 7, line: 2, column: 1 });
    expect(h.span.end).toEqual({ offset: 18, line: 2, column: 12 });
    expect(slice(r.span)).toBe('覆盖 规则 本人工资: 金额 =\r\n  限定(月缴费工资, 平均 × 60%,\r\n       平均 × 300%)');
    if (r.kind !== 'rule' || t.kind !== 'table' || e.kind !== 'rule') throw new Error('kinds');
    expect(slice(r.name.span)).toBe('本人工资');
    expect(r.name.span.start).toMatchObject({ line: 3, column: 7 });
    const body = r.versions[0]!.body;
    expect(slice(body.span)).toBe('限定(月缴费工资, 平均 × 60%,\r\n       平均 × 300%)');
    if (body.kind !== 'call') throw new Error('call');
    expect(slice(body.args[2]!.span)).toBe('平均 × 300%');
    expect(body.args[2]!.span.start).toMatchObject({ line: 5, column: 8 });
    expect(slice(t.versions[0]!.body[1]!.span)).toBe('五级..六级: 3');
    const keys = t.versions[0]!.body[1]!.keys;
    if (keys === 'otherwise') throw new Error('keys');
    expect(slice(keys[0]!.span)).toBe('五级..六级');
    expect(slice(t.keyType!.span)).toBe('伤残等级');
    const parts: Expr[] = [];
    const flat = (x: Expr): void => (x.kind === 'binary' ? (flat(x.left), flat(x.right)) : void parts.push(x));
    flat(e.versions[0]!.body);
    expect(parts.map((p) => slice(p.span))).toEqual(['“说明”', '伤残等级.一级', '𠀀', '1500元']);
    expect(parts[3]!.span.start.column - parts[2]!.span.start.column).toBe(5); // 𠀀 is two UTF-16 units
  });

  it('diagnostic spans point at the offending token', () => {
    const src = '规则 a: 金额 =\n  1元 +\n  × 2';
    const d = parseFile({ path: 'x.xize', text: src }).diagnostics[0]!;
    expect(d.span).toEqual({ file: 'x.xize', start: { offset: 20, line: 3, column: 3 }, end: { offset: 21, line: 3, column: 4 } });
  });
});
