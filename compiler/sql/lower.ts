// Lowers the checked IR to the SQL IR (sqlIr.ts) for one as-of date and one set of parameter
// values: layers, rule versions and the parameters are resolved here, at compile time, so the
// query holds only the per-record work. Semantics follow the JS engine (the oracle):
// - a value that cannot be computed (absent optional input, unmet table row, clamp with lo > hi)
//   is SQL NULL, and every CASE tests its condition for NULL first, so NULL never falls through
//   to an ELSE branch the JS engine would not take;
// - rounding is exact integer arithmetic on the scaled value (round.ts), never ROUND();
// - dated parameters and tables become CASE over the lookup date (the policy's version dates
//   are few; a joined parameter table would cost a join per lookup for no gain).
// A construct outside the subset is an XS diagnostic naming it (messages.ts).
import type { IrExpr, IrPolicy, IrRule, IrLayer, XType, IrTableVersionBody } from '../ir.ts';
import type { Diagnostic } from '../../dsl/diagnostic.ts';
import type { SqlExpr, SqlQuery, SqlStep, SqlInputColumn } from './sqlIr.ts';
import { sqlDiagnostic } from './messages.ts';
import { exactRound, exactDivRound, scaleOf, decLit } from './round.ts';
import { numericText } from './outputText.ts';
import { FAST_SCALES, firstCode, inputChecks, type InputScales, rateValue, typedSource, typedInputChecks, type InputCheck } from './rejects.ts';

export interface LowerOptions {
  asOf: string;
  /** Parameter values by name (decimal strings, enum member names, ISO dates, booleans). */
  parameters?: Record<string, unknown>;
  /** Outputs to compute; default: every parameterless rule in the subset. */
  outputs?: string[];
  source?: string;
  idColumn?: string | null;
  groupColumn?: string | null;
  /** Source columns passed through to the result as they are (the shadow check's sampled inputs). */
  carry?: string[];
  /** The dialect has a 128-bit integer: exact rounding in 64 bits, 128 only where a value does not fit (round.ts). */
  wideInts?: boolean;
  /** DuckDB types of the source's columns (a Parquet file's schema): an input whose column is
   * already typed (typedSource in rejects.ts) is read as that value, not cast to text and parsed. */
  sourceTypes?: Record<string, string>;
  /** The scales money and rates/numbers are carried at (default FAST_SCALES, rejects.ts); a value
   * with more places is declined (XS011). Wider scales leave less room for integer digits. */
  inputScales?: InputScales;
}

export interface LowerResult {
  query?: SqlQuery;
  diagnostics: Diagnostic[];
  /** Outputs left out because they fall outside the subset (only when `outputs` was not given). */
  skipped: { name: string; code: string }[];
}

class Unsupported extends Error {
  constructor(readonly diag: Diagnostic) { super(diag.message.en); }
}

const NUMERIC = new Set(['money', 'rate', 'number', 'integer']);
const DEC_RE = /^-?\d+(\.\d+)?$/;

function pick<T>(layers: IrLayer<T>[], date: string) {
  for (let i = layers.length - 1; i >= 0; i--) {
    const vs = layers[i]!.versions;
    for (let j = vs.length - 1; j >= 0; j--) if (vs[j]!.from === null || vs[j]!.from! <= date) return vs[j]!;
  }
  return undefined;
}

/** Dates at which some version starts, ascending (the lookup's breakpoints). */
function breakpoints(layers: IrLayer<unknown>[]): string[] {
  const s = new Set<string>();
  for (const l of layers) for (const v of l.versions) if (v.from !== null) s.add(v.from);
  return [...s].sort();
}

export function lowerPolicy(ir: IrPolicy, opts: LowerOptions): LowerResult {
  const L = new Lowerer(ir, opts);
  return L.run();
}

class Lowerer {
  diagnostics: Diagnostic[] = [];
  skipped: { name: string; code: string }[] = [];
  enums = new Map<string, string[]>();
  rules = new Map<string, IrRule>();
  ruleCol = new Map<string, string>(); // rule name -> generated column
  steps: SqlStep[] = [];
  inputs: SqlInputColumn[] = [];
  inputCol = new Map<string, string>();
  current = ''; // rule being lowered (for messages)
  n = 0;

