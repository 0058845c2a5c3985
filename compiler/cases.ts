// Golden cases (docs/architecture.md, "Golden cases"): the one loader of `*.cases.yaml` suites
// for the CLI, the tests and the playground. No Node API: it takes text and a file name.
//
//   parseCaseSuite(text, file)          → { policy?, cases, diagnostics (XT…) }
//   compareOutcome(case, outcome, ir)   → per-field pass/fail with expected vs actual
//
// A file without `cases:` is read as a single case (handy for `xize run --case one.yaml`).
// Expected values: money/rate/number compare by decimal value ("86400" = "86400.00" = 86400),
// rates may be written as percentages ("60%", "0.5‰"), integers and durations as numbers,
// booleans as true/false (or 真/假), dates/enums/text as text, lists as lists; `null` (or
// `unavailable` / `不可用`) expects the output to be unavailable (optional inputs missing).
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node as YamlNode, type Document } from 'yaml';
import Decimal from 'decimal.js';
import type { Span } from '../dsl/ast.ts';
import { makeDiagnostic, type Catalog, type Diagnostic } from '../dsl/diagnostic.ts';
import type { IrPolicy, XType } from './ir.ts';
import type { LoadedPolicy, Outcome, OutputValue } from '../runtime/outcome.ts';

// ---------------------------------------------------------------- messages

export const caseMessages: Catalog = {
  XT001: {
    severity: 'error',
    zh: (a) => `YAML 语法错误：${a.detail}`,
    en: (a) => `YAML syntax error: ${a.detail}`,
  },
  XT002: {
    severity: 'error',
    zh: () => `案例文件的顶层应为映射（含 cases: 列表）`,
    en: () => `the top level of a case file must be a mapping (with a cases: list)`,
  },
  XT003: {
    severity: 'error',
    zh: () => `cases 应为案例列表`,
    en: () => `cases must be a list of cases`,
  },
  XT004: {
    severity: 'error',
    zh: () => `每个案例应为映射（id、as_of、input、expected …）`,
    en: () => `each case must be a mapping (id, as_of, input, expected …)`,
  },
  XT005: {
    severity: 'error',
    zh: () => `案例缺少 id（非空文本）`,
    en: () => `the case has no id (a non-empty text)`,
  },
  XT006: {
    severity: 'error',
    zh: (a) => `案例 id “${a.id}” 重复`,
    en: (a) => `duplicate case id "${a.id}"`,
  },
  XT007: {
    severity: 'error',
    zh: (a) => `案例“${a.id}”的 as_of 应为日期 YYYY-MM-DD，实际为 ${a.value}`,
    en: (a) => `as_of of case "${a.id}" must be a date YYYY-MM-DD, got ${a.value}`,
  },
  XT008: {
    severity: 'error',
    zh: (a) => `案例“${a.id}”的 ${a.key} 应为映射`,
    en: (a) => `${a.key} of case "${a.id}" must be a mapping`,
  },
  XT009: {
    severity: 'error',
    zh: (a) => `案例“${a.id}”的 ${a.key} 应为文本列表`,
    en: (a) => `${a.key} of case "${a.id}" must be a list of texts`,
  },
  XT010: {
    severity: 'warning',
    zh: (a) => `案例“${a.id}”中有未知字段“${a.key}”（已忽略）`,
    en: (a) => `unknown key "${a.key}" in case "${a.id}" (ignored)`,
    hintZh: () => `可用字段：id、title、cite、as_of、parameters、input、expected、expected_checks、expected_errors`,
    hintEn: () => `known keys: id, title, cite, as_of, parameters, input, expected, expected_checks, expected_errors`,
  },
  XT011: {
    severity: 'warning',
    zh: (a) => `案例文件中有未知顶层字段“${a.key}”（已忽略）`,
    en: (a) => `unknown top-level key "${a.key}" in the case file (ignored)`,
  },
  XT012: {
    severity: 'warning',
    zh: (a) => `案例“${a.id}”没有任何预期（expected、expected_checks 或 expected_errors）`,
    en: (a) => `case "${a.id}" expects nothing (no expected, expected_checks or expected_errors)`,
  },
  XT013: {
    severity: 'error',
    zh: (a) => `案例“${a.id}”缺少 as_of（基准日）`,
    en: (a) => `case "${a.id}" has no as_of (as-of date)`,
  },
  XT014: {
    severity: 'error',
    zh: (a) => `文本字段 ${a.key} 应为文本`,
    en: (a) => `${a.key} must be a text`,
  },
};

