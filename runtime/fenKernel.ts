// Straight-line kernels for the fen path. The generic fen functions (runtime/fenEval.ts) read
// through a per-case context: a memo array per rule, a Map lookup per input key, a check of each
// parameter for an override, the version of a rule looked up by date, a call through a
// megamorphic `fn` per rule. For one (requested outputs, as-of date, input keys, override keys)
// all of that is fixed, so this file writes one JavaScript function for it from the rules' token
// text (compiler/codegenFen.ts, `fen.src`): each input read by name and converted inline, absent
// inputs and presence tests constant, versions and non-overridden parameters and enum-keyed
// table cells constants at the date, rule values memoised in closure variables.
//
// A kernel is only an accelerator: it answers a case or says "not sure" (false), and the caller
// then runs the generic fen path, which answers or hands the case to the decimal path. It says
// "not sure" whenever the generic path would not answer at once: a key it does not know, an
// input or override its converter does not take (the converters are the generic path's own),
// a needed input absent, anything thrown. So it never changes an answer or an error.
//
// A shape gets a kernel once it has been seen KERNEL_AFTER times (a one-off case pays nothing).
import { FALLBACK, MISSING } from './fen.ts';
import { pickVersion } from './lookup.ts';
import { needsAt } from './needs.ts';
import type { PolicyModel, RtType } from './model.ts';
import type { Prepared } from './prepared.ts';
import { FORBIDDEN_KEYS, fastValue } from './fastCheck.ts';
import type { OutcomeShape } from './lazyOutcome.ts';

/** Per rule (written by compiler/codegenFen.ts): its body — statements ending in return, in
 * token form — and the rounding applied to its value (places dropped, mode), or null. */
export interface FenSource {
  body: string;
  round: [number, string] | null;
}

/** What the kernel builder needs from runtime/fenEval.ts (passed in: no import cycle). */
export interface KernelHost {
  support: Record<string, unknown>;
  /** a fen context at the date with no overrides: generic param/table lookups go through it */
  ctxAt(asOf: string): unknown;
  /** generic parameter value at the date (fen), throws when not available */
  param(cx: unknown, i: number, at: string | null): unknown;
  table(cx: unknown, i: number, key: unknown, at: string | null): unknown;
  /** a case's scalar input value → its fen value, undefined when not sure (tryConvert with scale
   * and type fixed: the kernel's reader of one input) */
  converter(scale: number | null, t: RtType): (raw: unknown) => unknown;
  /** a validated override value → fen, throws FALLBACK (convertRaw with scale and type fixed) */
  overrider(scale: number | null, t: RtType): (raw: unknown) => unknown;
  /** what writes the outputs record of these requested rules from their fen values */
  writer(which: readonly number[]): OutcomeShape['write'];
  /** a copy of a structured input value deep enough that later changes by the caller do not reach it */
  copy(v: unknown): unknown;
}

/** run(input, given) → the requested fen values, then the case's raw input values in inKeys
 * order, then its raw override values in gKeys order (see OutcomeShape); null when not sure. */
export type KernelRun = (input: Record<string, unknown>, given: Record<string, unknown> | null) => unknown[] | null;

/** The batch API's kernel (runtime/batch.ts): fill(input, given, dst) writes the requested fen
 * values into dst and runs the error-severity checks the case's shape can reach; BATCH_UNSURE
 * (the generic path decides), BATCH_DONE, or BATCH_BLOCKED (an error check holds). */
export type KernelFill = (input: Record<string, unknown>, given: Record<string, unknown> | null, dst: unknown[]) => number;
export const BATCH_UNSURE = 0;
export const BATCH_DONE = 1;
export const BATCH_BLOCKED = 2;

export interface Kernel {
  which: readonly number[];
  asOf: string;
  inKeys: string[];
  gKeys: string[] | null;
  run: KernelRun | null;
  /** the outcome shape of the values run returns (null when there is no run) */
  shape: OutcomeShape | null;
  /** the batch kernel (kernelFor with `checks`), else null */
  fill: KernelFill | null;
  /** the checks it runs (null: an evaluate kernel, which runs none: the outcome runs them on read) */
  checks: readonly boolean[] | null;
}