  constructor(readonly ir: IrPolicy, readonly opts: LowerOptions) {
    for (const e of ir.enums) this.enums.set(e.name, e.members);
    for (const r of ir.rules) this.rules.set(r.name, r);
  }

  fail(code: 'XS001' | 'XS002' | 'XS003' | 'XS004', span: IrExpr['span'], args: Record<string, string>): never {
    throw new Unsupported(sqlDiagnostic(code, span, { rule: this.current, ...args }));
  }

  run(): LowerResult {
    const rejects = this.lowerInputs();
    const wanted = this.opts.outputs ?? this.ir.rules.filter((r) => r.params.length === 0).map((r) => r.name);
    const outputs: SqlQuery['outputs'] = [];
    for (const name of wanted) {
      const r = this.rules.get(name);
      if (!r || r.params.length > 0) {
        this.diagnostics.push(sqlDiagnostic('XS005', this.ir.rules[0]?.span ?? ({} as never), { name }));
        continue;
      }
      const mark = this.steps.length;
      const saved = new Map(this.ruleCol);
      try {
        const col = this.rule(r);
        const tcol = `o${outputs.length}`;
        this.steps.push({ columns: [{ name: tcol, expr: this.outputText(col, r.type) }] });
        outputs.push({ name, column: tcol, type: r.type.kind, ...(NUMERIC.has(r.type.kind) ? { value: col, scale: this.colScale.get(col) ?? 0 } : {}) });
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        this.steps.length = mark;
        this.ruleCol = saved;
        if (this.opts.outputs) this.diagnostics.push(e.diag);
        else this.skipped.push({ name, code: e.diag.code });
      }
    }
    if (this.diagnostics.length > 0) return { diagnostics: this.diagnostics, skipped: this.skipped };
    const reject = 'reject';
    this.steps.unshift({ columns: [{ name: 'reject0', expr: this.rejectCode(rejects) }] });
    // records that take a branch outside the subset (XS010), decided after the rule columns
    const late: { c: SqlExpr; v: SqlExpr }[] = [{ c: { k: 'notNull', x: { k: 'col', name: 'reject0' } }, v: { k: 'col', name: 'reject0' } }];
    for (const x of this.outsideSubset) late.push({ c: { k: 'bin', op: '=', l: { k: 'case', whens: [{ c: x.bad, v: { k: 'bool', value: true } }], otherwise: { k: 'bool', value: false } }, r: { k: 'bool', value: true } }, v: { k: 'str', value: x.code } });
    this.steps.push({ columns: [{ name: reject, expr: { k: 'case', whens: late, otherwise: { k: 'null' } } }] });
    this.steps.unshift({ columns: this.inputs.map((i) => ({ name: i.column, expr: this.inputExprs.get(i.column)! })) });
    for (const i of this.inputs) i.hot = !i.optional || this.usedInputs.has(i.name) || this.rawRead.has(i.name);
    return {
      diagnostics: [],
      skipped: this.skipped,
      query: {
        policy: this.ir.name, asOf: this.opts.asOf, source: this.opts.source ?? 'population',
        idColumn: this.opts.idColumn ?? null, groupColumn: this.opts.groupColumn ?? null, inputs: this.inputs, steps: this.steps, reject, inputReject: 'reject0', outputs,
        ...(this.opts.carry?.length ? { carry: this.opts.carry } : {}),
      },
    };
  }

  inputExprs = new Map<string, SqlExpr>();
  get scales(): InputScales { return this.opts.inputScales ?? FAST_SCALES; }
  /** Inputs read from a typed source column (LowerOptions.sourceTypes). */
  typedInputs = new Set<string>();
  /** Inputs the lowered rules read (the others are only validated). */
  usedInputs = new Set<string>();

  /** The record's reject code from the input checks (rejects.ts): the first input error in the
   * JS engine's order, else the first value the query declines (XS011). */
  rejectCode(checks: { required: InputCheck[]; xi: InputCheck[]; xs: InputCheck[] }): SqlExpr {
    const hot = (r: InputCheck) => r.required || this.usedInputs.has(r.input);
    // a typed source column stands in the COALESCE of texts as '' when given
    const rawOf = (n: string): SqlExpr => {
      const col: SqlExpr = { k: 'col', name: this.rawCol(n) };
      return this.typedInputs.has(n) ? { k: 'case', whens: [{ c: { k: 'notNull', x: col }, v: { k: 'str', value: '' } }], otherwise: { k: 'null' } } : col;
    };
    // one CASE: every XI check before every decline, so an input error always wins
    return firstCode([...checks.required, ...checks.xi, ...checks.xs], hot, rawOf);
  }

