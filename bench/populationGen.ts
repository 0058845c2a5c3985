// A deterministic generated population for population diffs and the example report: injured
// workers (wage across the clamp range, every grade, injuries across the 2011 break) and deaths
// (injury and death dates 2018–2022, a share injured in December and dying in January, where the
// 2012 and 2022 editions of the 规程 take the income figure of different years). Usage:
//   npx tsx bench/populationGen.ts --records 5000 --out people.ndjson
import { createWriteStream } from 'node:fs';

const GRADES = ['一级', '二级', '三级', '四级', '五级', '六级', '七级', '八级', '九级', '十级'];
const DEATHS = ['因工死亡', '停工留薪期内因工伤死亡', '一至四级停工留薪期满后死亡'];
const pad = (n: number) => String(n).padStart(2, '0');

/** With `faults`, one record in 25 carries one of these (input, value): each input-error class
 * the reject codes cover (both engines give the same `<code>:<path>`), a value the SQL engine
 * declines (XS011), a JSON null (absent), a column that is no input (not read). */
const FAULTS: [string, unknown][] = [
  ['月缴费工资', '-1'], ['月缴费工资', ''], ['月缴费工资', 'abc'], ['月缴费工资', null], ['月缴费工资', '8000.125'], ['月缴费工资', 8000.5], ['月缴费工资', '8000.500'],
  ['伤残等级', '十一级'], ['伤残等级', null], ['已退休', 'true'], ['已退休', 'yes'], ['受伤日期', '2023-02-30'], ['受伤日期', ''],
  ['停工留薪期月数', '5'], ['停工留薪期月数', -1], ['停工留薪期月数', 3], ['已核定缴费费率', '30%'], ['已核定缴费费率', '30%%'], ['已核定缴费费率', '0.1234567'],
  ['辅助器具最低使用年限', 3.5], ['备注列', 'x'],
];

export async function writePopulation(file: string, records: number, seed = 20120622, opts: { faults?: boolean } = {}): Promise<void> {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  const w = createWriteStream(file);
  for (let i = 0; i < records; i++) {
    const id = `P${String(i + 1).padStart(7, '0')}`;
    let rec: Record<string, unknown>;
    if (next() % 3 === 0) {
      // a death: injured in year y, died within 0–14 months; one in three injured in December and dead in January
      const y = 2018 + (next() % 3);
      const dec = next() % 3 === 0;
      const im = dec ? 12 : 1 + (next() % 12), id_ = 1 + (next() % 28);
      const later = dec ? 1 : next() % 15;
      const dm0 = im - 1 + later, dy = y + Math.floor(dm0 / 12), dm = (dm0 % 12) + 1;
      rec = { 编号: id, 受伤日期: `${y}-${pad(im)}-${pad(id_)}`, 死亡日期: `${dy}-${pad(dm)}-${pad(dec ? 1 + (next() % 28) : Math.max(id_, 1 + (next() % 28)))}`, 工亡情形: DEATHS[next() % 3] };
    } else {
      const cents = next() % 3_000_000;
      const y = 2008 + (next() % 14), m = 1 + (next() % 12), d = 1 + (next() % 28);
      rec = { 编号: id, 受伤日期: `${y}-${pad(m)}-${pad(d)}`, 工伤认定日期: `${y + 1}-01-15`, 月缴费工资: `${Math.floor(cents / 100)}.${pad(cents % 100)}`, 伤残等级: GRADES[next() % 10], 已退休: next() % 5 === 0, 基本养老金: '3000.00' };
    }
    if (opts.faults && next() % 25 === 0) {
      const [k, v] = FAULTS[next() % FAULTS.length]!;
      rec[k] = v;
    }
    if (!w.write(JSON.stringify(rec) + '\n')) await new Promise((r) => w.once('drain', r));
  }
  await new Promise((r) => w.end(r));
}

if (process.argv[1] && /populationGen\.ts$/.test(process.argv[1])) {
  const arg = (k: string, d: string) => { const i = process.argv.indexOf(`--${k}`); return i > 0 ? process.argv[i + 1]! : d; };
  await writePopulation(arg('out', 'population.ndjson'), Number(arg('records', '5000')));
}
