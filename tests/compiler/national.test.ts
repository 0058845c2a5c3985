// The national baseline (provinces/national) compiles without errors, quickly.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePolicy, renderDiagnostics } from '../../compiler/index.ts';

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

  it('recompiles within the keystroke budget', () => {
    compilePolicy({ files });
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) compilePolicy({ files });
    const ms = (performance.now() - t0) / 5;
    expect(ms).toBeLessThan(100);
  });
});