  /** Typed input columns from the text columns of the source, and the checks that reject a record. */
  lowerInputs(): { required: InputCheck[]; xi: InputCheck[]; xs: InputCheck[] } {
    const all = { required: [] as InputCheck[], xi: [] as InputCheck[], xs: [] as InputCheck[] };
    this.ir.inputs.forEach((f, i) => {
      const t = f.type;
      const raw: SqlExpr = { k: 'col', name: `src${i}` };
      const column = `i${i}`;
      let typed: SqlExpr | undefined;
      let sqlType = 'VARCHAR';
      const st = this.opts.sourceTypes?.[f.name];
      const fast = st !== undefined ? typedSource(t.kind, st) : null;
      if (fast) {
        const checks = typedInputChecks(f, raw);
        all.required.push(...checks.required);
        all.xi.push(...checks.xi);
        this.typedInputs.add(f.name);
        this.inputs.push({ name: f.name, column, type: t.kind, sqlType: fast.sqlType, optional: f.optional, sourceType: st });
        this.inputCol.set(f.name, column);
        this.inputExprs.set(column, fast.value(raw));
        return;
      }
      if (t.kind === 'money' || t.kind === 'number' || t.kind === 'integer') {
        const scale = t.kind === 'integer' ? 0 : t.kind === 'money' ? this.scales.money : this.scales.decimal;
        sqlType = `DECIMAL(38,${scale})`;
        typed = { k: 'tryCastDec', x: raw, scale };
      } else if (t.kind === 'rate') {
        sqlType = `DECIMAL(38,${this.scales.decimal})`;
        typed = rateValue(raw, this.scales);
      } else if (t.kind === 'date') {
        sqlType = 'DATE';
        typed = { k: 'tryCastDate', x: raw };
      } else if (t.kind === 'boolean') {
        sqlType = 'BOOLEAN';
        typed = { k: 'bin', op: '=', l: raw, r: { k: 'str', value: 'true' } };
      } else if (t.kind === 'enum') {
        const members = this.enums.get(t.name) ?? [];
        typed = { k: 'case', whens: members.map((m, j) => ({ c: { k: 'bin', op: '=', l: raw, r: { k: 'str', value: m } } as SqlExpr, v: { k: 'int', value: j } as SqlExpr })), otherwise: { k: 'null' } };
      } else if (t.kind === 'text') {
        typed = raw;
      }
      const checks = inputChecks(f, raw, typed, t.kind === 'enum' ? this.enums.get(t.name) ?? [] : [], this.scales);
      all.required.push(...checks.required);
      all.xi.push(...checks.xi);
      all.xs.push(...checks.xs);
      if (!typed) {
        // durations, records and lists: outside the subset (a rule reading them is XS001 or, in
        // a branch, XS010 per record); the raw text is carried so the query can tell whether it is given
        this.inputs.push({ name: f.name, column, type: t.kind, sqlType: 'VARCHAR', optional: f.optional });
        this.inputExprs.set(column, raw);
        return;
      }
      this.inputs.push({ name: f.name, column, type: t.kind, sqlType, optional: f.optional });
      this.inputCol.set(f.name, column);
      this.inputExprs.set(column, typed);
    });
    return all;
  }

