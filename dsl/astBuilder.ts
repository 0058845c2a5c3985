// CST → AST for declarations (expressions: dsl/astExpr.ts). Never throws on partial CSTs.
import type { CstNode, IToken } from 'chevrotain';
import type {
  Band,
  BandsDecl,
  CalendarDecl,
  CheckDecl,
  Declaration,
  EnumDecl,
  ExceptionDecl,
  Expr,
  FieldDecl,
  Meta,
  ParamDecl,
  PolicyHeader,
  RecordDecl,
  Rounding,
  RoundingMode,
  RoundingUnit,
  RuleDecl,
  RuleParam,
  Span,
  TableDecl,
  TableRow,
  Versioned,
} from './ast.ts';
import { ExprBuilder } from './astExpr.ts';
import { child, children, has, tok, toks } from './cstUtil.ts';
import { keywordEntryOf } from './tokens.ts';

const MODES: Record<string, RoundingMode> = { HalfUp: 'half_up', HalfEven: 'half_even', Floor: 'floor', Ceil: 'ceil' };
const UNITS: Record<string, RoundingUnit> = { Fen: 'fen', Jiao: 'jiao', Yuan: 'yuan' };

export class AstBuilder extends ExprBuilder {
  declaration(n: CstNode): Declaration | undefined {
    const c = (k: string) => child(n, k);
    let x: CstNode | undefined;
    if ((x = c('header'))) return this.header(x);
    if ((x = c('enumDecl'))) return this.enumDecl(x);
    if ((x = c('recordDecl'))) return this.recordDecl(x);
    if ((x = c('inputDecl'))) return { kind: 'input', fields: this.fields(child(x, 'fieldBlock')), span: this.span(x) };
    if ((x = c('overrideDecl'))) return this.overrideDecl(x);
    return this.overridable(n, false);
  }

  private overrideDecl(n: CstNode): Declaration | undefined {
    const d = this.overridable(n, true);
    if (d) d.span = this.span(n);
    return d;
  }

  private overridable(n: CstNode, override: boolean): ParamDecl | TableDecl | BandsDecl | RuleDecl | Declaration | undefined {
    let x: CstNode | undefined;
    if ((x = child(n, 'paramDecl'))) return this.paramDecl(x, override);
    if ((x = child(n, 'tableDecl'))) return this.tableDecl(x, override);
    if ((x = child(n, 'bandsDecl'))) return this.bandsDecl(x, override);
    if ((x = child(n, 'ruleDecl'))) return this.ruleDecl(x, override);
    if (override) return undefined;
    if ((x = child(n, 'exceptionDecl'))) return this.exceptionDecl(x);
    if ((x = child(n, 'checkDecl'))) return this.checkDecl(x);
    if ((x = child(n, 'calendarDecl'))) return this.calendarDecl(x);
    return undefined;
  }

  // ---------- clauses ----------

  /** Report a clause written more than once (`tokens` = its keyword occurrences). */
  private once(tokens: IToken[]): void {
    for (const t of tokens.slice(1)) {
      const k = keywordEntryOf.get(t.tokenType);
      this.report('XP010', this.tspan(t), { clause: k?.zh ?? t.image, clauseEn: k?.en ?? t.image });
    }
  }

  private str(t: IToken | undefined, fallback: Span): { text: string; span: Span } {
    if (!t) return { text: '', span: fallback };
    return { text: this.stringValue(t), span: this.tspan(t) };
  }

  private meta(n: CstNode, target: Meta, extraCites: CstNode[] = []): void {
    const clauses = children(n, 'metaClause');
    const cites = [...clauses.map((m) => child(m, 'citeClause')).filter((x): x is CstNode => !!x), ...extraCites];
    const docs = clauses.map((m) => child(m, 'docClause')).filter((x): x is CstNode => !!x);
    this.once(cites.map((c) => tok(c, 'Cite')).filter((t): t is IToken => !!t));
    this.once(docs.map((c) => tok(c, 'Doc')).filter((t): t is IToken => !!t));
    if (cites[0]) target.cite = this.str(tok(cites[0], 'StringLiteral'), this.span(cites[0]));
    if (docs[0]) target.doc = this.str(tok(docs[0], 'StringLiteral'), this.span(docs[0]));
  }

