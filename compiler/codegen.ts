// Code generation (docs/architecture.md, "Generated code").
//
//   emitBody(ir)                      a JS function body; `new Function('rt', body)(runtime)`
//                                     returns { evaluate, inputSchema, policyInfo, outputs }
//   generateModule(ir, {runtimeImport}) a standalone TypeScript module: type declarations +
//                                     the same body (with `: any` annotations) + typed exports
//
// Every declaration gets a generated identifier (r3, k0, g7, …); every piece of policy text is
// emitted through str()/json(). The body builds a PolicyModel (runtime/model.ts) of plain
// data and compiled functions and hands it to rt.evalSupport.createPolicy.
import type { IrExpr, IrLayer, IrPolicy, IrRule } from './ir.ts';
import { Gen, type Scope } from './codegenExpr.ts';
import { CodegenError, ISO_DATE, checkRounding, json, str, typeData } from './codegenUtil.ts';
import { inputSchema, outputsInfo, policyInfo } from './codegenSchema.ts';
import { typeDeclarations, typeNames } from './codegenTypes.ts';
import { needsGraph, type NeedsNode } from './codegenNeeds.ts';
import { FenGen } from './codegenFen.ts';

export { CodegenError } from './codegenUtil.ts';

export interface GenerateModuleOptions {
  /** Module specifier of runtime/index.ts as seen from the generated file. */
  runtimeImport: string;
}

function obj(fields: [string, string | undefined][]): string {
  return `{ ${fields
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')} }`;
}

function optStr(s: string | undefined): string | undefined {
  return s === undefined ? undefined : str(s);
}

function checkDate(from: string | null, span?: IrExpr['span']): string {
  if (from === null) return 'null';
  if (!ISO_DATE.test(from)) throw new CodegenError('XG002', `invalid version date ${JSON.stringify(from)}`, span);
  return str(from);
}

/** Layers as JS text; `value(body, layerIndex, versionIndex)` gives each version's value text. */
function layersText<T>(layers: IrLayer<T>[], value: (body: T, li: number, vi: number) => string): string {
  return `[${layers
    .map(
      (l, li) =>
        `[${l.versions
          .map((v, vi) =>
            obj([
              ['policy', str(l.policy)],
              ['from', checkDate(v.from, v.span)],
              ['cite', optStr(v.cite)],
              ['value', value(v.body, li, vi)],
            ]),
          )
          .join(', ')}]`,
    )
    .join(', ')}]`;
}