  /** The column of a parameterless rule, lowering it (and what it reads) first. */
  rule(r: IrRule): string {
    const have = this.ruleCol.get(r.name);
    if (have) return have;
    const saved = this.current;
    this.current = r.name;
    const v = pick(r.layers, this.opts.asOf);
    if (!v) this.fail('XS001', r.span, { construct: '在基准日无生效版本的规则', constructEn: 'a rule with no version in force at the as-of date' });
    let e = this.expr(v.body);
    if (r.exceptions.length > 0) {
      const whens: { c: SqlExpr; v: SqlExpr }[] = [];
      for (const x of r.exceptions) {
        const c = this.expr(x.condition);
        whens.push({ c: { k: 'isNull', x: c }, v: { k: 'null' } }, { c, v: this.coerce(this.expr(x.value), r.type) });
      }
      e = { k: 'case', whens, otherwise: e };
      if (NUMERIC.has(r.type.kind)) e = unifyScales(e);
    }
    e = this.coerce(e, r.type);
    if (r.rounding && r.type.kind === 'money') { const x = this.hoist(e); e = exactRound(x, scaleOf(x), r.rounding.mode, r.rounding.unit, this.bindInt, this.ints); }
    const col = `r${this.n++}`;
    if (NUMERIC.has(r.type.kind)) this.colScale.set(col, scaleOf(e));
    this.steps.push({ columns: [{ name: col, expr: e, comment: r.name, rule: r.name }] });
    this.ruleCol.set(r.name, col);
    this.current = saved;
    return col;
  }

  /** Numeric values of a rule's type at one declared scale, so every CASE branch agrees. */
  coerce(e: SqlExpr, t: XType): SqlExpr {
    return NUMERIC.has(t.kind) ? { k: 'castDec', x: e, scale: scaleOf(e) } : e;
  }

  outputText(col: string, t: XType): SqlExpr {
    const c: SqlExpr = { k: 'col', name: col };
    switch (t.kind) {
      case 'money': case 'rate': case 'number': case 'integer':
        return numericText(c, t.kind, this.colScale.get(col));
      case 'enum': {
        const members = this.enums.get(t.name) ?? [];
        return { k: 'case', whens: members.map((m, j) => ({ c: { k: 'bin', op: '=', l: c, r: { k: 'int', value: j } } as SqlExpr, v: { k: 'str', value: m } as SqlExpr })), otherwise: { k: 'null' } };
      }
      default:
        return { k: 'toText', x: c };
    }
  }

  colScale = new Map<string, number>();

  get ints() { return { wide: this.opts.wideInts === true }; }

  /** An integer intermediate of exact rounding (round.ts), bound as it stands (no scale unification). */
  bindInt = (e: SqlExpr): SqlExpr => this.hoist(e, false);

  /**
   * Binds a value that an expansion would repeat (rounding, division, min/max, clamp, abs use
   * their operands several times) to a column of its own step, so the SQL text grows linearly
   * with the policy instead of multiplying at every nesting (a rounded sum inside a clamp inside
   * a rounding was tens of kilobytes, and too deep for dialect parsers). The SQL IR has no
   * binders, so every expression is closed over earlier columns and may be computed one step
   * earlier. A bound quotient keeps its own zero guard (exactDivRound), as Spark and Trino raise there.
   */
  hoist(e: SqlExpr, numeric = true): SqlExpr {
    // a CASE's branches get one explicit scale first (unifyScales), as they would inline
    if (numeric && e.k === 'case') e = unifyScales(e);
    if (e.k === 'col' || e.k === 'dec' || e.k === 'int' || e.k === 'null' || e.k === 'bool' || e.k === 'date' || e.k === 'str') return e;
    const name = `h${this.n++}`;
    const scale = scaleOf(e);
    this.steps.push({ columns: [{ name, expr: e, ...(this.current ? { rule: this.current } : {}) }] });
    return { k: 'col', name, scale };
  }

  expr(e: IrExpr): SqlExpr {
    const out = this.expr0(e);
    return NUMERIC.has(e.type.kind) ? unifyScales(out) : out;
  }

  atDate(at: IrExpr | null): SqlExpr {
    return at ? this.expr(at) : { k: 'date', iso: this.opts.asOf };
  }

  literal(value: unknown, t: XType, span: IrExpr['span'], what: string): SqlExpr {
    if (NUMERIC.has(t.kind)) {
      const s = String(value).trim();
      const pct = /^(-?\d+(?:\.\d+)?)\s*(%|‰)$/.exec(s);
      if (pct) return decLit(shift(pct[1]!, pct[2] === '%' ? 2 : 3));
      if (!DEC_RE.test(s)) this.fail('XS003', span, { param: what, value: s });
      return decLit(s);
    }
    if (t.kind === 'enum') {
      const j = (this.enums.get(t.name) ?? []).indexOf(String(value));
      if (j < 0) this.fail('XS003', span, { param: what, value: String(value) });
      return { k: 'int', value: j };
    }
    if (t.kind === 'boolean') return { k: 'bool', value: value === true || value === 'true' };
    if (t.kind === 'date') return { k: 'date', iso: String(value) };
    if (t.kind === 'text') return { k: 'str', value: String(value) };
    this.fail('XS001', span, { construct: `${what} 的类型`, constructEn: `the type of ${what}` });
  }

