// Exact rounding in SQL. Engines' own ROUND on DECIMAL is not trusted (DuckDB's round_even was
// wrong on some values), so a value x of scale s is rounded to p places by integer arithmetic:
//   n = x · 10^s (a whole number), a = |n|, k = 10^(s−p), q = a div k, r = a mod k
//   half_up   q + [2r ≥ k]                      (away from zero, 四舍五入)
//   half_even q + [2r > k or (2r = k and q odd)]
//   floor     n ≥ 0: q        n < 0: q + [r > 0]   (toward −∞, sign applied after)
//   ceil      n ≥ 0: q + [r > 0]   n < 0: q
// and the signed result is turned back into a decimal by multiplying with 10^−p, which every
// dialect does exactly on DECIMAL.
import type { SqlExpr } from './sqlIr.ts';
import type { RoundingMode, RoundingUnit } from '../../dsl/ast.ts';

const PLACES: Record<RoundingUnit, number> = { fen: 2, jiao: 1, yuan: 0 };

export function decLit(text: string): SqlExpr {
  const f = text.split('.')[1] ?? '';
  return { k: 'dec', text, scale: f.length };
}

/** Decimal scale of a numeric SQL expression, as DuckDB/Spark/Trino type DECIMAL(38, s) arithmetic. */
export function scaleOf(e: SqlExpr): number {
  switch (e.k) {
    case 'dec': return e.scale;
    case 'castDec': case 'tryCastDec': case 'narrowDec': return e.scale;
    case 'col': return e.scale ?? 0;
    case 'int': return 0;
    case 'neg': return scaleOf(e.x);
    case 'bin':
      if (e.op === '*') return scaleOf(e.l) + scaleOf(e.r);
      if (e.op === '+' || e.op === '-') return Math.max(scaleOf(e.l), scaleOf(e.r));
      return 0;
    case 'case': {
      let s = scaleOf(e.otherwise);
      for (const w of e.whens) s = Math.max(s, scaleOf(w.v));
      return s;
    }
    default: return 0;
  }
}

const I = (value: number | string, wide = false): SqlExpr => (wide ? { k: 'int', value, wide } : { k: 'int', value });
/** 10^n as digits (String(10 ** n) is '1e+21' from n = 21 on, and 10^23 is no double) */
const pow10 = (n: number) => `1${'0'.repeat(n)}`;
const b = (op: Extract<SqlExpr, { k: 'bin' }>['op'], l: SqlExpr, r: SqlExpr): SqlExpr => ({ k: 'bin', op, l, r });
const iff = (c: SqlExpr, v: SqlExpr, o: SqlExpr): SqlExpr => ({ k: 'case', whens: [{ c, v }], otherwise: o });
const absOf = (n: SqlExpr, wide: boolean): SqlExpr => iff(b('<', n, I(0, wide)), { k: 'neg', x: n }, n);

/**
 * Binds an integer intermediate to a column computed one step earlier (the lowering's hoist), so
 * each intermediate is written once however often the rounding rules use it. The identity is
 * correct too, only longer.
 */
export type BindInt = (e: SqlExpr) => SqlExpr;
const inline: BindInt = (e) => e;

/**
 * Where the dialect has a 128-bit integer (DuckDB: DECIMAL(38) is HUGEINT-backed, and every step
 * that divides one — a cast to an integer or to fewer places — costs ≈ 1 µs a value, against
 * ≈ 0.02 µs for DECIMAL(≤ 18), which is int64-backed), the rounding runs on DECIMAL(≤ 18) values
 * and only the rows that do not fit take the 128-bit form (a CASE branch DuckDB evaluates for those
 * rows alone). With a = |x| narrowed to DECIMAL(15, s) (|x| < 10^(15−s)):
 *   g = a cast to p places   only a guess (however the engine rounds it; never trusted)
 *   q = g − unit if a < g, else g;   r = a − q    (exact subtraction)
 *   the guess is used only when 0 ≤ r < unit, which makes q = a truncated to p places and r the
 *   remainder exactly; otherwise the row takes the 128-bit form. Widths are chosen so that
 *   every intermediate type is DECIMAL(≤ 18): g DECIMAL(16−s+p, p), q the same, r DECIMAL(18, s).
 */
const NARROW = 15;

/** How the integer steps of one rounding are built: 64-bit with a fallback (wide) or the dialect's one integer type. */
export interface RoundInts { wide: boolean }

