// The shared SQL printer: everything the three dialects write alike. Each dialect file
// (duckdb.ts, spark.ts, trino.ts) supplies the few spellings that differ. Policy text reaches
// the SQL only as string literals (escaped by the dialect) and quoted output/input names.
import type { SqlExpr, SqlOutput, SqlQuery, SqlStep } from './sqlIr.ts';
import { numericText } from './outputText.ts';

export interface Dialect {
  name: 'duckdb' | 'spark' | 'trino';
  ident(name: string): string; // quoted identifier
  str(value: string): string; // string literal
  intType: string;
  /**
   * A 128-bit integer type, where the dialect has one (DuckDB HUGEINT): exact rounding then runs
   * in the 64-bit intType and falls back to this type only for the rows whose scaled value does
   * not fit (round.ts). Without it, rounding is in intType alone (Spark, Trino: BIGINT).
   */
  wideIntType?: string;
  textType: string;
  idiv(l: string, r: string): string;
  monthStart(x: string): string;
  addMonths(x: string, n: string): string;
  addDays(x: string, n: string): string;
  daysBetween(a: string, b: string): string;
  matches(x: string, re: string): string;
  tryCast(x: string, type: string): string;
  /** TRY_CAST of text to DECIMAL(38, scale), where a dialect has a faster exact spelling. */
  tryCastDec?(x: string, scale: number): string;
  /** The text of a DECIMAL(38, scale), where a dialect has a faster exact spelling. */
  decToText?(x: string, scale: number): string;
  rtrimZeros(x: string): string;
  /** x IN (items), where a dialect has a cheaper spelling with the same NULL semantics. */
  inList?(x: string, items: string[]): string;
}

export function printExpr(D: Dialect, e: SqlExpr): string {
  const p = (x: SqlExpr) => printExpr(D, x);
  switch (e.k) {
    case 'col': return e.name;
    case 'dec': return `CAST(${D.str(e.text)} AS DECIMAL(${e.width ?? 38},${e.scale}))`;
    case 'int': return `CAST(${e.value} AS ${e.wide ? D.wideIntType ?? D.intType : D.intType})`;
    case 'bool': return e.value ? 'TRUE' : 'FALSE';
    case 'date': return `DATE ${D.str(e.iso)}`;
    case 'str': return D.str(e.value);
    case 'null': return 'NULL';
    case 'castDec': {
      // CAST(CAST(x AS DECIMAL(38,s)) AS DECIMAL(38,s)) is the inner cast: written once (the
      // nesting also makes ANTLR-based dialect parsers slow)
      let x = e.x;
      while (x.k === 'castDec' && x.scale === e.scale && (x.width ?? 38) === (e.width ?? 38)) x = x.x;
      return `CAST(${p(x)} AS DECIMAL(${e.width ?? 38},${e.scale}))`;
    }
    case 'toInt': return `CAST(${p(e.x)} AS ${e.wide ? D.wideIntType ?? D.intType : D.intType})`;
    case 'narrowDec': return D.tryCast(p(e.x), `DECIMAL(${e.width},${e.scale})`);
    case 'lastChar': return `right(${p(e.x)}, 1)`;
    case 'trunc': return `trunc(${p(e.x)})`;
    // a CASE operand is parenthesised: Spark's grammar lets CASE be a column name, so
    // `a - CASE WHEN …` can be read as `a - CASE` and then fail; elsewhere (CAST, function
    // arguments) the extra `(` only slows ANTLR-based parsers down
    case 'bin': return `(${operand(D, e.l)} ${e.op === 'and' ? 'AND' : e.op === 'or' ? 'OR' : e.op} ${operand(D, e.r)})`;
    case 'idiv': return D.idiv(operand(D, e.l), operand(D, e.r));
    case 'imod': return `(${operand(D, e.l)} % ${operand(D, e.r)})`;
    case 'neg': return `(- ${operand(D, e.x)})`;
    case 'not': return `(NOT ${p(e.x)})`;
    case 'isNull': return `(${p(e.x)} IS NULL)`;
    case 'notNull': return `(${p(e.x)} IS NOT NULL)`;
    case 'case': {
      if (e.whens.length === 0) return p(e.otherwise);
      return `CASE ${e.whens.map((w) => `WHEN ${p(w.c)} THEN ${p(w.v)}`).join(' ')} ELSE ${p(e.otherwise)} END`;
    }
    case 'in': return D.inList ? D.inList(p(e.x), e.items.map(p)) : `(${p(e.x)} IN (${e.items.map(p).join(', ')}))`;
    case 'monthStart': return D.monthStart(p(e.x));
    case 'addMonths': return D.addMonths(p(e.x), p(e.n));
    case 'addDays': return D.addDays(p(e.x), p(e.n));
    case 'daysBetween': return D.daysBetween(p(e.a), p(e.b));
    case 'year': return `year(${p(e.x)})`;
    case 'matches': return D.matches(p(e.x), e.re);
    case 'regexpReplace': return `regexp_replace(${p(e.x)}, ${D.str(e.re)}, '')`;
    case 'tryCastDec': return D.tryCastDec ? D.tryCastDec(p(e.x), e.scale) : D.tryCast(p(e.x), `DECIMAL(38,${e.scale})`);
    case 'coalesce': return `COALESCE(${e.xs.map(p).join(', ')})`;
    case 'tryCastDate': return D.tryCast(p(e.x), 'DATE');
    case 'toText': return e.x.k === 'castDec' && D.decToText ? D.decToText(p(e.x), e.x.scale) : `CAST(${p(e.x)} AS ${D.textType})`;
    case 'rtrimZeros': return D.rtrimZeros(p(e.x));
  }
}

