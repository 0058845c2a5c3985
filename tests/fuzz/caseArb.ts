// Property-based case generation: fast-check arbitraries derived from a loaded policy's input
// schema (runtime JSON Schema: $ref/$defs, enum, boolean, integer, decimal/rate strings, dates,
// arrays of records), mixed with hostile values — wrong types, negative and huge money, NaN and
// Infinity strings, deep nesting, prototype keys — at one or more paths of a real golden case.
import fc from 'fast-check';
import type { SampleCase } from './corpus.ts';

type Schema = Record<string, unknown>;

export interface GeneratedCase {
  input: Record<string, unknown>;
  asOf: string;
  parameters: Record<string, unknown>;
  /** top-level fields given a value that no valid input has (an input error must name them) */
  invalid: string[];
  /** top-level fields given a valid value at the edge of the domain (negative, huge, …) */
  edge: string[];
  /** hostile evaluate options (the runtime's area: depth of overrides, non-object parameters) */
  hostileOptions: boolean;
}

function deref(root: Schema, s: Schema): Schema {
  for (let i = 0; i < 10; i++) {
    if (typeof s.$ref === 'string') s = ((root.$defs as Record<string, Schema>)[s.$ref.replace('#/$defs/', '')] ?? {}) as Schema;
    else if (Array.isArray(s.allOf) && s.allOf.length === 1) s = { ...(s.allOf[0] as Schema), ...(s.description ? {} : {}) };
    else break;
  }
  return s;
}