  /** A dated lookup: CASE over the lookup date, newest breakpoint first. */
  dated(layers: IrLayer<unknown>[], at: IrExpr | null, valueAt: (date: string) => SqlExpr): SqlExpr {
    if (at === null) return valueAt(this.opts.asOf);
    const d = this.atDate(at);
    const bps = breakpoints(layers);
    const whens: { c: SqlExpr; v: SqlExpr }[] = [{ c: { k: 'isNull', x: d }, v: { k: 'null' } }];
    for (let i = bps.length - 1; i >= 0; i--) whens.push({ c: { k: 'bin', op: '>=', l: d, r: { k: 'date', iso: bps[i]! } }, v: valueAt(bps[i]!) });
    return { k: 'case', whens, otherwise: valueAt('0000-01-01') };
  }

  expr0(e: IrExpr): SqlExpr {
    switch (e.k) {
      case 'lit':
        if (typeof e.value === 'boolean') return { k: 'bool', value: e.value };
        return this.literal(e.value, e.type, e.span, 'literal');
      case 'enumLit':
        return { k: 'int', value: (this.enums.get(e.enumName) ?? []).indexOf(e.member) };
      case 'asOf':
        return { k: 'date', iso: this.opts.asOf };
      case 'input': {
        const c = this.inputCol.get(e.name);
        if (!c) this.fail('XS001', e.span, { construct: `输入“${e.name}”（记录或列表）`, constructEn: `input '${e.name}' (a record or list)` });
        this.usedInputs.add(e.name);
        const f = this.inputs.find((x) => x.column === c)!;
        // a typed source column (typedSource: money from DECIMAL(p, ≤ 2)) is always at the fast scale
        const money = f.sourceType ? FAST_SCALES.money : this.scales.money;
        return { k: 'col', name: c, scale: f.type === 'money' ? money : f.type === 'integer' ? 0 : this.scales.decimal };
      }
      case 'param': {
        const p = this.ir.params.find((x) => x.name === e.name)!;
        const given = this.opts.parameters && Object.hasOwn(this.opts.parameters, e.name) ? this.opts.parameters[e.name] : undefined;
        if (given !== undefined) {
          if (typeof given === 'object' && given !== null) this.fail('XS004', e.span, { param: e.name });
          const lit = this.literal(given, p.type, e.span, e.name);
          // the lookup date is still read (an absent date makes the value unavailable, as in JS)
          if (e.at === null) return lit;
          return { k: 'case', whens: [{ c: { k: 'isNull', x: this.expr(e.at) }, v: { k: 'null' } }], otherwise: lit };
        }
        return this.dated(p.layers, e.at, (d) => {
          const v = pick(p.layers, d);
          return v ? this.expr(v.body) : { k: 'null' };
        });
      }
      case 'table': {
        const t = this.ir.tables.find((x) => x.name === e.name)!;
        const key = this.expr(e.key);
        return this.dated(t.layers, e.at, (d) => this.tableAt(t.layers, t.keyType, key, d));
      }
      case 'bands': {
        const b = this.ir.bands.find((x) => x.name === e.name)!;
        const key = this.expr(e.key);
        return this.dated(b.layers, e.at, (d) => {
          const v = pick(b.layers, d);
          if (!v) return { k: 'null' };
          const whens: { c: SqlExpr; v: SqlExpr }[] = [{ c: { k: 'isNull', x: key }, v: { k: 'null' } }];
          for (const band of v.body) {
            const conds: SqlExpr[] = [];
            if (band.lower.value) conds.push({ k: 'bin', op: band.lower.inclusive ? '>=' : '>', l: key, r: this.expr(band.lower.value) });
            if (band.upper.value) conds.push({ k: 'bin', op: band.upper.inclusive ? '<=' : '<', l: key, r: this.expr(band.upper.value) });
            const c = conds.reduce<SqlExpr>((a, x) => ({ k: 'bin', op: 'and', l: a, r: x }), { k: 'bool', value: true });
            whens.push({ c, v: this.expr(band.value) });
          }
          return { k: 'case', whens, otherwise: { k: 'null' } };
        });
      }
      case 'rule': {
        if (e.args.length > 0) this.fail('XS001', e.span, { construct: `带参数的规则“${e.name}”`, constructEn: `the function-like rule '${e.name}'` });
        const col = this.rule(this.rules.get(e.name)!);
        return { k: 'col', name: col, scale: this.colScale.get(col) };
      }
      case 'arith': {
        if (e.op === '/') this.fail('XS002', e.span, {});
        const l = this.expr(e.left), r = this.expr(e.right);
        if (!NUMERIC.has(e.type.kind)) this.fail('XS001', e.span, { construct: `日期或期间的 ${e.op} 运算`, constructEn: `${e.op} on dates or durations` });
        return { k: 'bin', op: e.op, l, r };
      }
      case 'compare': {
        const l = this.expr(e.left), r = this.expr(e.right);
        const op = e.op === '!=' ? '<>' : e.op;
        return { k: 'bin', op, l, r };
      }
      case 'logic': {
        // the left side is tested twice: bound once, or a chain of 且/或 grows as 3^n
        const l = this.hoist(this.expr(e.left), false), r = this.expr(e.right);
        // left to right as the JS engine: a NULL left side is NULL, a decided left side short-circuits
        return e.op === 'and'
          ? { k: 'case', whens: [{ c: { k: 'isNull', x: l }, v: { k: 'null' } }, { c: { k: 'not', x: l }, v: { k: 'bool', value: false } }], otherwise: r }
          : { k: 'case', whens: [{ c: { k: 'isNull', x: l }, v: { k: 'null' } }, { c: l, v: { k: 'bool', value: true } }], otherwise: r };
      }
      case 'not':
        return { k: 'not', x: this.expr(e.operand) };
      case 'neg':
        return { k: 'neg', x: this.expr(e.operand) };
      case 'in':
        return { k: 'in', x: this.expr(e.value), items: e.members.map((m) => this.expr(m)) };
      case 'when': {
        const whens: { c: SqlExpr; v: SqlExpr }[] = [];
        const taken: SqlExpr[] = []; // conditions so far (for the record-level XS010 reject)
        for (const b of e.branches) {
          const c = this.expr(b.condition);
          whens.push({ c: { k: 'isNull', x: c }, v: { k: 'null' } }, { c, v: this.branchValue(b.value, [...taken, c]) });
          taken.push({ k: 'not', x: c });
        }
        return { k: 'case', whens, otherwise: this.branchValue(e.otherwise, taken) };
      }
      case 'match': {
        const s = this.expr(e.subject);
        const members = e.subject.type.kind === 'enum' ? (this.enums.get(e.subject.type.name) ?? []) : [];
        const whens: { c: SqlExpr; v: SqlExpr }[] = [{ c: { k: 'isNull', x: s }, v: { k: 'null' } }];
        for (const a of e.arms) whens.push({ c: { k: 'in', x: s, items: a.members.map((m) => ({ k: 'int', value: members.indexOf(m) }) as SqlExpr) }, v: this.expr(a.value) });
        return { k: 'case', whens, otherwise: e.otherwise ? this.expr(e.otherwise) : { k: 'null' } };
      }
      case 'builtin':
        return this.builtin(e);
      default:
        this.fail('XS001', e.span, { construct: CONSTRUCT_ZH[e.k] ?? e.k, constructEn: e.k });
    }
  }

