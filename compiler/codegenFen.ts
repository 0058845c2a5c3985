// The fen path: a second compilation of every parameterless rule into exact integer
// fixed-point arithmetic (runtime/fen.ts). Each numeric expression gets a static scale — money
// values are integers of fen (scale 2) on input, rates and numbers scale 6, integers and
// durations scale 0, a literal its own number of places; a sum takes the larger scale, a
// product the sum of scales — and rounding becomes integer arithmetic in the cited mode.
//
// What this pass cannot prove exact (division, bands, lists, records, parameterised rules,
// parameters or table cells that are not literals, work-calendar arithmetic) makes the rule —
// and every rule reading it — decimal-only (null in `fen.rules`). At run time every operation
// guards its result (runtime/fen.ts); a case that leaves the safe-integer range, reads an
// absent input, hits a lookup failure or has an input or override the fen parser does not take
// is evaluated again on the decimal path, so the two paths never give different answers.
import { dependencyOrder, ruleRefs } from './ruleOrder.ts';
import type { IrExpr, IrPolicy, XType } from './ir.ts';
import type { Gen } from './codegenExpr.ts';
import { isNumeric, str } from './codegenUtil.ts';
import { FEN_TOKEN, type FenSource } from '../runtime/fenKernel.ts';

/** The reason a construct stays on the decimal path (caught per rule). */
class NotFen {
  constructor(readonly why: string) {}
}

/** Scale of an input, parameter or table value of a numeric type (runtime/fenEval.ts reads these). */
export function typeScale(t: XType): number | null {
  switch (t.kind) {
    case 'money':
      return 2;
    case 'rate':
    case 'number':
      return 6;
    case 'integer':
    case 'duration':
      return 0;
    default:
      return null;
  }
}

const MAX_SCALE = 15;
const FALLBACK_CALL = 'F.fallback()';
const ROUND_PLACES: Record<string, number> = { fen: 2, jiao: 1, yuan: 0 };

interface FenExpr {
  c: string;
  /** scale of a numeric value; null for any other type */
  s: number | null;
}

/** A reference in fen code, written as a token: \u0001 letter index \u0002. The policy module
 * gets the generic form (untoken: reads through the per-case context `fx`); the runtime builds a
 * straight-line kernel per as-of date and case shape from the same text (runtime/fenKernel.ts),
 * where a token becomes a local, a constant or an inner function. Policy strings reach this code
 * only through str() (JSON.stringify), which escapes \u0001 and \u0002, so no text forges a token.
 *   R i  value of rule i          I k  converted input k        H k  input k present
 *   P i  parameter i at the as-of date     Q i(at)  parameter i at a date
 *   T i(key, at)  table i cell     V i  version index of rule i   A  the as-of date
 *   Z  type annotation of a temp (TypeScript form only)   Y  annotation of the exception list */
const tok = (letter: string, n: number | '' = '') => `\u0001${letter}${n}\u0002`;

/** The generic form of token text (the functions the policy module defines). */
export function untoken(code: string, ann: string): string {
  return code.replace(FEN_TOKEN, (_m, l: string, n: string, paren: string | undefined) => {
    const open = paren ?? '';
    switch (l) {
      case 'R':
        return `(fx.s[${n}] ?? F.rule(fx, ${n}))${open}`;
      case 'I':
        return `(fx.s[fx.io + ${n}] ?? F.inp(fx, ${n}))${open}`;
      case 'H':
        return `F.has(fx, ${n})${open}`;
      case 'P':
        return `F.param(fx, ${n}, null)${open}`;
      case 'Q':
        return `F.param(fx, ${n}, `;
      case 'T':
        return `F.table(fx, ${n}, `;
      case 'V':
        return `F.ver(fx, ${n})${open}`;
      case 'A':
        return `fx.asOf${open}`;
      case 'Z':
        return `${ann}${open}`;
      case 'Y':
        return `${ann ? ': number[]' : ''}${open}`;
      default:
        throw new Error(`fen token ${l}`);
    }
  });
}

function isLiteral(e: IrExpr): boolean {
  return e.k === 'lit' || e.k === 'enumLit' || (e.k === 'neg' && e.operand.k === 'lit');
}

export class FenGen {
  /** per rule: the scale of its (rounded) value, null = not numeric, undefined = not fen */
  private readonly ruleScale = new Map<number, number | null>();
  private readonly busy = new Set<number>();
  private readonly notFen = new Set<number>();
  private readonly templates = new Map<number, FenSource>();
  private temps = 0;

