// Golden SQL snapshots of the three printers for the disability outputs of the national baseline
// (review a change to tests/sql/__snapshots__/ like code), plus the subset's diagnostics.
import { describe, expect, it } from 'vitest';
import { compileFolder } from '../../cli/policy.ts';
import { compileSql } from '../../compiler/sql/index.ts';
import { NATIONAL_PARAMETERS } from './differential.ts';

const ir = compileFolder('provinces/national').result.ir!;
const outputs = ['本人工资', '一次性伤残补助金', '伤残津贴', '退休后伤残津贴差额', '一次性工伤医疗补助金', '一次性伤残就业补助金'];

describe('SQL printers', () => {
  for (const d of ['duckdb', 'spark', 'trino'] as const) {
    it(`${d}: golden snapshot`, async () => {
      const r = compileSql(ir, d, { asOf: '2024-06-01', parameters: NATIONAL_PARAMETERS, outputs, source: 'population', idColumn: 'id' });
      expect(r.diagnostics).toEqual([]);
      await expect(r.sql!.replace(/\) AS (s\d+)/g, ') AS $1\n') + '\n').toMatchFileSnapshot(`__snapshots__/national-disability.${d}.sql`);
    });
  }
  it('spark strings escape backslashes and quotes; no policy text outside literals and quoted names', () => {
    const r = compileSql(ir, 'spark', { asOf: '2024-06-01', parameters: { ...NATIONAL_PARAMETERS }, outputs: ['本人工资'] });
    expect(r.sql).not.toMatch(/ROUND\(/i); // never the engine's own rounding
  });
  it('an output outside the subset is a coded diagnostic naming the construct', () => {
    const outside = ir.rules.find((x) => x.params.length === 0 && JSON.stringify(x.layers).includes('"k":"aggregate"') && !JSON.stringify(x.layers).includes('"k":"when"'));
    const r = compileSql(ir, 'duckdb', { asOf: '2024-06-01', parameters: NATIONAL_PARAMETERS, outputs: [outside!.name] });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XS001']);
    expect(r.diagnostics[0]!.message.zh).toContain(outside!.name);
    expect(r.diagnostics[0]!.hint?.en).toBeTruthy();
  });
  it('without a list of outputs, every output outside the subset is listed as skipped with its code', () => {
    const r = compileSql(ir, 'duckdb', { asOf: '2024-06-01', parameters: NATIONAL_PARAMETERS });
    expect(r.query!.outputs.length).toBeGreaterThanOrEqual(80);
    expect(r.skipped.every((s) => /^XS00\d$/.test(s.code))).toBe(true);
  });
});