/** The signed rounded quotient of n (signed) by k (> 0) from q = |n| div k, r = |n| mod k. */
function signedQuotient(mode: RoundingMode, neg: SqlExpr, q: SqlExpr, r: SqlExpr, k: SqlExpr, wide: boolean): SqlExpr {
  const twoR = b('*', I(2, wide), r);
  const up = (c: SqlExpr) => iff(c, b('+', q, I(1, wide)), q);
  switch (mode) {
    case 'half_up': { const m = up(b('>=', twoR, k)); return iff(neg, { k: 'neg', x: m }, m); }
    case 'half_even': {
      const m = up(b('or', b('>', twoR, k), b('and', b('=', twoR, k), b('=', { k: 'imod', l: q, r: I(2, wide) }, I(1, wide)))));
      return iff(neg, { k: 'neg', x: m }, m);
    }
    case 'floor': return iff(neg, { k: 'neg', x: up(b('>', r, I(0, wide))) }, q);
    case 'ceil': return iff(neg, { k: 'neg', x: q }, up(b('>', r, I(0, wide))));
  }
}

/** A signed whole number of units of 10^−p back to DECIMAL(38, p). */
function backToDecimal(signed: SqlExpr, p: number): SqlExpr {
  const whole: SqlExpr = { k: 'castDec', x: signed, scale: 0 };
  const out = p === 0 ? whole : b('*', whole, decLit((10 ** -p).toFixed(p)));
  return { k: 'castDec', x: out, scale: p };
}

export function exactRound(x: SqlExpr, s: number, mode: RoundingMode, unit: RoundingUnit, bind: BindInt = inline, ints: RoundInts = { wide: false }): SqlExpr {
  const p = PLACES[unit];
  if (s <= p) return { k: 'castDec', x, scale: p }; // nothing to round: widening is exact
  const scaled = b('*', x, decLit(pow10(s)));
  // the one-integer-type form: Spark/Trino (BIGINT), or DuckDB's fallback (HUGEINT, written inline
  // so that it is computed only for the rows that take it)
  const full = (w: boolean, bnd: BindInt): SqlExpr => {
    const k = I(pow10(s - p), w);
    const n: SqlExpr = bnd({ k: 'toInt', x: scaled, ...(w ? { wide: true } : {}) });
    const a = bnd(absOf(n, w));
    const q: SqlExpr = bnd({ k: 'idiv', l: a, r: k });
    const r: SqlExpr = bnd({ k: 'imod', l: a, r: k });
    return backToDecimal(signedQuotient(mode, b('<', n, I(0, w)), q, r, k, w), p);
  };
  if (!ints.wide) return iff({ k: 'isNull', x }, { k: 'null' }, full(false, bind));
  const unitLit: SqlExpr = { k: 'dec', text: (10 ** -p).toFixed(p), scale: p, width: p + 1 };
  const half: SqlExpr = { k: 'dec', text: (5 * 10 ** -(p + 1)).toFixed(p + 1), scale: p + 1, width: p + 2 };
  const zero: SqlExpr = { k: 'dec', text: '0', scale: 0, width: 1 };
  const xn = bind({ k: 'narrowDec', x, scale: s, width: NARROW });
  const a = bind(iff(b('<', xn, zero), { k: 'neg', x: xn }, xn));
  const g = bind({ k: 'castDec', x: a, scale: p, width: NARROW + 1 - s + p });
  const q = bind(iff(b('<', a, g), b('-', g, unitLit), g));
  const r = bind(b('-', a, q));
  const up = (c: SqlExpr): SqlExpr => iff(c, b('+', q, unitLit), q);
  // q odd: its last digit at p places (text, only for the rows on an exact tie)
  const odd: SqlExpr = { k: 'in', x: { k: 'lastChar', x: { k: 'toText', x: q } }, items: ['1', '3', '5', '7', '9'].map((d) => ({ k: 'str', value: d }) as SqlExpr) };
  // the magnitude of the result for x ≥ 0 (pos) and for x < 0 (negMag)
  let pos: SqlExpr, negMag: SqlExpr;
  switch (mode) {
    case 'half_up': pos = negMag = up(b('>=', r, half)); break;
    case 'half_even': pos = negMag = { k: 'case', whens: [{ c: b('>', r, half), v: b('+', q, unitLit) }, { c: b('=', r, half), v: iff(odd, b('+', q, unitLit), q) }], otherwise: q }; break;
    case 'floor': pos = q; negMag = up(b('>', r, zero)); break;
    case 'ceil': pos = up(b('>', r, zero)); negMag = q; break;
  }
  const signed: SqlExpr = iff(b('<', xn, zero), { k: 'neg', x: negMag }, pos);
  return {
    k: 'case',
    whens: [
      { c: { k: 'isNull', x }, v: { k: 'null' } },
      { c: b('and', b('>=', r, zero), b('<', r, unitLit)), v: { k: 'castDec', x: signed, scale: p } },
    ],
    otherwise: wideRound(x, s, p, mode),
  };
}