  constructor(
    readonly g: Gen,
    readonly ir: IrPolicy,
  ) {}

  /** Emits the fen functions into g.decls and returns the model's `fen` entry as JS text. */
  emit(): string {
    // dependencies first: a rule's references are then already compiled, so compiling a chain
    // of N rules never nests N calls of rule() (it did, and overflowed the stack)
    for (const i of dependencyOrder(ruleRefs(this.ir.rules))) this.rule(i);
    const rules = this.ir.rules.map((_, i) => {
      const s = this.rule(i);
      return s === undefined ? 'null' : `{ fn: q${i}, scale: ${s === null ? 'null' : s} }`;
    });
    // per check: its condition as a function, and as token text (the batch API's kernels run the
    // error-severity checks inline, runtime/fenKernel.ts)
    const checkSrc: string[] = [];
    const checks = this.ir.checks.map((c, ci) => {
      this.temps = 0;
      const x = this.expr(c.condition);
      checkSrc.push('null');
      if (x.c === FALLBACK_CALL) return 'null';
      this.g.decls.push(untoken(`function qc${ci}(${this.g.params(['fx'])}) { ${this.tempDecl()} return ${x.c}; }`, this.g.ann));
      checkSrc[ci] = JSON.stringify({ body: [this.tempDecl(), `return ${x.c};`].filter(Boolean).join('\n  '), round: null });
      return `qc${ci}`;
    });
    const scales = (ts: XType[]) => JSON.stringify(ts.map((t) => typeScale(t)));
    const src = this.ir.rules.map((_, i) => {
      const t = this.templates.get(i);
      return t === undefined ? 'null' : JSON.stringify(t);
    });
    return `{ rules: [${rules.join(', ')}], src: [${src.join(', ')}], checks: [${checks.join(', ')}], checkSrc: [${checkSrc.join(', ')}], inputScales: ${scales(this.ir.inputs.map((f) => f.type))}, paramScales: ${scales(
      this.ir.params.map((p) => p.type),
    )}, tableScales: ${scales(this.ir.tables.map((t) => t.valueType))} }`;
  }

  /** Compiles rule i (once); its value scale, or undefined when it stays decimal-only. */
  private rule(i: number): number | null | undefined {
    if (this.ruleScale.has(i)) return this.ruleScale.get(i);
    if (this.notFen.has(i) || this.busy.has(i)) return undefined;
    const r = this.ir.rules[i]!;
    if (r.params.length > 0) {
      this.notFen.add(i);
      return undefined;
    }
    this.busy.add(i);
    const savedTemps = this.temps;
    this.temps = 0;
    try {
      const branches: { pre: string; e: FenExpr }[] = [];
      const stmts: string[] = [];
      if (r.exceptions.length > 0) {
        stmts.push(`const h${tok('Y')} = [];`);
        // a condition that reads an absent input does not hold (as on the decimal path)
        r.exceptions.forEach((x, k) =>
          stmts.push(`try { if (${this.expr(x.condition).c}) h.push(${k}); } catch (e) { if (e !== F.MISSING) throw e; }`),
        );
      }
      const excVals = r.exceptions.map((x) => this.expr(x.value));
      const versions = r.layers.flatMap((l) => l.versions);
      if (versions.length === 0) throw new NotFen('no version');
      const verVals = versions.map((v) => this.expr(v.body));
      if (verVals.every((x) => x.c === FALLBACK_CALL)) throw new NotFen('never exact');
      const all = [...excVals, ...verVals];
      const numeric = isNumeric(r.type);
      const S = numeric ? Math.max(...all.map((x) => x.s ?? 0)) : null;
      const at = (x: FenExpr) => (S === null ? x.c : this.align(x, S));
      if (r.exceptions.length > 0) {
        stmts.push(`switch (F.exc(h)) { ${excVals.map((x, k) => `case ${k}: return ${at(x)};`).join(' ')} }`);
      }
      const single = versions.length === 1 && versions[0]!.from === null && r.layers.filter((l) => l.versions.length > 0).length === 1;
      if (single) stmts.push(`return ${at(verVals[0]!)};`);
      else {
        stmts.push(`switch (${tok('V', i)}) { ${verVals.map((x, k) => `case ${k}: return ${at(x)};`).join(' ')} }`);
        stmts.push('throw F.FALLBACK;');
      }
      let out: number | null = S;
      const text = [this.tempDecl(), ...stmts].filter(Boolean).join('\n  ');
      let body = `function qb${i}(${this.g.params(['fx'])}) {\n  ${untoken(text, this.g.ann)}\n}`;
      let fn = `qb${i}`;
      let round: [number, string] | null = null;
      if (numeric && r.rounding && S !== null) {
        const u = ROUND_PLACES[r.rounding.unit];
        if (u === undefined) throw new NotFen('rounding unit');
        if (S > u) {
          body += `\nfunction q${i}(${this.g.params(['fx'])}) { return F.roundDrop(qb${i}(fx), ${S - u}, ${str(r.rounding.mode)}); }`;
          out = u;
          fn = '';
          round = [S - u, r.rounding.mode];
        }
      }
      if (fn !== '') body += `\nconst q${i} = ${fn};`;
      this.g.decls.push(body);
      this.templates.set(i, { body: text, round });
      this.ruleScale.set(i, out);
      return out;
    } catch (e) {
      if (!(e instanceof NotFen)) throw e;
      this.notFen.add(i);
      return undefined;
    } finally {
      this.temps = savedTemps;
      this.busy.delete(i);
    }
  }