function emit(ir: IrPolicy, ann: string, withFen = true): string {
  const g = new Gen(ir, ann);
  const P = (names: string[]) => g.params(names);

  /** A hoisted value function `(cx, at) => expr` for params/tables/bands. */
  const valueFn = (e: IrExpr): string => {
    const s: Scope = { locals: new Map(), at: 'at', temps: { n: 0 } };
    const body = g.expr(e, s);
    const name = g.fresh('f');
    g.decls.push(`function ${name}(${P(['cx', 'at'])}) { ${g.temps(s)} return ${body}; }`);
    return name;
  };

  // ---- parameters
  const params = ir.params.map((p) =>
    obj([
      ['name', str(p.name)],
      ['type', json(typeData(p.type))],
      ['cite', optStr(p.cite)],
      ['layers', layersText(p.layers, (body) => valueFn(body))],
      ['range', p.range?.loValue !== undefined && p.range.hiValue !== undefined ? json([p.range.loValue, p.range.hiValue]) : undefined],
    ]),
  );

  // ---- tables
  const tables = ir.tables.map((t) => {
    const keyOf = (k: string | number): string => {
      if (t.keyType.kind === 'enum') return String(g.enumMember(t.keyType.name, String(k)));
      const n = typeof k === 'number' ? k : Number(k);
      if (!Number.isSafeInteger(n)) throw new CodegenError('XG002', `invalid integer key ${JSON.stringify(k)} of table ${JSON.stringify(t.name)}`, t.span);
      return String(n);
    };
    return obj([
      ['name', str(t.name)],
      ['keyType', json(typeData(t.keyType))],
      ['valueType', json(typeData(t.valueType))],
      ['cite', optStr(t.cite)],
      [
        'layers',
        layersText(t.layers, (body) => {
          const entries: string[] = [];
          const seen = new Set<string>();
          for (const row of body.rows) {
            const f = valueFn(row.value);
            for (const k of row.keys) {
              const kt = keyOf(k);
              if (seen.has(kt)) continue; // first row wins (the checker reports duplicates)
              seen.add(kt);
              entries.push(`[${kt}, ${f}]`);
            }
          }
          return obj([
            ['rows', `new Map([${entries.join(', ')}])`],
            ['otherwise', body.otherwise ? valueFn(body.otherwise) : undefined],
          ]);
        }),
      ],
    ]);
  });

  // ---- bands
  const bands = ir.bands.map((b) =>
    obj([
      ['name', str(b.name)],
      ['keyType', json(typeData(b.keyType))],
      ['valueType', json(typeData(b.valueType))],
      ['cite', optStr(b.cite)],
      [
        'layers',
        layersText(b.layers, (rows) =>
          `[${rows
            .map((r) =>
              obj([
                ['lower', r.lower.value ? valueFn(r.lower.value) : 'null'],
                ['lowerInclusive', r.lower.inclusive ? 'true' : 'false'],
                ['upper', r.upper.value ? valueFn(r.upper.value) : 'null'],
                ['upperInclusive', r.upper.inclusive ? 'true' : 'false'],
                ['value', valueFn(r.value)],
              ]),
            )
            .join(', ')}]`,
        ),
      ],
    ]),
  );

  // ---- rules
  const needs = needsGraph(ir);
  const rules = ir.rules.map((r, i) => ruleCode(g, r, i, needs.rules[i]!));

  // ---- checks
  const checks = ir.checks.map((c, ci) => {
    const s: Scope = { locals: new Map(), at: 'null', temps: { n: 0 } };
    const body = g.expr(c.condition, s);
    const name = g.fresh('c');
    g.decls.push(`function ${name}(${P(['cx'])}) { ${g.temps(s)} return ${body}; }`);
    if (c.severity !== 'warning' && c.severity !== 'error') throw new CodegenError('XG002', `invalid check severity`, c.span);
    return obj([
      ['name', str(c.name)],
      ['severity', str(c.severity)],
      ['message', str(c.message)],
      ['cite', optStr(c.cite)],
      ['deps', json(needs.checks[ci])],
      ['cond', name],
    ]);
  });

  // ---- the fen path: the same rules again in integer fixed point, where provable
  const fen = withFen ? new FenGen(g, ir).emit() : undefined;

  if (ir.rounding) checkRounding(ir.rounding);
  if (ir.effective !== null && !ISO_DATE.test(ir.effective)) throw new CodegenError('XG002', `invalid effective date`);
  for (const d of [...ir.calendar.holidays, ...ir.calendar.workdays]) {
    if (!ISO_DATE.test(d)) throw new CodegenError('XG002', `invalid calendar date ${JSON.stringify(d)}`);
  }

  const model = [
    ['info', json(policyInfo(ir))],
    ['schema', json(inputSchema(ir))],
    ['outputs', json(outputsInfo(ir))],
    ['enums', json(ir.enums.map((e) => ({ name: e.name, members: e.members })))],
    [
      'records',
      json(ir.records.map((r) => ({ name: r.name, fields: r.fields.map((f) => ({ name: f.name, type: typeData(f.type), optional: f.optional, ...(f.range ? { range: f.range } : {}) })) }))),
    ],
    ['inputs', json(ir.inputs.map((f) => ({ name: f.name, type: typeData(f.type), optional: f.optional, ...(f.range ? { range: f.range } : {}) })))],
    ['params', `[\n    ${params.join(',\n    ')}\n  ]`],
    ['tables', `[\n    ${tables.join(',\n    ')}\n  ]`],
    ['bands', `[\n    ${bands.join(',\n    ')}\n  ]`],
    ['rules', `[\n    ${rules.join(',\n    ')}\n  ]`],
    ['outputRules', json(ir.rules.flatMap((r, i) => (r.params.length === 0 ? [i] : [])))],
    ['checks', `[\n    ${checks.join(',\n    ')}\n  ]`],
    ['calendar', json({ holidays: ir.calendar.holidays, workdays: ir.calendar.workdays })],
    ...(fen !== undefined ? [['fen', fen]] : []),
  ];

  return [
    '"use strict";',
    'const E = rt.evalSupport;',
    'const F = E.fen;',
    ...g.decls,
    `const M${ann} = {\n  ${model.map(([k, v]) => `${k}: ${v}`).join(',\n  ')}\n};`,
    'return E.createPolicy(M);',
  ].join('\n');
}