// ---------------------------------------------------------------- types

export interface GoldenCase {
  id: string;
  title?: string;
  cite?: string;
  asOf: string;
  parameters?: Record<string, unknown>;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
  expectedChecks?: string[];
  expectedErrors?: string[];
  file: string;
  /** 1-based line of the case */
  line: number;
  /** 1-based line of each expected field (and of expected_checks / expected_errors) */
  lines: Record<string, number>;
}

export interface CaseSuite {
  file: string;
  policy?: string;
  cases: GoldenCase[];
  diagnostics: Diagnostic[];
}

export interface FieldResult {
  kind: 'output' | 'checks' | 'errors' | 'outcome';
  name: string;
  pass: boolean;
  expected: string;
  actual: string;
  line?: number;
}

export interface CaseResult {
  id: string;
  title?: string;
  pass: boolean;
  fields: FieldResult[];
  /** evaluation problems not tied to an expected field (shown, fail the case only when global) */
  notes: string[];
}

// ---------------------------------------------------------------- parsing

const CASE_KEYS = new Set(['id', 'title', 'cite', 'as_of', 'parameters', 'input', 'expected', 'expected_checks', 'expected_errors']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses a case suite (or a single case) from YAML or JSON text. */
export function parseCaseSuite(text: string, file: string): CaseSuite {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true }) as Document.Parsed;
  const diagnostics: Diagnostic[] = [];
  const spanAt = (start: number, end = start): Span => {
    const s = lc.linePos(start);
    const e = lc.linePos(end);
    return { file, start: { offset: start, line: s.line, column: s.col }, end: { offset: end, line: e.line, column: e.col } };
  };
  const spanOf = (n: YamlNode | null | undefined): Span => (n?.range ? spanAt(n.range[0], n.range[1]) : spanAt(0));
  const report = (code: string, span: Span, args: Record<string, string> = {}) => diagnostics.push(makeDiagnostic(caseMessages, code, span, args));

  for (const e of doc.errors) {
    report('XT001', spanAt(e.pos[0], e.pos[1]), { detail: e.message.split('\n')[0]! });
  }
  const suite: CaseSuite = { file, cases: [], diagnostics };
  if (doc.errors.length > 0) return suite;

  const root = doc.contents;
  if (!isMap(root)) {
    report('XT002', spanOf(root as YamlNode));
    return suite;
  }
  const get = (map: YamlNode, key: string): { key: YamlNode; value: YamlNode | null } | undefined => {
    if (!isMap(map)) return undefined;
    for (const it of map.items) {
      if (isPair(it) && isScalar(it.key) && String(it.key.value) === key) return { key: it.key as YamlNode, value: (it.value as YamlNode) ?? null };
    }
    return undefined;
  };
  const casesNode = get(root, 'cases');
  if (casesNode === undefined) {
    // a single case
    const c = readCase(root, 0);
    if (c) suite.cases.push(c);
    return suite;
  }
  for (const it of root.items) {
    if (!isPair(it) || !isScalar(it.key)) continue;
    const k = String(it.key.value);
    if (k === 'policy') {
      if (isScalar(it.value) && typeof it.value.value === 'string') suite.policy = it.value.value;
      else report('XT014', spanOf(it.value as YamlNode), { key: 'policy' });
    } else if (k !== 'cases') report('XT011', spanOf(it.key as YamlNode), { key: k });
  }
  if (!isSeq(casesNode.value)) {
    report('XT003', spanOf(casesNode.value ?? casesNode.key));
    return suite;
  }
  const seen = new Set<string>();
  casesNode.value.items.forEach((item, i) => {
    const c = readCase(item as YamlNode, i);
    if (!c) return;
    if (seen.has(c.id)) {
      report('XT006', spanOf(get(item as YamlNode, 'id')?.value), { id: c.id });
      return;
    }
    seen.add(c.id);
    suite.cases.push(c);
  });
  return suite;

  function readCase(node: YamlNode, index: number): GoldenCase | undefined {
    if (!isMap(node)) {
      report('XT004', spanOf(node));
      return undefined;
    }
    const line = spanOf(node).start.line;
    const idNode = get(node, 'id');
    let id: string;
    if (idNode === undefined && casesNode === undefined) {
      id = file.replace(/^.*[\\/]/, '').replace(/\.(cases\.)?(ya?ml|json)$/i, '') || `case-${index + 1}`;
    } else {
      const v = idNode && isScalar(idNode.value) ? idNode.value.value : undefined;
      if ((typeof v !== 'string' && typeof v !== 'number') || String(v).trim() === '') {
        report('XT005', spanOf(idNode?.value ?? node));
        return undefined;
      }
      id = String(v);
    }
    let ok = true;
    for (const it of node.items) {
      if (isPair(it) && isScalar(it.key) && !CASE_KEYS.has(String(it.key.value))) {
        report('XT010', spanOf(it.key as YamlNode), { id, key: String(it.key.value) });
      }
    }
    const text = (key: string): string | undefined => {
      const n = get(node, key);
      if (n === undefined || n.value === null) return undefined;
      if (isScalar(n.value) && (typeof n.value.value === 'string' || typeof n.value.value === 'number')) return String(n.value.value);
      report('XT014', spanOf(n.value), { key });
      ok = false;
      return undefined;
    };
    const mapping = (key: string): Record<string, unknown> | undefined => {
      const n = get(node, key);
      if (n === undefined || n.value === null) return undefined;
      if (!isMap(n.value)) {
        report('XT008', spanOf(n.value), { id, key });
        ok = false;
        return undefined;
      }
      return toData(n.value) as Record<string, unknown>;
    };
    const texts = (key: string): string[] | undefined => {
      const n = get(node, key);
      if (n === undefined) return undefined;
      if (n.value === null) return [];
      if (!isSeq(n.value) || !n.value.items.every((x) => isScalar(x) && (typeof x.value === 'string' || typeof x.value === 'number'))) {
        report('XT009', spanOf(n.value), { id, key });
        ok = false;
        return undefined;
      }
      return n.value.items.map((x) => String((x as { value: unknown }).value));
    };

    const asOfNode = get(node, 'as_of');
    let asOf = '';
    if (asOfNode === undefined || asOfNode.value === null) {
      report('XT013', spanOf(node), { id });
      ok = false;
    } else {
      const v = isScalar(asOfNode.value) ? asOfNode.value.value : undefined;
      if (typeof v !== 'string' || !ISO_DATE.test(v)) {
        report('XT007', spanOf(asOfNode.value), { id, value: isScalar(asOfNode.value) ? String(asOfNode.value.source ?? v) : '…' });
        ok = false;
      } else asOf = v;
    }
    const c: GoldenCase = { id, asOf, input: {}, expected: {}, file, line, lines: {} };
    const title = text('title');
    if (title !== undefined) c.title = title;
    const cite = text('cite');
    if (cite !== undefined) c.cite = cite;
    const parameters = mapping('parameters');
    if (parameters !== undefined) c.parameters = parameters;
    c.input = mapping('input') ?? {};
    const expectedNode = get(node, 'expected');
    c.expected = mapping('expected') ?? {};
    if (expectedNode && isMap(expectedNode.value)) {
      for (const it of expectedNode.value.items) {
        if (isPair(it) && isScalar(it.key)) c.lines[String(it.key.value)] = spanOf(it.key as YamlNode).start.line;
      }
    }
    const checks = texts('expected_checks');
    if (checks !== undefined) {
      c.expectedChecks = checks;
      c.lines['expected_checks'] = spanOf(get(node, 'expected_checks')!.key).start.line;
    }
    const errors = texts('expected_errors');
    if (errors !== undefined) {
      c.expectedErrors = errors;
      c.lines['expected_errors'] = spanOf(get(node, 'expected_errors')!.key).start.line;
    }
    if (!ok) return undefined;
    if (Object.keys(c.expected).length === 0 && c.expectedChecks === undefined && c.expectedErrors === undefined && casesNode !== undefined) {
      report('XT012', spanOf(idNode?.value ?? node), { id });
    }
    return c;
  }
}