interface KernelCache {
  last: Kernel | null;
  byKey: Map<string, Kernel>;
  seen: Map<string, number>;
}

export const KERNEL_AFTER = 4;
const BOUNDED = 256;
/** A reference in fen token text (compiler/codegenFen.ts writes them, untoken and subst below read
 * them): \u0001 letter index \u0002, with the call's opening parenthesis when one follows. */
export const FEN_TOKEN = /\u0001([A-Z])(\d*)\u0002(\()?/g;

function sameKeys(o: object, keys: string[]): boolean {
  const pr = Object.getPrototypeOf(o);
  if (pr !== Object.prototype && pr !== null) return false;
  let j = 0;
  for (const k in o) {
    if (keys[j] !== k) return false;
    j++;
  }
  return j === keys.length;
}

function sameWhich(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let n = 0; n < a.length; n++) if (a[n] !== b[n]) return false;
  return true;
}

/** The kernel for this case's shape, or null (not built yet, or the shape is not one a kernel
 * takes). `input` is a plain non-array object. With `checks` (per check, whether to run it): the
 * batch API's kernel (`fill`), else evaluate's (`run`). */
export function kernelFor(
  M: PolicyModel,
  P: Prepared,
  host: KernelHost,
  which: readonly number[],
  asOf: string,
  input: object,
  given: Record<string, unknown> | null,
  checks: readonly boolean[] | null = null,
): Kernel | null {
  let c = P.kernels as KernelCache | null;
  if (c === null) {
    c = { last: null, byKey: new Map(), seen: new Map() };
    P.kernels = c;
  }
  const k = c.last;
  if (
    k !== null &&
    k.asOf === asOf &&
    k.checks === checks &&
    sameWhich(k.which, which) &&
    sameKeys(input, k.inKeys) &&
    (given === null ? k.gKeys === null : k.gKeys !== null && sameKeys(given, k.gKeys))
  ) {
    return k;
  }
  const inKeys = Object.keys(input);
  const gKeys = given === null ? null : Object.keys(given);
  const key = `${checks === null ? '' : `B${checks.join(',')}`}\u0000${which.join(',')}\u0000${asOf}\u0000${inKeys.join('\u0001')}\u0000${gKeys === null ? '\u0002' : gKeys.join('\u0001')}`;
  let found = c.byKey.get(key);
  // the same checks by content (the key has them): keep this caller's array, so the identity test
  // above holds for its next case (a batch call makes a new one)
  if (found !== undefined && checks !== null) found.checks = checks;
  if (found === undefined) {
    const n = (c.seen.get(key) ?? 0) + 1;
    if (c.seen.size >= BOUNDED * 4) c.seen.clear();
    c.seen.set(key, n);
    if (n < KERNEL_AFTER) return null;
    if (c.byKey.size >= BOUNDED) c.byKey.clear();
    let made: KernelRun | KernelFill | null = null;
    try {
      made = build(M, P, host, which.slice(), asOf, inKeys, gKeys, checks);
    } catch {
      made = null; // e.g. no `new Function` under a content security policy: the generic path
    }
    const w = which.slice();
    const run = checks === null ? (made as KernelRun | null) : null;
    const fill = checks === null ? null : (made as KernelFill | null);
    found = { which: w, asOf, inKeys, gKeys, run, fill, checks, shape: run === null ? null : { M, which: w, write: host.writer(w), inKeys, gKeys } };
    c.byKey.set(key, found);
  }
  c.last = found;
  return found;
}

type Fen = NonNullable<PolicyModel['fen']> & { src?: (FenSource | null)[] };

/** The converter of an input value of type t to its fen value (undefined = not sure), as JS text
 * declaring it once per kernel, or null for a value the kernel only checks (fastValue: structured,
 * or numeric without a fen scale). The conversion is runtime/fenConvert.ts tryConvert itself with
 * type and scale fixed (host.converter), so the kernel accepts exactly what the generic fen
 * reader accepts — one rule for negative money, integer counts and text length, not a copy to
 * keep in step. */
function converterText(t: RtType, scale: number | null, konst: (v: unknown) => string): string | null {
  switch (t.kind) {
    case 'money':
    case 'number':
    case 'rate':
    case 'integer':
    case 'duration':
      return scale === null ? null : `H.converter(${scale}, ${konst(t)})`;
    case 'enum':
    case 'boolean':
    case 'date':
    case 'text':
      return `H.converter(null, ${konst(t)})`;
    default:
      return null;
  }
}