/**
 * The text of output `o` from the SQL `ref` that holds it as printQuery's `values` column: the
 * same text the plain query's column holds (a non-numeric output's column is text already).
 */
export function outputTextSql(D: Dialect, o: SqlOutput, ref: string): string {
  if (!o.value) return ref;
  return printExpr(D, numericText({ k: 'col', name: ref, scale: o.scale }, o.type, o.scale));
}

function operand(D: Dialect, e: SqlExpr): string {
  const s = printExpr(D, e);
  return e.k === 'case' && e.whens.length > 0 ? `(${s})` : s;
}

/**
 * The whole query: one CTE per step over the source relation, then the id, the reject code
 * and one text column per output (NULL when rejected or not computable). With `values`, a
 * numeric output's column is its typed DECIMAL(38, scale) value instead (SqlOutput.value), for a
 * run that aggregates the values and makes text only where it writes some (outputTextSql); the
 * text columns are then unread and the engine leaves them out.
 */
/** The guarded query's column of a record's first overflow code (XS013:<rule>; NULL: none). */
export const OVERFLOW_COLUMN = '__xize_overflow';

export function printQuery(D: Dialect, q: SqlQuery, opts: { values?: boolean; extra?: string[]; early?: EarlyColumn; guard?: boolean } = {}): string {
  const lines: string[] = [];
  lines.push(`-- Xize policy ${q.policy}, as of ${q.asOf}; generated by compiler/sql (${D.name}). Do not edit.`);
  const srcCols = q.inputs.map((i) => (i.sourceType ? `${D.ident(i.name)} AS src${srcIndex(q, i.name)}` : `CAST(${D.ident(i.name)} AS ${D.textType}) AS src${srcIndex(q, i.name)}`));
  const idSel = q.idColumn ? `CAST(${D.ident(q.idColumn)} AS ${D.textType}) AS rec_id` : 'CAST(NULL AS VARCHAR) AS rec_id';
  const grpSel = q.groupColumn ? `CAST(${D.ident(q.groupColumn)} AS ${D.textType}) AS grp` : `CAST(NULL AS ${D.textType}) AS grp`;
  const carry = (q.carry ?? []).map((c) => D.ident(c));
  const ovf = opts.guard ? [`CAST(NULL AS ${D.textType}) AS ${OVERFLOW_COLUMN}`] : [];
  const ctes: string[] = [`s0 AS (SELECT ${[idSel.replace('VARCHAR', D.textType), grpSel, ...srcCols, ...carry, ...ovf].join(', ')} FROM ${q.source})`];
  const levels = byLevel(q, opts.early);
  levels.forEach((cols0, i) => {
    const text = (c: SqlStep['columns'][number]) => (opts.early && c.name === opts.early.name ? opts.early.sql : printExpr(D, c.expr));
    const note = (c: SqlStep['columns'][number]) => (c.comment ? ` /* ${safeComment(c.comment)} */` : '');
    const guarded = opts.guard ? cols0.filter((c) => c.rule !== undefined) : [];
    if (guarded.length === 0) {
      ctes.push(`s${i + 1} AS (SELECT *, ${cols0.map((c) => `${text(c)} AS ${c.name}${note(c)}`).join(', ')} FROM s${i})`);
      return;
    }
    ctes.push(guardedLevel(D, i, cols0, text, note));
  });
  lines.push(`WITH ${ctes.join(',\n')}`);
  // guarded: a record whose computation overflowed has the overflow's code, after its input errors
  // and XS010 (those are decided first), and no figures
  const reject = opts.guard ? `CASE WHEN ${q.reject} IS NULL THEN ${OVERFLOW_COLUMN} ELSE ${q.reject} END` : q.reject;
  const outs = q.outputs.map((o) => `CASE WHEN ${reject} IS NULL THEN ${opts.values && o.value ? o.value : o.column} END AS ${D.ident(o.name)}`);
  // `extra`: more columns of the caller's over the last step (which still holds rec_id, grp and
  // every source column, sourceColumn)
  lines.push(`SELECT rec_id, grp, ${reject} AS reject, ${[...outs, ...carry, ...(opts.extra ?? [])].join(', ')} FROM s${levels.length}`);
  return lines.join('\n');
}

