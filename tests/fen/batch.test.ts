// The batch API (runtime/batch.ts): the same values as `evaluate`, as columns, rows and an
// async stream; columnar input; failures carry their Outcome; scaled integers for sums.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { compilePolicy, loadPolicy } from '../../compiler/index.ts';
import { batchScales, evaluateColumns, evaluateRows, evaluateStream, type BatchCase } from '../../runtime/index.ts';

const dir = 'provinces/national';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.xize'))
  .sort()
  .map((f) => ({ path: `${dir}/${f}`, text: readFileSync(`${dir}/${f}`, 'utf8') }));
const policy = loadPolicy(compilePolicy({ files }).ir!);
const OUTPUTS = ['本人工资', '一次性伤残补助金', '伤残津贴', '生活护理费'];
const GRADES = ['一级', '二级', '三级', '四级', '五级', '六级', '七级', '八级', '九级', '十级'];
const CARE = ['无需护理', '部分不能自理', '大部分不能自理', '完全不能自理'];
const AS_OF = '2024-06-01';

function cases(n: number): BatchCase[] {
  const out: BatchCase[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      input: { 受伤日期: '2023-03-15', 月缴费工资: `${1000 + i * 377}.${String(i % 100).padStart(2, '0')}`, 伤残等级: GRADES[i % 10], 用人单位安排适当工作: false, 生活自理障碍等级: CARE[i % 4] },
      parameters: { 统筹地区上年度职工月平均工资: `${8000 + (i % 7)}.${String((i * 13) % 100).padStart(2, '0')}`, 最低工资标准: '2490' },
    });
  }
  // a case with a bad field and one the fen path cannot take (a dated override)
  out.push({ input: { 受伤日期: '2023-03-15', 月缴费工资: 'abc', 伤残等级: '一级' }, parameters: { 统筹地区上年度职工月平均工资: '8000', 最低工资标准: '2490' } });
  out.push({ input: { 受伤日期: '2023-03-15', 月缴费工资: '9000', 伤残等级: '二级' }, parameters: { 统筹地区上年度职工月平均工资: { '2020-01-01': '7000', '2023-01-01': '8000' }, 最低工资标准: '2490' } });
  return out;
}

const expected = (c: BatchCase) => {
  const o = policy.evaluate(c.input, { asOf: AS_OF, parameters: c.parameters, outputs: OUTPUTS, engine: 'decimal' });
  return { ok: o.ok, values: OUTPUTS.map((k) => o.outputs[k]?.value ?? null) };
};

describe('batch API', () => {
  const cs = cases(200);
  it('columns equal evaluate() on the decimal path, case by case', () => {
    const r = evaluateColumns(policy, cs, { asOf: AS_OF, outputs: OUTPUTS });
    expect(r.length).toBe(cs.length);
    expect(r.fen).toBe(200); // every well-formed case on the fen path
    cs.forEach((c, i) => {
      const e = expected(c);
      expect(OUTPUTS.map((k) => r.columns[k]![i])).toEqual(e.values);
      expect(r.ok[i]).toBe(e.ok ? 1 : 0);
    });
    const bad = r.failures.get(200)!;
    expect(bad.inputErrors.map((e) => e.path)).toContain('月缴费工资');
    expect(r.failures.has(201)).toBe(false); // the dated override goes to the decimal path and is fine
  });

  it('rows stream one by one and columnar input gives the same values', () => {
    const rows = [...evaluateRows(policy, cs, { asOf: AS_OF, outputs: OUTPUTS })];
    const columnar = {
      length: cs.length,
      input: Object.fromEntries(['受伤日期', '月缴费工资', '伤残等级', '用人单位安排适当工作', '生活自理障碍等级'].map((k) => [k, cs.map((c) => (c.input as Record<string, unknown>)[k])])),
      parameters: Object.fromEntries(['统筹地区上年度职工月平均工资', '最低工资标准'].map((k) => [k, cs.map((c) => c.parameters![k])])),
    };
    const cols = evaluateColumns(policy, columnar, { asOf: AS_OF, outputs: OUTPUTS });
    rows.forEach((row, i) => {
      expect(row.index).toBe(i);
      expect(row.values).toEqual(OUTPUTS.map((k) => cols.columns[k]![i]));
    });
    expect(rows[200]!.ok).toBe(false);
    expect(rows[200]!.outcome?.inputErrors.length).toBeGreaterThan(0);
  });

  it('an async stream yields chunks in order', async () => {
    async function* gen() {
      for (const c of cs) yield c;
    }
    const seen: number[] = [];
    for await (const chunk of evaluateStream(policy, gen(), { asOf: AS_OF, outputs: OUTPUTS, chunk: 64 })) {
      expect(chunk.length).toBeLessThanOrEqual(64);
      for (const row of chunk) seen.push(row.index);
    }
    expect(seen).toEqual(cs.map((_, i) => i));
  });

  it("values: 'scaled' gives money in fen as integers", () => {
    expect(batchScales(policy, OUTPUTS)).toEqual([2, 2, 2, 2]);
    const r = evaluateColumns(policy, cs.slice(0, 50), { asOf: AS_OF, outputs: OUTPUTS, values: 'scaled' });
    const j = evaluateColumns(policy, cs.slice(0, 50), { asOf: AS_OF, outputs: OUTPUTS });
    for (const k of OUTPUTS) {
      r.columns[k]!.forEach((v, i) => {
        expect(Number.isSafeInteger(v)).toBe(true);
        expect(((v as number) / 100).toFixed(2)).toBe(j.columns[k]![i]);
      });
    }
  });

  it('an unknown output is refused up front', () => {
    expect(() => evaluateColumns(policy, cs, { asOf: AS_OF, outputs: ['没有这个'] })).toThrow(/未知输出/);
  });
});

describe('batch API across worker threads', () => {
  it('gives the same columns as one thread', async () => {
    const { evaluateColumnsInWorkers } = await import('../../runtime/batchWorkers.node.ts');
    const { emitBody } = await import('../../compiler/codegen.ts');
    const body = emitBody(compilePolicy({ files }).ir!);
    const cs = cases(300);
    const one = evaluateColumns(policy, cs, { asOf: AS_OF, outputs: OUTPUTS });
    const two = await evaluateColumnsInWorkers(body, cs, { asOf: AS_OF, outputs: OUTPUTS }, { threads: 2 });
    expect(two.columns).toEqual(one.columns);
    expect([...two.ok]).toEqual([...one.ok]);
    expect([...two.failures.keys()]).toEqual([...one.failures.keys()]);
    expect(two.fen).toBe(one.fen);
  }, 60_000);
});
