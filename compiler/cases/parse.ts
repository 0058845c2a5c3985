// Parsing golden-case suites (YAML or JSON text) into typed cases, with XT diagnostics that
// carry line numbers. No Node API: it takes text and a file name.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node as YamlNode, type Document } from 'yaml';
import type { Span } from '../../dsl/ast.ts';
import { makeDiagnostic, type Diagnostic } from '../../dsl/diagnostic.ts';
import { caseMessages } from './messages.ts';
import type { CaseSuite, GoldenCase } from './types.ts';

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