  /**
   * A branch outside the subset that reads only list/record inputs (e.g. 求和 over 受伤前逐月缴费工资):
   * NULL when those inputs are absent (as the JS engine: unavailable), and a record that gives them
   * and takes the branch is rejected with XS010 naming the rule — never a wrong figure.
   */
  branchValue(v: IrExpr, path: SqlExpr[]): SqlExpr {
    try {
      return this.expr(v);
    } catch (err) {
      if (!(err instanceof Unsupported)) throw err;
      const names = new Set<string>();
      let other = false;
      walkInputs(v, (name) => { if (this.inputCol.has(name)) other = true; else names.add(name); });
      if (other || names.size === 0) throw err;
      for (const n of names) this.rawRead.add(n);
      const present = [...names].map((n) => ({ k: 'notNull', x: { k: 'col', name: this.rawCol(n) } }) as SqlExpr);
      const all = [...path, ...present].reduce<SqlExpr>((a, x) => ({ k: 'bin', op: 'and', l: a, r: x }), { k: 'bool', value: true });
      this.outsideSubset.push({ bad: all, code: `XS010:${this.current}` });
      return { k: 'null' };
    }
  }

  outsideSubset: { bad: SqlExpr; code: string }[] = [];
  /** List/record inputs whose raw text a per-record XS010 check reads. */
  rawRead = new Set<string>();