  private rounding(n: CstNode): Rounding {
    const modeTok = toks(n, 'HalfUp')[0] ?? toks(n, 'HalfEven')[0] ?? toks(n, 'Floor')[0] ?? toks(n, 'Ceil')[0];
    const unitTok = toks(n, 'Fen')[0] ?? toks(n, 'Jiao')[0] ?? toks(n, 'Yuan')[0];
    return {
      mode: (modeTok && MODES[modeTok.tokenType.name]) || 'half_up',
      unit: (unitTok && UNITS[unitTok.tokenType.name]) || 'fen',
      span: this.span(n),
    };
  }

  private dateValue(t: IToken): { value: string; span: Span } {
    return { value: this.dateText(t), span: this.tspan(t) };
  }

  /** `= expr` and `{ 自 D: expr … }` clauses → versions. */
  private versions(n: CstNode): Versioned<Expr>[] {
    const out: Versioned<Expr>[] = [];
    const values = children(n, 'valueClause');
    const blocks = children(n, 'versionBlock');
    const bodyTokens = [
      ...values.map((v) => tok(v, 'Equals')),
      ...blocks.map((b) => tok(b, 'LBrace')),
    ].filter((t): t is IToken => !!t);
    bodyTokens.sort((a, b) => a.startOffset - b.startOffset);
    for (const t of bodyTokens.slice(1)) this.report('XP010', this.tspan(t), { clause: '= / { … }', clauseEn: '= / { … }' });
    for (const v of values) out.push({ body: this.expr(child(v, 'expression')), span: this.span(v) });
    for (const b of blocks) {
      for (const v of children(b, 'version')) {
        const ver: Versioned<Expr> = { body: this.expr(child(v, 'expression')), span: this.span(v) };
        const d = tok(v, 'DateLiteral');
        if (d) ver.from = this.dateValue(d);
        const cite = child(v, 'citeClause');
        if (cite) ver.cite = this.str(tok(cite, 'StringLiteral'), this.span(cite));
        out.push(ver);
      }
    }
    return out;
  }

  // ---------- declarations ----------

  private header(n: CstNode): PolicyHeader {
    const span = this.span(n);
    const h: PolicyHeader = { kind: 'header', name: this.name(tok(n, 'name'), n), abstract: has(n, 'Abstract'), span };
    this.once(toks(n, 'Title'));
    this.once(toks(n, 'Extends'));
    this.once(toks(n, 'Effective'));
    this.once(children(n, 'roundingClause').map((r) => tok(r, 'Rounding')).filter((t): t is IToken => !!t));
    const title = tok(n, 'StringLiteral');
    if (title) h.title = this.stringValue(title);
    const parent = tok(n, 'parent');
    if (parent) h.extends = this.name(parent);
    const eff = tok(n, 'DateLiteral');
    if (eff) h.effective = this.dateValue(eff);
    const r = child(n, 'roundingClause');
    if (r) h.rounding = this.rounding(r);
    return h;
  }

  private enumDecl(n: CstNode): EnumDecl {
    const d: EnumDecl = {
      kind: 'enum',
      name: this.name(tok(n, 'name'), n),
      members: toks(n, 'member').map((t) => this.name(t)),
      span: this.span(n),
    };
    this.meta(n, d);
    return d;
  }

  private recordDecl(n: CstNode): RecordDecl {
    const d: RecordDecl = {
      kind: 'record',
      name: this.name(tok(n, 'name'), n),
      fields: this.fields(child(n, 'fieldBlock')),
      span: this.span(n),
    };
    this.meta(n, d);
    return d;
  }

  private fields(block: CstNode | undefined): FieldDecl[] {
    return children(block, 'fieldDecl').map((f) => {
      const fd: FieldDecl = {
        name: this.name(tok(f, 'name'), f),
        optional: has(f, 'Question'),
        type: this.typeRef(child(f, 'typeRef')),
        span: this.span(f),
      };
      const ranges = children(f, 'rangeClause');
      this.once(ranges.map((r) => tok(r, 'Range')).filter((t): t is IToken => !!t));
      if (ranges[0]) {
        const r = ranges[0];
        fd.range = { from: this.additiveExpr(child(r, 'from')), to: this.additiveExpr(child(r, 'to')), span: this.span(r) };
      }
      this.meta(f, fd);
      return fd;
    });
  }

