// Per-declaration code reuse (compiler/codegenChunks.ts): a policy built from reused chunks must
// be the policy built fresh. Checked two ways: the body text (emitBody with the chunks kept from
// earlier compiles = emitBody with none kept), and the outcome of every golden case under
// provinces/** (loadPolicy, which loads kept chunks' compiled factories, = the fresh body loaded
// as one text). Over a sequence of edits of 深圳 that change a figure, add a declaration at the
// top (every later position moves), rename one with its references, reorder two, remove one,
// reorder an enum's members (a fact the chunks of unchanged rules were written with), remove a parameter.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compilePolicy, emitBody, loadBody, loadPolicy } from '../../compiler/index.ts';
import { runGoldenCase } from '../../compiler/cases/compare.ts';
import { chunkCounts, clearChunkCache, setChunkCache } from '../../compiler/codegenChunks.ts';
import { setLoadCache } from '../../compiler/loadCache.ts';
import type { IrPolicy } from '../../compiler/ir.ts';
import type { SourceFile } from '../../dsl/ast.ts';
import { groupFolders, makeResolver } from '../../playground/src/policyset.ts';
import { loadSuites } from '../../playground/src/cases.ts';

// every file under provinces/ (Node's recursive readdir; directories drop out at the suffix filter)
const all = (readdirSync('provinces', { recursive: true }) as string[]).map((p) => join('provinces', p)).sort();
const read = (suffix: string) => Object.fromEntries(all.filter((p) => p.endsWith(suffix)).map((p) => [p, readFileSync(p, 'utf8')]));
const sources = read('.xize');
const suites = read('.cases.yaml');

function compileFolder(folder: string, texts: Record<string, string>): IrPolicy {
  const folders = groupFolders(texts, {});
  const own = folders.find((f) => f.folder === folder)!.files;
  const r = compilePolicy({ files: own, resolve: makeResolver(folders) });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => d.message.en)).toEqual([]);
  return r.ir!;
}

/** emitBody with no chunk kept (written from scratch); the chunk cache is on again after. */
function freshBody(ir: IrPolicy, fen: boolean): string {
  setChunkCache(false);
  try {
    return emitBody(ir, { fen });
  } finally {
    setChunkCache(true);
  }
}

/** Every golden case of `folder`: the outcome of the reused-chunk load = that of the fresh body. */
function sameOutcomes(ir: IrPolicy, folder: string, fen: boolean): number {
  const mine = Object.entries(suites)
    .filter(([p]) => p.startsWith(folder + '/cases/'))
    .map(([path, text]) => ({ path, text }));
  const cases = loadSuites(mine).cases;
  const warm = loadPolicy(ir, { fen });
  const fresh = loadBody(freshBody(ir, fen));
  for (const c of cases) {
    for (const explain of [false, true]) {
      const a = JSON.stringify(runGoldenCase(warm, ir, c, explain));
      const b = JSON.stringify(runGoldenCase(fresh, ir, c, explain));
      expect(a, `${folder}: ${c.id}`).toBe(b);
    }
  }
  return cases.length;
}

describe('per-declaration code reuse', () => {
  setLoadCache(false); // every load goes through the chunks
  afterAll(() => setLoadCache(true));
  const folders = groupFolders(sources, suites).map((f) => f.folder);

  it('every province: reused chunks give the fresh body and the fresh outcomes', () => {
    clearChunkCache();
    let cases = 0;
    // twice over: the second round reuses the chunks of the first, across provinces too
    for (const round of [0, 1]) {
      const before = chunkCounts();
      for (const folder of folders) {
        const ir = compileFolder(folder, sources);
        for (const fen of [false, true]) expect(emitBody(ir, { fen })).toBe(freshBody(ir, fen));
        cases += sameOutcomes(ir, folder, round === 0);
      }
      // nothing changed: the second round writes no chunk at all
      if (round === 1) expect(chunkCounts().written).toBe(before.written);
    }
    expect(cases).toBeGreaterThan(100);
    expect(chunkCounts().reused).toBeGreaterThan(chunkCounts().written);
  }, 120_000);

  it('a sequence of edits of 深圳: change, add, rename, reorder, remove', () => {
    const folder = 'provinces/shenzhen';
    const file = 'provinces/shenzhen/medical.xize';
    const text = sources[file]!;
    const before = '规则 调整日前住院天数';
    const after = '规则 调整日后住院天数';
    const ruleA = text.slice(text.indexOf(before), text.indexOf(after));
    const ruleB = text.slice(text.indexOf(after), text.indexOf('\n\n', text.indexOf(after)) + 1);
    expect(ruleA.length).toBeGreaterThan(20);
    expect(ruleB.length).toBeGreaterThan(20);
    const ren = (x: string) => x.replaceAll('调整日前住院天数', '调整日前住院日数');
    const added = '\n规则 新增的天数: 天数 = 调整日后住院天数 + 调整日前住院天数\n';
    const edits: [string, (t: string) => string][] = [
      ['as written', (t) => t],
      ['a figure', (t) => t.replace('自 2015-04-01: 70元', '自 2015-04-01: 71元')],
      ['added at the top', (t) => t.replace('\n输入 {', `${added}\n输入 {`)],
      ['renamed', (t) => t.replaceAll('调整日前住院天数', '调整日前住院日数')],
      ['reordered', (t) => t.replace(ren(ruleA), '').replace(ren(ruleB), ren(ruleB) + ren(ruleA))],
      ['removed', (t) => t.replace(ren(added), '\n')],
      // the rules matching on the enum are unchanged, but the members' positions their text holds are not
      ['enum members reordered', (t) => t.replace('{ 按日分段, 按入院日期, 按基准日 }', '{ 按基准日, 按入院日期, 按日分段 }')],
      ['a parameter removed', (t) => t.replace(/参数 伙食补助费标准调整日[^\n]*\n/, '').replaceAll('伙食补助费标准调整日', '2015-04-01')],
    ];
    clearChunkCache();
    compileFolder(folder, sources); // as loaded: its chunks are kept
    let t = text;
    const seen: string[] = [];
    for (const [what, edit] of edits) {
      const next = edit(t);
      if (what !== 'as written') expect(next, what).not.toBe(t);
      t = next;
      const ir = compileFolder(folder, { ...sources, [file]: t });
      seen.push(ir.rules.map((r) => r.name).join(','));
      for (const fen of [false, true]) {
        const body = emitBody(ir, { fen });
        expect(body, what).toBe(freshBody(ir, fen));
      }
      sameOutcomes(ir, folder, false);
      sameOutcomes(ir, folder, true);
    }
    // the edits did what they say: the rule list changed in name and in order
    expect(seen[2]).toContain('新增的天数');
    expect(seen[3]).toContain('调整日前住院日数');
    expect(seen[4]).not.toBe(seen[3]);
    expect(seen[5]).not.toContain('新增的天数');
  }, 120_000);
});
