import { describe, expect, it } from 'vitest';
import { parseFile } from '../../dsl/index.ts';

describe('parseFile smoke', () => {
  it('parses a header and a rule', () => {
    const r = parseFile({
      path: 'a.xize',
      text: '政策 浙江 标题 "浙江" 继承 全国 生效 2018-01-01 舍入 四舍五入 到 分\n规则 本人工资: 金额 = 限定(月缴费工资, 平均 × 60%, 平均 × 300%)',
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.ast.declarations.map((d) => d.kind)).toEqual(['header', 'rule']);
  });
});
