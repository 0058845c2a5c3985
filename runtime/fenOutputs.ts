// The outputs of a case the fen path answered, written from its integers exactly as
// runtime/display.ts writes the decimal: OutputValue per rule (fenOutput), the outputs record
// of a lazy outcome (writerFor: one generated object literal per requested outputs list, each
// numeric value a FenValue that writes its texts when read, runtime/fenValue.ts), and the JSON
// value alone for the batch API (fenJson).
import type { PolicyModel, RtType } from './model.ts';
import type { OutputValue } from './outcome.ts';
import type { OutcomeShape } from './lazyOutcome.ts';
import { outputValue } from './display.ts';
import { groupThousands } from './format.ts';
import { FALLBACK, UNAVAILABLE, POW10, scaledText, moneyScaledText } from './fen.ts';
import { setOwn } from './own.ts';
import { toJson } from './convert.ts';
import { FenValue, MONEY2, type FenKind } from './fenValue.ts';
import { fenValueText } from './fenText.ts';
import { FORBIDDEN_KEYS } from './fastCheck.ts';

const SUFFIX = { days: '天', months: '个月', workdays: '个工作日' } as const;

/** The OutputValue of a fen value, formatted exactly as runtime/display.ts formats the decimal. */
export function fenOutput(M: PolicyModel, t: RtType, v: unknown, scale: number | null): OutputValue {
  if (scale === null) return outputValue(M, t, v);
  const n = v as number;
  switch (t.kind) {
    case 'money': {
      const value = moneyScaledText(n, scale);
      return { type: 'money', value, display: `${groupThousands(value)}元` };
    }
    case 'rate': {
      const value = scaledText(n, scale);
      return { type: 'rate', value, display: `${scale >= 2 ? scaledText(n, scale - 2) : scaledText(n * POW10[2 - scale]!, 0)}%` };
    }
    case 'number': {
      const value = scaledText(n, scale);
      return { type: 'number', value, display: value };
    }
    case 'integer':
    case 'duration': {
      const text = scaledText(n, scale);
      const value = n % POW10[scale]! === 0 ? n / POW10[scale]! : text;
      if (t.kind === 'duration') return { type: t.unit, value, display: `${text}${SUFFIX[t.unit]}` };
      return { type: 'integer', value, display: text };
    }
    default:
      throw FALLBACK;
  }
}

/** How the values of a numeric output at `scale` are written (FenValue), or null for an output
 * the fen path keeps as it is (not numeric: written at once by fenOutput). */
export function kindOf(M: PolicyModel, t: RtType, scale: number | null): FenKind | null {
  if (scale === null) return null;
  if (t.kind === 'money' && scale === 2) return MONEY2;
  switch (t.kind) {
    case 'money':
    case 'rate':
    case 'number':
    case 'integer':
    case 'duration':
      return {
        type: fenOutput(M, t, 0, scale).type,
        value: (n) => fenOutput(M, t, n, scale).value,
        display: (n) => fenOutput(M, t, n, scale).display,
      };
    default:
      return null;
  }
}

/** The kinds of a model's rules (index → kind), made on first need. */
const kinds = new WeakMap<PolicyModel, (FenKind | null | undefined)[]>();
function ruleKind(M: PolicyModel, i: number): FenKind | null {
  let ks = kinds.get(M);
  if (ks === undefined) kinds.set(M, (ks = []));
  let k = ks[i];
  if (k === undefined) k = ks[i] = kindOf(M, M.rules[i]!.type, M.fen!.rules[i]!.scale);
  return k;
}

/** One output of a LazyOutcome: a FenValue (texts on read), or the plain value of a non-numeric one. */
function outputOf(M: PolicyModel, i: number, v: unknown): OutputValue {
  const k = ruleKind(M, i);
  if (k === null) return fenOutput(M, M.rules[i]!.type, v, M.fen!.rules[i]!.scale);
  return new FenValue(k, v as number);
}

/** The outputs of a LazyOutcome, formatted from the fen values exactly as runtime/display.ts
 * formats the decimal; an UNAVAILABLE value is left out (as the decimal path leaves it out). */
export function writeOutputs(M: PolicyModel, which: readonly number[], vals: unknown[]): Record<string, OutputValue> {
  const out: Record<string, OutputValue> = {};
  for (let n = 0; n < which.length; n++) {
    const i = which[n]!;
    if (vals[n] !== UNAVAILABLE) setOwn(out, M.rules[i]!.name, outputOf(M, i, vals[n]));
  }
  return out;
}

/** Money in fen, as fenOutput writes it at scale 2 (its texts on read). */
function moneyOut2(n: number): OutputValue {
  return new FenValue(MONEY2, n);
}

/** The writer of the outputs record for these requested rules: one generated function whose
 * object literal has the outputs' names in order (one object shape, no store per key), money in
 * fen written by moneyOut2. writeOutputs itself when a name needs care (a "__proto__" or
 * "constructor" key, a name that is an array index, a name asked twice) or when `new Function`
 * is not allowed. Same record, same key order, same values. */
export function writerFor(M: PolicyModel, which: readonly number[]): OutcomeShape['write'] {
  const generic = (vals: unknown[]) => writeOutputs(M, which, vals);
  const F = M.fen!;
  const names = new Set<string>();
  const fields: string[] = [];
  const outs: ((v: unknown) => OutputValue)[] = [];
  for (let n = 0; n < which.length; n++) {
    const i = which[n]!;
    const R = M.rules[i]!;
    if (FORBIDDEN_KEYS.has(R.name) || names.has(R.name) || /^\d/.test(R.name)) return generic;
    names.add(R.name);
    if (R.type.kind === 'money' && F.rules[i]!.scale === 2) fields.push(`${JSON.stringify(R.name)}: M2(v[${n}])`);
    else {
      outs.push((v) => outputOf(M, i, v));
      fields.push(`${JSON.stringify(R.name)}: G[${outs.length - 1}](v[${n}])`);
    }
  }
  try {
    const make = new Function('M2', 'G', `"use strict"; return function write(v) { return { ${fields.join(', ')} }; };`);
    return make(moneyOut2, outs) as OutcomeShape['write'];
  } catch {
    return generic;
  }
}

/** The JSON value of a fen value (OutputValue.value without the display text). */
export function fenJson(M: PolicyModel, t: RtType, v: unknown, scale: number | null): unknown {
  if (scale === null) return toJson(M, t, v);
  const n = v as number;
  switch (t.kind) {
    case 'money':
      return scale === 2 ? fenValueText(n) : moneyScaledText(n, scale);
    case 'rate':
    case 'number':
      return scaledText(n, scale);
    default:
      return n % POW10[scale]! === 0 ? n / POW10[scale]! : scaledText(n, scale);
  }
}
