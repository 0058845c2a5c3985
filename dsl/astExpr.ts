// CST → AST for expressions, keys and types. Tolerates partial CSTs from recovery: a missing
// piece becomes `{ kind: 'error' }` rather than a crash.
import type { CstNode, IToken } from 'chevrotain';
import type { BinaryOp, DurationUnit, Expr, InSet, KeyPattern, MatchArm, Name, Span, TypeRef } from './ast.ts';
import { makeDiagnostic, type Diagnostic } from './diagnostic.ts';
import { isListTypeName, primitiveTypeName } from './keywords.ts';
import { dslMessages } from './messages.ts';
import { emptySpan, joinSpans, tokenSpan } from './span.ts';
import { child, children, has, nodeSpan, opTokens, tok, toks } from './cstUtil.ts';

const BINARY: Record<string, BinaryOp> = {
  Plus: '+',
  Minus: '-',
  Times: '*',
  Divide: '/',
  Equals: '=',
  NotEq: '!=',
  Less: '<',
  LessEq: '<=',
  Greater: '>',
  GreaterEq: '>=',
};

const DURATION: Record<string, DurationUnit> = {
  Days: 'days',
  Months: 'months',
  Workdays: 'workdays',
  Years: 'years',
};

export class ExprBuilder {
  /** Exprs standing for `无穷` (only meaningful as band ends; see AstBuilder.bound). */
  protected readonly infNodes = new WeakSet<Expr>();
  protected inBandBound = false;
  /** `无穷` seen while building a band end; those not forming the whole end are reported. */
  protected pendingInf: Expr[] = [];
  protected lastSpan: Span;

  constructor(
    protected readonly file: string,
    protected readonly diagnostics: Diagnostic[],
  ) {
    this.lastSpan = emptySpan(file);
  }

  /** The span an empty CST node falls back to: the last one built. It carries over from one
   * declaration to the next, so a parse of one declaration alone (dsl/incremental.ts) starts
   * from the span the declarations before it left. */
  get lastBuilt(): Span {
    return this.lastSpan;
  }

  resumeAfter(span: Span): void {
    this.lastSpan = span;
  }

  protected report(code: string, span: Span, args: Record<string, string> = {}): void {
    this.diagnostics.push(makeDiagnostic(dslMessages, code, span, args));
  }

  protected span(n: CstNode | undefined): Span {
    const s = nodeSpan(this.file, n, this.lastSpan);
    this.lastSpan = s;
    return s;
  }

  protected tspan(t: IToken): Span {
    const s = tokenSpan(this.file, t);
    this.lastSpan = s;
    return s;
  }

  protected name(t: IToken | undefined, fallback?: CstNode): Name {
    if (t) return { text: t.image, span: this.tspan(t) };
    return { text: '', span: this.span(fallback) };
  }

  protected errorExpr(n: CstNode | undefined): Expr {
    return { kind: 'error', span: this.span(n) };
  }

  // ---------- expressions ----------

  expr(n: CstNode | undefined): Expr {
    if (!n) return { kind: 'error', span: this.lastSpan };
    return this.fold(n, 'andExpr', ['Or'], (t) => (t ? 'or' : 'or'), (c) => this.andExpr(c));
  }

  private fold(
    n: CstNode,
    operandKey: string,
    opNames: string[],
    op: (t: IToken) => BinaryOp,
    build: (c: CstNode | undefined) => Expr,
  ): Expr {
    const operands = children(n, operandKey);
    const ops = opTokens(n, opNames);
    let left = build(operands[0]);
    for (let i = 1; i < operands.length; i++) {
      const right = build(operands[i]);
      const t = ops[i - 1];
      const o: BinaryOp = t ? op(t) : '+';
      left = { kind: 'binary', op: o, left, right, span: joinSpans(left.span, right.span) };
    }
    return left;
  }

  private andExpr(n: CstNode | undefined): Expr {
    if (!n) return this.errorExpr(n);
    return this.fold(n, 'notExpr', ['And'], () => 'and', (c) => this.notExpr(c));
  }

  private notExpr(n: CstNode | undefined): Expr {
    if (!n) return this.errorExpr(n);
    const not = tok(n, 'Not');
    if (not || has(n, 'notExpr')) {
      const operand = this.notExpr(child(n, 'notExpr'));
      return { kind: 'unary', op: 'not', operand, span: this.span(n) };
    }
    return this.comparison(child(n, 'comparison'));
  }

  private comparison(n: CstNode | undefined): Expr {
    if (!n) return this.errorExpr(n);
    const left = this.additive(child(n, 'additive'));
    const opNode = child(n, 'compareOp');
    if (opNode) {
      const right = this.additive(child(n, 'additive', 1));
      const t = opTokens(opNode, Object.keys(BINARY))[0];
      const op = t ? (BINARY[t.tokenType.name] ?? '=') : '=';
      return { kind: 'binary', op, left, right, span: joinSpans(left.span, right.span) };
    }
    if (has(n, 'In') || has(n, 'inSet')) {
      const set = this.inSet(child(n, 'inSet'));
      return { kind: 'in', value: left, set, span: joinSpans(left.span, set.span) };
    }
    return left;
  }

