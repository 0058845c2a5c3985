// Bad input never crashes: mutated policy text always yields diagnostics (never an exception or
// an internal-error diagnostic), and mutated case data always yields input errors or an outcome
// (never an exception, NaN or "undefined"). Deterministic: a seeded generator drives the edits.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePolicy, loadPolicy } from '../../compiler/index.ts';
import { ROOT } from '../support/scratch.ts';

const dir = join(ROOT, 'provinces/national');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.xize'))
  .sort()
  .map((f) => ({ path: `provinces/national/${f}`, text: readFileSync(join(dir, f), 'utf8') }));

function lcg(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const FRAGMENTS = ['{', '}', '(', ')', '[', ']', ':', '=', '当', '则', '否则', '规则', '参数 x: 金额', '×', '÷', '于', '"', '60%', '12个月', '覆盖', '例外 本人工资 当 真 则 0元', '\n', '伤残等级', '本人工资', '2024-02-30'];

function mutate(text: string, rnd: (n: number) => number): string {
  const at = rnd(text.length + 1);
  switch (rnd(3)) {
    case 0: // delete a short span
      return text.slice(0, at) + text.slice(at + 1 + rnd(12));
    case 1: // insert a fragment of the language
      return text.slice(0, at) + FRAGMENTS[rnd(FRAGMENTS.length)] + text.slice(at);
    default: // duplicate a short span
      return text.slice(0, at) + text.slice(at, at + 1 + rnd(20)) + text.slice(at);
  }
}

describe('robustness', () => {
  it('mutated national policy files: diagnostics, never a crash', () => {
    const rnd = lcg(20261124);
    let withErrors = 0;
    for (let i = 0; i < 120; i++) {
      const k = rnd(files.length);
      const edited = files.map((f, j) => (j === k ? { ...f, text: mutate(f.text, rnd) } : f));
      const r = compilePolicy({ files: edited });
      const internal = r.diagnostics.filter((d) => d.code === 'XC999' || d.code.endsWith('999'));
      expect(internal, `mutation ${i} of ${edited[k].path}`).toEqual([]);
      for (const d of r.diagnostics) {
        expect(d.message.zh.length > 0 && d.message.en.length > 0).toBe(true);
        expect(d.span.start.line).toBeGreaterThan(0);
      }
      if (r.diagnostics.some((d) => d.severity === 'error')) withErrors++;
      else expect(r.ir).toBeDefined();
    }
    expect(withErrors).toBeGreaterThan(30); // the mutations really break things
  });

  it('mutated case data: input errors or an outcome, never a crash, NaN or undefined', () => {
    const r = compilePolicy({ files });
    const policy = loadPolicy(r.ir!);
    const base: Record<string, unknown> = {
      受伤日期: '2023-03-10',
      月缴费工资: '3000.00',
      伤残等级: '五级',
      鉴定结论日期: '2023-09-12',
      用人单位安排适当工作: false,
      供养亲属: [{ 关系: '配偶', 性别: '女', 出生日期: '1965-03-01', 依靠职工生前提供主要生活来源: true, 完全丧失劳动能力: false, 孤儿或孤寡老人: false }],
    };
    const BAD: unknown[] = ['', 'abc', '1e5', NaN, Infinity, -1, 0, null, {}, [], true, '2023-02-29', '十级', '__proto__', { __proto__: { x: 1 } }, '9'.repeat(60)];
    const rnd = lcg(7);
    const keys = Object.keys(base);
    for (let i = 0; i < 200; i++) {
      const input: Record<string, unknown> = JSON.parse(JSON.stringify(base));
      const key = keys[rnd(keys.length)];
      if (rnd(5) === 0) delete input[key];
      else input[key] = BAD[rnd(BAD.length)];
      if (rnd(4) === 0) input[['额外字段', '__proto__', 'constructor'][rnd(3)]] = 1;
      const o = policy.evaluate(input as never, { asOf: '2024-05-01', parameters: { 统筹地区上年度职工月平均工资: '8000', 最低工资标准: '2490' } });
      const text = JSON.stringify(o.outputs);
      expect(text).not.toMatch(/NaN|undefined|Infinity/);
      if (o.inputErrors.length > 0) {
        expect(o.outputs).toEqual({});
        for (const e of o.inputErrors) expect(e.path.length > 0 || e.code === 'XI011' || e.code === 'XI007').toBe(true);
      }
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined(); // nothing polluted Object.prototype
  });
});
