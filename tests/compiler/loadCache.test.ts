// Loaded policies kept by IR (compiler/loadCache.ts): a hit is only ever an IR whose JSON and
// generated body equal the one asked for; a changed IR loads its own policy.
import { describe, expect, it } from 'vitest';
import { clearBuildCache, compilePolicy, emitBody, loadPolicy, tryLoadPolicy } from '../../compiler/index.ts';
import { keptIrFor, sameData } from '../../compiler/loadCache.ts';
import * as runtime from '../../runtime/index.ts';
import { corpusResolver, policyNamed } from '../fuzz/corpus.ts';
import { mutantJob } from '../fuzz/generate.ts';

describe('load cache', () => {
  it('hands out a kept policy only for an IR equal to its own (fuzz mutants)', () => {
    let hits = 0;
    let clean = 0;
    for (let n = 0; n < 100; n++) {
      const job = mutantJob(3, n);
      const own = new Map(job.mutant.files.map((f) => [f.path, f]));
      const resolve = (name: string) => corpusResolver()(name)?.map((f) => own.get(f.path) ?? f);
      const ir = compilePolicy({ files: job.mutant.files, resolve }).ir;
      if (!ir) continue;
      clean++;
      const kept = keptIrFor(ir, 'fen');
      if (kept) {
        hits++;
        expect(JSON.stringify(kept)).toBe(JSON.stringify(ir));
        expect(emitBody(kept)).toBe(emitBody(ir));
      }
      tryLoadPolicy(ir);
    }
    expect(clean).toBeGreaterThan(10);
    expect(hits).toBeGreaterThan(0);
  });

  it('a recompiled equal IR gets the same policy; a changed one its own', () => {
    const p = policyNamed('测试省');
    const a = compilePolicy({ files: p.files, resolve: corpusResolver() }).ir!;
    clearBuildCache(); // fresh objects throughout
    const b = compilePolicy({ files: p.files, resolve: corpusResolver() }).ir!;
    expect(b).not.toBe(a);
    expect(loadPolicy(b)).toBe(loadPolicy(a));
    const files = p.files.map((f) => ({ ...f, text: f.text.replace('乙: 12', '乙: 13') }));
    expect(files.map((f) => f.text).join()).not.toBe(p.files.map((f) => f.text).join());
    const c = compilePolicy({ files, resolve: corpusResolver() }).ir!;
    expect(sameData(c, a)).toBe(false);
    expect(loadPolicy(c)).not.toBe(loadPolicy(a));
    // a host's own runtime is never served a kept policy
    expect(loadPolicy(a, { runtime: { ...runtime } })).not.toBe(loadPolicy(a));
  });

  it('compares as JSON: an undefined field is an absent one, order does not matter', () => {
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameData({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: 0 })).toBe(false);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameData({ a: '1' }, { a: 1 })).toBe(false);
  });
});
