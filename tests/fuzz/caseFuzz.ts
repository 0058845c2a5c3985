// One generated case against a loaded policy, and its oracle: either input errors that name
// every field given an impossible value, or an outcome whose outputs are finite decimals with
// no leaked JS text and no internal error; negative money is counted apart (see known.ts).
import type { LoadedPolicy } from '../../runtime/outcome.ts';
import type { GeneratedCase } from './caseArb.ts';
import { checkOutcome, type Finding } from './oracle.ts';

export function checkCase(policy: LoadedPolicy, c: GeneratedCase, engine: 'auto' | 'decimal' | 'verify' = 'auto'): Finding[] {
  let o;
  try {
    o = policy.evaluate(c.input, { asOf: c.asOf, parameters: c.parameters, engine });
  } catch (err) {
    const e = err as Error;
    return [{ kind: `${c.hostileOptions ? 'options-' : ''}throws-evaluate-${e?.name ?? typeof err}`, detail: `${e?.message}`.slice(0, 300) }];
  }
  const findings = checkOutcome(o, echoed(c));
  // hostile options (a bad as-of date) may stop the case before its input is validated
  // a structural refusal (forbidden key, not an object, too large, too many unknown keys) stops
  // validation; so does an as-of date or options shape the case cannot run at (XR001/XR002/XR041:
  // runtime/evaluate.ts answers those before reading the input)
  const refused =
    o.inputErrors.some((e) => STOPS_VALIDATION.has(e.code)) ||
    (o.inputErrors.length === 0 && o.errors.some((e) => STOPS_BEFORE_INPUT.has(e.code)));
  for (const field of c.hostileOptions || refused ? [] : c.invalid) {
    if (!o.inputErrors.some((e) => e.path === field || e.path.startsWith(`${field}[`) || e.path.startsWith(`${field}.`))) {
      findings.push({ kind: 'invalid-accepted', detail: `${field} = ${safeJson(c.input[field])}: ${o.ok ? 'ok' : o.inputErrors.map((e) => `${e.code} ${e.path}`).join(', ') || 'no input error'}` });
    }
  }
  for (const f of findings) {
    if (f.kind === 'negative-money') f.kind = c.edge.length || c.hostileOptions ? 'negative-money-edge-input' : 'negative-money-valid-input';
    if (c.hostileOptions && !f.kind.startsWith('options-')) f.kind = `options-${f.kind}`;
  }
  return findings;
}

const STOPS_VALIDATION = new Set(['XI011', 'XI012', 'XI014', 'XI015']);
const STOPS_BEFORE_INPUT = new Set(['XR001', 'XR002', 'XR041']);

function safeJson(v: unknown): string {
  try {
    return (JSON.stringify(v) ?? typeof v).slice(0, 60);
  } catch {
    return `(${typeof v}, too deep to show)`;
  }
}

/** The words a message may rightly contain because the case itself contains them (a message
 * that quotes the given value `NaN` or the string "undefined"). */
function echoed(c: GeneratedCase): Set<string> {
  const words = new Set<string>();
  const seen = (x: unknown, depth: number): void => {
    if (depth > 50) return;
    if (typeof x === 'number' && !Number.isFinite(x)) words.add(String(x).replace('-', ''));
    else if (typeof x === 'string') {
      for (const w of ['NaN', 'Infinity', 'undefined', '[object Object]']) if (x.includes(w)) words.add(w);
    } else if (x && typeof x === 'object') {
      if (typeof x === 'object' && !Array.isArray(x) && Object.keys(x).some((k) => k === 'toString')) words.add('[object Object]');
      for (const v of Object.values(x)) seen(v, depth + 1);
    }
  };
  seen(c.input, 0);
  seen(c.parameters, 0);
  seen(c.asOf, 0);
  return words;
}
