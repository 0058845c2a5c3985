// Replays every fuzz finding kept under tests/fuzz/regressions/ (one JSON file per finding;
// docs/fuzzing.md, "Adding a regression"). A fixture with `expectFail` is a known defect fixed
// elsewhere: it runs as it.fails, so the day it is fixed the test says so and the mark goes.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePolicy, loadPolicy } from '../../compiler/index.ts';
import { corpusResolver, policyNamed, ROOT } from './corpus.ts';
import { runPipeline } from './policyFuzz.ts';
import { checkCase } from './caseFuzz.ts';

interface Generated { prefix: string; repeat: string; times: number; join: string; suffix: string }
interface Fixture {
  kind: 'policy' | 'case';
  finding: string;
  note: string;
  expectFail?: string;
  files?: { path: string; text?: string; generate?: Generated }[];
  maxMs?: number;
  policy?: string;
  input?: Record<string, unknown>;
  asOf?: unknown;
  parameters?: unknown;
}

/** `{ "nest": n }` stands for a value nested n deep (JSON files cannot hold it readably). */
function expand(v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (typeof o.nest === 'number' && Object.keys(o).length === 1) {
      let x: unknown = '1';
      for (let i = 0; i < o.nest; i++) x = { a: x };
      return x;
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, expand(x)]));
  }
  return v;
}

const dir = join(ROOT, 'tests/fuzz/regressions');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

function replay(fx: Fixture): void {
  if (fx.kind === 'policy') {
    const files = fx.files!.map((f) => ({
      path: f.path,
      text: f.text ?? `${f.generate!.prefix}${Array(f.generate!.times).fill(f.generate!.repeat).join(f.generate!.join)}${f.generate!.suffix}`,
    }));
    const res = runPipeline(files, []);
    expect(res.findings.filter((f) => f.kind !== 'slow')).toEqual([]);
    if (fx.maxMs !== undefined) expect(res.ms).toBeLessThan(fx.maxMs);
    return;
  }
  const p = policyNamed(fx.policy!);
  const r = compilePolicy({ files: p.files, resolve: corpusResolver() });
  const policy = loadPolicy(r.ir!);
  const c = { input: fx.input!, asOf: fx.asOf as string, parameters: expand(fx.parameters) as Record<string, unknown>, invalid: [], edge: [], hostileOptions: false };
  expect(checkCase(policy, c, 'auto')).toEqual([]);
}

describe('fuzz regressions', () => {
  for (const f of fixtures) {
    const fx = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture;
    (fx.expectFail ? it.fails : it)(`${f}: ${fx.note.slice(0, 80)}${fx.expectFail ? ` [expected to fail: ${fx.expectFail}]` : ''}`, () => replay(fx));
  }
});
