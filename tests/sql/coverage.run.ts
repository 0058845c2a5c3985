import { compileFolder } from '../../cli/policy.ts';
import { compileSql } from '../../compiler/sql/index.ts';
import { NATIONAL_PARAMETERS } from './differential.ts';
const cf = compileFolder('provinces/national');
const ir = cf.result.ir!;
const r = compileSql(ir, 'duckdb', { asOf: '2024-06-01', parameters: NATIONAL_PARAMETERS });
const outs = ir.rules.filter((x) => x.params.length === 0);
const skipped = new Set(r.skipped.map((s) => s.name));
console.log('total', outs.length, 'in subset', outs.length - skipped.size);
const byFile: Record<string, [number, number]> = {};
for (const o of outs) { const f = o.span.file.split('/').pop()!; byFile[f] ??= [0, 0]; byFile[f][0]++; if (!skipped.has(o.name)) byFile[f][1]++; }
console.log(JSON.stringify(byFile));
const codes: Record<string, number> = {}; for (const s of r.skipped) codes[s.code] = (codes[s.code] ?? 0) + 1; console.log(codes);
console.log(outs.filter((o) => o.span.file.endsWith('disability.xize') && skipped.has(o.name)).map((o) => o.name).join(' '));
