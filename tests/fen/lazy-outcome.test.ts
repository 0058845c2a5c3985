// The fen path's Outcome (runtime/lazyOutcome.ts) writes its output texts and runs its checks
// only when they are read. What is read must be what the decimal path gives for the case as it
// was evaluated, even when the caller changes its input and parameter objects afterwards.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { compilePolicy, loadPolicy } from '../../compiler/index.ts';
import { fenStats } from '../../runtime/index.ts';

const dir = 'provinces/national';
const files = readdirSync(dir).filter((f) => f.endsWith('.xize')).sort().map((f) => ({ path: `${dir}/${f}`, text: readFileSync(`${dir}/${f}`, 'utf8') }));
const policy = loadPolicy(compilePolicy({ files }).ir!);
const OUTPUTS = ['本人工资', '一次性伤残补助金', '伤残津贴', '生活护理费'];
const AS_OF = '2024-06-01';

describe('lazy fen outcomes', () => {
  it('texts and checks read later equal the decimal answer for the case as evaluated', () => {
    for (let k = 0; k < 12; k++) {
      const input: Record<string, unknown> = { 受伤日期: '2023-03-15', 月缴费工资: k % 2 ? '4800.01' : '30000.05', 伤残等级: k % 3 ? '五级' : '一级', 用人单位安排适当工作: false, 生活自理障碍等级: '完全不能自理' };
      const parameters: Record<string, unknown> = { 统筹地区上年度职工月平均工资: '8000.01', 最低工资标准: '2100' };
      const want = policy.evaluate({ ...input }, { asOf: AS_OF, parameters: { ...parameters }, outputs: OUTPUTS, engine: 'decimal' });
      const before = fenStats.answered;
      const got = policy.evaluate(input, { asOf: AS_OF, parameters, outputs: OUTPUTS });
      expect(fenStats.answered).toBe(before + 1); // the fen path answered it
      // the caller reuses its objects before reading anything
      input['月缴费工资'] = '1.00';
      input['伤残等级'] = '十级';
      parameters['统筹地区上年度职工月平均工资'] = '99999';
      expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      expect(JSON.parse(JSON.stringify(got.outputs))).toEqual(want.outputs);
      const plain = (got as unknown as { toJSON(): typeof want }).toJSON(); // plain output values: what structuredClone keeps
      expect(plain.outputs).toEqual(want.outputs);
      expect(structuredClone(plain)).toEqual(JSON.parse(JSON.stringify(want)));
      for (const k of OUTPUTS) expect([got.outputs[k]!.type, got.outputs[k]!.value, got.outputs[k]!.display]).toEqual([want.outputs[k]!.type, want.outputs[k]!.value, want.outputs[k]!.display]);
      expect(got.outputs['一次性伤残补助金']!.display).toMatch(/元$/);
      expect(got.checks).toEqual(want.checks);
      expect(got.ok).toBe(want.ok);
      expect(got.inputErrors).toEqual([]);
      expect(got.unavailable).toEqual({});
    }
  });

  it('a kernel-answered shape: numbers as JSON gives them, injury dates that change the table read, checks read after the caller changed everything', () => {
    // one shape (same keys), so after a few cases a straight-line kernel answers; the injury date
    // picks the table version (the kernel keeps the cells of the last date), money as numbers
    const dates = ['2010-06-01', '2023-03-15', '2011-01-01', '2023-03-15', '2010-12-31'];
    const wages = [4800.01, 30000.05, 8219.47, 1000, 99999.99];
    let kernelAnswered = 0;
    const fellBack0 = fenStats.fellBack;
    for (let k = 0; k < 40; k++) {
      const input: Record<string, unknown> = { 受伤日期: dates[k % 5], 月缴费工资: wages[(k * 3) % 5], 伤残等级: ['一级', '五级', '九级'][k % 3], 用人单位安排适当工作: k % 4 === 0, 生活自理障碍等级: '部分不能自理' };
      const parameters: Record<string, unknown> = { 统筹地区上年度职工月平均工资: k % 2 ? 8000.01 : 6123.45, 最低工资标准: 2100 };
      const want = policy.evaluate(JSON.parse(JSON.stringify(input)), { asOf: AS_OF, parameters: JSON.parse(JSON.stringify(parameters)), outputs: OUTPUTS, engine: 'decimal' });
      const before = fenStats.answered;
      const got = policy.evaluate(input, { asOf: AS_OF, parameters, outputs: OUTPUTS });
      kernelAnswered += fenStats.answered - before;
      for (const key of Object.keys(input)) input[key] = key === '月缴费工资' ? 1 : '十级';
      parameters['统筹地区上年度职工月平均工资'] = 1;
      // checks first, then outputs (the other order is the test above)
      expect(got.checks).toEqual(want.checks);
      expect(got.ok).toBe(want.ok);
      expect(JSON.stringify(got)).toBe(JSON.stringify(want));
    }
    // every case is answered on the fen path: injuries from 2011 on by the generic reader first,
    // then the kernel; the earlier ones (2 of every 5 dates) have 一次性伤残补助金 unavailable —
    // without 工伤认定日期 the edition cannot be picked — which the fen path reports itself
    // (runtime/fenEval.ts fenOutcome) instead of handing the case to the decimal path
    expect(kernelAnswered).toBe(40);
    expect(fenStats.fellBack).toBe(fellBack0);
  });

  it('a new outputs array per call (same names) compiles no new outputs writer', () => {
    // each call's input has its keys in another order: a shape seen once, so the generic fen
    // path answers (kernels come after a shape recurs) — the path a one-off case takes
    const entries = Object.entries({ 受伤日期: '2023-03-15', 月缴费工资: '7000.10', 伤残等级: '三级', 用人单位安排适当工作: false, 生活自理障碍等级: '无需护理' });
    const orders: (typeof entries)[] = [];
    const permute = (done: typeof entries, rest: typeof entries) => {
      if (rest.length === 0) orders.push(done);
      rest.forEach((e, i) => permute([...done, e], [...rest.slice(0, i), ...rest.slice(i + 1)]));
    };
    permute([], entries); // 120 orders
    const run = (k: number) =>
      policy.evaluate(Object.fromEntries(orders[k]!), { asOf: AS_OF, parameters: { 统筹地区上年度职工月平均工资: '8000', 最低工资标准: '2000' }, outputs: ['生活护理费', '本人工资'] }).outputs;
    run(0); // the writer of this outputs list is made here
    const real = globalThis.Function;
    let compiled = 0;
    globalThis.Function = new Proxy(real, { construct: (t, args) => (compiled++, Reflect.construct(t, args)) });
    const before = fenStats.answered;
    try {
      for (let k = 1; k <= 50; k++) expect(run(k)['本人工资']!.value).toBe('7000.10');
    } finally {
      globalThis.Function = real;
    }
    expect(fenStats.answered).toBe(before + 50);
    expect(compiled).toBe(0);
  });

  it('outputs read twice are the same object; a value written by the caller stays', () => {
    const o = policy.evaluate(
      { 受伤日期: '2023-03-15', 月缴费工资: '9000', 伤残等级: '一级', 用人单位安排适当工作: false, 生活自理障碍等级: '无需护理' },
      { asOf: AS_OF, parameters: { 统筹地区上年度职工月平均工资: '8000', 最低工资标准: '2000' }, outputs: OUTPUTS },
    );
    expect(o.outputs).toBe(o.outputs);
    const v = o.outputs['本人工资']!;
    // 9000 within 60 %–300 % of 8000; the texts are written on read (accessors), the same each time
    expect([v.type, v.value, v.display, v.value, v.display]).toEqual(['money', '9000.00', '9,000.00元', '9000.00', '9,000.00元']);
    expect(JSON.parse(JSON.stringify(v))).toEqual({ type: 'money', value: '9000.00', display: '9,000.00元' });
    expect(Object.keys(v)).toEqual([]); // documented (docs/embedding.md): spread or clone v.toJSON(), not v
    o.outputs['x'] = { type: 'text', value: 'y', display: 'y' };
    expect(Object.keys(o.outputs)).toEqual([...OUTPUTS, 'x']);
  });
});