/**
 * One level of a guarded query (DuckDB): each rule's column computed under TRY as a struct
 * {'v': value} — NULL only when the computation raised (DECIMAL(38) overflow: DuckDB raises,
 * never rounds), a struct holding NULL when the value is just absent — then unpacked, and the
 * first raising rule's code kept in OVERFLOW_COLUMN. A record that overflows in one rule would
 * otherwise fail the whole run; guarded, it alone is declined (XS013:<rule>).
 */
function guardedLevel(D: Dialect, i: number, cols: SqlStep['columns'], text: (c: SqlStep['columns'][number]) => string, note: (c: SqlStep['columns'][number]) => string): string {
  const t = (c: SqlStep['columns'][number]) => `${c.name}__t`;
  const first = cols.map((c) => (c.rule !== undefined ? `TRY({'v': ${text(c)}}) AS ${t(c)}${note(c)}` : `${text(c)} AS ${c.name}${note(c)}`));
  const guarded = cols.filter((c) => c.rule !== undefined);
  const unpack = guarded.map((c) => `struct_extract(${t(c)}, 'v') AS ${c.name}`);
  const code = `CASE WHEN ${OVERFLOW_COLUMN} IS NOT NULL THEN ${OVERFLOW_COLUMN} ${guarded.map((c) => `WHEN ${t(c)} IS NULL THEN ${D.str(`XS013:${c.rule}`)}`).join(' ')} END AS ${OVERFLOW_COLUMN}`;
  return `s${i + 1}t AS (SELECT *, ${first.join(', ')} FROM s${i}),\ns${i + 1} AS (SELECT * EXCLUDE (${[...guarded.map(t), OVERFLOW_COLUMN].join(', ')}), ${[...unpack, code].join(', ')} FROM s${i + 1}t)`;
}

/**
 * A column of the caller's (raw SQL over the steps' columns named in `reads`) computed as early
 * as those allow, so that the columns it reads need not travel through every later level.
 */
export interface EarlyColumn { name: string; sql: string; reads: string[] }

/**
 * The steps' columns grouped by dependency level: a column goes into the first CTE after every
 * column it reads (source columns are level 0). Every CTE is a projection that DuckDB evaluates
 * with its own output buffers (≈ 16 bytes × 2 048 rows × its columns, per thread): one CTE per
 * step (≈ 300 for 11 outputs) ran out of a 300 MB memory limit on 1 000 records, and each extra
 * projection costs time. The order within a level is the steps' order.
 */
function byLevel(q: SqlQuery, early?: EarlyColumn): SqlStep['columns'][] {
  const level = new Map<string, number>();
  const out: SqlStep['columns'][] = [];
  let pending = early;
  for (const st of q.steps) {
    if (pending && pending.reads.every((n) => level.has(n) || !q.steps.some((s) => s.columns.some((c) => c.name === n)))) {
      // the caller's column, in the first level after every step column it reads
      const lv = Math.max(0, ...pending.reads.map((n) => level.get(n) ?? 0));
      (out[lv] ??= []).push({ name: pending.name, expr: { k: 'null' } }); // printed as pending.sql (printQuery)
      level.set(pending.name, lv + 1);
      pending = undefined;
    }
    for (const c of st.columns) {
      let lv = 0;
      walkCols(c.expr, (n) => { const l = level.get(n); if (l !== undefined && l > lv) lv = l; });
      level.set(c.name, lv + 1);
      (out[lv] ??= []).push(c);
    }
  }
  return out.filter((x) => x !== undefined);
}

function walkCols(e: SqlExpr, f: (name: string) => void): void {
  if (e.k === 'col') { f(e.name); return; }
  for (const v of Object.values(e)) {
    if (v && typeof v === 'object') {
      if (Array.isArray(v)) for (const x of v) { if (x && typeof x === 'object' && 'k' in x) walkCols(x as SqlExpr, f); else if (x && typeof x === 'object') { const w = x as { c: SqlExpr; v: SqlExpr }; walkCols(w.c, f); walkCols(w.v, f); } }
      else if ('k' in v) walkCols(v as SqlExpr, f);
    }
  }
}

/** The column of the query's steps that holds input `name`'s source value (as printQuery reads it). */
export function sourceColumn(q: SqlQuery, name: string): string {
  return `src${srcIndex(q, name)}`;
}

function srcIndex(q: SqlQuery, name: string): number {
  // source columns are numbered by the policy's input order (lowerInputs: src<i> ↔ i<i>)
  const c = q.inputs.find((i) => i.name === name)!.column;
  return Number(c.slice(1));
}

function safeComment(s: string): string {
  return s.replace(/\*\//g, '* /').replace(/[\r\n]/g, ' ');
}