  private inSet(n: CstNode | undefined): InSet {
    const span = this.span(n);
    const from = this.additive(child(n, 'from'));
    if (has(n, 'DotDot') || has(n, 'to')) {
      return { kind: 'range', from, to: this.additive(child(n, 'to')), span };
    }
    if (from.kind === 'list') return { kind: 'members', items: from.items, span };
    if (from.kind !== 'error') this.report('XP017', from.span);
    return { kind: 'members', items: [from], span };
  }

  /** An additive expression on its own (the bounds of a parameter's `范围`). */
  protected additiveExpr(n: CstNode | undefined): Expr {
    return this.additive(n);
  }

  private additive(n: CstNode | undefined): Expr {
    if (!n) return this.errorExpr(n);
    return this.fold(n, 'multiplicative', ['Plus', 'Minus'], (t) => BINARY[t.tokenType.name]!, (c) =>
      this.multiplicative(c),
    );
  }

  private multiplicative(n: CstNode | undefined): Expr {
    if (!n) return this.errorExpr(n);
    return this.fold(n, 'unary', ['Times', 'Divide'], (t) => BINARY[t.tokenType.name]!, (c) => this.unary(c));
  }

  private unary(n: CstNode | undefined): Expr {
    if (!n) return this.errorExpr(n);
    if (has(n, 'Minus') || has(n, 'unary')) {
      const operand = this.unary(child(n, 'unary'));
      return { kind: 'unary', op: 'neg', operand, span: this.span(n) };
    }
    return this.atExpr(child(n, 'atExpr'));
  }

  private atExpr(n: CstNode | undefined): Expr {
    if (!n) return this.errorExpr(n);
    const target = this.postfix(child(n, 'target'));
    if (has(n, 'At') || has(n, 'date')) {
      const date = this.postfix(child(n, 'date'));
      return { kind: 'at', target, date, span: joinSpans(target.span, date.span) };
    }
    return target;
  }

  private postfix(n: CstNode | undefined): Expr {
    if (!n) return this.errorExpr(n);
    let e = this.primary(child(n, 'primary'));
    for (const t of toks(n, 'Identifier')) {
      const field = this.name(t);
      const span = joinSpans(e.span, field.span);
      e = e.kind === 'name' ? { kind: 'qualified', qualifier: e.name, member: field, span } : { kind: 'field', object: e, field, span };
    }
    return e;
  }

  private primary(n: CstNode | undefined): Expr {
    if (!n) return this.errorExpr(n);
    const span = this.span(n);
    const num = child(n, 'numberLiteral');
    if (num) return this.numberLiteral(num);
    let t: IToken | undefined;
    if ((t = tok(n, 'DateLiteral'))) return { kind: 'date', value: this.dateText(t), span };
    if ((t = tok(n, 'StringLiteral'))) return { kind: 'string', value: this.stringValue(t), span };
    if (tok(n, 'True')) return { kind: 'boolean', value: true, span };
    if (tok(n, 'False')) return { kind: 'boolean', value: false, span };
    if (tok(n, 'AsOf')) return { kind: 'asOf', span };
    if (tok(n, 'Fen')) return { kind: 'roundingUnit', unit: 'fen', span };
    if (tok(n, 'Jiao')) return { kind: 'roundingUnit', unit: 'jiao', span };
    if (tok(n, 'Yuan')) return { kind: 'roundingUnit', unit: 'yuan', span };
    if (tok(n, 'Inf')) {
      const e: Expr = { kind: 'error', span };
      this.infNodes.add(e);
      if (this.inBandBound) this.pendingInf.push(e);
      else this.report('XP016', span);
      return e;
    }
    const nameTerm = child(n, 'nameTerm');
    if (nameTerm) return this.nameTerm(nameTerm);
    const kwCall = child(n, 'keywordCall');
    if (kwCall) {
      const kt = opTokens(kwCall, ['HalfUp', 'Floor', 'Ceil'])[0];
      return { kind: 'call', callee: this.name(kt, kwCall), args: this.args(child(kwCall, 'args')), span: this.span(kwCall) };
    }
    if (has(n, 'LBracket') || has(n, 'exprList')) return { kind: 'list', items: this.exprList(child(n, 'exprList')), span };
    const inner = child(n, 'expression');
    if (inner) return this.expr(inner);
    const when = child(n, 'whenExpr');
    if (when) return this.whenExpr(when);
    const match = child(n, 'matchExpr');
    if (match) return this.matchExpr(match);
    return { kind: 'error', span };
  }

  private numberLiteral(n: CstNode): Expr {
    const span = this.span(n);
    const value = tok(n, 'NumberLiteral')?.image ?? '0';
    if (has(n, 'Percent')) return { kind: 'percent', value, perMille: false, span };
    if (has(n, 'PerMille')) return { kind: 'percent', value, perMille: true, span };
    if (has(n, 'Yuan')) return { kind: 'money', value, span };
    for (const [k, unit] of Object.entries(DURATION)) {
      if (has(n, k)) return { kind: 'duration', value, unit, span };
    }
    return { kind: 'number', value, span };
  }

