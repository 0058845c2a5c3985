// A compile that reuses cached parses (compiler/parseCache.ts, keyed by path and text) must give
// exactly what a cold compile gives: same diagnostics, same IR. Run over fuzz mutants, where one
// file of a chain changes and the unchanged parent layers come from the cache, in an order that
// revisits earlier texts (the cache's per-path versions and its LRU order are exercised too).
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../compiler/index.ts';
import { clearParseCache, setParseStore } from '../../compiler/parseCache.ts';
import { corpusResolver } from '../fuzz/corpus.ts';
import { mutantJob } from '../fuzz/generate.ts';

function compile(files: Parameters<typeof compilePolicy>[0]['files']) {
  const own = new Map(files.map((f) => [f.path, f]));
  const base = corpusResolver();
  const r = compilePolicy({ files, resolve: (name) => base(name)?.map((f) => own.get(f.path) ?? f) });
  return JSON.stringify({ diagnostics: r.diagnostics, ir: r.ir ?? null });
}

describe('parse cache: warm compile = cold compile', () => {
  it('over 80 mutants and their revisits', () => {
    setParseStore(null);
    clearParseCache();
    const jobs = Array.from({ length: 40 }, (_, n) => mutantJob(7, n).mutant.files);
    const warm: string[] = [];
    for (const files of [...jobs, ...jobs.slice().reverse()]) warm.push(compile(files));
    const order = [...jobs, ...jobs.slice().reverse()];
    let hits = 0;
    order.forEach((files, i) => {
      clearParseCache();
      const cold = compile(files);
      if (cold === warm[i]) hits++;
      else expect(warm[i]).toEqual(cold);
    });
    expect(hits).toBe(order.length);
  }, 60_000);
});
