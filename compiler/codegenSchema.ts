// The JSON Schema of a policy's inputs, its policyInfo and its outputs list, as plain data
// (emitted with json(), so no policy text becomes code). Conventions: runtime/validate.ts.
import type { IrPolicy, XType } from './ir.ts';
import { typeData, typeLabel } from './codegenUtil.ts';
import { NON_NEGATIVE_DECIMAL_RE, NON_NEGATIVE_RATE_RE } from '../runtime/money.ts';

type Schema = Record<string, unknown>;

/** A decimal text that is not negative ("-0" is zero and passes, as -0 passes `minimum: 0`);
 * runtime/validate.ts reports a decimal text that fails it as below the minimum (XI008). */
const NON_NEGATIVE_DECIMAL = NON_NEGATIVE_DECIMAL_RE.source;
/** The rate syntax without a minus ("-0%" is zero); a rate text that fails it is below the minimum (XI008). */
const NON_NEGATIVE_RATE = NON_NEGATIVE_RATE_RE.source;

/** No `$schema` keyword: runtime/validate.ts compiles with ajv's default dialect, which accepts
 * the draft 2020-12 subset used here ($defs, $ref, enum, format). Definition keys are generated (e0, r1 …): policy names never appear in JSON pointers. */
export function inputSchema(ir: IrPolicy): Schema {
  const defs: Record<string, Schema> = {};
  const enumKey = new Map<string, string>();
  const recordKey = new Map<string, string>();
  ir.enums.forEach((e, i) => {
    const k = `e${i}`;
    enumKey.set(e.name, k);
    const s: Schema = { enum: [...e.members] };
    if (e.doc) s.description = e.doc;
    s.title = e.name;
    defs[k] = s;
  });
  ir.records.forEach((r, i) => recordKey.set(r.name, `r${i}`));

  const of = (t: XType, doc?: string): Schema => {
    let s: Schema;
    switch (t.kind) {
      case 'money':
      case 'number':
        // an amount or a quantity is never negative unless the field declares a 范围 (docs/language.md,
        // "Inputs"): `minimum` bounds a number, `pattern` (the decimal syntax without a minus; "-0"
        // is zero) bounds a text
        s = { type: ['string', 'number'], format: 'decimal', minimum: 0, pattern: NON_NEGATIVE_DECIMAL };
        break;
      case 'rate':
        // a fraction ("0.3", 0.3) or a percentage as policy staff write it ("30%", "0.5‰"); never
        // negative unless the field declares a 范围
        s = { type: ['string', 'number'], format: 'rate', minimum: 0, pattern: NON_NEGATIVE_RATE };
        break;
      case 'integer':
      case 'duration':
        // counts and durations (days, months, working days) are never negative
        s = { type: 'integer', minimum: 0 };
        break;
      case 'boolean':
        s = { type: 'boolean' };
        break;
      case 'date':
        s = { type: 'string', format: 'date' };
        break;
      case 'text':
        s = { type: 'string' };
        break;
      case 'enum': {
        const k = enumKey.get(t.name);
        s = k ? { $ref: `#/$defs/${k}` } : { type: 'string' };
        break;
      }
      case 'record': {
        const k = recordKey.get(t.name);
        s = k ? { $ref: `#/$defs/${k}` } : { type: 'object' };
        break;
      }
      case 'list':
        s = { type: 'array', items: of(t.element) };
        break;
    }
    if (doc) s = s.$ref ? { allOf: [s], description: doc } : { ...s, description: doc };
    return s;
  };

  // `范围` of a field: `minimum`/`maximum` bound a JSON number, `decimalRange` (a keyword of
  // runtime/validate.ts) bounds a decimal text exactly; the default non-negative bounds go
  const ranged = (s: Schema, t: XType, range: [string, string]): Schema => {
    const r: Schema = { ...s, minimum: Number(range[0]), maximum: Number(range[1]) };
    if (t.kind === 'money' || t.kind === 'number' || t.kind === 'rate') {
      delete r.pattern;
      r.decimalRange = range;
    }
    return r;
  };

  const object = (fields: { name: string; type: XType; optional: boolean; doc?: string; range?: [string, string] }[], title?: string): Schema => {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const f of fields) {
      Object.defineProperty(properties, f.name, { value: f.range ? ranged(of(f.type, f.doc), f.type, f.range) : of(f.type, f.doc), enumerable: true, writable: true, configurable: true });
      if (!f.optional) required.push(f.name);
    }
    const s: Schema = { type: 'object' };
    if (title !== undefined) s.title = title;
    s.properties = properties;
    s.required = required;
    s.additionalProperties = false;
    return s;
  };

  ir.records.forEach((r, i) => {
    defs[`r${i}`] = object(r.fields, r.name);
  });
  const root: Schema = {
    title: ir.title ?? ir.name,
    ...object(ir.inputs),
  };
  if (Object.keys(defs).length > 0) root.$defs = defs;
  return root;
}

export function policyInfo(ir: IrPolicy): Record<string, unknown> {
  const citations: { kind: string; name: string; cite: string; policy?: string }[] = [];
  const add = (kind: string, name: string, cite: string | undefined, policy?: string) => {
    if (cite === undefined || cite === '') return;
    const c: { kind: string; name: string; cite: string; policy?: string } = { kind, name, cite };
    if (policy !== undefined) c.policy = policy;
    citations.push(c);
  };
  const dated: [string, { name: string; cite?: string; layers: { policy: string; versions: { cite?: string }[] }[] }[]][] = [
    ['param', ir.params],
    ['table', ir.tables],
    ['bands', ir.bands],
    ['rule', ir.rules],
  ];
  for (const [kind, decls] of dated) {
    for (const d of decls) {
      add(kind, d.name, d.cite);
      for (const l of d.layers) for (const v of l.versions) add('version', d.name, v.cite, l.policy);
    }
  }
  for (const r of ir.rules) for (const x of r.exceptions) add('exception', r.name, x.cite, x.policy);
  for (const c of ir.checks) add('check', c.name, c.cite, c.policy);
  const info: Record<string, unknown> = { name: ir.name };
  if (ir.title !== undefined) info.title = ir.title;
  info.abstract = ir.abstract;
  info.chain = [...ir.chain];
  info.effective = ir.effective;
  info.rounding = ir.rounding ? { mode: ir.rounding.mode, unit: ir.rounding.unit } : null;
  info.citations = citations;
  return info;
}

export function outputsInfo(ir: IrPolicy): Record<string, unknown>[] {
  return ir.rules
    .filter((r) => r.params.length === 0)
    .map((r) => {
      const o: Record<string, unknown> = { name: r.name, type: typeLabel(r.type) };
      if (r.type.kind === 'enum' || r.type.kind === 'record' || r.type.kind === 'list') o.valueType = typeData(r.type);
      if (r.cite !== undefined) o.cite = r.cite;
      if (r.doc !== undefined) o.doc = r.doc;
      o.rounding = r.rounding ? { mode: r.rounding.mode, unit: r.rounding.unit } : null;
      return o;
    });
}
