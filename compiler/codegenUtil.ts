// Safe emission helpers shared by the code generator. The one rule: policy text (names,
// citations, messages, enum members, literal text) reaches generated source only through
// `str`/`json`, i.e. JSON.stringify plus escapes for the characters that are legal in JSON
// but dangerous in JS/HTML source (U+2028/U+2029 line separators, `<` of `</script` and `<!--`).
import type { Span } from '../dsl/ast.ts';
import type { XType } from './ir.ts';

function escapeJsonText(s: string): string {
  return s.replace(/[\u2028\u2029<>]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A JS/TS string literal for arbitrary text. */
export function str(s: string): string {
  return escapeJsonText(JSON.stringify(String(s)));
}

/** A JS/TS expression for JSON-compatible data (objects, arrays, strings, numbers, booleans, null). */
export function json(v: unknown): string {
  const t = JSON.stringify(v);
  if (t === undefined) return 'undefined';
  return escapeJsonText(t);
}

export class CodegenError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly span?: Span,
  ) {
    super(`${code}: ${message}`);
    this.name = 'CodegenError';
  }
}

export const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isNumeric(t: XType): boolean {
  return t.kind === 'money' || t.kind === 'rate' || t.kind === 'number' || t.kind === 'integer' || t.kind === 'duration';
}

/** A plain copy of an XType (no spans, no extra properties) for emission as data. */
export function typeData(t: XType): XType {
  switch (t.kind) {
    case 'duration':
      return { kind: 'duration', unit: t.unit };
    case 'enum':
      return { kind: 'enum', name: String(t.name) };
    case 'record':
      return { kind: 'record', name: String(t.name) };
    case 'list':
      return { kind: 'list', element: typeData(t.element) };
    default:
      return { kind: t.kind } as XType;
  }
}

export function typeLabel(t: XType): string {
  return t.kind === 'duration' ? t.unit : t.kind;
}

const ROUNDING_MODES = new Set(['half_up', 'half_even', 'floor', 'ceil']);
const ROUNDING_UNITS = new Set(['fen', 'jiao', 'yuan']);

export function checkRounding(r: { mode: string; unit: string }, span?: Span): void {
  if (!ROUNDING_MODES.has(r.mode) || !ROUNDING_UNITS.has(r.unit)) {
    throw new CodegenError('XG003', `invalid rounding ${JSON.stringify(r)}`, span);
  }
}
