// The minimiser (minimise.ts) keeps only what the finding needs: here the "finding" is a
// diagnostic code, so the minimised file must still give it and must have lost what does not.
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../compiler/index.ts';
import { corpusResolver, policyNamed } from './corpus.ts';
import { ddmin, minimiseFile } from './minimise.ts';

describe('fuzz minimiser', () => {
  it('ddmin drops every unit the predicate does not need', () => {
    const text = 'a b BAD c d e';
    const units: [number, number][] = [...text.matchAll(/\S+/g)].map((m) => [m.index!, m.index! + m[0].length]);
    const out = ddmin(text, units, (t) => t.includes('BAD'), { tests: 100 });
    expect(out.replace(/\s+/g, '')).toBe('BAD');
  });

  it('minimises a policy file to what still gives the same diagnostic code', () => {
    const p = policyNamed('测试基线');
    const k = 0;
    const files = p.files.map((f, i) => (i === k ? { path: f.path, text: `${f.text}\n规则 坏 : 金额 = 不存在的名字\n` } : f));
    const codes = (fs: typeof files) => compilePolicy({ files: fs, resolve: corpusResolver() }).diagnostics.map((d) => d.code);
    const code = codes(files).find((c) => !codes(p.files).includes(c))!; // the unknown name's code
    expect(code).toMatch(/^XC/);
    const fires = (fs: typeof files) => codes(fs).includes(code);
    expect(fires(files)).toBe(true);
    const min = minimiseFile(files, k, fires, 500);
    expect(fires(min)).toBe(true);
    expect(min[k]!.text.length).toBeLessThan(files[k]!.text.length / 4);
  });
});
