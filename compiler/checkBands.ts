// Band pass: in every version (each one wins for some period, bands are replaced as a whole)
// the bands, sorted by lower bound, must be non-empty (XC042), must not overlap (XC040) and
// must leave no gap (XC041). Bounds are compared exactly with decimal.js; whether an end is
// inclusive matters: [0,50) [50,100] is contiguous, [0,50] [50,…] overlaps at 50, [0,50)
// (50,…] misses 50. Bounds may be constant expressions over parameters (a province's
// thresholds): they are evaluated at every effective period — the union of the bands' and the
// parameters' version dates — so a province whose thresholds cross gets the error from the date
// they cross. A bound whose parameter is unset at that date (an abstract baseline) is skipped.
import Decimal from 'decimal.js';
import type { Span } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import type { IrBand, IrBands, IrExpr, IrParam, XType } from './ir.ts';
import { breakpoints, inForce } from './checkTables.ts';
import { report } from './messages.ts';
import { DECIMAL_RE } from '../runtime/money.ts';

/** Value of a parameter at a date: the last layer with a version in force wins (compiler/ir.ts). */
export type ParamAt = (name: string, at: string | null) => Decimal | undefined;

export function paramLookup(params: IrParam[]): ParamAt {
  const byName = new Map(params.map((p) => [p.name, p]));
  const at = (name: string, d: string | null, depth: number): Decimal | undefined => {
    const p = byName.get(name);
    if (!p || depth > 16) return undefined; // unknown, or a cycle (reported by the cycle pass)
    let hit: IrExpr | undefined;
    for (const l of p.layers) {
      const v = inForce(l.versions, d);
      if (v) hit = v.body;
    }
    const r = hit ? constant(hit, d, (n, dd) => at(n, dd, depth + 1)) : undefined;
    return r === null ? undefined : r;
  };
  return (name, d) => at(name, d, 0);
}

const NUMERIC_KINDS = new Set(['money', 'rate', 'number', 'integer', 'duration']);

/** A literal's value as a number, or null when it is not a number: a text or date literal can
 * stand where a number belongs after a parse error (its type is then UNKNOWN), and decimal.js
 * throws on such text — the caller reports the bound as not constant instead of crashing. */
export function numericLit(e: Extract<IrExpr, { k: 'lit' }>): Decimal | null {
  if (typeof e.value !== 'string' || !NUMERIC_KINDS.has(e.type.kind) || !DECIMAL_RE.test(e.value)) return null;
  return new Decimal(e.value);
}

/** A bound as a number: null = infinite; undefined = not computable here. */
export function constant(e: IrExpr | null, d: string | null, param: ParamAt): Decimal | null | undefined {
  if (e === null) return null;
  switch (e.k) {
    case 'lit':
      return numericLit(e) ?? undefined;
    case 'neg': {
      const v = constant(e.operand, d, param);
      return v ? v.neg() : undefined;
    }
    case 'param':
      return e.at === null ? param(e.name, d) : undefined;
    case 'arith': {
      const l = constant(e.left, d, param);
      const r = constant(e.right, d, param);
      if (!l || !r) return undefined;
      if (e.op === '+') return l.plus(r);
      if (e.op === '-') return l.minus(r);
      if (e.op === '*') return l.mul(r);
      return r.isZero() ? undefined : l.div(r);
    }
    default:
      return undefined;
  }
}

/** Parameters a bounds declaration reads in its bounds (their dates are breakpoints too). */
function boundParams(bands: IrBands, out: Set<string>): void {
  const visit = (e: IrExpr | null): void => {
    if (e === null) return;
    if (e.k === 'param') out.add(e.name);
    else if (e.k === 'neg') visit(e.operand);
    else if (e.k === 'arith') {
      visit(e.left);
      visit(e.right);
    }
  };
  for (const l of bands.layers) for (const v of l.versions) for (const b of v.body) {
    visit(b.lower.value);
    visit(b.upper.value);
  }
}

export function fmt(d: Decimal, t: XType): string {
  if (t.kind === 'rate') return `${d.mul(100).toFixed()}%`;
  if (t.kind === 'money') return `${d.toFixed()}元`;
  return d.toFixed();
}