/** YAML node → plain data. Numbers keep their source text when a JS number would lose digits. */
function toData(n: unknown): unknown {
  if (isMap(n)) {
    const o: Record<string, unknown> = {};
    for (const it of n.items) {
      if (!isPair(it)) continue;
      const k = isScalar(it.key) ? String(it.key.value) : String(it.key);
      Object.defineProperty(o, k, { value: toData(it.value), enumerable: true, writable: true, configurable: true });
    }
    return o;
  }
  if (isSeq(n)) return n.items.map(toData);
  if (isScalar(n)) {
    const v = n.value;
    if (typeof v === 'number' && typeof n.source === 'string') {
      const src = n.source.replace(/^\+/, '');
      if (/^-?\d+(\.\d+)?$/.test(src) && String(v) !== src && !(Number.isInteger(v) && String(v) === src.replace(/\.0+$/, ''))) {
        const digits = src.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
        if (digits.length > 15) return src;
      }
    }
    if (typeof v === 'bigint') return String(v);
    return v ?? null;
  }
  return n == null ? null : n;
}

// ---------------------------------------------------------------- comparison

const UNAVAILABLE = new Set(['unavailable', '不可用']);

function show(v: unknown): string {
  if (v === null || v === undefined) return '（无）/ (none)';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

function toDecimal(v: unknown): Decimal | undefined {
  try {
    if (typeof v === 'number') return Number.isFinite(v) ? new Decimal(String(v)) : undefined;
    if (typeof v !== 'string') return undefined;
    const s = v.trim().replace(/元$|yuan$/, '').trim();
    const pct = /^(-?\d+(?:\.\d+)?)\s*(%|‰)$/.exec(s);
    if (pct) return new Decimal(pct[1]!).div(pct[2] === '%' ? 100 : 1000);
    if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
    return new Decimal(s);
  } catch {
    return undefined;
  }
}

function truthy(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === '真' || v === '是') return true;
  if (v === 'false' || v === '假' || v === '否') return false;
  return undefined;
}