  private tempDecl(): string {
    if (this.temps === 0) return '';
    return `let ${Array.from({ length: this.temps }, (_, k) => `u${k}${tok('Z')}`).join(', ')};`;
  }

  private temp(): string {
    return `u${this.temps++}`;
  }

  private align(x: FenExpr, S: number): string {
    const s = x.s ?? 0;
    return S > s ? `F.up(${x.c}, ${S - s})` : x.c;
  }

  private num(e: IrExpr): FenExpr {
    const x = this.expr(e);
    if (x.s === null) throw new NotFen('numeric expected');
    return x;
  }

  private alignAll(xs: FenExpr[]): { cs: string[]; S: number } {
    const S = Math.max(...xs.map((x) => x.s ?? 0));
    return { cs: xs.map((x) => this.align(x, S)), S };
  }

  private index(map: Map<string, number>, name: string): number {
    const i = map.get(name);
    if (i === undefined) throw new NotFen(`unknown ${name}`);
    return i;
  }

  private atArg(e: IrExpr | null): string {
    return e === null ? 'null' : this.expr(e).c;
  }

  /** A sub-expression this pass cannot prove exact compiles to F.fallback(): the case goes to
   * the decimal path only when evaluation actually reaches it (an untaken branch costs nothing). */
  expr(e: IrExpr): FenExpr {
    try {
      return this.exact(e);
    } catch (x) {
      if (!(x instanceof NotFen)) throw x;
      return { c: FALLBACK_CALL, s: isNumeric(e.type) ? (typeScale(e.type) ?? 0) : null };
    }
  }

