// A second adapter for the shared peer bench (not part of this repository; see docs/benchmarks.md): the same compiled national policy as
// peer-adapter.mjs, but each pass goes through the batch API (runtime/batch.ts,
// `evaluateColumns`) — one call for all cases, only the four outputs (the batch kernels: no
// Outcome per case; the error-severity checks run inline; input validation as in `evaluate`).
//
//   npm run build && npm run bench -- --add /path/to/bench/peer-adapter.mjs --add /path/to/bench/peer-adapter-batch.mjs
// Like peer-adapter.mjs it loads the built JavaScript (dist/esm), no tsx.
//
// Two engines:
// - `xize-batch`: the cases as columns (what a population run reads from a file), the outputs as
//   integers of fen (`values: 'scaled'`); each result is a row holding its four integers, whose
//   texts the runtime writes when they are read (`batchJson`), as the reference keeps its four
//   Decimals and writes their texts when the bench reads them.
// - `xize-batch-text`: the same call with `values: 'json'`: the four value texts written inside
//   the timed pass, an object per case holding them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const GRADES = ['', '一级', '二级', '三级', '四级', '五级', '六级', '七级', '八级', '九级', '十级'];
const CARE = ['无需护理', '部分不能自理', '大部分不能自理', '完全不能自理'];
const OUTPUTS = ['本人工资', '一次性伤残补助金', '伤残津贴', '生活护理费'];

export default [
  { id: 'xize-batch', label: 'Xize compiled national policy, batch API, columns in, fen out, texts on read', exact: true, setup: scaledEngine },
  { id: 'xize-batch-text', label: 'Xize compiled national policy, batch API, columns in, value texts out', exact: true, setup: textEngine },
];

async function load() {
      const built = join(root, 'dist/esm/compiler.js');
      if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` in ${root} first`);
      const { compilePolicy, loadPolicy } = await import(pathToFileURL(built).href);
      const { evaluateColumns, batchJson } = await import(pathToFileURL(join(root, 'dist/esm/runtime.js')).href);
      const dir = join(root, 'provinces/national');
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.xize'))
        .sort()
        .map((f) => ({ path: `provinces/national/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
      const result = compilePolicy({ files, resolve: () => undefined });
      if (!result.ir) throw new Error('national policy does not compile');
      const policy = loadPolicy(result.ir);
      const text = batchJson(policy, OUTPUTS);
      const [T0, T1, T2, T3] = text;
      // one result per case, its figures as fen integers (or a decimal-path text); the text is
      // the runtime's own (batchJson), written when the bench reads the field
      class Row {
        constructor(b, l, a, n) {
          this.b = b;
          this.l = l;
          this.a = a;
          this.n = n;
        }
        get baseWage() { return T0(this.b); }
        get lumpSum() { return T1(this.l); }
        get allowance() { return T2(this.a); }
        get nursing() { return T3(this.n); }
      }
      const columnsOf = (cases) => {
        const n = cases.length;
        const date = new Array(n), wage = new Array(n), grade = new Array(n), job = new Array(n), care = new Array(n), avg = new Array(n), min = new Array(n);
        for (let i = 0; i < n; i++) {
          const c = cases[i];
          // the workload's money as the JSON numbers it is (as peer-adapter.mjs passes it)
          date[i] = '2023-03-15';
          wage[i] = c.monthlyWage;
          grade[i] = GRADES[c.grade];
          job[i] = false;
          care[i] = CARE[c.careLevel];
          avg[i] = c.avgWage;
          min[i] = c.minWage;
        }
        return {
          length: n,
          input: { 受伤日期: date, 月缴费工资: wage, 伤残等级: grade, 用人单位安排适当工作: job, 生活自理障碍等级: care },
          parameters: { 统筹地区上年度职工月平均工资: avg, 最低工资标准: min },
        };
      };
      return { policy, evaluateColumns, columnsOf, Row };
}

async function scaledEngine() {
  const { policy, evaluateColumns, columnsOf, Row } = await load();
  const options = { asOf: '2024-06-01', outputs: OUTPUTS, values: 'scaled' };
  return {
    run(cases, out) {
      const r = evaluateColumns(policy, columnsOf(cases), options);
      const [b, l, a, n] = OUTPUTS.map((k) => r.columns[k]);
      for (let i = 0; i < cases.length; i++) out[i] = new Row(b[i], l[i], a[i], n[i]);
    },
  };
}

async function textEngine() {
  const { policy, evaluateColumns, columnsOf } = await load();
  const options = { asOf: '2024-06-01', outputs: OUTPUTS };
  return {
    run(cases, out) {
      const r = evaluateColumns(policy, columnsOf(cases), options);
      const [b, l, a, n] = OUTPUTS.map((k) => r.columns[k]);
      for (let i = 0; i < cases.length; i++) out[i] = { baseWage: b[i], lumpSum: l[i], allowance: a[i], nursing: n[i] };
    },
  };
}
