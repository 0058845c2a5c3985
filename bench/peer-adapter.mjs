// Adapter for the shared peer bench (not part of this repository; its "Adding an engine"): times the compiled national policy
// beside ZEN, json-rules-engine and feelin in the same run.
//
//   npm run build     # in this repository: dist/, the package an embedder installs
//   cd "$PEER_BENCH" && npm install && npm run bench -- --add /path/to/this/repo/bench/peer-adapter.mjs
//   (PEER_BENCH: the operator's copy of the peer bench; see docs/benchmarks.md)
//
// Plain Node loads this file and the built JavaScript (dist/esm/compiler.js, no tsx), so the
// cold start is the package's own. Setup compiles the national baseline from source — parse,
// check, generate, load — and is timed as the engine's setup cost.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const GRADES = ['', '一级', '二级', '三级', '四级', '五级', '六级', '七级', '八级', '九级', '十级'];
const CARE = ['无需护理', '部分不能自理', '大部分不能自理', '完全不能自理'];
const OUTPUTS = ['本人工资', '一次性伤残补助金', '伤残津贴', '生活护理费'];

export default [
  {
    id: 'xize',
    label: 'Xize compiled national policy (decimal.js runtime)',
    exact: true,
    async setup() {
      const built = join(root, 'dist/esm/compiler.js');
      if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` in ${root} first`);
      const { compilePolicy, loadPolicy } = await import(pathToFileURL(built).href);
      const dir = join(root, 'provinces/national');
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.xize'))
        .sort()
        .map((f) => ({ path: `provinces/national/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
      const result = compilePolicy({ files, resolve: () => undefined });
      if (!result.ir) throw new Error('national policy does not compile');
      const policy = loadPolicy(result.ir);
      return {
        run(cases, out) {
          for (let i = 0; i < cases.length; i++) {
            const c = cases[i];
            // the workload's money is JSON numbers (what JSON.parse gives an application); the
            // input schema takes money as a number or a decimal text, so they are passed as they are
            const o = policy.evaluate(
              {
                受伤日期: '2023-03-15',
                月缴费工资: c.monthlyWage,
                伤残等级: GRADES[c.grade],
                用人单位安排适当工作: false,
                生活自理障碍等级: CARE[c.careLevel],
              },
              {
                asOf: '2024-06-01',
                parameters: { 统筹地区上年度职工月平均工资: c.avgWage, 最低工资标准: c.minWage },
                outputs: OUTPUTS,
              },
            );
            const q = o.outputs; // an output the outcome lacks reads as undefined: a mismatch, reported by the bench
            out[i] = { baseWage: q['本人工资']?.value, lumpSum: q['一次性伤残补助金']?.value, allowance: q['伤残津贴']?.value, nursing: q['生活护理费']?.value };
          }
        },
      };
    },
  },
];