interface B {
  band: IrBand;
  lo: Decimal | null;
  hi: Decimal | null;
  span: Span;
}

function show(b: B, t: XType): string {
  const lo = b.lo === null ? '-无穷' : fmt(b.lo, t);
  const hi = b.hi === null ? '无穷' : fmt(b.hi, t);
  return `${b.band.lower.inclusive ? '[' : '('}${lo}, ${hi}${b.band.upper.inclusive ? ']' : ')'}`;
}

function bandSpan(b: IrBand): Span {
  const first = b.lower.value ?? b.upper.value ?? b.value;
  return { file: first.span.file, start: first.span.start, end: b.value.span.end };
}

export function checkBands(bands: IrBands, diags: Diagnostic[], params: IrParam[] = []): void {
  const t = bands.keyType;
  const extra = bands.cite ? { cite: bands.cite } : {};
  const param = paramLookup(params);
  const used = new Set<string>();
  boundParams(bands, used);
  const byName = new Map(params.map((p) => [p.name, p]));
  const periods = breakpoints([...bands.layers, ...[...used].flatMap((n) => byName.get(n)?.layers ?? [])]);
  const seen = new Set<string>();
  const say = (code: string, span: Span, args: Record<string, string>, more: object = {}) => {
    const key = `${code}|${span.start.offset}|${args.a ?? args.band}|${args.b ?? ''}`;
    if (seen.has(key)) return; // the same problem in a later period is reported once, at its first
    seen.add(key);
    report(diags, code, span, args, { ...extra, ...more });
  };
  for (const bp of periods) {
    // the version in force at this breakpoint: the last layer that has one wins
    let version: { from: string | null; body: IrBand[] } | undefined;
    for (const layer of bands.layers) {
      const v = inForce(layer.versions, bp);
      if (v) version = v;
    }
    if (!version) continue;
    const from = bp ?? version.from;
    const period = from ? { period: `（自 ${from} 起）`, periodEn: ` (from ${from})` } : { period: '', periodEn: '' };
    const bs: B[] = [];
    let comparable = true;
    for (const band of version.body) {
      const lo = constant(band.lower.value, bp, param);
      const hi = constant(band.upper.value, bp, param);
      if (lo === undefined || hi === undefined) {
        comparable = false;
        continue;
      }
      const b = { band, lo, hi, span: bandSpan(band) };
      if (lo !== null && hi !== null && (lo.gt(hi) || (lo.eq(hi) && !(band.lower.inclusive && band.upper.inclusive)))) {
        say('XC042', b.span, { band: show(b, t) });
        continue;
      }
      bs.push(b);
    }
    if (!comparable) continue;
    bs.sort((a, b) => {
      if (a.lo === null || b.lo === null) return a.lo === b.lo ? 0 : a.lo === null ? -1 : 1;
      const c = a.lo.cmp(b.lo);
      return c !== 0 ? c : a.band.lower.inclusive === b.band.lower.inclusive ? 0 : a.band.lower.inclusive ? -1 : 1;
    });
    for (let i = 1; i < bs.length; i++) {
      const prev = bs[i - 1];
      const cur = bs[i];
      const related = [{ span: prev.span, message: { zh: `前一档 ${show(prev, t)}`, en: `the previous band ${show(prev, t)}` } }];
      const args = { name: bands.name, a: show(prev, t), b: show(cur, t), ...period };
      if (prev.hi === null || cur.lo === null) {
        say('XC040', cur.span, args, { related });
        continue;
      }
      const c = prev.hi.cmp(cur.lo);
      const iu = prev.band.upper.inclusive;
      const il = cur.band.lower.inclusive;
      if (c > 0 || (c === 0 && iu && il)) {
        say('XC040', cur.span, args, { related });
      } else if (c < 0 || (!iu && !il)) {
        const gap = c === 0 ? fmt(prev.hi, t) : `${iu ? '(' : '['}${fmt(prev.hi, t)}, ${fmt(cur.lo, t)}${il ? ')' : ']'}`;
        say('XC041', cur.span, { ...args, gap }, { related });
      }
    }
  }
}
