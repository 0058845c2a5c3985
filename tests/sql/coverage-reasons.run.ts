// Why each output of a policy falls outside the SQL subset, grouped by the first diagnostic:
// `npx tsx tests/sql/coverage-reasons.run.ts provinces/national provinces/guangdong`.
import { compileFolder } from '../../cli/policy.ts';
import { lowerPolicy } from '../../compiler/sql/lower.ts';
import { NATIONAL_PARAMETERS } from '../../tests/sql/differential.ts';

for (const p of process.argv.slice(2)) {
  const ir = compileFolder(p).result.ir!;
  const outs = ir.rules.filter((x) => x.params.length === 0);
  const reasons: Record<string, string[]> = {};
  for (const o of outs) {
    const r = lowerPolicy(ir, { asOf: '2024-06-01', parameters: NATIONAL_PARAMETERS, outputs: [o.name] });
    if (r.diagnostics.length === 0) continue;
    const k = r.diagnostics[0]!.code + ' ' + r.diagnostics[0]!.message.en.replace(/^rule '[^']*' /, '');
    (reasons[k] ??= []).push(o.name);
  }
  console.log(p, 'total', outs.length, 'failing', Object.values(reasons).flat().length);
  for (const [k, v] of Object.entries(reasons)) console.log('  ', v.length, k, '::', v.slice(0, 6).join(' '));
}
