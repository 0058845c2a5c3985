// Band pass: in every version (each one wins for some period, bands are replaced as a whole)
// the bands, sorted by lower bound, must be non-empty (XC042), must not overlap (XC040) and
// must leave no gap (XC041). Bounds are compared exactly with decimal.js; whether an end is
// inclusive matters: [0,50) [50,100] is contiguous, [0,50] [50,…] overlaps at 50, [0,50)
// (50,…] misses 50. Bounds that are not literals (e.g. parameters) are not compared.
import Decimal from 'decimal.js';
import type { Span } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import type { IrBand, IrBands, IrExpr, XType } from './ir.ts';
import { report } from './messages.ts';

function literal(e: IrExpr | null): Decimal | null | undefined {
  if (e === null) return null; // infinite
  if (e.k === 'lit' && typeof e.value === 'string' && e.value !== '') return new Decimal(e.value);
  if (e.k === 'neg') {
    const v = literal(e.operand);
    return v ? v.neg() : undefined;
  }
  return undefined; // not comparable
}

function fmt(d: Decimal, t: XType): string {
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

export function checkBands(bands: IrBands, diags: Diagnostic[]): void {
  const t = bands.keyType;
  const extra = bands.cite ? { cite: bands.cite } : {};
  for (const layer of bands.layers) {
    for (const version of layer.versions) {
      const period = version.from ? { period: `（自 ${version.from} 起）`, periodEn: ` (from ${version.from})` } : { period: '', periodEn: '' };
      const bs: B[] = [];
      let comparable = true;
      for (const band of version.body) {
        const lo = literal(band.lower.value);
        const hi = literal(band.upper.value);
        if (lo === undefined || hi === undefined) {
          comparable = false;
          continue;
        }
        const b = { band, lo, hi, span: bandSpan(band) };
        if (lo !== null && hi !== null && (lo.gt(hi) || (lo.eq(hi) && !(band.lower.inclusive && band.upper.inclusive)))) {
          report(diags, 'XC042', b.span, { band: show(b, t) }, extra);
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
          report(diags, 'XC040', cur.span, args, { ...extra, related });
          continue;
        }
        const c = prev.hi.cmp(cur.lo);
        const iu = prev.band.upper.inclusive;
        const il = cur.band.lower.inclusive;
        if (c > 0 || (c === 0 && iu && il)) {
          report(diags, 'XC040', cur.span, args, { ...extra, related });
        } else if (c < 0 || (!iu && !il)) {
          const gap = c === 0 ? fmt(prev.hi, t) : `${iu ? '(' : '['}${fmt(prev.hi, t)}, ${fmt(cur.lo, t)}${il ? ')' : ']'}`;
          report(diags, 'XC041', cur.span, { ...args, gap }, { ...extra, related });
        }
      }
    }
  }
}
