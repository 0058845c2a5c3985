// Maps a benchmark case onto the national baseline's inputs and parameters, and reads the four
// benchmark figures back from an Outcome. The national baseline leaves the regional figures to
// the provinces (必填 parameters), so each case supplies them as per-case parameter overrides.
import type { BenchCase } from './cases.ts';

export const AS_OF = '2024-06-01';
export const OUTPUTS = ['本人工资', '一次性伤残补助金', '伤残津贴', '生活护理费'];
const GRADES = ['', '一级', '二级', '三级', '四级', '五级', '六级', '七级', '八级', '九级', '十级'];
const CARE = ['无需护理', '部分不能自理', '大部分不能自理', '完全不能自理'];

export function toNationalCase(c: BenchCase) {
  return {
    input: {
      受伤日期: '2023-03-15',
      月缴费工资: c.monthlyWage,
      伤残等级: GRADES[c.grade],
      用人单位安排适当工作: false,
      生活自理障碍等级: CARE[c.careLevel],
    },
    parameters: { 统筹地区上年度职工月平均工资: c.avgWage, 最低工资标准: c.minWage },
  };
}

export interface Figures {
  baseWage: string;
  lumpSum: string;
  allowance: string;
  nursing: string;
}

type OutcomeLike = { outputs: Record<string, { value: unknown }>; errors: unknown[]; inputErrors: unknown[] };

export function figuresOf(o: OutcomeLike): Figures {
  // (no closure per call: this runs inside the timed loop, and the hand-written side has none)
  const q = o.outputs;
  return { baseWage: textOf(o, q, '本人工资'), lumpSum: textOf(o, q, '一次性伤残补助金'), allowance: textOf(o, q, '伤残津贴'), nursing: textOf(o, q, '生活护理费') };
}

function textOf(o: OutcomeLike, q: OutcomeLike['outputs'], name: string): string {
  const out = q[name];
  if (!out) throw new Error(`output ${name} missing: ${JSON.stringify({ errors: o.errors, inputErrors: o.inputErrors })}`);
  return String(out.value);
}

/** The cases as columns (runtime/batch.ts ColumnarCases), as a population run reads them from a
 * file: one array per input and per parameter. Built inside the timed pass. */
export function toNationalColumns(cs: readonly BenchCase[]) {
  const n = cs.length;
  const date = new Array<string>(n), wage = new Array<unknown>(n), grade = new Array<string>(n), job = new Array<boolean>(n);
  const care = new Array<string>(n), avg = new Array<unknown>(n), min = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const c = cs[i]!;
    date[i] = '2023-03-15';
    wage[i] = c.monthlyWage;
    grade[i] = GRADES[c.grade]!;
    job[i] = false;
    care[i] = CARE[c.careLevel]!;
    avg[i] = c.avgWage;
    min[i] = c.minWage;
  }
  return {
    length: n,
    input: { 受伤日期: date, 月缴费工资: wage, 伤残等级: grade, 用人单位安排适当工作: job, 生活自理障碍等级: care },
    parameters: { 统筹地区上年度职工月平均工资: avg, 最低工资标准: min },
  };
}
