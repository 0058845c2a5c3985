import { compileFolder } from '../../cli/policy.ts';
import { compileSql } from '../../compiler/sql/index.ts';
import { NATIONAL_PARAMETERS, runDifferential } from './differential.ts';
const ir = compileFolder('provinces/national').result.ir!;
const r = compileSql(ir, 'duckdb', { asOf: '2024-06-01', parameters: NATIONAL_PARAMETERS });
const outputs = r.query!.outputs.map((o) => o.name);
const d = await runDifferential({ policyDir: 'provinces/national', records: Number(process.argv[2] ?? 2000), seed: 5, asOf: '2024-06-01', outputs });
const c: Record<string, number> = {}; const ex: Record<string, unknown> = {};
for (const x of d.disagreements) { c[x.output] = (c[x.output] ?? 0) + 1; ex[x.output] ??= [x.js, x.sql]; }
console.log(outputs.length, d.records, d.compared, d.computed, d.rejectedJs, d.rejectedSql, d.disagreements.length, JSON.stringify(c), JSON.stringify(ex));
