// Expression compiler: IrExpr → JS expression text over the internal value representation of
// runtime/model.ts (Decimal for numbers, ISO strings for dates, member indices for enums,
// arrays for lists and records). Everything from the policy is either an index computed here or
// emitted through str()/json(); identifiers are generated.
import type { IrExpr, IrPolicy, XType } from './ir.ts';
import { CodegenError, DECIMAL_TEXT, ISO_DATE, isNumeric, str, checkRounding } from './codegenUtil.ts';

export interface Scope {
  /** policy local name (rule parameter, lambda variable) → generated identifier */
  locals: Map<string, string>;
  /** JS expression of the default lookup date: 'null' (the as-of date) or 'at' (inside a value) */
  at: 'null' | 'at';
  /** temporaries of the enclosing generated function */
  temps: { n: number };
}

/** What a declaration's code may be linked against: the positions of the policy's declarations
 * (computed once per policy, shared by every Gen of one code generation). */
export class GenIndex {
  readonly enumIndex = new Map<string, Map<string, number>>();
  readonly recordFields = new Map<string, Map<string, { index: number; optional: boolean }>>();
  readonly inputIndex = new Map<string, number>();
  readonly paramIndex = new Map<string, number>();
  readonly tableIndex = new Map<string, number>();
  readonly bandsIndex = new Map<string, number>();
  readonly ruleIndex = new Map<string, number>();

  constructor(readonly ir: IrPolicy) {
    ir.enums.forEach((e) => this.enumIndex.set(e.name, new Map(e.members.map((m, i) => [m, i]))));
    ir.records.forEach((r) =>
      this.recordFields.set(r.name, new Map(r.fields.map((f, i) => [f.name, { index: i, optional: f.optional }]))),
    );
    ir.inputs.forEach((f, i) => this.inputIndex.set(f.name, i));
    ir.params.forEach((p, i) => this.paramIndex.set(p.name, i));
    ir.tables.forEach((t, i) => this.tableIndex.set(t.name, i));
    ir.bands.forEach((b, i) => this.bandsIndex.set(b.name, i));
    ir.rules.forEach((r, i) => this.ruleIndex.set(r.name, i));
  }

  /** The position a link names, undefined when the policy has no such declaration. */
  position(kind: LinkKind, name: string): number | undefined {
    return this.map(kind).get(name);
  }

  map(kind: LinkKind): Map<string, number> {
    switch (kind) {
      case 'input':
        return this.inputIndex;
      case 'param':
        return this.paramIndex;
      case 'table':
        return this.tableIndex;
      case 'bands':
        return this.bandsIndex;
      case 'rule':
        return this.ruleIndex;
    }
  }

  /** The value of a fact a declaration's code text was written with (see Gen.fact). */
  fact(kind: FactKind, a: string, b: string): string {
    switch (kind) {
      case 'arity': {
        const i = this.ruleIndex.get(a);
        return i === undefined ? '' : String(this.ir.rules[i]!.params.length);
      }
      case 'enum':
        return String(this.enumIndex.get(a)?.get(b) ?? '');
      case 'field': {
        const f = this.recordFields.get(a)?.get(b);
        return f === undefined ? '' : `${f.index}${f.optional ? '?' : ''}`;
      }
    }
  }
}

/** A reference to another declaration by position: in a linked Gen, a slot filled at load time. */
export type LinkKind = 'input' | 'param' | 'table' | 'bands' | 'rule';
/** What else a linked declaration's code text depends on: written into the text as it was, and
 * checked again before the text is reused (compiler/codegenChunks.ts). */
export type FactKind = 'arity' | 'enum' | 'field';

/** Shared state of one code generation run: the whole module (positions written as numbers), or,
 * `linked`, one declaration's chunk (positions as slots L0, L1, … of its link list, so the text
 * does not depend on where the other declarations stand). */
