// Profiles the built package on the bench workload: `node --cpu-prof bench/profile-dist.mjs [text|eval] [rounds]`
// after `npm run build` (plain node, no tsx, so the profile shows the package's own code).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { compilePolicy, loadPolicy } = await import(join(root, 'dist/esm/compiler.js'));
const dir = join(root, 'provinces/national');
const files = readdirSync(dir).filter((f) => f.endsWith('.xize')).sort()
  .map((f) => ({ path: `provinces/national/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
const policy = loadPolicy(compilePolicy({ files, resolve: () => undefined }).ir);
const GRADES = ['', '一级', '二级', '三级', '四级', '五级', '六级', '七级', '八级', '九级', '十级'];
const CARE = ['无需护理', '部分不能自理', '大部分不能自理', '完全不能自理'];
const OUTPUTS = ['本人工资', '一次性伤残补助金', '伤残津贴', '生活护理费'];
const n = 20000;
let s = 20240601;
const rnd = (m) => ((s = (s * 1103515245 + 12345) % 2147483648), s % m);
const cases = Array.from({ length: n }, () => ({
  input: { 受伤日期: '2023-03-15', 月缴费工资: String(1000 + rnd(59000)) + '.' + String(10 + rnd(90)), 伤残等级: GRADES[1 + rnd(10)], 用人单位安排适当工作: false, 生活自理障碍等级: CARE[rnd(4)] },
  parameters: { 统筹地区上年度职工月平均工资: String(5000 + rnd(7000)) + '.' + String(10 + rnd(90)), 最低工资标准: String(1900 + rnd(800)) },
}));
const mode = process.argv[2] ?? 'text';
const rounds = Number(process.argv[3] ?? 30);
const out = new Array(n);
for (let r = 0; r < rounds; r++) {
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    const o = policy.evaluate(cases[i].input, { asOf: '2024-06-01', parameters: cases[i].parameters, outputs: OUTPUTS });
    if (mode === 'text') { const q = o.outputs; out[i] = [q['本人工资'].value, q['一次性伤残补助金'].value, q['伤残津贴'].value, q['生活护理费'].value]; }
    else out[i] = o;
  }
  if (r % 10 === 9) console.log(mode, r + 1, ((performance.now() - t) / n * 1000).toFixed(3), 'µs/case');
}