/** What every kind of kernel shares, for one shape: `head` declares the constants, converters and
 * rule functions; `reads` are the statements reading one case (each ends a failed read with
 * `return null;`, which an entry point rewrites); `kept` the raw values read, in order; `tail`
 * computes nothing itself: an entry point writes `R<i>()` for each requested rule and
 * `C<c>()` for each check in `runChecks`. `compile(entry)` makes the function from the head
 * and an entry point's text (which ends in `return function …`). */
export interface KernelParts {
  head: string[];
  reads: string[];
  /** per read: whether it reads `input` or `given`, and the key it reads */
  from: [string, string][];
  kept: string[];
  memo: string[];
  which: number[];
  runChecks: number[];
  compile(entry: string[]): unknown;
}

export function kernelParts(
  M: PolicyModel,
  P: Prepared,
  host: KernelHost,
  which: number[],
  asOf: string,
  inKeys: string[],
  gKeys: string[] | null,
  checks: readonly boolean[] | null,
): KernelParts | null {
  const F = M.fen as Fen | undefined;
  if (F === undefined || F.src === undefined) return null;
  const src = F.src;
  if (checks !== null && F.checkSrc === undefined) return null;
  // the shape: every key known and allowed, every required input present
  const present = new Map<number, string>(); // input index → key
  let required = 0;
  for (const k of inKeys) {
    const i = P.inputByName.get(k);
    // an input with 范围 is range-checked by the generic reader (runtime/fenEval.ts load): no kernel
    if (i === undefined || FORBIDDEN_KEYS.has(k) || M.inputs[i]!.range !== undefined) return null;
    present.set(i, k);
    if (!M.inputs[i]!.optional) required++;
  }
  if (required !== P.requiredInputs) return null;
  const overridden = new Map<number, string>();
  for (const k of gKeys ?? []) {
    const i = P.paramIndex.get(k);
    if (i === undefined || FORBIDDEN_KEYS.has(k) || M.params[i]!.range) return null; // as computeFen
    overridden.set(i, k);
  }
  // a requested output whose needed inputs are absent is reported unavailable: not here
  const needs = needsAt(M, P, asOf);
  for (const i of which) {
    if (src[i] === null || src[i] === undefined) return null;
    for (const k of needs.rules[i]!) if (!present.has(k)) return null;
  }
  // the rules reached from the requested ones
  const rules: number[] = [];
  const seen = new Set<number>();
  const visit = (i: number) => {
    if (seen.has(i)) return;
    seen.add(i);
    const s = src[i];
    if (s === null || s === undefined) throw FALLBACK;
    for (const m of s.body.matchAll(FEN_TOKEN)) if (m[1] === 'R') visit(Number(m[2]));
    rules.push(i);
  };
  for (const i of which) visit(i);
  // the checks a batch kernel runs: those asked for whose needed inputs the shape has (the
  // others are skipped, as computeFen skips them); one without token text: no kernel
  const runChecks: number[] = [];
  if (checks !== null) {
    for (let c = 0; c < needs.checks.length; c++) {
      if (!checks[c] || !needs.checks[c]!.every((k) => present.has(k))) continue;
      const s = F.checkSrc![c];
      if (s === null || s === undefined) return null;
      for (const m of s.body.matchAll(FEN_TOKEN)) if (m[1] === 'R') visit(Number(m[2]));
      runChecks.push(c);
    }
  }

  const KX = host.ctxAt(asOf);
  const consts: unknown[] = []; // K[n] in the kernel
  const konst = (v: unknown) => {
    consts.push(v);
    return `K[${consts.length - 1}]`;
  };
  const decls: string[] = [];
  const defined = new Set<string>();
  const once = (name: string, text: () => string) => {
    if (!defined.has(name)) {
      defined.add(name);
      decls.push(text());
    }
    return name;
  };
  const paramConst = (i: number) =>
    once(`p${i}`, () => {
      try {
        return `const p${i} = ${literal(host.param(KX, i, null), konst)};`;
      } catch {
        return `const p${i} = F.fallback;`; // read only through pv(): throws when reached
      }
    });
  // in a check's body an absent input read marks the check skipped (MP) instead of throwing: an
  // exception per case per such check cost more than the rest of the case. Evaluation up to that
  // read is the same; what runs after it can only skip the check too or, if it throws anything
  // but MISSING, hand the case to the generic path — never change an answer.
  const subst = (body: string, inCheck = false) =>
    body.replace(FEN_TOKEN, (_m, l: string, ns: string, paren: string | undefined) => {
      const n = Number(ns);
      const open = paren ?? '';
      switch (l) {
        case 'R':
          return `R${n}()${open}`;
        case 'I':
          return `${present.has(n) ? `i${n}` : inCheck ? 'MP()' : 'MS()'}${open}`;
        case 'H':
          return `${present.has(n)}${open}`;
        case 'P':
          if (overridden.has(n)) return `o${n}${open}`;
          return `PV(${paramConst(n)})${open}`;
        case 'Q':
          // an override wins at every date; the date expression is still evaluated first
          if (overridden.has(n)) return `((at) => o${n})(`;
          return `((at) => F.param(KX, ${n}, at))(`;
        case 'T': {
          const T = M.tables[n]!;
          const name = once(`t${n}`, () => {
            if (T.keyType.kind !== 'enum') return `const t${n} = (k, at) => F.table(KX, ${n}, k, at);`;
            const members = M.enums.find((e) => e.name === (T.keyType as { name: string }).name)?.members ?? [];
            const cells = members.map((_, m) => {
              try {
                return literal(host.table(KX, n, m, null), konst);
              } catch {
                return 'undefined';
              }
            });
            // cells at another date (a date the case gives, e.g. the injury date): the generic
            // lookup, its answers kept for the last such date (cases of a batch repeat it)
            return [
              `const t${n}c = [${cells.join(', ')}];`,
              `let t${n}at = null, t${n}r = null;`,
              `const t${n} = (k, at) => {`,
              `  if (at !== null) {`,
              `    if (at !== t${n}at) { t${n}r = []; t${n}at = at; }`,
              `    let v = t${n}r[k];`,
              `    if (v === undefined) { v = F.table(KX, ${n}, k, at); t${n}r[k] = v; }`,
              `    return v;`,
              `  }`,
              `  const v = t${n}c[k]; if (v === undefined) throw F.FALLBACK; return v;`,
              `};`,
            ].join('\n');
          });
          return `${name}(`;
        }
        case 'V': {
          const v = pickVersion(M.rules[n]!.layers!, asOf);
          return `${v === undefined ? 'F.fallback()' : String(v.value)}${open}`;
        }
        case 'A':
          return `${JSON.stringify(asOf)}${open}`;
        case 'Z':
        case 'Y':
          return open;
        default:
          throw FALLBACK;
      }
    });

  const ruleFns: string[] = [];
  for (const i of rules) {
    const s = src[i]!;
    ruleFns.push(`function B${i}() {\n  ${subst(s.body)}\n}`);
    // the rule's rounding with places and mode fixed (one specialised function per kind, F.rounder)
    let val = `B${i}()`;
    if (s.round !== null) {
      const [k, mode] = s.round;
      const name = `rd${k}_${mode.replace(/\W/g, '_')}`;
      val = `${once(name, () => `const ${name} = F.rounder(${k}, ${JSON.stringify(mode)});`)}(B${i}())`;
    }
    ruleFns.push(`function R${i}() { return r${i} !== undefined ? r${i} : (r${i} = ${val}); }`);
  }
  for (const c of runChecks) ruleFns.push(`function C${c}() {\n  ${subst(F.checkSrc![c]!.body, true)}\n}`);
  if (runChecks.length > 0) ruleFns.push('function MP() { miss = true; return undefined; }');
  // reading the case: each present input converted (or validated, for structured values)
  // (each value read once: it is both converted and kept, raw, for the checks read later)
  const reads: string[] = [];
  const from: [string, string][] = []; // per read: 'input' or 'given', and the key
  const inVars: string[] = [];
  const kept: string[] = [];
  let x = 0;
  for (const [i, k] of present) {
    const I = M.inputs[i]!;
    const conv = converterText(I.type, F.inputScales[i]!, konst);
    const xv = `x${x++}`;
    from.push(['input', k]);
    if (conv === null) {
      // a structured value: checked as fastValid does (the fen rules never read it), kept as a copy
      reads.push(`const ${xv} = input[${JSON.stringify(k)}]; if (!FV(${konst(I.type)}, ${xv})) return null;`);
      kept.push(`CP(${xv})`);
      continue;
    }
    inVars.push(`i${i}`);
    decls.push(`const c${i} = ${conv};`);
    reads.push(`const ${xv} = input[${JSON.stringify(k)}]; if ((i${i} = c${i}(${xv})) === undefined) return null;`);
    kept.push(xv);
  }
  const ovVars: string[] = [];
  for (const [i, k] of overridden) {
    ovVars.push(`o${i}`);
    const xv = `x${x++}`;
    from.push(['given', k]);
    decls.push(`const g${i} = H.overrider(${F.paramScales[i] === null ? 'null' : F.paramScales[i]}, ${konst(M.params[i]!.type)});`);
    reads.push(`const ${xv} = given[${JSON.stringify(k)}]; o${i} = g${i}(${xv});`);
    kept.push(xv);
  }
  const memo = rules.map((i) => `r${i}`);
  const head = [
    '"use strict";',
    'const FV = H.fastValue, PV = H.pv, MS = H.missing, CP = H.copy;',
    `let ${['busy = false', 'miss = false', ...memo, ...inVars, ...ovVars].join(', ')};`,
    ...decls,
    ...ruleFns,
  ];
  const helpers = {
    fastValue: (t: RtType, v: unknown) => fastValue(M, P, t, v),
    pv: (v: unknown) => {
      if (typeof v === 'function') throw FALLBACK;
      return v;
    },
    missing: (): never => {
      throw MISSING;
    },
    copy: host.copy,
    converter: host.converter,
    overrider: host.overrider,
  };
  const compile = (entry: string[]) => new Function('F', 'KX', 'K', 'H', [...head, ...entry].join('\n'))(host.support, KX, consts, helpers);
  return { head, reads, from, kept, memo, which, runChecks, compile };
}

