// Code generation (docs/architecture.md, "Generated code").
//
//   emitBody(ir)                      a JS function body; `new Function('rt', body)(runtime)`
//                                     returns { evaluate, inputSchema, policyInfo, outputs }
//   generateModule(ir, {runtimeImport}) a standalone TypeScript module: type declarations +
//                                     the same body (with `: any` annotations) + typed exports
//
// Every piece of policy text is emitted through str()/json(); identifiers are generated. The
// body builds a PolicyModel (runtime/model.ts) of plain data and compiled functions and hands it
// to rt.evalSupport.createPolicy. Each parameter, table, bands, rule and check is one chunk, a
// factory in the array D (compiler/codegenChunks.ts) whose text does not depend on the other
// declarations' positions; the rest of the body (the linker) calls each with the positions it
// links to. The in-memory loader compiles the chunks one by one and reuses those of unchanged
// declarations; the body text is the same either way.
import type { IrPolicy } from './ir.ts';
import { Gen, GenIndex } from './codegenExpr.ts';
import { CodegenError, ISO_DATE, checkRounding, json, str, typeData } from './codegenUtil.ts';
import { inputSchema, outputsInfo, policyInfo } from './codegenSchema.ts';
import { typeDeclarations, typeNames } from './codegenTypes.ts';
import { needsGraph, type NeedsNode } from './codegenNeeds.ts';
import { FenGen } from './codegenFen.ts';
import { bandsCode, checkCode, paramCode, ruleCode, tableCode } from './codegenDecls.ts';
import { chunkFor, type Chunk } from './codegenChunks.ts';

export { CodegenError } from './codegenUtil.ts';

export interface GenerateModuleOptions {
  /** Module specifier of runtime/index.ts as seen from the generated file. */
  runtimeImport: string;
}

/** A body in two parts: the chunks (the array D) and the linker, the function body of
 * `(rt, D) => LoadedPolicy`. emitBody writes them as one text; compiler/load.ts loads them. */
export interface BodyParts {
  chunks: Chunk[];
  linker: string;
}

/** A needs node (or list of them) as JS: integers only, so written directly (= its JSON). */
function needsText(n: NeedsNode | NeedsNode[] | null): string {
  if (n === null) return 'null';
  if (Array.isArray(n)) return `[${n.map(needsText).join(',')}]`;
  return `{"inputs":[${n.inputs.join(',')}],"rules":[${n.rules.join(',')}]}`;
}

function unique(names: string[], what: string): void {
  const seen = new Set<string>();
  for (const n of names) {
    // a clean check never gives two of one name; a chunk's links name declarations by name
    if (seen.has(n)) throw new CodegenError('XG001', `duplicate ${what} ${JSON.stringify(n)}`);
    seen.add(n);
  }
}

function emitParts(ir: IrPolicy, ann: string, withFen = true): BodyParts {
  const index = new GenIndex(ir);
  for (const [list, what] of [[ir.inputs, 'input'], [ir.params, 'parameter'], [ir.tables, 'table'], [ir.bands, 'bands'], [ir.rules, 'rule']] as const) {
    unique(list.map((d) => d.name), what);
  }
  const chunks: Chunk[] = [];
  const linked = () => new Gen(ir, ann, index, true);
  /** the linker's call of a declaration's chunk */
  const call = (kind: string, decl: { name: string }, write: (g: Gen) => string, deps = 'null'): string => {
    const c = chunkFor(index, ann, kind, decl, linked, write);
    chunks.push(c);
    // positions are integers: written as they are, no policy text in them
    return `D[${chunks.length - 1}](E, [${c.links.map(([kind, name]) => index.position(kind, name)).join(', ')}], ${deps}, RF)`;
  };
  const list = (xs: string[]) => `[\n    ${xs.join(',\n    ')}\n  ]`;

  const params = ir.params.map((p) => call('param', p, (g) => paramCode(g, p)));
  const tables = ir.tables.map((t) => call('table', t, (g) => tableCode(g, t)));
  const bands = ir.bands.map((b) => call('bands', b, (g) => bandsCode(g, b)));
  const needs = needsGraph(ir);
  const rules = ir.rules.map((r, i) => call('rule', r, (g) => ruleCode(g, r, 'X'), needsText(needs.rules[i]!)));
  const checks = ir.checks.map((c, ci) => call('check', c, (g) => checkCode(g, c, 'X'), needsText(needs.checks[ci]!)));

  // ---- the fen path: the same rules again in integer fixed point, where provable; written
  // for the whole policy into the linker (positions as numbers)
  const g = new Gen(ir, ann, index);
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
    ['params', list(params)],
    ['tables', list(tables)],
    ['bands', list(bands)],
    ['rules', list(rules)],
    ['outputRules', json(ir.rules.flatMap((r, i) => (r.params.length === 0 ? [i] : [])))],
    ['checks', list(checks)],
    ['calendar', json({ holidays: ir.calendar.holidays, workdays: ir.calendar.workdays })],
    ...(fen !== undefined ? [['fen', fen]] : []),
  ];

  const linker = [
    '"use strict";',
    'const E = rt.evalSupport;',
    'const F = E.fen;',
    `const RF${ann ? ': any[]' : ''} = [];`,
    ...g.decls,
    `const M${ann} = {\n  ${model.map(([k, v]) => `${k}: ${v}`).join(',\n  ')}\n};`,
    'return E.createPolicy(M);',
  ].join('\n');
  return { chunks, linker };
}

/** The body as one text: the chunks as `const D = [...]`, then the linker. */
function emit(ir: IrPolicy, ann: string, withFen = true): string {
  const { chunks, linker } = emitParts(ir, ann, withFen);
  const rest = linker.slice(linker.indexOf('\n') + 1); // after "use strict"
  return ['"use strict";', `const D${ann ? ': any[]' : ''} = [\n${chunks.map((c) => c.text).join(',\n')}\n];`, rest].join('\n');
}

/** The chunks and linker of emitBody(ir) (the in-memory loader, compiler/load.ts). */
export function emitBodyParts(ir: IrPolicy, options: { fen?: boolean } = {}): BodyParts {
  return emitParts(ir, '', options.fen !== false);
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
