// The JS engine's population run (`--engine js`): DuckDB streams the source chunk by chunk, the
// batch engine (engine.ts) evaluates each chunk, the results are appended to the scratch table
// DuckDB aggregates. The source query asks for every declared input, but a population gives a
// handful: per row it also computes presence masks (one bit per input column, 30 to an
// INTEGER), and only the columns some row of the chunk gives are read out of the chunk — each
// column read costs a vector copy, whether or not it holds a value. Results go back a chunk at
// a time; a money output (two places) as a BIGINT of fen, since every text value costs DuckDB's
// appender a call of its own and an integer column is one copy — `results` is a view that
// gives the exact texts again (the same texts: only a value of the form the JS engine writes,
// "-?digits.dd", is stored as an integer, and the view writes that form back; any other text is
// kept as text).
import { BIGINT, DuckDBDataChunk, VARCHAR, type DuckDBConnection, type DuckDBInstance, type DuckDBType } from '@duckdb/node-api';
import type { IrPolicy } from '../../compiler/ir.ts';
import type { SqlQuery } from '../../compiler/sql/index.ts';
import { jsEngine } from './engine.ts';
import { valueFromText } from './records.ts';
import { toScaled } from '../../runtime/fen.ts';
import { ident as q } from './sqlText.ts';

const MASK_BITS = 30;
/** money text as the JS engine writes it at two places, without "-0.00" (which the view could not give back) */
export const MONEY_TEXT = /^(?:0|[1-9]\d*)\.\d\d$|^-(?:[1-9]\d*\.\d\d|0\.(?!00)\d\d)$/;

/** The exact text of a fen BIGINT column in SQL (as runtime/fen.ts moneyScaledText at scale 2). */
export const fenText = (col: string) => `(CASE WHEN ${col} < 0 THEN '-' ELSE '' END) || CAST(abs(${col}) // 100 AS VARCHAR) || '.' || lpad(CAST(abs(${col}) % 100 AS VARCHAR), 2, '0')`;

export interface JsRunOptions {
  asOf: string;
  parameters: Record<string, string>;
  idColumn?: string;
  groupBy?: string;
  progress?: (done: number) => void;
}

export async function evaluateInJs(db: DuckDBInstance, c: DuckDBConnection, ir: IrPolicy, o: JsRunOptions, rel: string, query: SqlQuery): Promise<void> {
  const outs = query.outputs;
  const money = outs.map((x) => x.type === 'money');
  const rawCols = outs.flatMap((_, k) => (money[k] ? [`o${k} BIGINT`, `t${k} VARCHAR`] : [`t${k} VARCHAR`]));
  await c.run(`CREATE TABLE results_raw (rec_id VARCHAR, grp VARCHAR, reject VARCHAR, ${rawCols.join(', ')})`);
  await c.run(`CREATE VIEW results AS SELECT rec_id, grp, reject, ${outs.map((x, k) => `${money[k] ? `COALESCE(t${k}, ${fenText(`o${k}`)})` : `t${k}`} AS ${q(x.name)}`).join(', ')} FROM results_raw`);
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
  const app = await c.createAppender('results_raw');
  const js = jsEngine(ir, { asOf: o.asOf, parameters: o.parameters, outputs: outs.map((x) => x.name) });
  const types: DuckDBType[] = [VARCHAR, VARCHAR, VARCHAR, ...outs.flatMap((_, k) => (money[k] ? [BIGINT, VARCHAR] : [VARCHAR]))];
  const column = (v: { getItem(i: number): unknown }, n: number) => {
    const a = new Array<string | null>(n);
    for (let r = 0; r < n; r++) a[r] = v.getItem(r) as string | null;
    return a;
  };
  let done = 0;
  // the next chunk is read (DuckDB's threads) while this one is evaluated
  let next = stream.fetchChunk();
  for (;;) {
    const chunk = await next;
    if (!chunk || chunk.rowCount === 0) break;
    next = stream.fetchChunk();
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
    const res = js.evaluateColumns(recs);
    // appended a chunk at a time (a value at a time cost ≈ 2 µs a row in endRow)
    const out = DuckDBDataChunk.create(types, n);
    out.setColumnValues(0, column(chunk.getColumnVector(0), n));
    out.setColumnValues(1, column(chunk.getColumnVector(1), n));
    out.setColumnValues(2, res.rejected);
    let col = 3;
    res.values.forEach((vals, k) => {
      if (!money[k]) {
        out.setColumnValues(col++, vals);
        return;
      }
      const fen = new Array<bigint | null>(n);
      const other = new Array<string | null>(n).fill(null);
      for (let r = 0; r < n; r++) {
        const v = vals[r]!;
        const f = v !== null && MONEY_TEXT.test(v) ? toScaled(v, 2) : undefined;
        fen[r] = f === undefined ? null : BigInt(f);
        if (f === undefined) other[r] = v;
      }
      out.setColumnValues(col++, fen);
      out.setColumnValues(col++, other);
    });
    app.appendDataChunk(out);
    done += n;
    o.progress?.(done);
  }
  app.flushSync();
  app.closeSync();
  src.closeSync();
}
