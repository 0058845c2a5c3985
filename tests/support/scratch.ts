// Test helpers shared by the suites that write files or run the CLI as a child process.
import { afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A scratch folder under tests/.tmp for this suite, removed (with tests/.tmp when empty) after it. */
export function scratchDir(name: string): string {
  const dir = join(ROOT, 'tests', '.tmp', `${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    try {
      if (readdirSync(join(ROOT, 'tests', '.tmp')).length === 0) rmSync(join(ROOT, 'tests', '.tmp'), { recursive: true, force: true });
    } catch {
      /* already gone */
    }
  });
  return dir;
}

/** Runs the `xize` CLI from the repository root (node --import tsx: the same loader as npm run xize). */
export function xize(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A scratch folder in the OS temp dir, outside the repository (so nothing resolves through the
 * checkout's node_modules or package.json), removed after the suite. */
export function outsideScratchDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `xize-${name}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The CLI fixtures (a baseline and a province with three suites) copied into `<scratch>/<name>`. */
export function fixtureTree(scratch: string, name: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/cli/base'), join(dir, 'base'), { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/cli/child'), join(dir, 'child'), { recursive: true });
  return dir;
}
