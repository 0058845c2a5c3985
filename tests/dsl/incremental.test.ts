// The incremental parse (dsl/incremental.ts) against the whole-file parse: equal declarations
// (modulo object identity) and identical diagnostics, spans and order included — over every
// corpus file, over fuzz mutants of them with a warm piece store (pieces reused in place, moved,
// parsed afresh), and over the cuts that must fall back to the whole-file parse.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../dsl/index.ts';
import { parseIncremental, pieceCounts, pieceStarts } from '../../dsl/incremental.ts';
import { newPieceStore } from '../../compiler/parseCache.ts';
import type { SourceFile } from '../../dsl/ast.ts';
import { corpus } from '../fuzz/corpus.ts';
import { mutantJob } from '../fuzz/generate.ts';

function same(file: SourceFile, store = newPieceStore()) {
  const inc = parseIncremental(file, store);
  const whole = parseFile(file);
  expect(inc.ast).toStrictEqual(whole.ast);
  expect(inc.diagnostics).toStrictEqual(whole.diagnostics);
  return inc;
}

const resetCounts = () => Object.assign(pieceCounts, { files: 0, wholeFile: 0, reused: 0, moved: 0, parsed: 0 });

describe('incremental parse = whole-file parse', () => {
  const store = newPieceStore();
  const original = new Map(corpus().flatMap((p) => p.files.map((f) => [f.path, f.text] as [string, string])));

  it('on every corpus file, cold and then warm (every piece from the store, the same objects)', () => {
    resetCounts();
    for (const p of corpus()) {
      for (const f of p.files) {
        const cold = same(f, store);
        const warm = parseIncremental(f, store);
        expect(warm.ast.declarations.length).toBe(cold.ast.declarations.length);
        warm.ast.declarations.forEach((d, i) => expect(d).toBe(cold.ast.declarations[i]));
      }
    }
    expect(pieceCounts.wholeFile).toBe(0); // every corpus file is cut, none falls back
  });

  it('on 200 fuzz mutants with the warm store (pieces before the edit reused, after it moved)', () => {
    resetCounts();
    let changed = 0;
    for (let n = 0; n < 200; n++) {
      for (const f of mutantJob(7, n).mutant.files) {
        if (original.get(f.path) === f.text) continue;
        changed++;
        same(f, store);
      }
    }
    expect(changed).toBeGreaterThan(150);
    // most mutants take the incremental path, and it does reuse and move pieces
    expect(pieceCounts.wholeFile).toBeLessThan(changed / 5);
    expect(pieceCounts.reused).toBeGreaterThan(pieceCounts.parsed);
    expect(pieceCounts.moved).toBeGreaterThan(0);
  });

  const base = [
    '政策 测试 生效 2024-01-01\n',
    '输入 {\n  工资: 金额\n}\n',
    '参数 基数: 金额 = 100元\n',
    '规则 甲: 金额 = 工资 + 基数\n',
    '规则 乙: 金额 = 甲 * 2\n',
  ];
  const file = (parts: string[], path = 'p/a.xize'): SourceFile => ({ path, text: parts.join('') });

  it('cuts at the lines that start with a declaration keyword and a blank', () => {
    expect(pieceStarts(base.join('')).length).toBe(5);
    expect(pieceStarts('规则名 = 1\n规则名2\n')).toEqual([0]);
  });

  it('an edit moves the pieces after it and reuses those before it', () => {
    const s = newPieceStore();
    const a = same(file(base), s);
    const edited = [...base];
    edited[2] = '参数 基数: 金额 =\n  100元 // two lines now\n';
    expect(a.diagnostics).toEqual([]);
    const b = same(file(edited), s);
    expect(b.ast.declarations[0]).toBe(a.ast.declarations[0]);
    expect(b.ast.declarations[1]).toBe(a.ast.declarations[1]);
    expect(b.ast.declarations[3]).not.toBe(a.ast.declarations[3]);
    expect(b.ast.declarations[3]!.span.start.line).toBe(a.ast.declarations[3]!.span.start.line + 1);
  });

  it('a syntax error at a piece end points at the next piece, also from a warm store', () => {
    const s = newPieceStore();
    same(file(base), s);
    const broken = [...base];
    broken[3] = '规则 甲: 金额 = 工资 +\n';
    const r = same(file(broken), s);
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('falls back where a cut is unsafe, and still equals the whole-file parse', () => {
    const cases = [
      [...base.slice(0, 3), '/* a comment\n', '规则 甲: 金额 = 1元 */\n', base[4]!], // a comment over a cut
      [...base.slice(0, 3), '/* never closed\n', base[3]!, base[4]!],
      [...base.slice(0, 3), '覆盖\n', base[3]!, base[4]!], // 覆盖 glued to the next line's 规则
      ['抽象\n', '政策 测试 生效 2024-01-01\n', base[1]!],
      base.map((x) => x.replace(/\n/g, '\r\n')),
      base.map((x) => x.replace(/\n/g, '\r')),
      [...base.slice(0, 4), '规则 乙: 金额 = "unterminated\n', '规则 丙: 金额 = 1元\n'],
      [...base.slice(0, 4), '规则 乙: 金额 = ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1\n', base[4]!],
      ['// only a comment\n', ...base, '规则'],
      ['\ufeff', ...base],
    ];
    const s = newPieceStore();
    for (const parts of cases) {
      same(file(base), s);
      same(file(parts), s);
      same(file(parts), s); // warm
    }
  });
});
