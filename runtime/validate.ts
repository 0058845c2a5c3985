// Case-input validation against the JSON Schema the compiler generates for a policy.
//
// Schema conventions (what code generation emits; see tests/runtime/validate.test.ts):
//   money / number          { "type": ["string", "number"], "format": "decimal", "minimum": 0,
//                           "pattern": the decimal syntax without a minus }
//                           accepts "8000", "8000.00", "-0" and finite JSON numbers ≥ 0;
//                           rejects "", "1e5", "abc", " 1", NaN, Infinity (→ XI004);
//                           "-1.5" or -1.5 → XI008 (at least 0)
//   rate                    { "type": ["string", "number"], "format": "rate", "minimum": 0,
//                           "pattern": the rate syntax without a minus }
//                           a decimal as above, or a percentage / per mille: "30%", "0.5‰" (→ XI013);
//                           "-5%" or -0.05 → XI008 (at least 0)
//   date                    { "type": "string", "format": "date" }  YYYY-MM-DD, must exist (→ XI005)
//   integer / days / months { "type": "integer", "minimum": 0 }  (a negative count → XI008)
//   a field with 范围 lo..hi   money/number/rate: no default bound, "minimum": lo, "maximum": hi
//                           (JSON numbers) and "decimalRange": [lo, hi] (texts, exact); integer
//                           and durations: "minimum": lo, "maximum": hi (outside → XI008)
//   boolean / text          { "type": "boolean" } / { "type": "string" }
//   enum                    { "enum": ["工亡", "伤残", …] }  member names (→ XI003)
//   list[T]                 { "type": "array", "items": T }
//   record / the root       { "type": "object", "properties": …, "required": […],
//                             "additionalProperties": false }
// Paths are written 供养亲属[1].出生日期 (keys with . [ ] or quotes as ["a.b"]); the root is "".
//
// Keys __proto__, constructor and prototype are refused anywhere in the input (XI011); when
// any is present only those errors are reported and the schema is not run. The input is never
// mutated (no defaults, coercion or removal) and Object.prototype is never touched. At most
// MAX_CASE_ERRORS errors are listed, then one XI014 counts the rest. ajv runs in strict mode.
import type { AnySchema, ErrorObject } from 'ajv';
import { ajvClass } from './ajvClass.ts';
import { DECIMAL_RE, RATE_RE } from './money.ts';
import { isValidDate } from './dates.ts';
import { inputMessages } from './messages.ts';
import { MAX_CASE_ERRORS, MAX_DATA_DEPTH } from './limits.ts';
import { capList } from './failures.ts';
import { showValue } from './showValue.ts';
import { sizeErrors } from './inputSize.ts';
import { FORBIDDEN_KEYS } from './fastCheck.ts';
import { outsideEnd } from './inputRange.ts';

export interface InputError {
  /** Data path, e.g. "供养亲属[1].出生日期"; "" is the whole input. */
  path: string;
  /** XI001… */
  code: string;
  message: { zh: string; en: string };
  hint?: { zh: string; en: string };
}

export type InputValidator = (input: unknown) => InputError[];

/** The decimal syntax as a JSON Schema pattern (for schemas that prefer "pattern"). */
export const DECIMAL_PATTERN = DECIMAL_RE.source;

const MAX_DEPTH = MAX_DATA_DEPTH;

export function inputError(code: string, path: string, args: Record<string, string> = {}): InputError {
  const t = inputMessages[code];
  if (!t) throw new Error(`internal: no message template for ${code}`);
  const e: InputError = { path, code, message: { zh: t.zh({ ...args, path }), en: t.en({ ...args, path }) } };
  if (t.hintZh && t.hintEn) e.hint = { zh: t.hintZh({ ...args, path }), en: t.hintEn({ ...args, path }) };
  return e;
}

/** Text form of an input error: "XI001 …zh…" / "XI001 …en…" / both (zh first) with hints. */
export function inputErrorToText(e: InputError, lang: 'zh' | 'en' | 'both' = 'both'): string {
  const zh = `${e.code} ${e.message.zh}${e.hint ? `（${e.hint.zh}）` : ''}`;
  const en = `${e.code} ${e.message.en}${e.hint ? ` (${e.hint.en})` : ''}`;
  return lang === 'zh' ? zh : lang === 'en' ? en : `${zh}\n${en}`;
}

