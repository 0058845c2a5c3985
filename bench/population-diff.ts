// Long differential run: SQL (DuckDB) against the JS engine on generated records, in batches.
//   npx tsx bench/population-diff.ts [--records 200000] [--batch 20000]
import { runDifferential } from '../tests/sql/differential.ts';
const arg = (k: string, d: string) => { const i = process.argv.indexOf(`--${k}`); return i > 0 ? process.argv[i + 1]! : d; };
const total = Number(arg('records', '200000')), batch = Number(arg('batch', '20000'));
let records = 0, compared = 0, computed = 0, rejected = 0, declined = 0, disagreements = 0;
const codes: Record<string, number> = {};
for (let seed = 1000; records < total; seed++) {
  const r = await runDifferential({ policyDir: 'provinces/national', records: Math.min(batch, total - records), seed, asOf: seed % 2 ? '2024-06-01' : '2015-03-31' });
  records += r.records; compared += r.compared; computed += r.computed; rejected += r.rejectedJs; declined += r.declinedSql; disagreements += r.disagreements.length;
  for (const [k, n] of Object.entries(r.codes)) codes[k] = (codes[k] ?? 0) + n;
  for (const d of r.disagreements.slice(0, 3)) console.error(JSON.stringify(d));
  process.stderr.write(`\r${records} records`);
}
// rejected: by both engines with the same code; declined: computed by JS, XS011 in SQL (each checked)
console.log(JSON.stringify({ records, compared, computed, rejected, declined, codes, disagreements }));