function build(
  M: PolicyModel,
  P: Prepared,
  host: KernelHost,
  which: number[],
  asOf: string,
  inKeys: string[],
  gKeys: string[] | null,
  checks: readonly boolean[] | null,
): KernelRun | KernelFill | null {
  const k = kernelParts(M, P, host, which, asOf, inKeys, gKeys, checks);
  if (k === null) return null;
  const { reads, kept, memo, runChecks } = k;
  // a batch kernel: the values into dst, then the checks (an absent input read on the way skips
  // the check, anything else thrown leaves the case to the generic path, as computeFen does)
  const tail =
    checks === null
      ? [...which.map((i, n) => `    const a${n} = R${i}();`), `    return [${[...which.map((_, n) => `a${n}`), ...kept].join(', ')}];`]
      : [
          ...which.map((i, n) => `    dst[${n}] = R${i}();`),
          ...runChecks.map((c) => `    try { miss = false; if (C${c}() === true && !miss) return 2; } catch (e) { if (e !== F.MISSING) return 0; }`),
          '    return 1;',
        ];
  return k.compile([
    checks === null ? 'return function run(input, given) {' : 'return function fill(input, given, dst) {',
    `  if (busy) return ${checks === null ? 'null' : '0'};`,
    '  busy = true;',
    '  try {',
    ...reads.map((r) => `    ${checks === null ? r : r.replaceAll('return null;', 'return 0;')}`),
    ...(memo.length > 0 ? [`    ${memo.join(' = ')} = undefined;`] : []),
    ...tail,
    '  } catch (e) {',
    `    return ${checks === null ? 'null' : '0'};`,
    '  } finally {',
    '    busy = false;',
    '  }',
    '};',
  ]) as KernelRun | KernelFill;
}

/** A fen constant as JS text (numbers, booleans, dates/texts; anything else a constant slot). */
function literal(v: unknown, konst: (v: unknown) => string): string {
  if (typeof v === 'number' && Number.isFinite(v)) return Object.is(v, -0) ? '0' : String(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  return konst(v);
}