const decimalText = fc.oneof(
  fc.integer({ min: 0, max: 99_999 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`),
  fc.constantFrom('0', '0.00', '0.005', '0.015', '1', '2490', '8000', '24000.00', '999999999.99'),
);
const rateText = fc.oneof(fc.integer({ min: 0, max: 100 }).map((p) => (p / 100).toString()), fc.constantFrom('0', '1', '0.6', '0.005', '1.5'));
const dateText = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** A valid value for `s` (as far as the schema says; the policy's checks may still object). */
export function valueArb(root: Schema, s0: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = deref(root, s0);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const type = s.type;
  const fmt = s.format;
  if (fmt === 'decimal') return fc.oneof(decimalText, fc.integer({ min: 0, max: 100_000 }));
  if (fmt === 'rate') return rateText;
  if (fmt === 'date') return dateText;
  if (type === 'boolean') return fc.boolean();
  if (type === 'integer') return fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(0, 1, 12, 60, 1000));
  if (type === 'string') return fc.string({ maxLength: 8 });
  if (type === 'array') return depth > 3 ? fc.constant([]) : fc.array(valueArb(root, (s.items ?? {}) as Schema, depth + 1), { maxLength: 3 });
  if (type === 'object' && s.properties) return objectArb(root, s, depth + 1);
  return fc.constant(null);
}

function objectArb(root: Schema, s: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties as Record<string, Schema>;
  const required = new Set((s.required as string[] | undefined) ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) model[k] = valueArb(root, v, depth);
  return fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) }) as fc.Arbitrary<Record<string, unknown>>;
}

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

/** Values no input of any declared type accepts. */
export const invalidArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', 'abc', 'NaN', 'Infinity', '-Infinity', '1e400', '1e5', '0x10', ' 1', '1,000', '１２３', '2023-02-29', '2024-13-01', '[object Object]', 'undefined', '十级'),
  fc.constantFrom(NaN, Infinity, -Infinity, null, true, false, {}, [], [[]], { toString: 'x' }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": 1}}')),
  fc.constant({ constructor: { prototype: { x: 1 } } }),
  fc.integer({ min: 2, max: 6 }).map((k) => nested(10 ** k / 10, 1, k % 2 === 0)),
);

/** Values of a valid shape at the edge of the domain: the policy may accept or refuse them. */
export const edgeArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('-1', '-0.01', '-3000.00', '-0', '0', '9'.repeat(20), '9'.repeat(40), '0.000000000001', '123456789012345.678', '1' + '0'.repeat(60)),
  fc.constantFrom(-1, -3, 0, 2 ** 53, 2 ** 53 + 2, 1e21, -1e21, 0.1, 5e-324, Number.MAX_VALUE),
  fc.constantFrom('0000-01-01', '9999-12-31', '1900-02-28', '2100-02-28'),
);

const hostileOptionsArb = fc.oneof(
  fc.constant({ parameters: 'x'.repeat(200) as unknown as Record<string, unknown> }),
  fc.constant({ parameters: [1, 2, 3] as unknown as Record<string, unknown> }),
  fc.constant({ parameters: JSON.parse('{"__proto__": {"x": 1}}') }),
  fc.integer({ min: 1, max: 4 }).map((k) => ({ parameters: { 统筹地区上年度职工月平均工资: nested(10 ** k, '1', k % 2 === 0) } })),
  fc.constantFrom({ asOf: {} as unknown as string }, { asOf: '2024-02-30' }, { asOf: '' }, { asOf: 'yesterday' }),
);

export interface CaseArbOptions {
  schema: Schema;
  samples: SampleCase[];
}

/** A case: a golden case (or a schema-generated input) with 0–3 fields replaced by generated,
 * edge or invalid values, sometimes with hostile evaluate options. */
export function caseArb({ schema, samples }: CaseArbOptions): fc.Arbitrary<GeneratedCase> {
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const fields = Object.keys(props);
  const base = samples.length
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...samples).map((c) => ({ input: c.input, asOf: c.asOf, parameters: c.parameters ?? {} })) },
        { weight: 1, arbitrary: fc.tuple(objectArb(schema, schema, 0), fc.constantFrom(...samples)).map(([input, c]) => ({ input, asOf: c.asOf, parameters: c.parameters ?? {} })) },
      )
    : fc.tuple(objectArb(schema, schema, 0), dateText).map(([input, asOf]) => ({ input, asOf, parameters: {} }));
  if (!fields.length) return base.map((b) => ({ ...b, invalid: [], edge: [], hostileOptions: false }));
  type Edit = [string, 'valid' | 'edge' | 'invalid' | 'delete', unknown];
  const edit: fc.Arbitrary<Edit> = fc.constantFrom(...fields).chain((field) =>
    fc.oneof(
      { weight: 3, arbitrary: valueArb(schema, props[field]!).map((v): Edit => [field, 'valid', v]) },
      { weight: 2, arbitrary: edgeArb.map((v): Edit => [field, 'edge', v]) },
      { weight: 2, arbitrary: invalidArb.map((v): Edit => [field, 'invalid', v]) },
      { weight: 1, arbitrary: fc.constant<Edit>([field, 'delete', undefined]) },
    ),
  );
  return fc.tuple(base, fc.array(edit, { maxLength: 3 }), fc.option(hostileOptionsArb, { freq: 12 })).map(([b, edits, opts]) => {
    const input: Record<string, unknown> = { ...b.input };
    const invalid = new Set<string>();
    const edge = new Set<string>();
    for (const [field, how, v] of edits) {
      invalid.delete(field);
      edge.delete(field);
      if (how === 'delete') delete input[field];
      else input[field] = v;
      if (how === 'edge') edge.add(field);
      if (how === 'invalid' && plainlyInvalid(schema, props[field]!, v)) invalid.add(field);
    }
    const hostile = opts ?? {};
    return {
      input,
      asOf: 'asOf' in hostile ? (hostile.asOf as string) : b.asOf,
      parameters: 'parameters' in hostile ? (hostile.parameters as Record<string, unknown>) : b.parameters,
      invalid: [...invalid],
      edge: [...edge],
      hostileOptions: opts !== null,
    };
  });
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** True when no input of the schema's type can be `v` (null is left undecided: optional). */
export function plainlyInvalid(root: Schema, s0: Schema, v: unknown): boolean {
  if (v === null) return false;
  const s = deref(root, s0);
  if (Array.isArray(s.enum)) return !s.enum.includes(v);
  if (s.format === 'decimal' || s.format === 'rate') return typeof v === 'number' ? !Number.isFinite(v) : typeof v !== 'string' || !DECIMAL.test(v);
  if (s.format === 'date') return typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)) || new Date(v).toISOString().slice(0, 10) !== v;
  if (s.type === 'boolean') return typeof v !== 'boolean';
  if (s.type === 'integer') return typeof v !== 'number' || !Number.isInteger(v);
  if (s.type === 'array') return !Array.isArray(v);
  if (s.type === 'object') return typeof v !== 'object' || Array.isArray(v);
  if (s.type === 'string') return typeof v !== 'string';
  return false;
}
