// Issue 11 item 6: `xize test` walks folders by their real path, so symbolic-link cycles end and
// each case file is reported once (before the fix three `cases/x -> ..` links hung > 60 s).
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findCaseFiles } from '../../cli/io.ts';
import { ROOT, scratchDir, xize } from '../support/scratch.ts';

const TMP = scratchDir('case-discovery');

/** The CLI fixtures (a baseline and a province with three suites), copied; returns the tree. */
function tree(name: string): string {
  const dir = join(TMP, name);
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/cli/base'), join(dir, 'base'), { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/cli/child'), join(dir, 'child'), { recursive: true });
  return dir;
}

// the fixture province holds exactly these three suites
const SUITES = ['child/bad-suite.cases.yaml', 'child/cases/ok.cases.yaml', 'child/failing.cases.yaml'];

describe('case discovery', () => {
  it('ends on link cycles and reports each case file once, under its first path', () => {
    const dir = tree('cycles');
    symlinkSync('..', join(dir, 'child/cases/x'));
    symlinkSync('..', join(dir, 'child/cases/y'));
    symlinkSync('../..', join(dir, 'child/cases/z'));
    symlinkSync(join(dir, 'child'), join(dir, 'child2')); // a second name for one folder
    symlinkSync('ok.cases.yaml', join(dir, 'child/cases/again.cases.yaml')); // a second name for one file
    const t0 = performance.now();
    const files = findCaseFiles([dir, join(dir, 'child')]);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(files.map((f) => relative(dir, f).split('\\').join('/'))).toEqual(SUITES);
  });

  it('xize test over a tree with link cycles finishes with the same counts as without them', () => {
    const plain = tree('plain');
    const linked = tree('linked');
    symlinkSync('..', join(linked, 'child/cases/x'));
    symlinkSync('..', join(linked, 'child/cases/y'));
    symlinkSync('..', join(linked, 'child/cases/w'));
    const a = xize('test', plain, '--reporter', 'json');
    const b = xize('test', linked, '--reporter', 'json');
    expect(b.code, b.err).not.toBeNull(); // not killed by the 60 s timeout
    const sa = JSON.parse(a.out) as { summary: { files: number; cases: number; passed: number; failed: number }; suites: { file: string }[] };
    const sb = JSON.parse(b.out) as typeof sa;
    expect(sb.summary.files).toBe(3);
    expect(sb.suites.map((s) => relative(linked, join(ROOT, s.file)).split('\\').join('/')).sort()).toEqual(SUITES);
    for (const k of ['files', 'cases', 'passed', 'failed'] as const) expect(sb.summary[k], k).toBe(sa.summary[k]);
    expect(b.code).toBe(a.code);
  });

  it('an unreadable or missing path is a coded input error, not a stack trace', () => {
    const r = xize('test', join(TMP, 'no-such-folder'));
    expect(r.code).toBe(3);
    expect(r.err).toContain('XF010');
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
