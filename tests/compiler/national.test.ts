// The national baseline (provinces/national) compiles without errors; the checker is fast.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../dsl/index.ts';
import { checkChain } from '../../compiler/check.ts';
import { compilePolicy, renderDiagnostics } from '../../compiler/index.ts';
import { resolveChain } from '../../compiler/resolve.ts';

const dir = 'provinces/national';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.xize'))
  .sort()
  .map((f) => ({ path: `${dir}/${f}`, text: readFileSync(`${dir}/${f}`, 'utf8') }));

describe('national baseline', () => {
  it('compiles without errors', () => {
    const r = compilePolicy({ files });
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) console.log(renderDiagnostics(r.diagnostics, r.sources));
    expect(errors).toEqual([]);
    expect(r.ir?.name).toBeTruthy();
  });

  it('checks within the keystroke budget (parsing excluded)', () => {
    const chain = resolveChain(files, undefined, parseFile, [], new Map());
    let best = Infinity;
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      checkChain(chain, []);
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(40);
  });
});