/**
 * DuckDB's fallback of exactRound for the rows the DECIMAL(15) form does not take, in DECIMAL(38)
 * without scaling x to an integer: x · 10^s needs s more integer digits than x has, so a value
 * of 23 integer digits at 8 places (10²⁰ 元 × a rate of 6 places) overflowed there and failed
 * the whole run, though the value and its rounding fit. Here, with a = |x|:
 *   u = trunc(a) · 10^p + trunc((a − trunc(a)) · 10^p)   whole units of 10^−p (a truncated)
 *   r = a − u · 10^−p                                     the remainder, 0 ≤ r < 10^−p, exact
 * then the mode's rule on r against half a unit, as above. trunc(a) < 10^(38−s) and s > p, so
 * u · 10^−p never needs more digits than x.
 */
function wideRound(x: SqlExpr, s: number, p: number, mode: RoundingMode): SqlExpr {
  // 10^−p and half of it as digits, never through a double
  const unit: SqlExpr = decLit(p === 0 ? '1' : `0.${'0'.repeat(p - 1)}1`);
  const half: SqlExpr = decLit(`0.${'0'.repeat(p)}5`);
  const zero: SqlExpr = decLit('0');
  const shift: SqlExpr = decLit(pow10(p));
  const a = iff(b('<', x, zero), { k: 'neg', x }, x);
  const ia: SqlExpr = { k: 'trunc', x: a };
  const u: SqlExpr = { k: 'castDec', x: b('+', b('*', ia, shift), { k: 'trunc', x: b('*', b('-', a, ia), shift) }), scale: 0 };
  const units = (v: SqlExpr): SqlExpr => (p === 0 ? v : b('*', v, unit));
  const r = b('-', a, units(u));
  const up = (c: SqlExpr): SqlExpr => iff(c, b('+', u, decLit('1')), u);
  const odd = b('=', { k: 'imod', l: { k: 'toInt', x: u, wide: true }, r: I(2, true) }, I(1, true));
  let pos: SqlExpr, negMag: SqlExpr;
  switch (mode) {
    case 'half_up': pos = negMag = up(b('>=', r, half)); break;
    case 'half_even': pos = negMag = up(b('or', b('>', r, half), b('and', b('=', r, half), odd))); break;
    case 'floor': pos = u; negMag = up(b('>', r, zero)); break;
    case 'ceil': pos = up(b('>', r, zero)); negMag = u; break;
  }
  return iff(b('<', x, zero), { k: 'neg', x: backToDecimal(negMag, p) }, backToDecimal(pos, p));
}

/**
 * round(x ÷ y) to p places in `mode`, exactly: with X = x·10^sx and Y = y·10^sy whole numbers,
 * x ÷ y · 10^p = X·10^(sy−sx+p) ÷ Y, rounded by the same integer rules as exactRound. NULL when y is 0
 * (the JS engine stops with an error there: no figure either way).
 */
export function exactDivRound(x: SqlExpr, sx: number, y: SqlExpr, sy: number, mode: RoundingMode, unit: RoundingUnit, bind: BindInt = inline, ints: RoundInts = { wide: false }): SqlExpr {
  const p = PLACES[unit];
  const e = sy - sx + p;
  const scaledX = b('*', x, decLit(pow10(sx)));
  const scaledY = b('*', y, decLit(pow10(sy)));
  const full = (w: boolean, bnd: BindInt): { Y: SqlExpr; value: SqlExpr } => {
    const X: SqlExpr = bnd({ k: 'toInt', x: scaledX, ...(w ? { wide: true } : {}) });
    const Y: SqlExpr = bnd({ k: 'toInt', x: scaledY, ...(w ? { wide: true } : {}) });
    const N = bnd(e >= 0 ? b('*', absOf(X, w), I(pow10(e), w)) : absOf(X, w));
    const D = bnd(e >= 0 ? absOf(Y, w) : b('*', absOf(Y, w), I(pow10(-e), w)));
    // a bound quotient is computed for every record, so it keeps the zero guard itself (Spark and
    // Trino raise on division by zero; the CASE below gives NULL there, as before)
    const safe = (v: SqlExpr): SqlExpr => (bnd === inline ? v : iff(b('=', D, I(0, w)), { k: 'null' }, v));
    const q: SqlExpr = bnd(safe({ k: 'idiv', l: N, r: D }));
    const r: SqlExpr = bnd(safe({ k: 'imod', l: N, r: D }));
    const neg = b('<>', b('<', X, I(0, w)), b('<', Y, I(0, w)));
    return { Y, value: backToDecimal(signedQuotient(mode, neg, q, r, D, w), p) };
  };
  const absent = b('or', { k: 'isNull', x }, { k: 'isNull', x: y });
  if (!ints.wide) {
    const f = full(false, bind);
    return { k: 'case', whens: [{ c: absent, v: { k: 'null' } }, { c: b('=', f.Y, I(0)), v: { k: 'null' } }], otherwise: f.value };
  }
  // the 128-bit form (division is rare in policies; the 64-bit split of exactRound is not worth it here)
  const f = full(true, bind);
  return { k: 'case', whens: [{ c: absent, v: { k: 'null' } }, { c: b('=', f.Y, I(0, true)), v: { k: 'null' } }], otherwise: f.value };
}