  private paramDecl(n: CstNode, override: boolean): ParamDecl {
    const span = this.span(n);
    const d: ParamDecl = {
      kind: 'param',
      override,
      name: this.name(tok(n, 'name'), n),
      required: has(n, 'Required'),
      versions: this.versions(n),
      span,
    };
    this.once(toks(n, 'Required'));
    const ranges = children(n, 'rangeClause');
    this.once(ranges.map((r) => tok(r, 'Range')).filter((t): t is IToken => !!t));
    if (ranges[0]) {
      const r = ranges[0];
      d.range = { from: this.additiveExpr(child(r, 'from')), to: this.additiveExpr(child(r, 'to')), span: this.span(r) };
    }
    const t = child(n, 'typeRef');
    if (t) d.type = this.typeRef(t);
    this.meta(n, d);
    return d;
  }

  private mapTypes(n: CstNode, d: TableDecl | BandsDecl): void {
    const m = child(n, 'mapType');
    if (!m) return;
    d.keyType = this.typeRef(child(m, 'keyType'));
    d.valueType = this.typeRef(child(m, 'valueType'));
  }

  private groupVersion<T>(g: CstNode, body: T): Versioned<T> {
    const v: Versioned<T> = { body, span: this.span(g) };
    const dt = tok(g, 'DateLiteral');
    if (dt) v.from = this.dateValue(dt);
    const cite = child(g, 'citeClause');
    if (cite) v.cite = this.str(tok(cite, 'StringLiteral'), this.span(cite));
    return v;
  }

  private undated<T>(n: CstNode, groups: CstNode[], items: CstNode[], body: T, out: Versioned<T>[]): void {
    if (!items.length) return;
    if (groups.length) this.report('XP014', this.span(items[0]));
    const first = this.span(items[0]);
    const last = this.span(items[items.length - 1]);
    out.unshift({ body, span: { file: this.file, start: first.start, end: last.end } });
    void n;
  }

  private tableDecl(n: CstNode, override: boolean): TableDecl {
    const span = this.span(n);
    const d: TableDecl = { kind: 'table', override, name: this.name(tok(n, 'name'), n), versions: [], span };
    if (has(n, 'Required')) d.required = true;
    this.once(toks(n, 'Required'));
    this.mapTypes(n, d);
    const groups = children(n, 'tableGroup');
    d.versions = groups.map((g) => this.groupVersion(g, children(g, 'arm').map((a) => this.row(a))));
    const rows = children(n, 'arm');
    this.undated(n, groups, rows, rows.map((a) => this.row(a)), d.versions);
    this.meta(n, d);
    return d;
  }

  private row(a: CstNode): TableRow {
    return { keys: this.armKeys(a), value: this.expr(child(a, 'value')), span: this.span(a) };
  }

  private bandsDecl(n: CstNode, override: boolean): BandsDecl {
    const span = this.span(n);
    const d: BandsDecl = { kind: 'bands', override, name: this.name(tok(n, 'name'), n), versions: [], span };
    this.mapTypes(n, d);
    const groups = children(n, 'bandGroup');
    d.versions = groups.map((g) => this.groupVersion(g, children(g, 'band').map((b) => this.band(b))));
    const bands = children(n, 'band');
    this.undated(n, groups, bands, bands.map((b) => this.band(b)), d.versions);
    this.meta(n, d);
    return d;
  }

  private band(b: CstNode): Band {
    const open = tok(b, 'open');
    const close = tok(b, 'close');
    return {
      lower: { value: this.bound(child(b, 'lower')), inclusive: open?.tokenType.name !== 'LParen' },
      upper: { value: this.bound(child(b, 'upper')), inclusive: close?.tokenType.name !== 'RParen' },
      value: this.expr(child(b, 'value')),
      span: this.span(b),
    };
  }

