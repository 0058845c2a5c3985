// Unavailable outputs on the fen path: a case whose requested output needs an absent input —
// certainly (the needs graph) or on the branch it takes (五级/六级 伤残津贴 reads
// 用人单位安排适当工作) — is answered on the fen path with that output unavailable, listing the
// same missing inputs as the decimal path, instead of being handed back. Every case is compared
// with the decimal path: batch rows (ok, values, the attached Outcome), `evaluate` and the
// worker threads. Not yet on the fen path: a case without 月缴费工资, whose 平均月缴费工资 takes
// the branch over the list 受伤前逐月缴费工资 (lists are decimal-only), goes back whole.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { compilePolicy, loadPolicy } from '../../compiler/index.ts';
import { evaluateColumns, evaluateRows, fenStats, type BatchCase, type Outcome } from '../../runtime/index.ts';

const dir = 'provinces/national';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.xize'))
  .sort()
  .map((f) => ({ path: `${dir}/${f}`, text: readFileSync(`${dir}/${f}`, 'utf8') }));
const ir = compilePolicy({ files }).ir!;
const policy = loadPolicy(ir);
const OUTPUTS = ['本人工资', '一次性伤残补助金', '伤残津贴', '退休后伤残津贴差额', '生活护理费', '一次性伤残就业补助金'];
const GRADES = ['一级', '二级', '三级', '四级', '五级', '六级', '七级', '八级', '九级', '十级'];
const CARE = ['无需护理', '部分不能自理', '大部分不能自理', '完全不能自理'];
const AS_OF = '2024-06-01';
const PARAMS = { 统筹地区上年度职工月平均工资: '8123.45', 最低工资标准: '2490' };

/** Cases with fields left out by a pseudo-random mask (each field absent in about 1 of 4). */
function cases(n: number): BatchCase[] {
  let x = 7;
  const next = () => (x = (x * 48271) % 2147483647); // exact in doubles
  const out: BatchCase[] = [];
  for (let i = 0; i < n; i++) {
    const full: Record<string, unknown> = {
      受伤日期: `${2009 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
      工伤认定日期: `${2010 + (i % 15)}-01-15`,
      月缴费工资: `${1000 + ((i * 977) % 29000)}.${String(i % 100).padStart(2, '0')}`,
      伤残等级: GRADES[i % 10],
      已退休: i % 3 === 0,
      基本养老金: `${2000 + (i % 7) * 300}.00`,
      用人单位安排适当工作: i % 4 === 1,
      生活自理障碍等级: CARE[i % 4],
    };
    const input: Record<string, unknown> = {};
    for (const k of Object.keys(full)) if ((next() >> 4) % 4 !== 0) input[k] = full[k];
    out.push({ input });
  }
  return out;
}

const plain = (o: Outcome) => JSON.parse(JSON.stringify(o)) as Outcome;
const decimal = (c: BatchCase) => policy.evaluate(c.input, { asOf: AS_OF, parameters: PARAMS, outputs: OUTPUTS, engine: 'decimal' });

describe('unavailable outputs on the fen path', () => {
  const cs = cases(600);
  const expected = cs.map(decimal);
  const unavailable = expected.filter((o) => Object.keys(o.unavailable).length > 0).length;
  const listBranch = cs.filter((c) => !('月缴费工资' in (c.input as object))).length;

  it('the cases hit unavailability of both kinds (certain and on the branch taken)', () => {
    expect(unavailable).toBeGreaterThan(300);
    const names = new Set(expected.flatMap((o) => Object.values(o.unavailable).flatMap((u) => u.missing)));
    for (const k of ['用人单位安排适当工作', '基本养老金', '受伤日期', '伤残等级']) expect(names).toContain(k);
  });

  it('batch rows equal the decimal path, with the same Outcome, answered on the fen path', () => {
    const before = fenStats.fellBack;
    const cols = evaluateColumns(policy, cs, { asOf: AS_OF, parameters: PARAMS, outputs: OUTPUTS });
    const fellBack = fenStats.fellBack - before;
    const rows = [...evaluateRows(policy, cs, { asOf: AS_OF, parameters: PARAMS, outputs: OUTPUTS })];
    let onFenUnavailable = 0;
    cs.forEach((_, i) => {
      const e = expected[i]!;
      const complete = e.ok && OUTPUTS.every((k) => e.outputs[k] !== undefined);
      expect(rows[i]!.ok).toBe(complete);
      expect(cols.ok[i]).toBe(complete ? 1 : 0);
      expect(rows[i]!.values).toEqual(OUTPUTS.map((k) => e.outputs[k]?.value ?? null));
      expect(OUTPUTS.map((k) => cols.columns[k]![i])).toEqual(rows[i]!.values);
      if (!complete) {
        expect(plain(rows[i]!.outcome!)).toEqual(plain(e));
        expect(plain(cols.failures.get(i)!)).toEqual(plain(e));
      }
      if (Object.keys(e.unavailable).length > 0 && '月缴费工资' in (cs[i]!.input as object)) onFenUnavailable++;
    });
    // only the cases of the list branch go back to the decimal path
    expect(listBranch).toBeGreaterThan(50);
    expect(fellBack).toBe(listBranch);
    expect(cols.fen).toBe(cs.length - listBranch);
    expect(onFenUnavailable).toBeGreaterThan(200);
  });

  it('evaluate gives the decimal Outcome for every case', () => {
    const before = fenStats.fellBack;
    cs.forEach((c, i) => {
      const o = policy.evaluate(c.input, { asOf: AS_OF, parameters: PARAMS, outputs: OUTPUTS });
      expect(plain(o)).toEqual(plain(expected[i]!));
    });
    expect(fenStats.fellBack - before).toBe(listBranch);
  });

  it('worker threads send the Outcome of an unavailable case whole', async () => {
    const { evaluateColumnsInWorkers } = await import('../../runtime/batchWorkers.node.ts');
    const { emitBody } = await import('../../compiler/codegen.ts');
    const some = cs.slice(0, 120);
    const two = await evaluateColumnsInWorkers(emitBody(ir), some, { asOf: AS_OF, parameters: PARAMS, outputs: OUTPUTS }, { threads: 2 });
    some.forEach((_, i) => {
      const e = expected[i]!;
      if (two.failures.has(i)) expect(plain(two.failures.get(i)!)).toEqual(plain(e));
      else expect(Object.keys(e.unavailable)).toEqual([]);
    });
    expect(two.fen).toBe(some.filter((c) => '月缴费工资' in (c.input as object)).length);
  }, 60_000);
});