/** Emits the compute function(s) of rule i and returns its model entry. */
function ruleCode(g: Gen, r: IrRule, i: number, deps: NeedsNode[] | null): string {
  const P = (names: string[]) => g.params(names);
  const argIds = r.params.map((_, k) => `a${k}`);
  const locals = new Map(r.params.map((p, k) => [p.name, argIds[k]!]));
  const s: Scope = { locals, at: 'null', temps: { n: 0 } };
  const stmts: string[] = [];

  // exceptions first: exactly one holding → its value
  if (r.exceptions.length > 0) {
    stmts.push(`const h${g.ann ? ': number[]' : ''} = [];`);
    // a condition that needs an absent optional input does not hold (the exception is not applicable)
    r.exceptions.forEach((x, k) =>
      stmts.push(`try { if (${g.expr(x.condition, s)}) h.push(${k}); } catch (e) { if (!E.isMissing(e)) throw e; }`),
    );
    const cases = r.exceptions.map((x, k) => `case ${k}: return ${g.expr(x.value, s)};`).join(' ');
    stmts.push(`switch (E.exc(cx, ${i}, h)) { ${cases} }`);
  }

  const versions = r.layers.flatMap((l) => l.versions);
  if (versions.length === 0) {
    stmts.push(`throw E.fail("XR008", { name: ${str(r.name)}, at: cx.asOf });`);
  } else if (versions.length === 1 && versions[0]!.from === null && r.layers.filter((l) => l.versions.length > 0).length === 1) {
    stmts.push(`return ${g.expr(versions[0]!.body, s)};`);
  } else {
    const cases = versions.map((v, k) => `case ${k}: return ${g.expr(v.body, s)};`).join(' ');
    stmts.push(`switch (E.ver(cx, ${i})) { ${cases} }`);
    stmts.push(`return E.unmatched(-1);`);
  }
  const b = `b${i}`;
  g.decls.push(`function ${b}(${P(['cx', ...argIds])}) {\n  ${[g.temps(s), ...stmts].filter(Boolean).join('\n  ')}\n}`);
  if (r.params.length > 0) {
    g.decls.push(
      `function r${i}(${P(['cx', ...argIds])}) { if (cx.t !== null) return E.call(cx, ${i}, ${b}, [${argIds.join(', ')}]); ` +
        `try { return E.fin(cx, ${i}, ${b}(${['cx', ...argIds].join(', ')})); } catch (e) { throw E.tag(cx, ${i}, e); } }`,
    );
  }
  if (r.rounding) checkRounding(r.rounding, r.span);

  let flat = 0;
  const layers =
    versions.length <= 1 && (versions.length === 0 || versions[0]!.from === null)
      ? 'null'
      : layersText(r.layers, () => String(flat++));
  return obj([
    ['name', str(r.name)],
    ['type', json(typeData(r.type))],
    ['cite', optStr(r.cite)],
    ['rounding', r.rounding ? json({ mode: r.rounding.mode, unit: r.rounding.unit }) : 'null'],
    ['params', json(r.params.map((p) => ({ name: p.name, type: typeData(p.type) })))],
    ['fn', b],
    ['layers', layers],
    // the layer whose declaration gives the value when there is no version to choose (trace: RuleTraceNode.policy)
    ['policy', str([...r.layers].reverse().find((l) => l.versions.length > 0)?.policy ?? '')],
    ['exceptions', json(r.exceptions.map((x) => (x.cite !== undefined ? { cite: x.cite, policy: x.policy } : { policy: x.policy })))],
    ['deps', json(deps)],
  ]);
}

/** The JS function body: `new Function('rt', emitBody(ir))(runtime)` → LoadedPolicy.
 * `fen: false` leaves out the integer fen path (every case then runs on decimal.js) — for a
 * host that always explains, such as the playground, it is generation time saved. */
export function emitBody(ir: IrPolicy, options: { fen?: boolean } = {}): string {
  return emit(ir, '', options.fen !== false);
}

/** A standalone TypeScript module importing only the runtime. */
export function generateModule(ir: IrPolicy, options: GenerateModuleOptions): string {
  const names = typeNames(ir);
  const body = emit(ir, ': any');
  const indented = body
    .split('\n')
    .map((l) => (l ? `  ${l}` : l))
    .join('\n');
  return [
    '// Generated by xize (细则) from a checked policy. Do not edit: regenerate with `xize compile`.',
    '/* eslint-disable */',
    `import * as rt from ${str(options.runtimeImport)};`,
    '',
    typeDeclarations(ir, names),
    '',
    `const __policy = (function (rt: any): any {`,
    indented,
    `})(rt) as rt.LoadedPolicy<Input, Outputs>;`,
    '',
    `export const policyName: string = ${str(ir.name)};`,
    'export const inputSchema: { [k: string]: unknown } = __policy.inputSchema;',
    'export const policyInfo: rt.PolicyInfo = __policy.policyInfo;',
    'export const outputs: rt.OutputInfo[] = __policy.outputs;',
    'export function evaluate(input: Input, options: rt.EvaluateOptions = {}): rt.Outcome<Outputs> {',
    '  return __policy.evaluate(input, options);',
    '}',
    'export default __policy;',
    '',
  ].join('\n');
}