/** Whether an expected value matches an actual JSON output value of type t. */
export function valueMatches(t: XType | undefined, expected: unknown, actual: unknown): boolean {
  const kind = t?.kind;
  if (kind === 'money' || kind === 'rate' || kind === 'number' || kind === 'integer' || kind === 'duration' || (kind === undefined && typeof actual === 'number')) {
    const a = toDecimal(actual);
    const e = toDecimal(expected);
    return a !== undefined && e !== undefined && a.eq(e);
  }
  if (kind === 'boolean' || (kind === undefined && typeof actual === 'boolean')) return truthy(expected) === actual;
  if (kind === 'list' || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual) || expected.length !== actual.length) return false;
    const el = t?.kind === 'list' ? t.element : undefined;
    return expected.every((x, i) => valueMatches(el, x, actual[i]));
  }
  if (kind === 'record' || (actual !== null && typeof actual === 'object')) {
    if (expected === null || typeof expected !== 'object' || actual === null || typeof actual !== 'object') return false;
    const ek = Object.keys(expected as object);
    const ak = Object.keys(actual as object);
    if (ek.length !== ak.length) return false;
    return ek.every((k) => Object.prototype.hasOwnProperty.call(actual, k) && valueMatches(undefined, (expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k]));
  }
  return String(expected) === String(actual);
}

/** The output rules of a policy with their types (parameterless rules). */
export function outputTypes(ir: IrPolicy): Map<string, XType> {
  return new Map(ir.rules.filter((r) => r.params.length === 0).map((r) => [r.name, r.type]));
}

/** Outputs to compute for a case: the expected ones, or all when errors are expected. */
export function outputsFor(c: GoldenCase, ir: IrPolicy): string[] | undefined {
  if (c.expectedErrors !== undefined) return undefined;
  const types = outputTypes(ir);
  return Object.keys(c.expected).filter((k) => types.has(k));
}

function describeActual(o: Outcome, name: string): string {
  const v = o.outputs[name] as OutputValue | undefined;
  if (v !== undefined) return show(v.value);
  const u = o.unavailable[name];
  if (u !== undefined) return `不可用（缺少输入：${u.missing.join('、')}）/ unavailable (missing: ${u.missing.join(', ')})`;
  const err = o.errors.find((e) => e.rule === name || e.affects?.includes(name));
  if (err) return `错误 ${err.code}：${err.message.zh} / error ${err.code}: ${err.message.en}`;
  if (o.inputErrors.length > 0) return `未计算（输入错误）/ not computed (input errors)`;
  return '（未计算）/ (not computed)';
}

