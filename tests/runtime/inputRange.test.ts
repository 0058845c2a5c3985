// Issue 11: an input could not declare that negatives are allowed (范围 existed on parameters
// only). A field's `范围 lo..hi` now flows into the JSON Schema (minimum/maximum, decimalRange),
// the fast check, the fen reader and XI008; fields without it keep the non-negative default.
import { describe, expect, it } from 'vitest';
import { compilePolicy, loadPolicy } from '../../compiler/index.ts';

const TEXT = `政策 测 生效 2020-01-01 舍入 四舍五入 到 分
记录 月度 {
  差额: 金额 范围 -1000元..1000元
}
输入 {
  调整: 金额 范围 -50元..50元 说明 "可为负"
  工资: 金额
  月数?: 月数 范围 1个月..12个月
  比例?: 比率 范围 -10%..10%
  明细?: 列表[月度]
}
规则 结果: 金额 依据 "测" = 工资 + 调整
规则 差额合计: 金额 依据 "测" = 求和(明细, m => m.差额)
`;
const r = compilePolicy({ files: [{ path: 't.xize', text: TEXT }] });
const policy = loadPolicy(r.ir!);
const AS_OF = '2024-06-01';
const ev = (input: Record<string, unknown>, engine: 'auto' | 'decimal' = 'auto') => policy.evaluate(input, { asOf: AS_OF, engine, outputs: ['结果'] });
const codes = (input: Record<string, unknown>, engine: 'auto' | 'decimal' = 'auto') => ev(input, engine).inputErrors.map((e) => `${e.code} ${e.path}`);

describe('范围 on input fields', () => {
  it('compiles; the schema carries the bounds', () => {
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const props = (policy.inputSchema as { properties: Record<string, Record<string, unknown>> }).properties;
    expect(props['调整']).toMatchObject({ minimum: -50, maximum: 50, decimalRange: ['-50', '50'] });
    expect(props['调整']!.pattern).toBeUndefined();
    expect(props['月数']).toMatchObject({ type: 'integer', minimum: 1, maximum: 12 });
    expect(props['工资']).toMatchObject({ minimum: 0 }); // the default stays
  });

  for (const engine of ['auto', 'decimal'] as const) {
    it(`${engine}: a negative inside the range is accepted and computed exactly`, () => {
      expect(ev({ 调整: '-20.5', 工资: '100' }, engine).outputs['结果']!.value).toBe('79.50');
      expect(ev({ 调整: -50, 工资: '100' }, engine).outputs['结果']!.value).toBe('50.00');
      const o = policy.evaluate({ 调整: '0', 工资: '1', 明细: [{ 差额: '-300' }, { 差额: '100.25' }] }, { asOf: AS_OF, engine, outputs: ['差额合计'] });
      expect(o.outputs['差额合计']!.value).toBe('-199.75');
    });

    it(`${engine}: outside the range is XI008 naming the end, as text and as number`, () => {
      expect(codes({ 调整: '-50.01', 工资: '1' }, engine)).toEqual(['XI008 调整']);
      expect(codes({ 调整: 51, 工资: '1' }, engine)).toEqual(['XI008 调整']);
      const lo = ev({ 调整: '-60', 工资: '1' }, engine).inputErrors[0]!;
      expect(lo.message.en).toContain('at least -50');
      const hi = ev({ 调整: '60', 工资: '1' }, engine).inputErrors[0]!;
      expect(hi.message.en).toContain('at most 50');
      expect(codes({ 调整: '0', 工资: '1', 月数: 0 }, engine)).toEqual(['XI008 月数']);
      expect(codes({ 调整: '0', 工资: '1', 比例: '-11%' }, engine)).toEqual(['XI008 比例']);
      expect(codes({ 调整: '0', 工资: '1', 比例: '-9%' }, engine)).toEqual([]);
      expect(codes({ 调整: '0', 工资: '1', 明细: [{ 差额: '-1000.01' }] }, engine)).toEqual(['XI008 明细[0].差额']);
      // a field without 范围 stays non-negative
      expect(codes({ 调整: '0', 工资: '-1' }, engine)).toEqual(['XI008 工资']);
      expect(codes({ 调整: 'abc', 工资: '1' }, engine)).toEqual(['XI004 调整']);
    });
  }

  it('XC097: a range on a non-numeric field, with non-literal or wrong-unit ends, or empty', () => {
    const bad = (field: string) => compilePolicy({ files: [{ path: 't.xize', text: `政策 测 生效 2020-01-01\n输入 {\n  ${field}\n}\n` }] }).diagnostics.map((d) => d.code);
    expect(bad('名: 文本 范围 1..2')).toContain('XC097');
    expect(bad('x: 金额 范围 -1..1')).toContain('XC097');
    expect(bad('x: 金额 范围 1元+1元..3元')).toContain('XC097');
    expect(bad('x: 金额 范围 5元..1元')).toContain('XC097');
    expect(bad('x: 金额 范围 -5元..1元')).toEqual([]);
  });
});
