// House rule: docs and messages a user sees never point outside the repository. A fresh clone has
// no `/work/…` and no `../shared` beside it, so such a path in a doc, a `说明` string, a case title
// or a CLI/compiler message is a dead link for every reader but the one who wrote it. Facts from
// outside carry their source by name (the regulation and article, or "the shared peer bench, not
// part of this repository"), never by a path on one machine.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Built from pieces so that this file itself does not match.
const SLASH = '/';
const OUTSIDE: { what: string; re: RegExp }[] = [
  { what: 'an absolute path under /work', re: new RegExp(`${SLASH}work${SLASH}`) },
  { what: 'a relative path to ../shared', re: new RegExp(`\\.\\.${SLASH}shared`) },
  { what: 'a path into shared/', re: new RegExp(`(^|[^A-Za-z0-9_.-])shared${SLASH}`) },
];

/** Every place in `text` that points outside the repository, as `line: excerpt (what)`. */
export function outsideRefs(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const { what, re } of OUTSIDE) if (re.test(line)) found.push(`${i + 1}: ${line.trim().slice(0, 120)} (${what})`);
  });
  return found;
}

function walk(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out;
}

const md = (p: string) => p.endsWith('.md');
const userFacing = [
  'README.md',
  ...walk('docs', md),
  ...walk('provinces', (p) => /\.(xize|ya?ml|md)$/.test(p)),
  // CLI and compiler messages are string literals in these sources: scan the files whole.
  ...walk('cli', (p) => p.endsWith('.ts')),
  ...walk('compiler', (p) => p.endsWith('.ts')),
  ...walk('runtime', (p) => p.endsWith('.ts')),
  // The peer-bench adapters say how an operator points them at the bench.
  ...walk('bench', (p) => /\.(ts|mjs)$/.test(p)),
];

// Every `说明 "…"` (or full-width quotes) string of every policy under provinces/.
const docStrings: { file: string; text: string }[] = [];
for (const file of walk('provinces', (p) => p.endsWith('.xize'))) {
  for (const m of readFileSync(file, 'utf8').matchAll(/说明\s*(?:"((?:[^"\\]|\\.)*)"|“([^”]*)”)/g))
    docStrings.push({ file, text: m[1] ?? m[2] ?? '' });
}

describe('no references outside the repository', () => {
  it('the scanner finds each kind of outside path (the test can fail)', () => {
    expect(outsideRefs(`见 ${SLASH}work${SLASH}shared${SLASH}domain.md 第B节`)).toHaveLength(2);
    expect(outsideRefs(`cp -r ..${SLASH}shared${SLASH}peer-bench /tmp`)).toHaveLength(2);
    expect(outsideRefs(`the seed text (\`shared${SLASH}seeds${SLASH}x.txt\`)`)).toHaveLength(1);
    expect(outsideRefs('the shared peer bench (not part of this repository); domain.md B1; node_modules/x')).toEqual([]);
  });

  it('scans a real set of files and 说明 strings', () => {
    expect(userFacing.filter((p) => p.startsWith('docs/')).length).toBeGreaterThan(5);
    expect(docStrings.length).toBeGreaterThan(100);
  });

  it.each(userFacing)('%s', (file) => {
    expect(outsideRefs(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('every 说明 string in provinces/**', () => {
    const bad = docStrings.flatMap(({ file, text }) => outsideRefs(text).map((r) => `${file}: ${r}`));
    expect(bad).toEqual([]);
  });
});