/** Joins path segments: ['供养亲属', 1, '出生日期'] → "供养亲属[1].出生日期". */
export function formatInputPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[^.[\]"'\s]+$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

// Compiling a province's schema with ajv takes milliseconds, and the policies a host loads
// one after another (an editor's keystrokes, the fuzzer's mutants) mostly have the same inputs:
// validators are kept by the schema's JSON text (a validator is a pure function of its schema).
const MAX_VALIDATORS = 32;
const validators = new Map<string, InputValidator>();
let keep = true;

/** false: compile every schema afresh (benchmarks measure against it). Clears the kept ones. */
export function setValidatorCache(on: boolean): void {
  keep = on;
  validators.clear();
}

export function createValidator(schema: AnySchema): InputValidator {
  if (!keep) return compileValidator(schema);
  const key = JSON.stringify(schema);
  let v = validators.get(key);
  if (v === undefined) {
    v = compileValidator(schema);
    validators.set(key, v);
    if (validators.size > MAX_VALIDATORS) validators.delete(validators.keys().next().value as string);
  }
  return v;
}

function compileValidator(schema: AnySchema): InputValidator {
  const Ajv = ajvClass();
  // strict: an unknown keyword or format, or a keyword that cannot apply to the declared type,
  // is a defect of the schema (it would silently check nothing), so compiling it throws
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, strictNumbers: true, ownProperties: true, verbose: true });
  ajv.addFormat('decimal', { type: 'string', validate: (s: string) => DECIMAL_RE.test(s) });
  ajv.addFormat('rate', { type: 'string', validate: (s: string) => RATE_RE.test(s) });
  ajv.addFormat('date', { type: 'string', validate: (s: string) => isValidDate(s) });
  // a field's `范围` on a decimal (or rate) text, compared exactly; a JSON number is bounded by
  // the standard minimum/maximum beside it (runtime/inputRange.ts)
  ajv.addKeyword({
    keyword: 'decimalRange',
    type: 'string',
    schemaType: 'array',
    validate: (range: unknown, data: unknown, parent?: unknown) => outsideEnd(data, range as [string, string], (parent as { format?: string } | undefined)?.format === 'rate') === null,
  });
  const check = ajv.compile(schema);

  return (input: unknown): InputError[] => {
    // many unknown keys or an over-long list or text: stop before walking every key again
    // and before ajv builds an error per item (runtime/inputSize.ts)
    const big = sizeErrors(schema, input);
    if (big !== null) return big;
    const bad = forbiddenKeys(input);
    if (bad.length > 0) return capped(bad);
    if (check(input)) return [];
    const out: InputError[] = [];
    const seen = new Set<string>();
    let more = 0;
    for (const err of check.errors ?? []) {
      // past the listed errors only count them, without building messages: one per place (a
      // bad decimal fails both its format and its pattern), one per missing or unknown key
      if (out.length >= MAX_CASE_ERRORS) {
        const p = err.params as { missingProperty?: unknown; additionalProperty?: unknown };
        const k = `#${err.instancePath}|${String(p.missingProperty ?? p.additionalProperty ?? '')}`;
        if (!seen.has(k)) {
          seen.add(k);
          more++;
        }
        continue;
      }
      const e = toInputError(err, input);
      const k = `${e.code}|${e.path}|${e.message.en}`;
      if (!seen.has(k)) {
        seen.add(k);
        out.push(e);
      }
    }
    if (more > 0) out.push(inputError('XI014', '', { count: String(more), limit: String(MAX_CASE_ERRORS) }));
    return out;
  };
}

/** At most MAX_CASE_ERRORS errors, then one XI014 counting the rest. */
function capped(errors: InputError[]): InputError[] {
  if (errors.length > MAX_CASE_ERRORS) capList(errors, 0, (count, limit) => inputError('XI014', '', { count, limit }));
  return errors;
}

const NONE: InputError[] = [];
/** Scratch path and ancestor stacks of forbiddenKeys, reused between calls (a re-entrant call,
 * e.g. from a getter in the input, gets its own). */
const PATH: (string | number)[] = [];
const ANCESTORS: object[] = [];
let scanning = false;

/** XI011 for every forbidden key and XI012 where nesting exceeds MAX_DEPTH, in depth-first
 * order; allocates only when it finds something (the result is then a new array). */
