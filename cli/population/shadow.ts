// The shadow check of `--engine duckdb-sql`: a sample of the population's records is evaluated
// again by the JS engine (the oracle) and by the same compiled query, and any disagreement fails
// the run with XS020, naming the record, the output and both values. The SQL backend's semantics
// are proven by the differential tests; the shadow keeps proving them on the data a run sees
// (values the generators never thought of), at a cost of one JS evaluation per sampled record.
//
// The sample is a reservoir sample of the source (DuckDB `USING SAMPLE reservoir(n ROWS)`, a
// fixed seed: the same file gives the same sample), numbered, and run through the query compiled
// with that number as its record id — the query is a function of the record alone (no record
// reads another), so its value for a sampled record is the value the full run computed.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { IrPolicy } from '../../compiler/ir.ts';
import { compileSql } from '../../compiler/sql/index.ts';
import { sqlMessages } from '../../compiler/sql/messages.ts';
import { jsEngine } from './engine.ts';
import { recordFromText } from './records.ts';
import { compareRecord } from './rejectCode.ts';
import { PopulationError } from './errors.ts';
import { ident as q } from './sqlText.ts';

/** Records re-evaluated per run unless `--shadow N` says otherwise (0 turns the check off). */
export const DEFAULT_SHADOW = 1000;

export interface ShadowResult {
  /** Records re-evaluated in JS (min(sample, records)). */
  checked: number;
  /** Outputs compared as exact text (accepted records × outputs). */
  compared: number;
}

export interface ShadowDisagreement {
  id: string | null; // the --id column's value, when the run has one
  output: string; // an output name, or '(rejected)' when the engines' reject codes differ
  js: string | null;
  sql: string | null;
  record: Record<string, unknown>;
}

export class ShadowMismatch extends PopulationError {
  readonly code = 'XS020';
  constructor(readonly disagreements: ShadowDisagreement[], readonly checked: number) {
    super(describe(disagreements, checked));
  }
}


export interface ShadowRun {
  ir: IrPolicy;
  asOf: string;
  parameters: Record<string, string>;
  outputs: string[];
  idColumn?: string;
  /** The relation the run read (sourceRelation), sampled here. */
  relation: string;
  sample: number;
  /** The query to check, as printed by compileSql for the sample (tests substitute a broken one). */
  tamper?: (sql: string) => string;
}

export async function shadowCheck(c: DuckDBConnection, o: ShadowRun): Promise<ShadowResult> {
  if (!Number.isSafeInteger(o.sample) || o.sample <= 0) return { checked: 0, compared: 0 };
  const inputNames = new Set(o.ir.inputs.map((i) => i.name));
  let rowCol = '__xize_shadow_row';
  while (inputNames.has(rowCol) || rowCol === o.idColumn) rowCol += '_';
  const compiled = compileSql(o.ir, 'duckdb', { asOf: o.asOf, parameters: o.parameters, outputs: o.outputs, source: 'POPULATION_SOURCE', idColumn: rowCol, groupColumn: null });
  if (!compiled.query) throw new PopulationError(compiled.diagnostics.map((d) => `${d.code} ${d.message.zh} / ${d.message.en}`).join('\n'));
  const query = compiled.query;
  await c.run(`CREATE OR REPLACE TEMP TABLE xize_shadow_src AS SELECT row_number() OVER () AS ${q(rowCol)}, * FROM (SELECT * FROM ${o.relation} USING SAMPLE reservoir(${o.sample} ROWS) REPEATABLE (20261207))`);
  try {
    let sql = compiled.sql!.replace('FROM POPULATION_SOURCE', 'FROM xize_shadow_src');
    if (o.tamper) sql = o.tamper(sql);
    // rec_id is the sample number; the --id value is read from the sample table itself
    const sqlRows = new Map<string, Record<string, string | null>>();
    for (const r of (await c.runAndReadAll(sql)).getRowObjectsJson() as Record<string, string | null>[]) sqlRows.set(String(r.rec_id), r);
    const names = query.inputs.map((i) => i.name);
    const kinds = query.inputs.map((i) => i.type);
    const src = (await c.runAndReadAll(`SELECT CAST(${q(rowCol)} AS VARCHAR), ${o.idColumn ? `CAST(${q(o.idColumn)} AS VARCHAR)` : 'NULL'}, ${names.map((n) => `CAST(${q(n)} AS VARCHAR)`).join(', ')} FROM xize_shadow_src`)).getRows();
    const recs = src.map((row) => recordFromText(names, kinds, row, 2));
    const js = jsEngine(o.ir, { asOf: o.asOf, parameters: o.parameters, outputs: query.outputs.map((x) => x.name) }).evaluateChunk(recs);
    const bad: ShadowDisagreement[] = [];
    const names0 = query.outputs.map((x) => x.name);
    let compared = 0;
    src.forEach((row, i) => {
      const id = row[1] === null || row[1] === undefined ? null : String(row[1]);
      const s = sqlRows.get(String(row[0]));
      const j = js[i]!;
      const rec = recs[i]!;
      if (!s) { bad.push({ id, output: '(missing)', js: j.reject ?? 'accepted', sql: null, record: rec }); return; }
      // reject codes compared exactly (rejectCode.ts); a record SQL declines (XS010/XS011) and
      // JS computes is no wrong figure: it is counted under its code in the summary
      const sr = { reject: s.reject ?? null, outputs: s as Record<string, string | null> };
      const cmp = compareRecord(j, sr, names0);
      if (cmp === 'reject') { bad.push({ id, output: '(rejected)', js: j.reject, sql: sr.reject, record: rec }); return; }
      if (j.reject !== null || sr.reject !== null) return;
      for (const out of query.outputs) {
        compared++;
        const a = j.outputs[out.name] ?? null, b = s[out.name] ?? null;
        if (a !== b) bad.push({ id, output: out.name, js: a, sql: b, record: rec });
      }
    });
    if (bad.length > 0) throw new ShadowMismatch(bad, src.length);
    return { checked: src.length, compared };
  } finally {
    await c.run('DROP TABLE IF EXISTS xize_shadow_src');
  }
}

function describe(bad: ShadowDisagreement[], checked: number): string {
  const t = sqlMessages.XS020!;
  const args = { count: String(bad.length), checked: String(checked) };
  const lines = [`XS020 ${t.zh(args)} / ${t.en(args)}`];
  for (const d of bad.slice(0, 5)) {
    lines.push(`  记录 record ${d.id ?? '(无编号 no id)'} · 输出 output ${d.output} · JS ${JSON.stringify(d.js)} · SQL ${JSON.stringify(d.sql)}`);
    lines.push(`    输入 input ${JSON.stringify(d.record)}`);
  }
  if (bad.length > 5) lines.push(`  … 另有 ${bad.length - 5} 处 / ${bad.length - 5} more`);
  lines.push(`  ${t.hintZh?.(args) ?? ""} / ${t.hintEn?.(args) ?? ""}`);
  return lines.join('\n');
}
