// The generated TypeScript module: type-checks, imports only the runtime, gives the same answers
// as loadPolicy; and no policy text can inject code into it or into the in-memory body.
import { describe, expect, it } from 'vitest';
import { ROOT, scratchDir } from '../support/scratch.ts';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { emitBody, generateModule } from '../../compiler/codegen.ts';
import { loadPolicy } from '../../compiler/load.ts';
import type { IrPolicy } from '../../compiler/ir.ts';
import { samplePolicy, baseInput } from './sample.ts';
import { T, money, text, input, rule, arith, mkRule, mkParam, mkTable, one, span, mkPolicy, param, table, member, field, local, match, rate } from './ir.ts';

const TMP = scratchDir('codegen');

const runtimeImport = relative(TMP, join(ROOT, 'runtime', 'index.ts')).split('\\').join('/');

function tsc(files: string[]) {
  return spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '--ignoreConfig',
      '--noEmit',
      '--strict',
      '--target', 'ES2022',
      '--module', 'esnext',
      '--moduleResolution', 'bundler',
      '--allowImportingTsExtensions',
      '--resolveJsonModule',
      '--skipLibCheck',
      '--types', 'node',
      '--lib', 'ES2022,DOM',
      ...files,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
}

// Every kind of hostile text in every place policy text can reach generated code.
const EVIL = [
  '"); process.exit(1); //',
  "'); globalThis.__pwned = 1; //",
  '`${globalThis.__pwned = 1}`',
  '*/ globalThis.__pwned = 1; /*',
  'a\nglobalThis.__pwned = 1;//',
  'x\u2028globalThis.__pwned = 1;\u2029',
  '</script><script>globalThis.__pwned = 1</script>',
  '\\"); globalThis.__pwned = 1; //',
  '__proto__',
  'constructor',
];

function evilPolicy(): IrPolicy {
  const E = (i: number) => EVIL[i % EVIL.length]!;
  const enumName = E(0);
  const recName = E(3);
  return mkPolicy({
    name: E(1),
    title: E(2),
    chain: [E(4), E(1)],
    enums: [{ name: enumName, members: [E(5), E(6), 'ok'], policy: E(1), span }],
    records: [
      {
        name: recName,
        policy: E(1),
        span,
        fields: [
          { name: E(7), type: T.enum(enumName), optional: false, policy: E(1), span },
          { name: E(8), type: T.money, optional: true, policy: E(1), span },
        ],
      },
    ],
    inputs: [
      { name: E(0), type: T.money, optional: false, policy: E(1), span, doc: E(2) },
      { name: E(4), type: T.enum(enumName), optional: false, policy: E(1), span },
      { name: E(2), type: T.list(T.record(recName)), optional: true, policy: E(1), span },
      { name: E(7), type: T.text, optional: true, policy: E(1), span },
    ],
    params: [mkParam(E(3), T.rate, [one(E(4), rate('0.5'), E(5))], { cite: E(6), doc: E(7) })],
    tables: [mkTable(E(4), T.enum(enumName), T.money, [one(E(1), { rows: [{ keys: [E(5)], value: money('1') }], otherwise: money('2') }, E(2))], { cite: E(0) })],
    rules: [
      mkRule(E(0), T.money, [one(E(1), arith('*', input(E(0), T.money), param(E(3), T.rate)), E(8))], {
        cite: E(2),
        exceptions: [{ condition: { span, k: 'compare', type: T.boolean, op: '=', left: input(E(7), T.text), right: text(E(6)) } as never, value: money('0'), cite: E(7), policy: E(4), span }],
      }),
      mkRule(E(9), T.money, [one(E(1), table(E(4), input(E(4), T.enum(enumName)), T.money))], { cite: E(5) }),
      mkRule(E(5), T.text, [one(E(1), text(E(6)))]),
      mkRule(E(6), T.enum(enumName), [one(E(1), member(enumName, E(6)))]),
      mkRule(E(7), T.rate, [one(E(1), match(field(local(E(3), T.record(recName)), E(7), T.enum(enumName)), [[[E(5)], rate('0.1')]], rate('0.2'), T.rate))], {
        params: [{ name: E(3), type: T.record(recName) }],
      }),
      mkRule('总计', T.money, [one(E(1), arith('+', rule(E(0), T.money), rule(E(9), T.money)))]),
    ],
    checks: [{ name: E(2), severity: 'warning', condition: { span, k: 'compare', type: T.boolean, op: '>', left: input(E(0), T.money), right: money('100') } as never, message: E(0), cite: E(1), policy: E(1), span }],
  });
}

// (an input may not be named __proto__/constructor/prototype: the validator refuses those keys)
const evilInput = { [EVIL[0]!]: '1000', [EVIL[4]!]: EVIL[5]! };