function forbiddenKeys(input: unknown): InputError[] {
  if (typeof input !== 'object' || input === null) return NONE;
  const shared = !scanning;
  const path = shared ? PATH : [];
  const ancestors = shared ? ANCESTORS : [];
  scanning = true;
  try {
    path.length = 0;
    ancestors.length = 0;
    return scanKeys(input, path, ancestors, null) ?? NONE;
  } finally {
    if (shared) {
      scanning = false;
      path.length = 0;
      ancestors.length = 0;
    }
  }
}

/** Scans `v` (reached by `path`, not among its `ancestors`); returns `out`, created on the first find. */
function scanKeys(v: object, path: (string | number)[], ancestors: object[], out: InputError[] | null): InputError[] | null {
  if (path.length > MAX_DEPTH) {
    (out ??= []).push(inputError('XI012', formatInputPath(path), { limit: String(MAX_DEPTH) }));
    return out;
  }
  ancestors.push(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) continue; // holes are skipped (as forEach does)
      const x: unknown = v[i];
      if (typeof x === 'object' && x !== null && !ancestors.includes(x)) {
        path.push(i);
        out = scanKeys(x, path, ancestors, out);
        path.pop();
      }
    }
  } else {
    const keys = Object.keys(v);
    for (let n = 0; n < keys.length; n++) {
      const k = keys[n]!;
      if (FORBIDDEN_KEYS.has(k)) {
        path.push(k);
        (out ??= []).push(inputError('XI011', formatInputPath(path), { key: k }));
        path.pop();
        continue;
      }
      const x: unknown = (v as Record<string, unknown>)[k];
      if (typeof x === 'object' && x !== null && !ancestors.includes(x)) {
        path.push(k);
        out = scanKeys(x, path, ancestors, out);
        path.pop();
      }
    }
  }
  ancestors.pop();
  return out;
}

/** JSON-pointer instance path → segments, numbering only real array indexes. */
function segmentsOf(pointer: string, root: unknown): (string | number)[] {
  if (pointer === '') return [];
  const segs: (string | number)[] = [];
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur) && /^\d+$/.test(key)) {
      segs.push(Number(key));
      cur = cur[Number(key)];
    } else {
      segs.push(key);
      cur = typeof cur === 'object' && cur !== null && Object.hasOwn(cur, key) ? (cur as Record<string, unknown>)[key] : undefined;
    }
  }
  return segs;
}

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['文本', 'text'],
  number: ['数值', 'a number'],
  integer: ['整数', 'an integer'],
  boolean: ['布尔值（true/false）', 'a boolean (true/false)'],
  object: ['对象（记录）', 'an object (record)'],
  array: ['列表', 'a list'],
  null: ['空值', 'null'],
};

function actualType(v: unknown): [string, string] {
  if (v === null) return ['空值 null', 'null'];
  if (Array.isArray(v)) return ['列表', 'a list'];
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return [`非有限数 ${showValue(v)}`, `the non-finite number ${showValue(v)}`];
    return Number.isInteger(v) ? [`整数 ${v}`, `the integer ${v}`] : [`小数 ${v}`, `the number ${v}`];
  }
  if (typeof v === 'string') return [`文本 ${show(v)}`, `the text ${show(v)}`];
  if (typeof v === 'boolean') return [`布尔值 ${v}`, `the boolean ${v}`];
  if (typeof v === 'object') return ['对象', 'an object'];
  return [showValue(v), showValue(v)]; // undefined, a symbol, a function, a bigint: never the word undefined
}

/** one argument only: used with Array.map, whose index must not become showValue's length */
const show = (v: unknown): string => showValue(v);

type SchemaLike = { format?: unknown; pattern?: unknown; minimum?: unknown; properties?: Record<string, unknown> } | undefined;

