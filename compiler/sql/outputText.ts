// The text of a numeric output as the JS engine writes it, from its typed DECIMAL(38, s) value:
// used by the lowering (the printed query's text columns) and by a population run that keeps the
// values typed through its aggregation and makes text only where a file is written or a shadow
// record compared (cli/population/sqlRun.ts).
import type { SqlExpr } from './sqlIr.ts';

export const NUMERIC_KINDS = new Set(['money', 'rate', 'number', 'integer']);

/** The output text of value `c` (scale `s`) of type kind `kind` (money, rate, number, integer). */
export function numericText(c: SqlExpr, kind: string, s: number | undefined): SqlExpr {
  if (kind === 'money') {
    // JS formatMoney: exactly two decimals when that loses nothing, else every digit
    if (s !== undefined && s <= 2) return { k: 'toText', x: { k: 'castDec', x: c, scale: 2 } };
    return {
      k: 'case',
      whens: [{ c: { k: 'bin', op: '=', l: c, r: { k: 'castDec', x: { k: 'castDec', x: c, scale: 2 }, scale: s ?? 2 } }, v: { k: 'toText', x: { k: 'castDec', x: c, scale: 2 } } }],
      otherwise: { k: 'rtrimZeros', x: { k: 'toText', x: c } },
    };
  }
  return { k: 'rtrimZeros', x: { k: 'toText', x: c } };
}
