// The JS engine's population run (`--engine js`): DuckDB streams the source chunk by chunk, the
// batch engine (engine.ts) evaluates each chunk, the results are appended to the scratch table
// DuckDB aggregates. The source query asks only for the declared inputs the file gives at all
// (givenColumns.ts); per row it also computes presence masks (one bit per input column, 30 to an
// INTEGER), and only the columns some row of the chunk gives are read out of the chunk — each
// column read costs a vector copy, whether or not it holds a value. Results go back a chunk at
// a time; a money output (two places) as a BIGINT of fen, taken as an integer from the batch API
// (`values: 'scaled'`), since every text value costs DuckDB's
// appender a call of its own and an integer column is one copy — `results` is a view that
// gives the exact texts again (the same texts: only a value of the form the JS engine writes,
// "-?digits.dd", is stored as an integer, and the view writes that form back; any other text is
// kept as text).
import { BIGINT, DuckDBDataChunk, VARCHAR, type DuckDBConnection, type DuckDBInstance, type DuckDBType } from '@duckdb/node-api';
import type { IrPolicy } from '../../compiler/ir.ts';
import type { SqlQuery } from '../../compiler/sql/index.ts';
import { jsEngine } from './engine.ts';
import { valueFromText } from './records.ts';
import { moneyScaledText, POW10, toScaled } from '../../runtime/fen.ts';
import { sourceRelation, type SourceFormat } from './duckdbSql.ts';
import { givenColumns } from './givenColumns.ts';
import { ident as q } from './sqlText.ts';

const MASK_BITS = 30;
/** how many chunks one output chunk serves before a new one (bounds its vectors' string heaps) */
const REUSE = 64;
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

/** Where the JS run's figures are, for the summary: per output its text column and, for money,
 * its fen column (the view `results` joins them into the output's text). */
export interface RawResults {
  table: string;
  columns: Map<string, { fen?: string; text: string }>;
}