export class Gen {
  /** module-level declarations (hoisted constants and functions), in order */
  readonly decls: string[] = [];
  private readonly lits = new Map<string, string>();
  private uid = 0;
  readonly enumIndex: GenIndex['enumIndex'];
  readonly recordFields: GenIndex['recordFields'];
  readonly inputIndex: GenIndex['inputIndex'];
  readonly paramIndex: GenIndex['paramIndex'];
  readonly tableIndex: GenIndex['tableIndex'];
  readonly bandsIndex: GenIndex['bandsIndex'];
  readonly ruleIndex: GenIndex['ruleIndex'];
  /** linked: the declarations referenced, in slot order */
  readonly links: [LinkKind, string][] = [];
  private readonly slots = new Map<string, string>();
  /** linked: [kind, a, b, value] of every fact the text was written with */
  readonly facts: [FactKind, string, string, string][] = [];
  private readonly factSeen = new Set<string>();

  constructor(
    readonly ir: IrPolicy,
    /** ': any' when emitting TypeScript, '' for plain JS */
    readonly ann: string,
    readonly index_: GenIndex = new GenIndex(ir),
    readonly linked = false,
  ) {
    this.enumIndex = index_.enumIndex;
    this.recordFields = index_.recordFields;
    this.inputIndex = index_.inputIndex;
    this.paramIndex = index_.paramIndex;
    this.tableIndex = index_.tableIndex;
    this.bandsIndex = index_.bandsIndex;
    this.ruleIndex = index_.ruleIndex;
  }

