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

/** Levenshtein distance with an early cut-off (returns > max when farther). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The closest candidate within a length-dependent distance, or undefined. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const max = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of candidates) {
    if (c === name) continue;
    const d = editDistance(name, c, max);
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= max ? best : undefined;
}