  /** A band end: an expression, or `无穷` / `-无穷`. */
  private bound(n: CstNode | undefined): Expr | 'inf' {
    this.inBandBound = true;
    this.pendingInf = [];
    try {
      const e = this.expr(n);
      let result: Expr | 'inf' = e;
      let whole: Expr | undefined;
      if (this.infNodes.has(e)) whole = e;
      else if (e.kind === 'unary' && e.op === 'neg' && this.infNodes.has(e.operand)) whole = e.operand;
      if (whole) result = 'inf';
      for (const x of this.pendingInf) if (x !== whole) this.report('XP016', x.span);
      return result;
    } finally {
      this.inBandBound = false;
      this.pendingInf = [];
    }
  }

  private ruleDecl(n: CstNode, override: boolean): RuleDecl {
    const span = this.span(n);
    const params: RuleParam[] = children(n, 'ruleParam').map((p) => ({
      name: this.name(tok(p, 'name'), p),
      type: this.typeRef(child(p, 'typeRef')),
      span: this.span(p),
    }));
    const d: RuleDecl = { kind: 'rule', override, name: this.name(tok(n, 'name'), n), params, versions: this.versions(n), span };
    const t = child(n, 'typeRef');
    if (t) d.type = this.typeRef(t);
    // only an override may omit the type (it keeps the inherited one); a new rule without one
    // would reach code generation untyped (XG005) — the type is part of the rule's contract
    else if (!override && d.name.text) {
      this.report('XP012', d.name.span, { declZh: `规则“${d.name.text}”`, declEn: `rule '${d.name.text}'`, partZh: '类型（: 类型）', partEn: 'a type (`: type`)' });
    }
    const roundTokens = [
      ...children(n, 'roundingClause').map((r) => tok(r, 'Rounding')),
      ...toks(n, 'NoRounding'),
    ].filter((x): x is IToken => !!x);
    roundTokens.sort((a, b) => a.startOffset - b.startOffset);
    this.once(roundTokens);
    const first = roundTokens[0];
    if (first) {
      const r = child(n, 'roundingClause');
      d.rounding = first.tokenType.name === 'NoRounding' || !r ? 'none' : this.rounding(r);
    }
    this.meta(n, d);
    return d;
  }

  private exceptionDecl(n: CstNode): ExceptionDecl {
    const d: ExceptionDecl = {
      kind: 'exception',
      rule: this.name(tok(n, 'rule'), n),
      condition: this.expr(child(n, 'condition')),
      value: this.expr(child(n, 'value')),
      span: this.span(n),
    };
    this.meta(n, d);
    return d;
  }

  private checkDecl(n: CstNode): CheckDecl {
    const span = this.span(n);
    const sev = [...toks(n, 'Warning'), ...toks(n, 'Error')].sort((a, b) => a.startOffset - b.startOffset);
    this.once(sev);
    this.once(toks(n, 'When'));
    this.once(toks(n, 'Message'));
    const name = this.name(tok(n, 'name'), n);
    const missing = (partZh: string, partEn: string) =>
      this.report('XP012', name.text ? name.span : span, { declZh: '检查', declEn: 'check', partZh, partEn });
    if (!sev.length) missing('级别（警告 或 错误）', 'a severity (`warning` or `error`)');
    const cond = child(n, 'condition');
    if (!cond && !has(n, 'When')) missing('条件（当 …）', 'a condition (`when …`)');
    const msg = tok(n, 'message');
    if (!msg && !has(n, 'Message')) missing('提示（提示 "…"）', 'a message (`message "…"`)');
    const d: CheckDecl = {
      kind: 'check',
      name,
      severity: sev[0]?.tokenType.name === 'Error' ? 'error' : 'warning',
      condition: this.expr(cond),
      message: this.str(msg, span),
      span,
    };
    this.meta(n, d);
    return d;
  }

  private calendarDecl(n: CstNode): CalendarDecl {
    const d: CalendarDecl = { kind: 'calendar', holidays: [], workdays: [], span: this.span(n) };
    for (const e of children(n, 'calendarEntry')) {
      const target = has(e, 'Workday') ? d.workdays : d.holidays;
      for (const t of toks(e, 'DateLiteral')) target.push(this.dateValue(t));
    }
    return d;
  }
}
