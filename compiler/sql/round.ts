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
    case 'castDec': case 'tryCastDec': return e.scale;
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

const I = (value: number): SqlExpr => ({ k: 'int', value });
const b = (op: Extract<SqlExpr, { k: 'bin' }>['op'], l: SqlExpr, r: SqlExpr): SqlExpr => ({ k: 'bin', op, l, r });
const iff = (c: SqlExpr, v: SqlExpr, o: SqlExpr): SqlExpr => ({ k: 'case', whens: [{ c, v }], otherwise: o });

/**
 * Binds an integer intermediate to a column computed one step earlier (the lowering's hoist), so
 * each intermediate is written once however often the rounding rules use it. The identity is
 * correct too, only longer.
 */
export type BindInt = (e: SqlExpr) => SqlExpr;
const inline: BindInt = (e) => e;

export function exactRound(x: SqlExpr, s: number, mode: RoundingMode, unit: RoundingUnit, bind: BindInt = inline): SqlExpr {
  const p = PLACES[unit];
  if (s <= p) return { k: 'castDec', x, scale: p }; // nothing to round: widening is exact
  const k = I(10 ** (s - p));
  const n: SqlExpr = bind({ k: 'toInt', x: b('*', x, decLit(String(10 ** s))) });
  const a = bind(iff(b('<', n, I(0)), { k: 'neg', x: n }, n));
  const q: SqlExpr = bind({ k: 'idiv', l: a, r: k });
  const r: SqlExpr = bind({ k: 'imod', l: a, r: k });
  const twoR = b('*', I(2), r);
  const up = (c: SqlExpr) => iff(c, b('+', q, I(1)), q);
  const neg = b('<', n, I(0));
  let signed: SqlExpr;
  switch (mode) {
    case 'half_up': { const m = up(b('>=', twoR, k)); signed = iff(neg, { k: 'neg', x: m }, m); break; }
    case 'half_even': {
      const m = up(b('or', b('>', twoR, k), b('and', b('=', twoR, k), b('=', { k: 'imod', l: q, r: I(2) }, I(1)))));
      signed = iff(neg, { k: 'neg', x: m }, m);
      break;
    }
    case 'floor': signed = iff(neg, { k: 'neg', x: up(b('>', r, I(0))) }, q); break;
    case 'ceil': signed = iff(neg, { k: 'neg', x: q }, up(b('>', r, I(0)))); break;
  }
  const whole: SqlExpr = { k: 'castDec', x: signed, scale: 0 };
  const out = p === 0 ? whole : b('*', whole, decLit((10 ** -p).toFixed(p)));
  return iff({ k: 'isNull', x }, { k: 'null' }, { k: 'castDec', x: out, scale: p });
}

/**
 * round(x ÷ y) to p places in `mode`, exactly: with X = x·10^sx and Y = y·10^sy whole numbers,
 * x ÷ y · 10^p = X·10^(sy−sx+p) ÷ Y, rounded by the same integer rules as exactRound. NULL when y is 0
 * (the JS engine stops with an error there: no figure either way).
 */
export function exactDivRound(x: SqlExpr, sx: number, y: SqlExpr, sy: number, mode: RoundingMode, unit: RoundingUnit, bind: BindInt = inline): SqlExpr {
  const p = PLACES[unit];
  const e = sy - sx + p;
  const X: SqlExpr = bind({ k: 'toInt', x: b('*', x, decLit(String(10 ** sx))) });
  const Y: SqlExpr = bind({ k: 'toInt', x: b('*', y, decLit(String(10 ** sy))) });
  const absX = iff(b('<', X, I(0)), { k: 'neg', x: X }, X);
  const absY = iff(b('<', Y, I(0)), { k: 'neg', x: Y }, Y);
  const N = bind(e >= 0 ? b('*', absX, I(10 ** e)) : absX);
  const D = bind(e >= 0 ? absY : b('*', absY, I(10 ** -e)));
  // a bound quotient is computed for every record, so it keeps the zero guard itself (Spark and
  // Trino raise on division by zero; the CASE below gives NULL there, as before)
  const safe = (v: SqlExpr): SqlExpr => (bind === inline ? v : iff(b('=', D, I(0)), { k: 'null' }, v));
  const q: SqlExpr = bind(safe({ k: 'idiv', l: N, r: D }));
  const r: SqlExpr = bind(safe({ k: 'imod', l: N, r: D }));
  const twoR = b('*', I(2), r);
  const up = (c: SqlExpr) => iff(c, b('+', q, I(1)), q);
  const neg = b('<>', b('<', X, I(0)), b('<', Y, I(0)));
  let signed: SqlExpr;
  switch (mode) {
    case 'half_up': { const m = up(b('>=', twoR, D)); signed = iff(neg, { k: 'neg', x: m }, m); break; }
    case 'half_even': {
      const m = up(b('or', b('>', twoR, D), b('and', b('=', twoR, D), b('=', { k: 'imod', l: q, r: I(2) }, I(1)))));
      signed = iff(neg, { k: 'neg', x: m }, m);
      break;
    }
    case 'floor': signed = iff(neg, { k: 'neg', x: up(b('>', r, I(0))) }, q); break;
    case 'ceil': signed = iff(neg, { k: 'neg', x: q }, up(b('>', r, I(0)))); break;
  }
  const whole: SqlExpr = { k: 'castDec', x: signed, scale: 0 };
  const out = p === 0 ? whole : b('*', whole, decLit((10 ** -p).toFixed(p)));
  return {
    k: 'case',
    whens: [{ c: b('or', { k: 'isNull', x }, { k: 'isNull', x: y }), v: { k: 'null' } }, { c: b('=', Y, I(0)), v: { k: 'null' } }],
    otherwise: { k: 'castDec', x: out, scale: p },
  };
}