  private exact(e: IrExpr): FenExpr {
    const numeric = isNumeric(e.type);
    switch (e.k) {
      case 'lit': {
        if (typeof e.value === 'boolean') return { c: e.value ? 'true' : 'false', s: null };
        if (numeric) {
          const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(e.value);
          if (!m) throw new NotFen('literal');
          const digits = (m[2]! + (m[3] ?? '')).replace(/^0+(?=\d)/, '');
          if (digits.length > 15 || (m[3]?.length ?? 0) > MAX_SCALE) throw new NotFen('literal too long');
          const n = Number(digits);
          return { c: m[1] === '-' && n !== 0 ? `(-${n})` : String(n), s: m[3]?.length ?? 0 };
        }
        if (e.type.kind === 'boolean') return { c: e.value === 'true' || e.value === '真' ? 'true' : 'false', s: null };
        return { c: this.g.expr(e, { locals: new Map(), at: 'null', temps: { n: 0 } }), s: null };
      }
      case 'enumLit':
        return { c: String(this.g.enumMember(e.enumName, e.member, e)), s: null };
      case 'asOf':
        return { c: tok('A'), s: null };
      case 'input': {
        const k = this.index(this.g.inputIndex, e.name);
        const s = typeScale(e.type);
        if (e.type.kind === 'list' || e.type.kind === 'record') throw new NotFen('structured input');
        return { c: tok('I', k), s };
      }
      case 'param': {
        const i = this.index(this.g.paramIndex, e.name);
        const p = this.ir.params[i]!;
        if (p.type.kind === 'list' || p.type.kind === 'record') throw new NotFen('structured parameter');
        for (const l of p.layers) for (const v of l.versions) if (!isLiteral(v.body)) throw new NotFen('computed parameter');
        return { c: e.at === null ? tok('P', i) : `${tok('Q', i)}(${this.atArg(e.at)})`, s: typeScale(p.type) };
      }
      case 'table': {
        const i = this.index(this.g.tableIndex, e.name);
        const t = this.ir.tables[i]!;
        if (t.valueType.kind === 'list' || t.valueType.kind === 'record') throw new NotFen('structured cell');
        for (const l of t.layers) {
          for (const v of l.versions) {
            for (const row of v.body.rows) if (!isLiteral(row.value)) throw new NotFen('computed cell');
            if (v.body.otherwise && !isLiteral(v.body.otherwise)) throw new NotFen('computed cell');
          }
        }
        const key = this.expr(e.key);
        const k = key.s === null ? key.c : key.s === 0 ? key.c : `F.intOf(${key.c}, ${key.s})`;
        return { c: `${tok('T', i)}(${k}, ${this.atArg(e.at)})`, s: typeScale(t.valueType) };
      }
      case 'rule': {
        const i = this.index(this.g.ruleIndex, e.name);
        if (e.args.length > 0) throw new NotFen('parameterised rule');
        const s = this.rule(i);
        if (s === undefined) throw new NotFen('rule not fen');
        return { c: tok('R', i), s };
      }
      case 'arith':
        return this.arith(e);
      case 'compare': {
        const L = e.left.type;
        const op = e.op === '=' ? '===' : e.op === '!=' ? '!==' : e.op;
        if (isNumeric(L)) {
          const { cs } = this.alignAll([this.num(e.left), this.num(e.right)]);
          return { c: `(${cs[0]} ${op} ${cs[1]})`, s: null };
        }
        if (L.kind === 'list' || L.kind === 'record') throw new NotFen('structured compare');
        return { c: `(${this.expr(e.left).c} ${op} ${this.expr(e.right).c})`, s: null };
      }
      case 'logic':
        return { c: `(${this.expr(e.left).c} ${e.op === 'and' ? '&&' : '||'} ${this.expr(e.right).c})`, s: null };
      case 'not':
        return { c: `(!${this.expr(e.operand).c})`, s: null };
      case 'neg': {
        const x = this.num(e.operand);
        return { c: `F.neg(${x.c})`, s: x.s };
      }
      case 'in': {
        if (e.value.type.kind !== 'enum' || !e.members.every((m) => m.k === 'enumLit')) throw new NotFen('in');
        const v = this.expr(e.value).c;
        if (e.members.length === 0) return { c: `(${v}, false)`, s: null };
        const t = this.temp();
        return { c: `(${t} = ${v}, ${e.members.map((m) => `${t} === ${this.expr(m).c}`).join(' || ')})`, s: null };
      }
      case 'when': {
        const vals = [...e.branches.map((b) => this.expr(b.value)), this.expr(e.otherwise)];
        const S = numeric ? Math.max(...vals.map((x) => x.s ?? 0)) : null;
        const at = (x: FenExpr) => (S === null ? x.c : this.align(x, S));
        let out = at(vals[vals.length - 1]!);
        for (let k = e.branches.length - 1; k >= 0; k--) out = `(${this.expr(e.branches[k]!.condition).c} ? ${at(vals[k]!)} : ${out})`;
        return { c: out, s: S };
      }
      case 'match': {
        const st = e.subject.type;
        if (st.kind !== 'enum') throw new NotFen('match');
        const t = this.temp();
        const subj = this.expr(e.subject).c;
        const arms = e.arms.filter((a) => a.members.length > 0);
        const vals = arms.map((a) => this.expr(a.value));
        const other = e.otherwise ? this.expr(e.otherwise) : null;
        const S = numeric ? Math.max(...[...vals, ...(other ? [other] : [])].map((x) => x.s ?? 0)) : null;
        const at = (x: FenExpr) => (S === null ? x.c : this.align(x, S));
        let out = other ? at(other) : 'F.fallback()';
        for (let k = arms.length - 1; k >= 0; k--) {
          const tests = arms[k]!.members.map((m) => `${t} === ${this.g.enumMember(st.name, m, e)}`).join(' || ');
          out = `((${tests}) ? ${at(vals[k]!)} : ${out})`;
        }
        return { c: `(${t} = ${subj}, ${out})`, s: S };
      }
      case 'builtin':
        return this.builtin(e);
      default:
        throw new NotFen(e.k);
    }
  }

