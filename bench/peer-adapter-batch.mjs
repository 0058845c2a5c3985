// A second adapter for the shared peer bench (not part of this repository; see docs/benchmarks.md): the same compiled national policy as
// peer-adapter.mjs, but each pass goes through the batch API (runtime/batch.ts,
// `evaluateColumns`) — one call for all cases, only the four outputs, values as decimal text
// (the batch kernels: no Outcome per case; the error-severity checks run inline).
//
//   npm run build && npm run bench -- --add /path/to/bench/peer-adapter.mjs --add /path/to/bench/peer-adapter-batch.mjs
// Like peer-adapter.mjs it loads the built JavaScript (dist/esm), no tsx.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const GRADES = ['', '一级', '二级', '三级', '四级', '五级', '六级', '七级', '八级', '九级', '十级'];
const CARE = ['无需护理', '部分不能自理', '大部分不能自理', '完全不能自理'];
const OUTPUTS = ['本人工资', '一次性伤残补助金', '伤残津贴', '生活护理费'];

export default [
  {
    id: 'xize-batch',
    label: 'Xize compiled national policy, batch API (fen path, decimal fallback)',
    exact: true,
    async setup() {
      const built = join(root, 'dist/esm/compiler.js');
      if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` in ${root} first`);
      const { compilePolicy, loadPolicy } = await import(pathToFileURL(built).href);
      const { evaluateColumns } = await import(pathToFileURL(join(root, 'dist/esm/runtime.js')).href);
      const dir = join(root, 'provinces/national');
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.xize'))
        .sort()
        .map((f) => ({ path: `provinces/national/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
      const result = compilePolicy({ files, resolve: () => undefined });
      if (!result.ir) throw new Error('national policy does not compile');
      const policy = loadPolicy(result.ir);
      const options = { asOf: '2024-06-01', outputs: OUTPUTS };
      return {
        run(cases, out) {
          const batch = new Array(cases.length);
          for (let i = 0; i < cases.length; i++) {
            const c = cases[i];
            batch[i] = {
              // the workload's money as the JSON numbers it is (as peer-adapter.mjs passes it)
              input: { 受伤日期: '2023-03-15', 月缴费工资: c.monthlyWage, 伤残等级: GRADES[c.grade], 用人单位安排适当工作: false, 生活自理障碍等级: CARE[c.careLevel] },
              parameters: { 统筹地区上年度职工月平均工资: c.avgWage, 最低工资标准: c.minWage },
            };
          }
          const r = evaluateColumns(policy, batch, options);
          const [b, l, a, n] = OUTPUTS.map((k) => r.columns[k]);
          for (let i = 0; i < cases.length; i++) out[i] = { baseWage: b[i], lumpSum: l[i], allowance: a[i], nursing: n[i] };
        },
      };
    },
  },
];
