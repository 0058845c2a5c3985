import { runDifferential } from './differential.ts';
const r = await runDifferential({ policyDir: 'provinces/national', records: Number(process.argv[2] ?? 2000), seed: 1, asOf: '2024-06-01' });
console.log(r.records, r.compared, r.rejectedJs, r.rejectedSql, r.disagreements.length);
const seen = new Set<string>();
for (const d of r.disagreements) { if (seen.has(d.output)) continue; seen.add(d.output); console.log(JSON.stringify(d)); }
