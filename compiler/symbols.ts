// The merged symbol table of a policy chain (built by merge.ts), type-reference resolution
// and "did you mean" suggestions.
import type {
  BandsDecl,
  CalendarDecl,
  CheckDecl,
  EnumDecl,
  ExceptionDecl,
  FieldDecl,
  ParamDecl,
  RecordDecl,
  RuleDecl,
  TableDecl,
  TypeRef,
} from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import type { XType } from './ir.ts';
import { report } from './messages.ts';
import type { PolicyUnit } from './resolve.ts';
import { T, UNKNOWN } from './types.ts';

export interface Owned<D> {
  decl: D;
  policy: string;
}

export type ValueSym =
  | { kind: 'input'; name: string; field: FieldDecl; policy: string; type: XType }
  | { kind: 'param'; name: string; decls: Owned<ParamDecl>[]; type: XType }
  | { kind: 'table'; name: string; decls: Owned<TableDecl>[]; keyType: XType; valueType: XType }
  | { kind: 'bands'; name: string; decls: Owned<BandsDecl>[]; keyType: XType; valueType: XType }
  | { kind: 'rule'; name: string; decls: Owned<RuleDecl>[]; type: XType; params: { name: string; type: XType }[] };

export interface EnumSym {
  decl: EnumDecl;
  policy: string;
  members: string[];
  index: Map<string, number>;
}

export interface FieldSym {
  name: string;
  type: XType;
  optional: boolean;
  decl: FieldDecl;
}

export interface RecordSym {
  decl: RecordDecl;
  policy: string;
  fields: Map<string, FieldSym>;
}

export interface Symbols {
  chain: PolicyUnit[];
  enums: Map<string, EnumSym>;
  records: Map<string, RecordSym>;
  values: Map<string, ValueSym>;
  /** enum member name → names of the enums that have it */
  members: Map<string, string[]>;
  checks: Owned<CheckDecl>[];
  exceptions: Owned<ExceptionDecl>[];
  calendars: CalendarDecl[];
}

export const KIND_WORDS: Record<string, { zh: string; en: string }> = {
  param: { zh: '参数', en: 'param' },
  table: { zh: '表', en: 'table' },
  bands: { zh: '分档', en: 'bands' },
  rule: { zh: '规则', en: 'rule' },
  input: { zh: '输入', en: 'input' },
  enum: { zh: '枚举', en: 'enum' },
  record: { zh: '记录', en: 'record' },
  check: { zh: '检查', en: 'check' },
};

const PRIMS: Record<string, XType> = T;

export function resolveType(syms: Symbols, ref: TypeRef | undefined, diags: Diagnostic[]): XType {
  if (!ref) return UNKNOWN;
  switch (ref.kind) {
    case 'primitive':
      return PRIMS[ref.name] ?? UNKNOWN;
    case 'list':
      return { kind: 'list', element: resolveType(syms, ref.element, diags) };
    case 'named': {
      const n = ref.name.text;
      if (syms.enums.has(n)) return { kind: 'enum', name: n };
      if (syms.records.has(n)) return { kind: 'record', name: n };
      const s = suggest(n, [...syms.enums.keys(), ...syms.records.keys()]);
      report(diags, 'XC001', ref.name.span, {
        name: n,
        what: '类型',
        whatEn: 'type',
        hintZh: s ? `是否想写“${s}”？` : '',
        hintEn: s ? `did you mean '${s}'?` : '',
      });
      return UNKNOWN;
    }
  }
}

/** "Did you mean" search limits (docs/diagnostics.md, "Limits"): the work per unknown name is
 * bounded by SUGGEST_MAX_NAME × (2·SUGGEST_MAX_DISTANCE + 1) cells per candidate and
 * SUGGEST_MAX_CANDIDATES candidates, whatever the lengths of the names in the policy. */
export const SUGGEST_MAX_NAME = 64;
export const SUGGEST_MAX_DISTANCE = 3;
export const SUGGEST_MAX_CANDIDATES = 5000;

/** Levenshtein distance, or max + 1 when farther. Only the diagonal band |i − j| ≤ max is
 * computed (cells outside it are at least max + 1 away), and a row whose band exceeds max
 * ends the search: O(length × max), not O(length²). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const far = max + 1;
  const n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j <= max ? j : far;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(n, i + max);
    cur[0] = i <= max ? i : far;
    if (lo > 1) cur[lo - 1] = far;
    let rowMin = cur[0];
    for (let j = lo; j <= hi; j++) {
      const sub = prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const del = j <= i - 1 + max ? prev[j] + 1 : far;
      const ins = cur[j - 1] + 1;
      const v = Math.min(sub, del, ins, far);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < n) cur[hi + 1] = far;
    if (rowMin > max) return far;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[n], far);
}

/** The closest candidate within a length-dependent distance (at most SUGGEST_MAX_DISTANCE),
 * or undefined. Names longer than SUGGEST_MAX_NAME get no suggestion. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length === 0 || name.length > SUGGEST_MAX_NAME) return undefined;
  const max = Math.min(SUGGEST_MAX_DISTANCE, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestD = max + 1;
  let examined = 0;
  for (const c of candidates) {
    if (c === name || Math.abs(c.length - name.length) > max) continue;
    if (++examined > SUGGEST_MAX_CANDIDATES) break;
    const d = editDistance(name, c, max);
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= max ? best : undefined;
}
