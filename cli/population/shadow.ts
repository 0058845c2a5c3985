// The shadow check of `--engine duckdb-sql`: a sample of the population's records is evaluated
// again by the JS engine (the oracle) and by the same compiled query, and any disagreement fails
// the run with XS020, naming the record, the output and both values. The SQL backend's semantics
// are proven by the differential tests; the shadow keeps proving them on the data a run sees
// (values the generators never thought of), at a cost of one JS evaluation per sampled record.
//
// The sample is drawn by the run's own query (no second pass over the file): the source gets a
// column SHADOW_COLUMN holding the record's input texts as a JSON object for about 4 × N records
// (a hash of the record's hot inputs modulo a step chosen from the estimated record count, so the
// same file gives the same sample), carried unchanged into the results table. After the run the
// N of them first by hash are re-evaluated in JS and compared with the values the run itself
// computed for those records.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { IrPolicy } from '../../compiler/ir.ts';
import { sqlMessages } from '../../compiler/sql/messages.ts';
import { jsEngine } from './engine.ts';
import { valueFromText } from './records.ts';
import { compareRecord } from './rejectCode.ts';
import { PopulationError } from './errors.ts';
import { ident as q, lit } from './sqlText.ts';
import type { SqlQuery } from '../../compiler/sql/index.ts';

/** The results column holding a sampled record's inputs (JSON text; NULL for the others). */
export const SHADOW_COLUMN = '__xize_shadow';

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
  /** The table the run wrote (rec_id, reject, one column per output, SHADOW_COLUMN). */
  table: string;
  sample: number;
}

/**
 * The run's source with SHADOW_COLUMN: the inputs as a JSON object of texts for the records whose
 * hash is 0 modulo `step` (CASE: built only for those), NULL for the others.
 */
export function shadowSource(relation: string, query: SqlQuery, step: number): string {
  const hot = query.inputs.filter((i) => i.hot !== false).map((i) => i.name);
  const keyCols = [...(query.idColumn ? [query.idColumn] : []), ...hot];
  const key = keyCols.length ? keyCols.map(q).join(', ') : query.inputs.map((i) => q(i.name)).join(', ');
  const obj = `json_object(${query.inputs.map((i) => `${lit(i.name)}, CAST(${q(i.name)} AS VARCHAR)`).join(', ')})`;
  return `(SELECT *, CASE WHEN hash(${key}) % ${Math.max(1, Math.floor(step))} = 0 THEN CAST(${obj} AS VARCHAR) END AS ${q(SHADOW_COLUMN)} FROM ${relation})`;
}

/** The hash step for a sample of `sample` out of about `records` records (4× oversampled). */
export function shadowStep(records: number, sample: number): number {
  return Math.max(1, Math.floor(records / (4 * sample)));
}

export async function shadowCheck(c: DuckDBConnection, o: ShadowRun): Promise<ShadowResult> {
  if (!Number.isSafeInteger(o.sample) || o.sample <= 0) return { checked: 0, compared: 0 };
  const rows = (await c.runAndReadAll(`SELECT rec_id, reject, ${q(SHADOW_COLUMN)}, ${o.outputs.map(q).join(', ')} FROM ${o.table} WHERE ${q(SHADOW_COLUMN)} IS NOT NULL ORDER BY hash(${q(SHADOW_COLUMN)}), ${q(SHADOW_COLUMN)} LIMIT ${o.sample}`)).getRows();
  return checkShadowRows(o, rows);
}

/**
 * The shadow check of sampled rows already read: each row is [rec_id, reject, SHADOW_COLUMN,
 * one output text per `o.outputs`], the first `o.sample` of the sample in its order.
 */
export function checkShadowRows(o: Omit<ShadowRun, 'table'>, rows: readonly (readonly unknown[])[]): ShadowResult {
  const inputs = o.ir.inputs.map((i) => ({ name: i.name, kind: i.type.kind }));
  const outs = o.outputs;
  const recs = rows.map((r) => {
    const given = JSON.parse(String(r[2])) as Record<string, string | null>;
    const rec: Record<string, unknown> = {};
    for (const i of inputs) { const v = given[i.name]; if (v !== null && v !== undefined) rec[i.name] = valueFromText(i.kind, v); }
    return rec;
  });
  const js = jsEngine(o.ir, { asOf: o.asOf, parameters: o.parameters, outputs: outs }).evaluateChunk(recs);
  const bad: ShadowDisagreement[] = [];
  let compared = 0;
  rows.forEach((row, i) => {
    const id = o.idColumn && row[0] !== null && row[0] !== undefined ? String(row[0]) : null;
    const j = js[i]!;
    const rec = recs[i]!;
    const reject = row[1] === null || row[1] === undefined ? null : String(row[1]);
    const sqlOutputs: Record<string, string | null> = {};
    outs.forEach((name, k) => { const v = row[3 + k]; sqlOutputs[name] = v === null || v === undefined ? null : String(v); });
    // reject codes compared exactly (rejectCode.ts); a record SQL declines (XS010/XS011) and
    // JS computes is no wrong figure: it is counted under its code in the summary
    const cmp = compareRecord(j, { reject, outputs: sqlOutputs }, outs);
    if (cmp === 'reject') { bad.push({ id, output: '(rejected)', js: j.reject, sql: reject, record: rec }); return; }
    if (j.reject !== null || reject !== null) return;
    outs.forEach((name) => {
      compared++;
      const a = j.outputs[name] ?? null, b = sqlOutputs[name] ?? null;
      if (a !== b) bad.push({ id, output: name, js: a, sql: b, record: rec });
    });
  });
  if (bad.length > 0) throw new ShadowMismatch(bad, rows.length);
  return { checked: rows.length, compared };
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
