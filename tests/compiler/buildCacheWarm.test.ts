// A check that reuses memoised declaration builds (compiler/buildCache.ts: an unchanged parent
// declaration is not re-checked while what it looked up is unchanged) must give exactly what a
// cold check gives: the same diagnostics in the same order, the same IR. Run over every corpus
// policy (each province and city over 全国, and the CLI fixtures) as it is, after a one-character
// edit of its last file (the playground's keystroke), and under many fuzz mutants of its own
// files, interleaved so one parent declaration is reused under different children; then the
// whole sequence again in reverse.
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../compiler/index.ts';
import { clearBuildCache, setBuildCache } from '../../compiler/buildCache.ts';
import type { SourceFile } from '../../dsl/ast.ts';
import { corpus, corpusResolver } from '../fuzz/corpus.ts';
import { mutantJob } from '../fuzz/generate.ts';
import { mutatePolicy } from '../fuzz/mutate.ts';
import { rng } from '../fuzz/rng.ts';

function compile(files: SourceFile[]): string {
  const own = new Map(files.map((f) => [f.path, f]));
  const base = corpusResolver();
  const r = compilePolicy({ files, resolve: (name) => base(name)?.map((f) => own.get(f.path) ?? f) });
  return JSON.stringify({ diagnostics: r.diagnostics, ir: r.ir ?? null });
}

function inputs(): SourceFile[][] {
  const ps = corpus();
  const donors = ps.flatMap((p) => p.files);
  const rounds: SourceFile[][][] = ps.map((p, i) => {
    const last = p.files.length - 1;
    const edited = p.files.map((f, j) => (j === last ? { ...f, text: f.text + ' ' } : f));
    const mutants = Array.from({ length: 12 }, (_, k) => {
      const r = rng(1000 * i + k + 1);
      return mutatePolicy(p.files, r, [r.pick(donors), r.pick(donors)]).files;
    });
    return [p.files, edited, ...mutants];
  });
  const out: SourceFile[][] = [];
  for (let k = 0; k < 14; k++) for (const r of rounds) out.push(r[k]!);
  for (let n = 0; n < 40; n++) out.push(mutantJob(11, n).mutant.files);
  return out;
}

describe('build cache: warm check = cold check', () => {
  it('over every corpus policy, its one-character edit and its mutants, forwards and back', () => {
    const seq = inputs();
    const order = [...seq, ...seq.slice().reverse()];
    setBuildCache(true);
    clearBuildCache();
    const warm = order.map(compile);
    setBuildCache(false);
    let same = 0;
    order.forEach((files, i) => {
      const cold = compile(files);
      if (cold === warm[i]) same++;
      else expect(warm[i]).toEqual(cold);
    });
    setBuildCache(true);
    expect(corpus().length).toBeGreaterThanOrEqual(8);
    expect(same).toBe(order.length);
  }, 240_000);

  // A parent declaration's check depends on names a child declares: a child enum that also has
  // the member 甲 makes the parent's bare 甲 ambiguous (XC071), a child input gives the parent's
  // unknown name a meaning. The warm check must see that, in either order.
  it('re-checks a parent declaration when a name it looked up changes in the child', () => {
    const base = {
      path: 'mem/base/policy.xize',
      text: '抽象 政策 基 标题 "基" 生效 2020-01-01\n枚举 等级 { 甲, 乙 }\n输入 { 级: 等级 }\n' +
        '规则 同级: 布尔 依据 "r" = 甲 = 甲\n规则 加额: 金额 依据 "r" = 额外 + 1元\n',
    };
    const child = (extra: string) => [{ path: 'mem/child/policy.xize', text: `政策 子 标题 "子" 继承 基 生效 2021-01-01\n${extra}` }];
    const variants = [child(''), child('枚举 色 { 甲, 红 }\n'), child('输入 { 额外: 金额 }\n'), child('枚举 色 { 甲, 红 }\n输入 { 额外: 金额 }\n')];
    const run = (files: SourceFile[]) => {
      const r = compilePolicy({ files, resolve: (name) => (name === '基' ? [base] : undefined) });
      return { codes: r.diagnostics.map((d) => d.code), json: JSON.stringify({ diagnostics: r.diagnostics, ir: r.ir ?? null }) };
    };
    const order = [0, 1, 0, 2, 3, 1, 2, 0, 3].map((i) => variants[i]!);
    setBuildCache(true);
    clearBuildCache();
    const warm = order.map(run);
    setBuildCache(false);
    const cold = order.map(run);
    setBuildCache(true);
    for (let i = 0; i < order.length; i++) expect(warm[i]!.json).toBe(cold[i]!.json);
    // the variants do differ where the parent is concerned
    expect(cold[0]!.codes).not.toContain('XC071');
    expect(cold[1]!.codes).toContain('XC071');
    expect(cold[0]!.codes).toContain('XC001');
    expect(cold[3]!.codes).not.toContain('XC001');
  });
});