  private nameTerm(n: CstNode): Expr {
    const span = this.span(n);
    const id = this.name(tok(n, 'Identifier'), n);
    if (has(n, 'LParen') || has(n, 'args')) {
      return { kind: 'call', callee: id, args: this.args(child(n, 'args')), span };
    }
    if (has(n, 'LBracket') || has(n, 'key')) {
      return { kind: 'index', target: id, key: this.expr(child(n, 'key')), span };
    }
    return { kind: 'name', name: id, span: id.span };
  }

  private args(n: CstNode | undefined): Expr[] {
    return children(n, 'arg').map((a) => {
      const lambda = child(a, 'lambda');
      if (lambda) {
        const param = this.name(tok(lambda, 'Identifier'), lambda);
        return { kind: 'lambda', param, body: this.expr(child(lambda, 'expression')), span: this.span(lambda) };
      }
      return this.expr(child(a, 'expression'));
    });
  }

  private exprList(n: CstNode | undefined): Expr[] {
    return children(n, 'expression').map((e) => this.expr(e));
  }

  private whenExpr(n: CstNode): Expr {
    const span = this.span(n);
    const conds = children(n, 'condition');
    const values = children(n, 'value');
    const count = Math.max(conds.length, values.length);
    const branches: { condition: Expr; value: Expr }[] = [];
    for (let i = 0; i < count; i++) {
      branches.push({ condition: this.expr(conds[i]), value: this.expr(values[i]) });
    }
    const o = child(n, 'otherwise');
    const otherwise = o ? this.expr(o) : ({ kind: 'error', span } as Expr);
    return { kind: 'when', branches, otherwise, span };
  }

  private matchExpr(n: CstNode): Expr {
    const span = this.span(n);
    const subject = this.expr(child(n, 'subject'));
    const arms: MatchArm[] = [];
    let otherwise: Expr | undefined;
    for (const a of children(n, 'arm')) {
      const keys = this.armKeys(a);
      const value = this.expr(child(a, 'value'));
      if (keys === 'otherwise') otherwise = value;
      else arms.push({ keys, value, span: this.span(a) });
    }
    const e: Expr = { kind: 'match', subject, arms, span };
    if (otherwise) e.otherwise = otherwise;
    return e;
  }

  /** Keys of a match arm / table row, or 'otherwise'. */
  protected armKeys(a: CstNode): KeyPattern[] | 'otherwise' {
    if (tok(a, 'Otherwise')) return 'otherwise';
    return children(a, 'key').map((k) => this.key(k));
  }

  private key(k: CstNode): KeyPattern {
    const span = this.span(k);
    const num = tok(k, 'NumberLiteral');
    if (num) return { kind: 'integer', value: num.image, span };
    const ids = toks(k, 'Identifier');
    const first = this.name(ids[0], k);
    if (has(k, 'DotDot')) return { kind: 'range', from: first, to: this.name(ids[1], k), span };
    if (has(k, 'Dot')) return { kind: 'member', qualifier: first, name: this.name(ids[1], k), span };
    return { kind: 'member', name: first, span };
  }

  // ---------- types ----------

  typeRef(n: CstNode | undefined): TypeRef {
    const span = this.span(n);
    if (!n) return { kind: 'named', name: { text: '', span }, span };
    for (const [k, name] of [['Days', 'days'], ['Months', 'months'], ['Workdays', 'workdays']] as const) {
      if (has(n, k)) return { kind: 'primitive', name, span };
    }
    const id = tok(n, 'Identifier');
    const text = id?.image ?? '';
    const element = child(n, 'element');
    if (element || has(n, 'LBracket')) {
      if (!isListTypeName(text)) this.report('XP018', span, { name: text });
      return { kind: 'list', element: this.typeRef(element), span };
    }
    const prim = primitiveTypeName(text);
    if (prim) return { kind: 'primitive', name: prim, span };
    return { kind: 'named', name: this.name(id, n), span };
  }

  // ---------- literals ----------

  protected dateText(t: IToken): string {
    const v = t.image;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    let ok = !!m;
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
      ok = mo >= 1 && mo <= 12 && d >= 1 && d <= dim;
    }
    if (!ok) this.report('XL005', this.tspan(t), { text: v });
    return v;
  }

  protected stringValue(t: IToken): string {
    const img = t.image;
    const name = t.tokenType.name;
    if (name === 'FullWidthString') return img.slice(1, -1);
    if (name === 'UnterminatedString') return img.startsWith('“') ? img.slice(1) : this.unescape(img.slice(1), t);
    return this.unescape(img.slice(1, -1), t);
  }

  private unescape(s: string, t: IToken): string {
    return s.replace(/\\(.)/g, (_m, c: string) => {
      switch (c) {
        case 'n':
          return '\n';
        case 't':
          return '\t';
        case '"':
          return '"';
        case '\\':
          return '\\';
        default:
          this.report('XL004', this.tspan(t), { text: `\\${c}` });
          return c;
      }
    });
  }
}