function toInputError(err: ErrorObject, root: unknown): InputError {
  const segs = segmentsOf(err.instancePath, root);
  const path = formatInputPath(segs);
  const p = err.params as Record<string, unknown>;
  const parent = (typeof err.parentSchema === 'object' ? err.parentSchema : undefined) as SchemaLike;
  const isDecimal = parent?.format === 'decimal' || parent?.pattern === DECIMAL_PATTERN;
  const isRate = parent?.format === 'rate';
  const isDate = parent?.format === 'date';
  // the offending value, rendered only by the errors that quote it (err.data of an
  // unknown-key error is the whole object)
  let shown: string | undefined;
  const valueOf = (): string => (shown ??= show(err.data));

  switch (err.keyword) {
    case 'required':
      return inputError('XI001', formatInputPath([...segs, String(p.missingProperty)]));
    case 'additionalProperties': {
      const known = parent?.properties ? Object.keys(parent.properties).join(', ') : '';
      return inputError('XI007', formatInputPath([...segs, String(p.additionalProperty)]), { parent: path, known });
    }
    case 'type': {
      if (isDecimal) return inputError('XI004', path, { value: valueOf() });
      if (isRate) return inputError('XI013', path, { value: valueOf() });
      if (isDate) return inputError('XI005', path, { value: valueOf() });
      const types = String(p.type).split(',');
      const [azh, aen] = actualType(err.data);
      return inputError('XI002', path, {
        expected: types.map((t) => TYPE_NAMES[t]?.[0] ?? t).join('或'),
        expectedEn: types.map((t) => TYPE_NAMES[t]?.[1] ?? t).join(' or '),
        actual: azh,
        actualEn: aen,
      });
    }
    case 'enum':
      return inputError('XI003', path, { value: valueOf(), allowed: (p.allowedValues as unknown[]).map(show).join(', ') });
    case 'const':
      return inputError('XI003', path, { value: valueOf(), allowed: show(p.allowedValue) });
    case 'format':
      if (p.format === 'decimal') return inputError('XI004', path, { value: valueOf() });
      if (p.format === 'rate') return inputError('XI013', path, { value: valueOf() });
      if (p.format === 'date') return inputError('XI005', path, { value: valueOf() });
      return inputError('XI006', path, { value: valueOf(), pattern: String(p.format) });
    case 'pattern': {
      // a money, number or rate text below the schema's minimum: the pattern is the type's
      // syntax without a minus, so a text of the full syntax that fails it is negative
      const syntax = isDecimal ? DECIMAL_RE : isRate ? RATE_RE : null;
      if (syntax && typeof parent?.minimum === 'number' && typeof err.data === 'string' && syntax.test(err.data)) {
        return inputError('XI008', path, { value: valueOf(), limit: String(parent.minimum), cmpZh: '大于或等于', cmpEn: 'at least' });
      }
      if (isDecimal) return inputError('XI004', path, { value: valueOf() });
      if (isRate) return inputError('XI013', path, { value: valueOf() });
      return inputError('XI006', path, { value: valueOf(), pattern: String(p.pattern) });
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const c = String(p.comparison);
      const cmp: Record<string, [string, string]> = {
        '>=': ['大于或等于', 'at least'],
        '>': ['大于', 'greater than'],
        '<=': ['小于或等于', 'at most'],
        '<': ['小于', 'less than'],
      };
      return inputError('XI008', path, { value: valueOf(), limit: String(p.limit), cmpZh: cmp[c]?.[0] ?? c, cmpEn: cmp[c]?.[1] ?? c });
    }
    case 'decimalRange': {
      const range = (parent as { decimalRange?: [string, string] } | undefined)?.decimalRange ?? ['', ''];
      const lo = outsideEnd(err.data, range, isRate) === 'lo';
      return inputError('XI008', path, { value: valueOf(), limit: lo ? range[0] : range[1], cmpZh: lo ? '大于或等于' : '小于或等于', cmpEn: lo ? 'at least' : 'at most' });
    }
    case 'minItems':
      return inputError('XI009', path, { ruleZh: `至少应有 ${p.limit} 项`, ruleEn: `must have at least ${p.limit} items` });
    case 'maxItems':
      return inputError('XI009', path, { ruleZh: `最多只能有 ${p.limit} 项`, ruleEn: `must have at most ${p.limit} items` });
    case 'uniqueItems':
      return inputError('XI009', path, {
        ruleZh: `不能有重复项（第 ${p.j} 项与第 ${p.i} 项相同，从 0 起数）`,
        ruleEn: `must not repeat items (items ${p.j} and ${p.i} are equal, counting from 0)`,
      });
    case 'minLength':
      return inputError('XI010', path, { ruleZh: `至少应有 ${p.limit} 个字符`, ruleEn: `must have at least ${p.limit} characters` });
    case 'maxLength':
      return inputError('XI010', path, { ruleZh: `最多只能有 ${p.limit} 个字符`, ruleEn: `must have at most ${p.limit} characters` });
    default:
      return inputError('XI090', path, { keyword: err.keyword, detail: err.message ?? '' });
  }
}
