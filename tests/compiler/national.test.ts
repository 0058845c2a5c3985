// The national baseline (provinces/national) compiles without errors. How fast it checks is a
// bench figure (bench/playground-latency.ts: keystroke → preview, as a ratio to parsing), never a
// timed assertion here.
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
});