  private arith(e: Extract<IrExpr, { k: 'arith' }>): FenExpr {
    const L = e.left.type;
    const R = e.right.type;
    if (L.kind === 'date' || R.kind === 'date') {
      if (L.kind === 'date' && R.kind === 'date' && e.op === '-') return { c: `F.dateDiff(${this.expr(e.left).c}, ${this.expr(e.right).c})`, s: 0 };
      const dateSide = L.kind === 'date' ? e.left : e.right;
      const durSide = L.kind === 'date' ? e.right : e.left;
      if (durSide.type.kind !== 'duration' || durSide.type.unit === 'workdays') throw new NotFen('date arithmetic');
      if (e.op !== '+' && !(e.op === '-' && L.kind === 'date')) throw new NotFen('date arithmetic');
      const n = this.num(durSide);
      const k = n.s === 0 ? n.c : `F.intOf(${n.c}, ${n.s})`;
      return { c: `F.dateAdd(${this.expr(dateSide).c}, ${k}, ${str(durSide.type.unit)}, ${e.op === '+' ? 1 : -1})`, s: null };
    }
    const l = this.num(e.left);
    const r = this.num(e.right);
    switch (e.op) {
      case '+':
      case '-': {
        const { cs, S } = this.alignAll([l, r]);
        return { c: `F.${e.op === '+' ? 'add' : 'sub'}(${cs[0]}, ${cs[1]})`, s: S };
      }
      case '*': {
        const s = l.s! + r.s!;
        if (s > MAX_SCALE) throw new NotFen('scale');
        return { c: `F.mul(${l.c}, ${r.c})`, s };
      }
      default:
        throw new NotFen('division');
    }
  }

  private builtin(e: Extract<IrExpr, { k: 'builtin' }>): FenExpr {
    const arg = (i: number) => {
      const x = e.args[i];
      if (x === undefined) throw new NotFen('missing argument');
      return x;
    };
    const intArg = (i: number) => {
      const n = this.num(arg(i));
      return n.s === 0 ? n.c : `F.intOf(${n.c}, ${n.s})`;
    };
    const d = (i: number) => this.expr(arg(i)).c;
    switch (e.fn) {
      case 'min':
      case 'max': {
        if (!e.args.every((x) => isNumeric(x.type))) throw new NotFen('min/max of non-numbers');
        const { cs, S } = this.alignAll(e.args.map((x) => this.num(x)));
        return { c: `Math.${e.fn}(${cs.join(', ')})`, s: S };
      }
      case 'clamp': {
        const { cs, S } = this.alignAll([this.num(arg(0)), this.num(arg(1)), this.num(arg(2))]);
        return { c: `F.clamp(${cs.join(', ')})`, s: S };
      }
      case 'round':
      case 'floor':
      case 'ceil': {
        const u = e.unit === undefined ? undefined : ROUND_PLACES[e.unit];
        if (u === undefined) throw new NotFen('rounding unit');
        const x = this.num(arg(0));
        if (x.s! <= u) return x;
        return { c: `F.roundDrop(${x.c}, ${x.s! - u}, ${str(e.fn === 'round' ? 'half_up' : e.fn)})`, s: u };
      }
      case 'abs': {
        const x = this.num(arg(0));
        return { c: `Math.abs(${x.c})`, s: x.s };
      }
      case 'present': {
        const x = arg(0);
        if (x.k === 'input') return { c: tok('H', this.index(this.g.inputIndex, x.name)), s: null };
        if (x.k === 'field') throw new NotFen('field');
        return { c: `(${this.expr(x).c}, true)`, s: null };
      }
      case 'month_after':
      case 'month_start':
      case 'year_end':
      case 'year_start': {
        const fn = { month_after: 'monthAfter', month_start: 'monthStart', year_end: 'yearEnd', year_start: 'yearStart' }[e.fn];
        return { c: `F.${fn}(${d(0)})`, s: null };
      }
      case 'add_months':
        return { c: `F.addMonths(${d(0)}, ${intArg(1)})`, s: null };
      case 'add_days':
        return { c: `F.addDays(${d(0)}, ${intArg(1)})`, s: null };
      case 'days_between':
        return { c: `F.daysBetween(${d(0)}, ${d(1)})`, s: 0 };
      case 'months_between':
        return { c: `F.monthsBetween(${d(0)}, ${d(1)})`, s: 0 };
      case 'age_at':
        return { c: `F.ageAt(${d(0)}, ${d(1)})`, s: 0 };
      case 'year':
        return { c: `F.year(${d(0)})`, s: 0 };
      case 'date':
        return { c: `F.makeDate(${intArg(0)}, ${intArg(1)}, ${intArg(2)})`, s: null };
      default:
        throw new NotFen(e.fn);
    }
  }
}