/** Compares an outcome with a case's expectations. */
export function compareOutcome(c: GoldenCase, o: Outcome, ir: IrPolicy): CaseResult {
  const types = outputTypes(ir);
  const res: CaseResult = { id: c.id, pass: true, fields: [], notes: [] };
  if (c.title !== undefined) res.title = c.title;
  const push = (f: FieldResult) => {
    res.fields.push(f);
    if (!f.pass) res.pass = false;
  };

  for (const [name, expected] of Object.entries(c.expected)) {
    const line = c.lines[name];
    const base = { kind: 'output' as const, name, ...(line !== undefined ? { line } : {}) };
    const t = types.get(name);
    if (t === undefined) {
      push({ ...base, pass: false, expected: show(expected), actual: `没有这个输出 / no such output` });
      continue;
    }
    const actual = o.outputs[name] as OutputValue | undefined;
    const expectUnavailable = expected === null || (typeof expected === 'string' && UNAVAILABLE.has(expected));
    if (expectUnavailable) {
      push({ ...base, pass: o.unavailable[name] !== undefined, expected: '不可用 / unavailable', actual: describeActual(o, name) });
      continue;
    }
    const pass = actual !== undefined && valueMatches(t, expected, actual.value);
    push({ ...base, pass, expected: show(expected), actual: describeActual(o, name) });
  }

  const fired = o.checks.map((x) => x.name);
  if (c.expectedChecks !== undefined) {
    const want = [...new Set(c.expectedChecks)].sort();
    const got = [...new Set(fired)].sort();
    const line = c.lines['expected_checks'];
    push({
      kind: 'checks',
      name: 'expected_checks',
      pass: want.length === got.length && want.every((x, i) => x === got[i]),
      expected: `[${want.join(', ')}]`,
      actual: `[${got.join(', ')}]`,
      ...(line !== undefined ? { line } : {}),
    });
  }

  const codes = [...new Set([...o.inputErrors.map((e) => e.code), ...o.errors.map((e) => e.code)])].sort();
  if (c.expectedErrors !== undefined) {
    const want = [...new Set(c.expectedErrors)].sort();
    const line = c.lines['expected_errors'];
    push({
      kind: 'errors',
      name: 'expected_errors',
      pass: want.every((x) => codes.includes(x)) && (want.length > 0 || codes.length === 0),
      expected: `[${want.join(', ')}]`,
      actual: `[${codes.join(', ')}]`,
      ...(line !== undefined ? { line } : {}),
    });
  } else {
    if (o.inputErrors.length > 0) {
      push({
        kind: 'outcome',
        name: 'input',
        pass: false,
        expected: '输入有效 / valid input',
        actual: o.inputErrors.map((e) => `${e.code} ${e.path}: ${e.message.zh} / ${e.message.en}`).join('\n'),
      });
    }
    for (const e of o.errors) {
      const text = `${e.code}${e.rule ? ` [${e.rule}]` : ''}: ${e.message.zh} / ${e.message.en}`;
      if (e.rule === undefined) {
        push({ kind: 'outcome', name: 'evaluation', pass: false, expected: '无错误 / no error', actual: text });
      } else if (!(e.affects ?? []).some((n) => Object.prototype.hasOwnProperty.call(c.expected, n))) {
        res.notes.push(text);
        // an error in a check fails the case when the case states its checks
        if (c.expectedChecks !== undefined && (e.affects ?? []).length === 0) {
          push({ kind: 'outcome', name: 'checks', pass: false, expected: '检查可求值 / checks evaluate', actual: text });
        }
      }
    }
  }
  return res;
}

/** Evaluates one case against a loaded policy and compares (the runner the CLI and tests share). */
export function runGoldenCase(policy: LoadedPolicy, ir: IrPolicy, c: GoldenCase, explain = false): { outcome: Outcome; result: CaseResult } {
  const outputs = outputsFor(c, ir);
  const options: Parameters<LoadedPolicy['evaluate']>[1] = { asOf: c.asOf, explain };
  if (c.parameters !== undefined) options.parameters = c.parameters;
  if (outputs !== undefined) options.outputs = outputs;
  const outcome = policy.evaluate(c.input, options);
  return { outcome, result: compareOutcome(c, outcome, ir) };
}