  rawCol(input: string): string {
    return `src${this.ir.inputs.findIndex((f) => f.name === input)}`;
  }

  tableAt(layers: IrLayer<IrTableVersionBody>[], keyType: XType, key: SqlExpr, d: string): SqlExpr {
    const keys: (string | number)[] = keyType.kind === 'enum' ? (this.enums.get(keyType.name) ?? []) : [];
    const keyOf = (k: string | number): SqlExpr => keyType.kind === 'enum' ? { k: 'int', value: keys.indexOf(k as string) } : decLit(String(k));
    const rowKeys = new Set<string | number>(keys);
    for (const l of layers) for (const v of l.versions) for (const r of v.body.rows) for (const k of r.keys) rowKeys.add(k);
    const whens: { c: SqlExpr; v: SqlExpr }[] = [{ c: { k: 'isNull', x: key }, v: { k: 'null' } }];
    let otherwise: SqlExpr = { k: 'null' };
    // the layer that wins per key at d (tables merge per key across layers)
    const winner = (k: string | number | null): SqlExpr | undefined => {
      for (let i = layers.length - 1; i >= 0; i--) {
        const vs = layers[i]!.versions;
        let v;
        for (let j = vs.length - 1; j >= 0; j--) if (vs[j]!.from === null || vs[j]!.from! <= d) { v = vs[j]; break; }
        if (!v) continue;
        if (k === null) { if (v.body.otherwise) return this.expr(v.body.otherwise); continue; }
        const row = v.body.rows.find((r) => r.keys.includes(k));
        if (row) return this.expr(row.value);
        if (v.body.otherwise) return this.expr(v.body.otherwise);
      }
      return undefined;
    };
    for (const k of rowKeys) {
      const v = winner(k);
      if (v) whens.push({ c: { k: 'bin', op: '=', l: key, r: keyOf(k) }, v });
    }
    if (keyType.kind !== 'enum') otherwise = winner(null) ?? { k: 'null' };
    return { k: 'case', whens, otherwise };
  }

