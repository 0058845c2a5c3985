// TypeScript declarations of a generated module: enum string unions, record interfaces, the
// Input and Outputs interfaces. Type names are the policy's own names only when they are plain
// identifiers that cannot clash with anything; otherwise generated (Enum0, Record1). Property
// names are always quoted JSON strings.
import type { IrPolicy, XType } from './ir.ts';
import { str } from './codegenUtil.ts';

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'as implements interface let package private protected public static yield any boolean constructor declare get ' +
    'module require number set string symbol type from of unknown never object bigint undefined async await is ' +
    'keyof readonly infer unique satisfies accessor assert asserts global out override abstract namespace ' +
    'Input Outputs rt __policy evaluate inputSchema policyInfo outputs Array Record Partial Promise Object ' +
    'String Number Boolean Date Function Symbol Error Map Set JSON Math globalThis NaN Infinity arguments eval'
  ).split(' '),
);

const IDENT = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;

export function safeTypeName(name: string): boolean {
  return IDENT.test(name) && !RESERVED.has(name) && name.length <= 200;
}

export interface TypeNames {
  enums: Map<string, string>;
  records: Map<string, string>;
}

export function typeNames(ir: IrPolicy): TypeNames {
  const used = new Set<string>();
  const pick = (name: string, fallback: string) => {
    const n = safeTypeName(name) && !used.has(name) ? name : fallback;
    used.add(n);
    return n;
  };
  const enums = new Map<string, string>();
  const records = new Map<string, string>();
  ir.enums.forEach((e, i) => enums.set(e.name, pick(e.name, `Enum${i}_`)));
  ir.records.forEach((r, i) => records.set(r.name, pick(r.name, `Record${i}_`)));
  return { enums, records };
}

/** TS type of a value in its JSON form: as a case gives it (`input`: decimals may be numbers)
 * or as the outcome reports it (`output`: decimals are always strings). */
function jsonTs(t: XType, names: TypeNames, side: 'input' | 'output'): string {
  switch (t.kind) {
    case 'money':
    case 'rate':
    case 'number':
      return side === 'input' ? 'string | number' : 'string';
    case 'integer':
    case 'duration':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
    case 'text':
      return 'string';
    case 'enum':
      return names.enums.get(t.name) ?? 'string';
    case 'record':
      return side === 'input' ? (names.records.get(t.name) ?? 'rt.JsonValue') : '{ [k: string]: rt.JsonValue }';
    case 'list':
      return `(${jsonTs(t.element, names, side)})[]`;
  }
}

/** TS type of an input value (JSON as the case gives it). */
export const inputTs = (t: XType, names: TypeNames): string => jsonTs(t, names, 'input');

/** TS type of an output value (its JSON form in the outcome). */
export const outputTs = (t: XType, names: TypeNames): string => jsonTs(t, names, 'output');

function docComment(_doc: string | undefined): string {
  // Policy text never goes into comments (a `*/` would end them); docs live in the schema.
  return '';
}

export function typeDeclarations(ir: IrPolicy, names: TypeNames): string {
  const out: string[] = [];
  for (const e of ir.enums) {
    const members = e.members.length ? e.members.map(str).join(' | ') : 'never';
    out.push(`export type ${names.enums.get(e.name)} = ${members};`);
  }
  for (const r of ir.records) {
    out.push(`export interface ${names.records.get(r.name)} {`);
    for (const f of r.fields) out.push(`  ${docComment(f.doc)}${str(f.name)}${f.optional ? '?' : ''}: ${inputTs(f.type, names)};`);
    out.push('}');
  }
  out.push('export interface Input {');
  for (const f of ir.inputs) out.push(`  ${str(f.name)}${f.optional ? '?' : ''}: ${inputTs(f.type, names)};`);
  out.push('}');
  out.push('export interface Outputs {');
  for (const r of ir.rules) {
    if (r.params.length > 0) continue;
    out.push(`  ${str(r.name)}?: rt.OutputValue<${outputTs(r.type, names)}>;`);
  }
  out.push('}');
  return out.join('\n');
}