export async function evaluateInJs(db: DuckDBInstance, c: DuckDBConnection, ir: IrPolicy, o: JsRunOptions, source: { file: string; format: SourceFormat }, query: SqlQuery): Promise<RawResults> {
  const outs = query.outputs;
  const money = outs.map((x) => x.type === 'money');
  // rec_id and grp are stored only when asked for (a column of NULLs costs the appender a call a row)
  const keyCols = [...(o.idColumn ? ['rec_id'] : []), ...(o.groupBy ? ['grp'] : [])];
  const rawCols = outs.flatMap((_, k) => (money[k] ? [`o${k} BIGINT`, `t${k} VARCHAR`] : [`t${k} VARCHAR`]));
  await c.run(`CREATE TABLE results_raw (${[...keyCols.map((k) => `${k} VARCHAR`), 'reject VARCHAR', ...rawCols].join(', ')})`);
  const keyView = `${o.idColumn ? 'rec_id' : 'CAST(NULL AS VARCHAR) AS rec_id'}, ${o.groupBy ? 'grp' : 'CAST(NULL AS VARCHAR) AS grp'}`;
  await c.run(`CREATE VIEW results AS SELECT ${keyView}, reject, ${outs.map((x, k) => `${money[k] ? `COALESCE(t${k}, ${fenText(`o${k}`)})` : `t${k}`} AS ${q(x.name)}`).join(', ')} FROM results_raw`);
  // the columns the file gives (NDJSON: found by a first pass over its keys, run by DuckDB while
  // the policy is loaded below); the others are absent in every record
  const given = givenColumns(c, source.file, source.format, query.inputs.map((i) => i.name));
  const js = jsEngine(ir, { asOf: o.asOf, parameters: o.parameters, outputs: outs.map((x) => x.name) });
  const inputs = await given;
  const rel = sourceRelation(source.file, source.format, { ...query, inputs: query.inputs.filter((i) => inputs.has(i.name)) });
  const names = query.inputs.filter((i) => inputs.has(i.name)).map((i) => i.name);
  const kinds = query.inputs.filter((i) => inputs.has(i.name)).map((i) => i.type);
  const keySel = [...(o.idColumn ? [`CAST(${q(o.idColumn)} AS VARCHAR)`] : []), ...(o.groupBy ? [`CAST(${q(o.groupBy)} AS VARCHAR)`] : [])];
  const masks: string[] = [];
  for (let b = 0; b * MASK_BITS < names.length; b++) {
    const bits = names.slice(b * MASK_BITS, (b + 1) * MASK_BITS).map((n, j) => `CASE WHEN ${q(n)} IS NULL THEN 0 ELSE ${2 ** j} END`);
    masks.push(`CAST(${bits.join(' + ')} AS INTEGER)`);
  }
  const nk = keySel.length;
  const first = nk + masks.length; // rec_id, grp (when asked), the masks, then the inputs
  const src = await db.connect();
  const stream = await src.stream(`SELECT ${[...keySel, ...masks, ...names.map((n) => `CAST(${q(n)} AS VARCHAR)`), 'NULL'].join(', ')} FROM ${rel}`);
  const app = await c.createAppender('results_raw');
  // money as integers of fen straight from the batch API (scale ≤ 2: × 10^(2 − scale)), the
  // other outputs as their texts
  const ints = outs.map((_, k) => money[k]! && js.scales[k] !== null && js.scales[k]! <= 2);
  const types: DuckDBType[] = [...keyCols.map(() => VARCHAR), VARCHAR, ...outs.flatMap((_, k) => (money[k] ? [BIGINT, VARCHAR] : [VARCHAR]))];
  let done = 0;
  let out: DuckDBDataChunk | null = null;
  let uses = 0;
  const allNull = new Array<boolean>(types.length).fill(false);
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
      const v = chunk.getColumnVector(nk + b);
      let any = 0;
      for (let r = 0; r < n; r++) any |= v.getItem(r) as number;
      for (let j = 0; j < MASK_BITS; j++) if (any & (2 ** j)) present.push(b * MASK_BITS + j);
    }
    const vecs = present.map((k) => chunk.getColumnVector(first + k));
    const pn = present.map((k) => names[k]!);
    const pk = present.map((k) => kinds[k]!);
    const recs: Record<string, unknown>[] = new Array(n);
    for (let r = 0; r < n; r++) {
      const rec: Record<string, unknown> = {};
      for (let p = 0; p < vecs.length; p++) {
        const v = vecs[p]!.getItem(r);
        if (v !== null && v !== undefined) rec[pn[p]!] = valueFromText(pk[p]!, v as string);
      }
      recs[r] = rec;
    }
    const res = js.evaluateScaled(recs, ints);
    // appended a chunk at a time (a value at a time cost ≈ 2 µs a row in endRow)
    // a column of NULLs costs the node-api ≈ 140 ns a value (validity bits as BigInt): one that
    // was all NULL in the last chunk is already all NULL in this reused chunk (the appender copies
    // a chunk, it does not change it), so it is not written again. A new chunk every REUSE
    // chunks: the texts written into a vector stay in its string heap until the chunk goes
    if (out === null || out.rowCount !== n || ++uses === REUSE) {
      out = DuckDBDataChunk.create(types, n);
      allNull.fill(false);
      uses = 0;
    }
    const set = (col: number, values: readonly unknown[], none: boolean) => {
      if (none && allNull[col]) return;
      out!.setColumnValues(col, values as (string | null)[]);
      allNull[col] = none;
    };
    let col = 0;
    for (let k = 0; k < nk; k++) set(col++, column(chunk.getColumnVector(k), n), false);
    set(col, res.rejected, res.rejected.every((x) => x === null));
    col++;
    for (let k = 0; k < outs.length; k++) {
      const vals = res.values[k]!;
      if (!money[k]) {
        set(col++, vals, false);
        continue;
      }
      const fen = new Array<bigint | null>(n);
      let other: (string | null)[] | null = null;
      const up = ints[k] ? POW10[2 - js.scales[k]!]! : 1;
      for (let r = 0; r < n; r++) {
        const v = vals[r];
        const f = typeof v === 'number' && ints[k] ? v * up : typeof v === 'string' && MONEY_TEXT.test(v) ? toScaled(v, 2) : undefined;
        if (f !== undefined && Number.isSafeInteger(f)) {
          fen[r] = BigInt(f);
          continue;
        }
        fen[r] = null;
        if (v !== null) (other ??= new Array<string | null>(n).fill(null))[r] = typeof v === 'number' ? moneyScaledText(v, js.scales[k]!) : String(v);
      }
      set(col++, fen, false);
      set(col++, other ?? nulls(n), other === null);
    }
    app.appendDataChunk(out);
    done += n;
    o.progress?.(done);
  }
  app.flushSync();
  app.closeSync();
  src.closeSync();
  return { table: 'results_raw', columns: new Map(outs.map((x, k) => [x.name, money[k] ? { fen: `o${k}`, text: `t${k}` } : { text: `t${k}` }])) };
}

function column(v: { getItem(i: number): unknown }, n: number): (string | null)[] {
  const a = new Array<string | null>(n);
  for (let r = 0; r < n; r++) a[r] = v.getItem(r) as string | null;
  return a;
}

let NULLS: null[] = [];
/** a column of n NULLs (shared: the appender only reads it) */
function nulls(n: number): null[] {
  if (NULLS.length !== n) NULLS = new Array<null>(n).fill(null);
  return NULLS;
}