  builtin(e: Extract<IrExpr, { k: 'builtin' }>): SqlExpr {
    const arg0 = e.args[0];
    if ((e.fn === 'round' || e.fn === 'floor' || e.fn === 'ceil') && arg0?.k === 'arith' && arg0.op === '/') {
      // division with its rounding declared: exact integer arithmetic (round.ts)
      const x = this.hoist(this.expr(arg0.left)), y = this.hoist(this.expr(arg0.right));
      return exactDivRound(x, scaleOf(x), y, scaleOf(y), e.fn === 'round' ? 'half_up' : e.fn, e.unit ?? 'yuan', this.bindInt, this.ints);
    }
    const repeats = e.fn === 'min' || e.fn === 'max' || e.fn === 'clamp' || e.fn === 'abs' || e.fn === 'round' || e.fn === 'floor' || e.fn === 'ceil';
    const a = e.args.map((x) => (repeats ? this.hoist(this.expr(x), NUMERIC.has(x.type.kind)) : this.expr(x)));
    const numericArgs = e.args.every((x) => NUMERIC.has(x.type.kind));
    const anyNull = (xs: SqlExpr[]): SqlExpr => xs.map((x) => ({ k: 'isNull', x }) as SqlExpr).reduce((p, q) => ({ k: 'bin', op: 'or', l: p, r: q }));
    switch (e.fn) {
      case 'min': case 'max': {
        // LEAST/GREATEST skip NULLs in some engines: keep NULL strict, fold pairwise by CASE
        const op = e.fn === 'min' ? '<' : '>';
        let acc = a[0]!;
        for (let i = 1; i < a.length; i++) acc = this.hoist({ k: 'case', whens: [{ c: { k: 'bin', op, l: a[i]!, r: acc }, v: a[i]! }], otherwise: acc }, numericArgs);
        return { k: 'case', whens: [{ c: anyNull(a), v: { k: 'null' } }], otherwise: acc };
      }
      case 'clamp': {
        const [x, lo, hi] = a as [SqlExpr, SqlExpr, SqlExpr];
        return {
          k: 'case',
          whens: [
            { c: { k: 'bin', op: 'or', l: anyNull(a), r: { k: 'bin', op: '>', l: lo, r: hi } }, v: { k: 'null' } },
            { c: { k: 'bin', op: '<', l: x, r: lo }, v: lo },
            { c: { k: 'bin', op: '>', l: x, r: hi }, v: hi },
          ],
          otherwise: x,
        };
      }
      case 'abs':
        return { k: 'case', whens: [{ c: { k: 'bin', op: '<', l: a[0]!, r: decLit('0') }, v: { k: 'neg', x: a[0]! } }], otherwise: a[0]! };
      case 'round': case 'floor': case 'ceil': {
        const mode = e.fn === 'round' ? 'half_up' : e.fn;
        return exactRound(a[0]!, scaleOf(a[0]!), mode, e.unit ?? 'yuan', this.bindInt, this.ints);
      }
      case 'present':
        return { k: 'notNull', x: a[0]! };
      case 'month_start':
        return { k: 'monthStart', x: a[0]! };
      case 'month_after':
        return { k: 'addMonths', x: { k: 'monthStart', x: a[0]! }, n: { k: 'int', value: 1 } };
      case 'add_months':
        return { k: 'addMonths', x: a[0]!, n: { k: 'toInt', x: a[1]! } };
      case 'add_days':
        return { k: 'addDays', x: a[0]!, n: { k: 'toInt', x: a[1]! } };
      case 'days_between':
        return { k: 'daysBetween', a: a[0]!, b: a[1]! };
      default:
        this.fail('XS001', e.span, { construct: `函数 ${e.fn}`, constructEn: `the function ${e.fn}` });
    }
  }
}

/**
 * CASE branches of one numeric value at one explicit scale: engines unify DECIMAL(38,1) and
 * DECIMAL(38,2) branches differently (DuckDB may drop digits), so the lowering never leaves it
 * to them.
 */
function unifyScales(e: SqlExpr): SqlExpr {
  if (e.k !== 'case') return e;
  const whens = e.whens.map((w) => ({ c: w.c, v: unifyScales(w.v) }));
  const otherwise = unifyScales(e.otherwise);
  const s = scaleOf({ k: 'case', whens, otherwise });
  const fix = (v: SqlExpr): SqlExpr => (v.k === 'null' ? v : { k: 'castDec', x: v, scale: s });
  return { k: 'case', whens: whens.map((w) => ({ c: w.c, v: fix(w.v) })), otherwise: fix(otherwise) };
}

function walkInputs(e: unknown, f: (name: string) => void): void {
  if (e === null || typeof e !== 'object') return;
  if (Array.isArray(e)) { for (const x of e) walkInputs(x, f); return; }
  const o = e as Record<string, unknown>;
  if (o.k === 'input' && typeof o.name === 'string') f(o.name);
  for (const [k, v] of Object.entries(o)) if (k !== 'span' && k !== 'type') walkInputs(v, f);
}

const CONSTRUCT_ZH: Record<string, string> = {
  aggregate: '列表聚合（求和、计数、筛选…）', field: '记录字段', local: '规则参数或列表变量', list: '列表',
};

function shift(s: string, places: number): string {
  const neg = s.startsWith('-');
  const [i, f = ''] = (neg ? s.slice(1) : s).split('.');
  const digits = (i! + f).replace(/^0+(?=\d)/, '');
  const point = f.length + places;
  const padded = digits.padStart(point + 1, '0');
  const out = `${padded.slice(0, padded.length - point)}.${padded.slice(padded.length - point)}`;
  return (neg ? '-' : '') + out;
}
