// The JS engine's population run (`--engine js`): DuckDB streams the source chunk by chunk, the
// batch engine (engine.ts) evaluates each chunk, the results are appended to the scratch table
// DuckDB aggregates. The source query asks for every declared input, but a population gives a
// handful: per row it also computes presence masks (one bit per input column, 30 to an
// INTEGER), and only the columns some row of the chunk gives are read out of the chunk — each
// column read costs a vector copy, whether or not it holds a value.
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { IrPolicy } from '../../compiler/ir.ts';
import type { SqlQuery } from '../../compiler/sql/index.ts';
import { jsEngine } from './engine.ts';
import { valueFromText } from './records.ts';

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const MASK_BITS = 30;

export interface JsRunOptions {
  asOf: string;
  parameters: Record<string, string>;
  idColumn?: string;
  groupBy?: string;
  progress?: (done: number) => void;
}

export async function evaluateInJs(db: DuckDBInstance, c: DuckDBConnection, ir: IrPolicy, o: JsRunOptions, rel: string, query: SqlQuery): Promise<void> {
  const outs = query.outputs;
  await c.run(`CREATE TABLE results (rec_id VARCHAR, grp VARCHAR, reject VARCHAR, ${outs.map((x) => `${q(x.name)} VARCHAR`).join(', ')})`);
  const names = query.inputs.map((i) => i.name);
  const kinds = query.inputs.map((i) => i.type);
  const idSel = o.idColumn ? `CAST(${q(o.idColumn)} AS VARCHAR)` : 'NULL';
  const grpSel = o.groupBy ? `CAST(${q(o.groupBy)} AS VARCHAR)` : 'NULL';
  const masks: string[] = [];
  for (let b = 0; b * MASK_BITS < names.length; b++) {
    const bits = names.slice(b * MASK_BITS, (b + 1) * MASK_BITS).map((n, j) => `CASE WHEN ${q(n)} IS NULL THEN 0 ELSE ${2 ** j} END`);
    masks.push(`CAST(${bits.join(' + ')} AS INTEGER)`);
  }
  const first = 2 + masks.length; // rec_id, grp, the masks, then the inputs
  const src = await db.connect();
  const stream = await src.stream(`SELECT ${idSel} AS rec_id, ${grpSel} AS grp, ${masks.join(', ')}, ${names.map((n) => `CAST(${q(n)} AS VARCHAR)`).join(', ')} FROM ${rel}`);
  const app = await c.createAppender('results');
  const js = jsEngine(ir, { asOf: o.asOf, parameters: o.parameters, outputs: outs.map((x) => x.name) });
  const put = (v: unknown) => (v === null || v === undefined ? app.appendNull() : app.appendVarchar(String(v)));
  let done = 0;
  for (;;) {
    const chunk = await stream.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const n = chunk.rowCount;
    // the input columns some row of this chunk gives
    const present: number[] = [];
    for (let b = 0; b < masks.length; b++) {
      const v = chunk.getColumnVector(2 + b);
      let any = 0;
      for (let r = 0; r < n; r++) any |= v.getItem(r) as number;
      for (let j = 0; j < MASK_BITS; j++) if (any & (2 ** j)) present.push(b * MASK_BITS + j);
    }
    const vecs = present.map((k) => chunk.getColumnVector(first + k));
    const recs: Record<string, unknown>[] = new Array(n);
    for (let r = 0; r < n; r++) {
      const rec: Record<string, unknown> = {};
      for (let p = 0; p < present.length; p++) {
        const v = vecs[p]!.getItem(r);
        if (v !== null && v !== undefined) rec[names[present[p]!]!] = valueFromText(kinds[present[p]!]!, String(v));
      }
      recs[r] = rec;
    }
    const results = js.evaluateChunk(recs);
    const ids = chunk.getColumnVector(0);
    const grps = chunk.getColumnVector(1);
    for (let r = 0; r < n; r++) {
      const res = results[r]!;
      put(ids.getItem(r)); put(grps.getItem(r)); put(res.rejected.length ? res.rejected.join(',') : null);
      for (const x of outs) put(res.rejected.length ? null : res.outputs[x.name]);
      app.endRow();
    }
    done += n;
    o.progress?.(done);
  }
  app.flushSync();
  app.closeSync();
  src.closeSync();
}
