// A SQL job bundle (`xize compile --target spark-sql|trino|duckdb-sql`): what a bureau's data
// team needs to run one policy at one as-of date on its own engine, and to prove the engine
// computes what Xize computes:
//   query.sql                 the population query over the table `xize_population`
//   manifest.json             inputs (with their DECIMAL/DATE/BOOLEAN types), outputs, result
//                             columns, parameter values, outputs left out of the SQL subset
//   parameters.csv            the parameter values compiled into the query (for the file)
//   conformance/records.ndjson  boundary records (compiler/sql/boundaryRecords.ts)
//   conformance/expected.ndjson the JS engine's answer for each record (the oracle)
//   README.md                 how to run the query and the conformance pack on the engine
// Parameters, tables and dated versions are resolved at compile time into the query (see
// compiler/sql/lower.ts for why), so parameters.csv records them rather than feeding a join.
import type { IrPolicy } from '../../compiler/ir.ts';
import type { Diagnostic } from '../../dsl/diagnostic.ts';
import { compileSql } from '../../compiler/sql/index.ts';
import { boundaryRecords } from '../../compiler/sql/boundaryRecords.ts';
import { jsEngine } from './engine.ts';
import { VERSION } from '../version.ts';
import { bundleReadme } from './bundleReadme.ts';

export type BundleDialect = 'spark' | 'trino' | 'duckdb';
export const SOURCE_TABLE = 'xize_population';

export interface BundleOptions {
  dialect: BundleDialect;
  asOf: string;
  parameters: Record<string, unknown>;
  outputs?: string[];
  idColumn?: string;
  records?: number;
}

export interface BundleManifest {
  kind: 'xize-sql-bundle';
  version: 1;
  generator: string;
  dialect: BundleDialect;
  policy: string;
  title?: string;
  asOf: string;
  source: string;
  idColumn: string;
  inputs: { name: string; type: string; sqlType: string; optional: boolean }[];
  outputs: { name: string; type: string }[];
  resultColumns: string[];
  parameters: Record<string, unknown>;
  skipped: { name: string; code: string }[];
  conformance: { records: number; rejected: number; file: string; expected: string };
}

/** `reject`: the population reject code the query must give (rejectCode.ts); `codes`: every input error's code */
export interface ExpectedRow { id: string; rejected: boolean; reject: string | null; codes: string[]; outputs: Record<string, string | null> }

export interface Bundle { files: [string, string][]; manifest?: BundleManifest; diagnostics: Diagnostic[] }

export function sqlBundle(ir: IrPolicy, o: BundleOptions): Bundle {
  const idColumn = o.idColumn ?? 'id';
  const r = compileSql(ir, o.dialect, { asOf: o.asOf, parameters: o.parameters, outputs: o.outputs, source: SOURCE_TABLE, idColumn });
  if (!r.query || !r.sql) return { files: [], diagnostics: r.diagnostics };
  const q = r.query;
  const outputs = q.outputs.map((x) => x.name);
  const records = boundaryRecords(ir, { records: o.records ?? 400, parameters: o.parameters, idColumn });
  const js = jsEngine(ir, { asOf: o.asOf, parameters: o.parameters, outputs });
  // the id column is the bundle's, not the policy's: the JS engine sees the inputs alone
  const results = js.evaluateChunk(records.map(({ [idColumn]: _id, ...input }) => input));
  const expected: ExpectedRow[] = results.map((x, i) => ({
    id: String(records[i]![idColumn]), rejected: x.rejected.length > 0, reject: x.reject, codes: x.rejected,
    outputs: x.rejected.length > 0 ? {} : Object.fromEntries(outputs.map((n) => [n, x.outputs[n] ?? null])),
  }));
  const manifest: BundleManifest = {
    kind: 'xize-sql-bundle', version: 1, generator: `xize ${VERSION}`, dialect: o.dialect,
    policy: ir.name, ...(ir.title ? { title: ir.title } : {}), asOf: o.asOf, source: SOURCE_TABLE, idColumn,
    inputs: q.inputs.map((i) => ({ name: i.name, type: i.type, sqlType: i.sqlType, optional: i.optional })),
    outputs: q.outputs.map((x) => ({ name: x.name, type: x.type })),
    resultColumns: ['rec_id', 'grp', 'reject', ...outputs],
    parameters: o.parameters, skipped: r.skipped,
    conformance: { records: records.length, rejected: expected.filter((e) => e.rejected).length, file: 'conformance/records.ndjson', expected: 'conformance/expected.ndjson' },
  };
  const ndjson = (rows: unknown[]) => rows.map((x) => JSON.stringify(x)).join('\n') + '\n';
  const files: [string, string][] = [
    ['query.sql', `${r.sql}\n`],
    ['manifest.json', `${JSON.stringify(manifest, null, 2)}\n`],
    ['parameters.csv', parametersCsv(o.parameters)],
    ['conformance/records.ndjson', ndjson(records)],
    ['conformance/expected.ndjson', ndjson(expected)],
    ['README.md', bundleReadme(manifest)],
  ];
  return { files, manifest, diagnostics: [] };
}

function parametersCsv(p: Record<string, unknown>): string {
  const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return ['name,value', ...Object.entries(p).map(([k, v]) => `${cell(k)},${cell(typeof v === "string" ? v : JSON.stringify(v))}`)].join('\n') + '\n';
}
