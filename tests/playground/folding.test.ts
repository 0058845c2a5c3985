// Structural folding of the playground editor: blocks, block comments and declarations.
import { describe, expect, it } from 'vitest';
import { foldingRanges } from '../../playground/src/editor/folding.ts';

const TEXT = [
  '政策 测试 生效 2011-01-01', // 1
  '/* 说明', // 2
  '   两行 */', // 3
  '表 月数: 伤残等级 -> 整数 依据 "条例第三十五条" {', // 4
  '  自 2011-01-01 {', // 5
  '    一级: 27, 二级: 25', // 6
  '  }', // 7
  '}', // 8
  '覆盖 规则 本人工资: 金额 =', // 9
  '  限定(月缴费工资, 下限, 上限)', // 10
  '规则 a: 字符串 = "{ 不是块 }"', // 11
  '分档 档: 比率 -> 比率 {', // 12
  '  [0%, 50%): 80%', // 13
  '  [50%, 无穷): 100%', // 14
  '}', // 15
].join('\n');

describe('playground folding ranges', () => {
  const ranges = foldingRanges(TEXT);
  const has = (start: number, end: number, kind: string) => ranges.some((r) => r.start === start && r.end === end && r.kind === kind);
  it('folds nested braces, block comments and multi-line declarations', () => {
    expect(has(2, 3, 'comment')).toBe(true);
    expect(has(4, 8, 'block')).toBe(true);
    expect(has(5, 7, 'block')).toBe(true);
    expect(has(4, 8, 'declaration')).toBe(true);
    expect(has(9, 10, 'declaration')).toBe(true); // 覆盖 规则 is one declaration
    expect(has(12, 15, 'block')).toBe(true); // band intervals' brackets do not confuse it
  });
  it('ignores braces inside strings and single-line declarations', () => {
    expect(ranges.some((r) => r.start === 11)).toBe(false);
    expect(ranges.some((r) => r.start === 1)).toBe(false);
  });
});