describe('generated TypeScript module', () => {
  it('imports only the runtime, type-checks with tsc --strict, and answers like loadPolicy', async () => {
    const ir = samplePolicy();
    const text = generateModule(ir, { runtimeImport });
    const imports = [...text.matchAll(/^\s*import .* from (.+);$/gm)].map((m) => m[1]);
    expect(imports).toEqual([JSON.stringify(runtimeImport)]);
    expect(text).toContain('export interface Input {');
    expect(text).toContain('export type 伤残等级 = "一级" | "二级"');
    const file = join(TMP, 'sample.ts');
    writeFileSync(file, text);
    const use = join(TMP, 'use.ts');
    writeFileSync(
      use,
      [
        `import { evaluate, inputSchema, policyInfo, outputs, type Input, type 伤残等级 } from './sample.ts';`,
        `const g: 伤残等级 = '五级';`,
        `const input: Input = { 月缴费工资: '3000.00', 伤残等级: g, 受伤日期: '2024-03-15' };`,
        `const o = evaluate(input, { asOf: '2024-08-01' });`,
        `const v: string | undefined = o.outputs.本人工资?.value;`,
        `const n: number | undefined = o.outputs.亲属人数?.value;`,
        `export const all = [v, n, inputSchema, policyInfo.name, outputs.length];`,
        `// @ts-expect-error not an enum member`,
        `export const bad: 伤残等级 = '十一级';`,
      ].join('\n'),
    );
    const r = tsc([file, use]);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);

    const mod = await import(pathToFileURL(file).href);
    const inMemory = loadPolicy(ir);
    for (const asOf of ['2024-06-30', '2024-08-01']) {
      const a = mod.evaluate({ ...baseInput, 死亡日期: '2024-05-01' }, { asOf, explain: true });
      const b = inMemory.evaluate({ ...baseInput, 死亡日期: '2024-05-01' }, { asOf, explain: true });
      expect(JSON.parse(JSON.stringify(a))).toEqual(JSON.parse(JSON.stringify(b)));
    }
    expect(mod.inputSchema).toEqual(inMemory.inputSchema);
    expect(mod.policyInfo).toEqual(inMemory.policyInfo);
  });
});

describe('injection: policy text never becomes code', () => {
  it('the in-memory body is valid JS and inert', () => {
    const g = globalThis as { __pwned?: number };
    delete g.__pwned;
    const ir = evilPolicy();
    const body = emitBody(ir);
    // outside string literals, none of the hostile code is left
    const code = body.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
    expect(code).not.toMatch(/__pwned|process\.exit|<script/);
    expect(body).not.toMatch(/[\u2028\u2029]/);
    expect(body).not.toMatch(/<\/script/i);
    const p = loadPolicy(ir);
    const o = p.evaluate(evilInput, { asOf: '2024-01-01', explain: true });
    expect(g.__pwned).toBeUndefined();
    expect(o.inputErrors).toEqual([]);
    expect(o.errors).toEqual([]);
    // names round-trip as data
    expect(o.policy).toBe(EVIL[1]);
    expect(o.outputs[EVIL[0]!]!.value).toBe('500.00');
    expect(o.outputs[EVIL[9]!]!.value).toBe('1.00'); // the row of member EVIL[5]
    expect(Object.prototype.hasOwnProperty.call(o.outputs, '__proto__')).toBe(false);
    expect(o.outputs[EVIL[5]!]!.value).toBe(EVIL[6]);
    expect(o.outputs[EVIL[6]!]!.value).toBe(EVIL[6]);
    expect(o.outputs['总计']!.value).toBe('501.00');
    expect(o.checks).toEqual([{ name: EVIL[2], severity: 'warning', message: EVIL[0], cite: EVIL[1] }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // the exception whose condition compares with hostile text
    const x = p.evaluate({ ...evilInput, [EVIL[7]!]: EVIL[6]! }, { asOf: '2024-01-01' });
    expect(x.outputs[EVIL[0]!]!.value).toBe('0.00');
    expect(g.__pwned).toBeUndefined();
  });

  it('the TypeScript module parses, type-checks and is inert', async () => {
    const g = globalThis as { __pwned?: number };
    delete g.__pwned;
    const ir = evilPolicy();
    const text = generateModule(ir, { runtimeImport: `${runtimeImport}` });
    const file = join(TMP, 'evil.ts');
    writeFileSync(file, text);
    const r = tsc([file]);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
    const mod = await import(pathToFileURL(file).href);
    expect(g.__pwned).toBeUndefined();
    const o = mod.evaluate(evilInput, { asOf: '2024-01-01' });
    expect(o.inputErrors).toEqual([]);
    expect(o.errors).toEqual([]);
    expect(o.outputs[EVIL[0]!].value).toBe('500.00');
    expect(g.__pwned).toBeUndefined();
    // type names that are not plain identifiers are generated
    expect(text).toMatch(/export type Enum0_ = /);
    expect(text).toMatch(/export interface Record0_ \{/);
  });

  it('a hostile runtime import specifier stays a string', () => {
    const text = generateModule(samplePolicy(), { runtimeImport: `x"; globalThis.__pwned = 1; "` });
    expect(text).toContain(`import * as rt from "x\\"; globalThis.__pwned = 1; \\"";`);
  });
});