  /** The JS text of a declaration's position: the number, or (linked) its slot. */
  ref(kind: LinkKind, name: string, span?: IrExpr['span']): string {
    const i = this.index_.position(kind, name);
    if (i === undefined) throw new CodegenError('XG001', `unknown ${kind === 'param' ? 'parameter' : kind} ${JSON.stringify(name)}`, span);
    if (!this.linked) return String(i);
    const key = `${kind}\u0000${name}`;
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = `L${this.links.length}`;
      this.links.push([kind, name]);
      this.slots.set(key, slot);
    }
    return slot;
  }

  /** Records (linked) a fact the text is about to be written with. */
  private fact(kind: FactKind, a: string, b: string): void {
    if (!this.linked) return;
    const key = `${kind}\u0000${a}\u0000${b}`;
    if (this.factSeen.has(key)) return;
    this.factSeen.add(key);
    this.facts.push([kind, a, b, this.index_.fact(kind, a, b)]);
  }

  fresh(prefix: string): string {
    return `${prefix}${this.uid++}`;
  }

  /** A hoisted Decimal constant for decimal literal text. */
  decimal(text: string, e?: IrExpr): string {
    if (!DECIMAL_TEXT.test(text)) throw new CodegenError('XG002', `invalid decimal literal ${JSON.stringify(text)}`, e?.span);
    let id = this.lits.get(text);
    if (id === undefined) {
      id = this.fresh('k');
      this.lits.set(text, id);
      this.decls.push(`const ${id} = E.lit(${str(text)});`);
    }
    return id;
  }

  /** Parameter list text with annotations: params('cx', 'at') → "cx: any, at: any". */
  params(names: string[]): string {
    return names.map((n) => `${n}${this.ann}`).join(', ');
  }

  /** Temporaries declaration for a generated function. */
  temps(scope: Scope): string {
    if (scope.temps.n === 0) return '';
    const ts: string[] = [];
    for (let i = 0; i < scope.temps.n; i++) ts.push(`t${i}${this.ann}`);
    return `let ${ts.join(', ')};`;
  }

  enumMember(enumName: string, member: string, e?: IrExpr): number {
    const i = this.enumIndex.get(enumName)?.get(member);
    if (i === undefined) throw new CodegenError('XG001', `unknown enum member ${JSON.stringify(member)} of ${JSON.stringify(enumName)}`, e?.span);
    this.fact('enum', enumName, member);
    return i;
  }

  private temp(s: Scope): string {
    return `t${s.temps.n++}`;
  }

  /** Compiles an expression; the result is a parenthesised-safe JS expression. */
  expr(e: IrExpr, s: Scope): string {
    switch (e.k) {
      case 'lit': {
        const t = e.type;
        if (typeof e.value === 'boolean') return e.value ? 'true' : 'false';
        if (isNumeric(t)) return this.decimal(e.value, e);
        if (t.kind === 'boolean') return e.value === 'true' || e.value === '真' ? 'true' : 'false';
        if (t.kind === 'date') {
          if (!ISO_DATE.test(e.value)) throw new CodegenError('XG002', `invalid date literal ${JSON.stringify(e.value)}`, e.span);
          return str(e.value);
        }
        return str(e.value);
      }
      case 'enumLit':
        return String(this.enumMember(e.enumName, e.member, e));
      case 'asOf':
        return 'cx.asOf';
      case 'input':
        return `E.inp(cx, ${this.ref('input', e.name, e.span)})`;
      case 'local': {
        const id = s.locals.get(e.name);
        if (id === undefined) throw new CodegenError('XG001', `unknown local ${JSON.stringify(e.name)}`, e.span);
        return id;
      }
      case 'field': {
        const { index, optional } = this.field(e.object.type, e.field, e);
        const obj = this.expr(e.object, s);
        return optional || e.optional ? `E.ofld(${obj}, ${index}, ${str(e.field)})` : `(${obj})[${index}]`;
      }
      case 'param':
        return `E.param(cx, ${this.ref('param', e.name, e.span)}, ${e.at ? this.expr(e.at, s) : s.at})`;
      case 'table':
        return `E.table(cx, ${this.ref('table', e.name, e.span)}, ${this.expr(e.key, s)}, ${e.at ? this.expr(e.at, s) : s.at})`;
      case 'bands':
        return `E.band(cx, ${this.ref('bands', e.name, e.span)}, ${this.expr(e.key, s)}, ${e.at ? this.expr(e.at, s) : s.at})`;
      case 'rule': {
        const at = this.ref('rule', e.name, e.span);
        const r = this.ir.rules[this.ruleIndex.get(e.name)!]!;
        this.fact('arity', e.name, '');
        if (r.params.length !== e.args.length) {
          throw new CodegenError('XG004', `rule ${JSON.stringify(e.name)} takes ${r.params.length} argument(s), got ${e.args.length}`, e.span);
        }
        if (r.params.length === 0) return `(cx.fast[${at}] ?? E.rule(cx, ${at}))`;
        // a rule with parameters: its function, which its own chunk put into RF
        return `RF[${at}](cx, ${e.args.map((a) => this.expr(a, s)).join(', ')})`;
      }
      case 'builtin':
        return this.builtin(e, s);
      case 'aggregate':
        return this.aggregate(e, s);
      case 'arith':
        return this.arith(e, s);
      case 'compare':
        return this.compare(e, s);
      case 'logic':
        return `(${this.expr(e.left, s)} ${e.op === 'and' ? '&&' : '||'} ${this.expr(e.right, s)})`;
      case 'not':
        return `(!${this.expr(e.operand, s)})`;
      case 'neg':
        return `(${this.expr(e.operand, s)}).neg()`;
      case 'in': {
        const v = this.expr(e.value, s);
        if (e.members.length === 0) return `(${v}, false)`;
        if (e.value.type.kind === 'enum' && e.members.every((m) => m.k === 'enumLit')) {
          const t = this.temp(s);
          const tests = e.members.map((m) => `${t} === ${this.expr(m, s)}`).join(' || ');
          return `(${t} = ${v}, ${tests})`;
        }
        return `E.inAny(${v}, [${e.members.map((m) => this.expr(m, s)).join(', ')}])`;
      }
      case 'when': {
        let out = this.expr(e.otherwise, s);
        for (let i = e.branches.length - 1; i >= 0; i--) {
          const b = e.branches[i]!;
          out = `(${this.expr(b.condition, s)} ? ${this.expr(b.value, s)} : ${out})`;
        }
        return out;
      }
      case 'match': {
        const t = this.temp(s);
        const subj = this.expr(e.subject, s);
        const st = e.subject.type;
        let out = e.otherwise ? this.expr(e.otherwise, s) : `E.unmatched(${t})`;
        for (let i = e.arms.length - 1; i >= 0; i--) {
          const arm = e.arms[i]!;
          if (arm.members.length === 0) continue;
          const tests = arm.members
            .map((m) => {
              if (st.kind === 'enum') return `${t} === ${this.enumMember(st.name, m, e)}`;
              throw new CodegenError('XG005', `match on a non-enum value`, e.span);
            })
            .join(' || ');
          out = `((${tests}) ? ${this.expr(arm.value, s)} : ${out})`;
        }
        return `(${t} = ${subj}, ${out})`;
      }
      case 'list':
        return `[${e.items.map((x) => this.expr(x, s)).join(', ')}]`;
    }
  }

  private field(objType: XType, field: string, e: IrExpr): { index: number; optional: boolean } {
    if (objType.kind !== 'record') throw new CodegenError('XG005', `field ${JSON.stringify(field)} of a non-record value`, e.span);
    const f = this.recordFields.get(objType.name)?.get(field);
    if (f === undefined) throw new CodegenError('XG001', `unknown field ${JSON.stringify(field)} of ${JSON.stringify(objType.name)}`, e.span);
    this.fact('field', objType.name, field);
    return f;
  }

  private arith(e: Extract<IrExpr, { k: 'arith' }>, s: Scope): string {
    const L = e.left.type;
    const R = e.right.type;
    const l = this.expr(e.left, s);
    const r = this.expr(e.right, s);
    if (L.kind === 'date' || R.kind === 'date') {
      if (L.kind === 'date' && R.kind === 'date' && e.op === '-') return `E.dateDiff(${l}, ${r})`;
      if (L.kind === 'date' && R.kind === 'duration' && (e.op === '+' || e.op === '-')) {
        return `E.dateAdd(cx, ${l}, ${r}, ${str(R.unit)}, ${e.op === '+' ? 1 : -1})`;
      }
      if (R.kind === 'date' && L.kind === 'duration' && e.op === '+') return `E.dateAdd(cx, ${r}, ${l}, ${str(L.unit)}, 1)`;
      throw new CodegenError('XG005', `unsupported date arithmetic ${e.op}`, e.span);
    }
    if (!isNumeric(L) || !isNumeric(R)) throw new CodegenError('XG005', `arithmetic on ${L.kind} and ${R.kind}`, e.span);
    switch (e.op) {
      case '+':
        return `(${l}).plus(${r})`;
      case '-':
        return `(${l}).minus(${r})`;
      case '*':
        return `(${l}).times(${r})`;
      case '/':
        return `E.div(${l}, ${r})`;
    }
  }

  private compare(e: Extract<IrExpr, { k: 'compare' }>, s: Scope): string {
    const l = this.expr(e.left, s);
    const r = this.expr(e.right, s);
    const L = e.left.type;
    if (isNumeric(L)) {
      switch (e.op) {
        case '=':
          return `(${l}).eq(${r})`;
        case '!=':
          return `(!(${l}).eq(${r}))`;
        case '<':
          return `(${l}).lt(${r})`;
        case '<=':
          return `(${l}).lte(${r})`;
        case '>':
          return `(${l}).gt(${r})`;
        case '>=':
          return `(${l}).gte(${r})`;
      }
    }
    if (L.kind === 'list' || L.kind === 'record') {
      if (e.op === '=') return `E.eq(${l}, ${r})`;
      if (e.op === '!=') return `(!E.eq(${l}, ${r}))`;
      throw new CodegenError('XG005', `ordering comparison of ${L.kind} values`, e.span);
    }
    const op = e.op === '=' ? '===' : e.op === '!=' ? '!==' : e.op;
    return `(${l} ${op} ${r})`;
  }

  private builtin(e: Extract<IrExpr, { k: 'builtin' }>, s: Scope): string {
    const a = (i: number) => {
      const x = e.args[i];
      if (x === undefined) throw new CodegenError('XG004', `missing argument ${i + 1} of ${e.fn}`, e.span);
      return this.expr(x, s);
    };
    const all = () => e.args.map((x) => this.expr(x, s)).join(', ');
    switch (e.fn) {
      case 'min':
        return `E.min(${all()})`;
      case 'max':
        return `E.max(${all()})`;
      case 'clamp':
        return `E.clamp(${a(0)}, ${a(1)}, ${a(2)})`;
      case 'round':
      case 'floor':
      case 'ceil': {
        const unit = e.unit;
        if (unit === undefined) throw new CodegenError('XG004', `${e.fn} without a unit`, e.span);
        const mode = e.fn === 'round' ? 'half_up' : e.fn;
        checkRounding({ mode, unit }, e.span);
        return `E.round(${a(0)}, ${str(unit)}, ${str(mode)})`;
      }
      case 'abs':
        return `(${a(0)}).abs()`;
      case 'present': {
        const x = e.args[0];
        if (x === undefined) throw new CodegenError('XG004', `missing argument of present`, e.span);
        if (x.k === 'input') return `E.has(cx, ${this.ref('input', x.name, x.span)})`;
        if (x.k === 'field') {
          const { index } = this.field(x.object.type, x.field, x);
          return `((${this.expr(x.object, s)})[${index}] !== undefined)`;
        }
        return `(${this.expr(x, s)}, true)`;
      }
      case 'month_after':
        return `E.monthAfter(${a(0)})`;
      case 'month_start':
        return `E.monthStart(${a(0)})`;
      case 'add_months':
        return `E.addMonths(${a(0)}, ${a(1)})`;
      case 'add_days':
        return `E.addDays(${a(0)}, ${a(1)})`;
      case 'add_workdays':
        return `E.addWorkdays(cx, ${a(0)}, ${a(1)})`;
      case 'workdays_between':
        return `E.workdaysBetween(cx, ${a(0)}, ${a(1)})`;
      case 'days_between':
        return `E.daysBetween(${a(0)}, ${a(1)})`;
      case 'months_between':
        return `E.monthsBetween(${a(0)}, ${a(1)})`;
      case 'age_at':
        return `E.ageAt(${a(0)}, ${a(1)})`;
      case 'year':
        return `E.year(${a(0)})`;
      case 'index_of':
        return `E.indexOf(${a(0)}, ${a(1)})`;
      case 'date':
        return `E.makeDate(${a(0)}, ${a(1)}, ${a(2)})`;
      case 'year_end':
        return `E.yearEnd(${a(0)})`;
      case 'year_start':
        return `E.yearStart(${a(0)})`;
    }
    throw new CodegenError('XG001', `unknown builtin ${JSON.stringify((e as { fn: string }).fn)}`, (e as IrExpr).span);
  }

  /** An aggregate becomes a hoisted function taking cx, the lookup date and every local in scope. */
  private aggregate(e: Extract<IrExpr, { k: 'aggregate' }>, s: Scope): string {
    const name = this.fresh('g');
    const outer = [...s.locals.values()];
    const fparams = ['cx', ...(s.at === 'at' ? ['at'] : []), ...outer, 'xs'];
    const inner: Scope = { locals: new Map(s.locals), at: s.at, temps: { n: 0 } };
    const v = this.fresh('v');
    if (e.variable !== null) inner.locals.set(e.variable, v);
    const body = e.body ? this.expr(e.body, inner) : null;
    const item = `xs[i]`;
    let loop: string;
    switch (e.fn) {
      case 'sum':
        loop = `let acc${this.ann} = E.ZERO; for (let i = 0; i < xs.length; i++) { const ${v} = ${item}; acc = acc.plus(${body ?? v}); } return acc;`;
        break;
      case 'count':
        loop = `let n = 0; for (let i = 0; i < xs.length; i++) { const ${v} = ${item}; if (${body ?? 'true'}) n++; } return E.num(n);`;
        break;
      case 'filter':
        loop = `const out${this.ann ? ': any[]' : ''} = []; for (let i = 0; i < xs.length; i++) { const ${v} = ${item}; if (${body ?? 'true'}) out.push(${v}); } return out;`;
        break;
      case 'map':
        loop = `const out${this.ann ? ': any[]' : ''} = []; for (let i = 0; i < xs.length; i++) { const ${v} = ${item}; out.push(${body ?? v}); } return out;`;
        break;
      case 'any':
        loop = `for (let i = 0; i < xs.length; i++) { const ${v} = ${item}; if (${body ?? v}) return true; } return false;`;
        break;
      case 'all':
        loop = `for (let i = 0; i < xs.length; i++) { const ${v} = ${item}; if (!(${body ?? v})) return false; } return true;`;
        break;
    }
    this.decls.push(`function ${name}(${this.params(fparams)}) { ${this.temps(inner)} ${loop} }`);
    const args = ['cx', ...(s.at === 'at' ? ['at'] : []), ...outer, this.expr(e.list, s)];
    return `${name}(${args.join(', ')})`;
  }
}
