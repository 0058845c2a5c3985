// Shard reports of one long run as one summary:
//   npx tsx tests/fuzz/mergeReports.ts [report.json …]   (default: artifacts/fuzz/shard-*.json)
// Prints the summary (reportLines) and writes artifacts/fuzz/summary.json. Exit code 1 when a
// finding kind is not in known.ts, or when the shards overlap, leave a gap or did not finish.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './corpus.ts';
import { mergeReports, summaryLines, type FuzzReport } from './report.ts';

const dir = join(ROOT, 'artifacts', 'fuzz');
let files = process.argv.slice(2);
if (!files.length) {
  mkdirSync(dir, { recursive: true });
  files = readdirSync(dir).filter((f) => /^shard-.*\.json$/.test(f)).sort().map((f) => join(dir, f));
}
if (!files.length) {
  console.error('no shard reports (artifacts/fuzz/shard-*.json); run shards with npm run fuzz -- --from N --count K');
  process.exit(1);
}
const { report, problems } = mergeReports(files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as FuzzReport));
const out = join(dir, 'summary.json');
writeFileSync(out, JSON.stringify({ shards: files.length, problems, ...report }, null, 2));
const { lines, unknown } = summaryLines(report);
console.log(`${files.length} shard(s); seconds are the shards' run time added up\n${lines.join('\n')}`);
for (const p of problems) console.log(`PROBLEM ${p}`);
console.log(`summary: ${out}`);
process.exit(unknown || problems.length ? 1 : 0);
