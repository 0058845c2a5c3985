// House rule: docs and messages a user sees never point outside the repository. A fresh clone has
// no `/work/…` and no `../shared` beside it, so such a path in a doc, a `说明` string, a case title
// or a CLI/compiler message is a dead link for every reader but the one who wrote it. Facts from
// outside carry their source by name (the regulation and article, or "the shared peer bench, not
// part of this repository"), never by a path on one machine.
//
// Two strengths: every user-facing file is scanned whole for outside paths; the strings a policy
// shows to users (every string literal: `标题`, `依据`, `说明`, a check's `提示`, text values — they
// reach the trace, the generated module, the playground and the reports) and a golden case's
// `title` and `cite` may not even name the research notes kept outside (domain.md, the seeds, the
// peer bench). Comments may name a secondary page as a figure's source; they are not scanned.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { lex } from '../../dsl/lexer.ts';
import { StringLiteral } from '../../dsl/tokens.ts';

// Built from pieces so that this file itself does not match.
const SLASH = '/';
const OUTSIDE: { what: string; re: RegExp }[] = [
  { what: 'an absolute path under /work', re: new RegExp(`${SLASH}work${SLASH}`) },
  { what: 'a relative path to ../shared', re: new RegExp(`\\.\\.${SLASH}shared`) },
  { what: 'a path into shared/', re: new RegExp(`(^|[^A-Za-z0-9_.-])shared${SLASH}`) },
];
// What a policy string or a case title/cite may not name either: the research notes.
const NOTES: RegExp[] = [/domain\.md/, new RegExp(`shared${SLASH}seeds`), /peer-bench/];
const outsideString = (s: string) => OUTSIDE.some(({ re }) => re.test(s)) || NOTES.some((re) => re.test(s));

/** Every place in `text` that points outside the repository, as `line: excerpt (what)`. */
export function outsideRefs(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const { what, re } of OUTSIDE) if (re.test(line)) found.push(`${i + 1}: ${line.trim().slice(0, 120)} (${what})`);
  });
  return found;
}

/** The string literals of a policy file that point outside the repository, as `file:line: text`. */
export function outsideRefsInPolicy(path: string, text: string): string[] {
  return stringLiterals(path, text)
    .filter((t) => outsideString(t.image))
    .map((t) => `${path}:${t.startLine}: ${t.image}`);
}

function stringLiterals(path: string, text: string) {
  return lex({ path, text }).tokens.filter((t) => t.tokenType.CATEGORIES?.includes(StringLiteral) || t.tokenType === StringLiteral);
}

function outsideRefsInCases(path: string, text: string): string[] {
  const doc = parseYaml(text) as { cases?: { id?: string; title?: unknown; cite?: unknown }[] } | null;
  const hits: string[] = [];
  for (const c of doc?.cases ?? []) {
    for (const v of [c.title, c.cite]) {
      if (typeof v === 'string' && outsideString(v)) hits.push(`${path} ${c.id}: ${v}`);
    }
  }
  return hits;
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
const policies = walk('provinces', (p) => p.endsWith('.xize'));
const suites = walk('provinces', (p) => /\.cases\.ya?ml$/.test(p));

describe('no references outside the repository', () => {
  it('the scanners find each kind of outside path and ignore comments (the test can fail)', () => {
    expect(outsideRefs(`见 ${SLASH}work${SLASH}shared${SLASH}domain.md 第B节`)).toHaveLength(2);
    expect(outsideRefs(`cp -r ..${SLASH}shared${SLASH}peer-bench /tmp`)).toHaveLength(2);
    expect(outsideRefs(`the seed text (\`shared${SLASH}seeds${SLASH}x.txt\`)`)).toHaveLength(1);
    expect(outsideRefs('the shared peer bench (not part of this repository); domain.md B1; node_modules/x')).toEqual([]);
    const text = `// 来源：domain.md B4\n参数 p: 比率 = 50% 依据 "第二十五条" 说明 "见 ..${SLASH}shared${SLASH}domain.md"\n`;
    expect(outsideRefsInPolicy('x.xize', text)).toEqual([`x.xize:2: "见 ..${SLASH}shared${SLASH}domain.md"`]);
    expect(outsideRefsInPolicy('x.xize', `参数 p: 比率 = 50% 说明 “见 ${SLASH}work${SLASH}shared”\n`)).toHaveLength(1);
    expect(outsideRefsInPolicy('x.xize', '参数 p: 比率 = 50% 依据 "domain.md B4"\n')).toHaveLength(1);
    expect(outsideRefsInCases('x.cases.yaml', 'cases:\n  - id: a\n    title: 见 domain.md\n')).toEqual(['x.cases.yaml a: 见 domain.md']);
  });

  it('scans a real set of files, string literals and case suites', () => {
    expect(userFacing.filter((p) => p.startsWith('docs/')).length).toBeGreaterThan(5);
    expect(policies.length).toBeGreaterThan(20);
    expect(policies.flatMap((f) => stringLiterals(f, readFileSync(f, 'utf8'))).length).toBeGreaterThan(100);
    expect(suites.length).toBeGreaterThan(10);
  });

  it.each(userFacing)('%s', (file) => {
    expect(outsideRefs(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('no string literal (标题, 依据, 说明, 提示, text values) of any policy points outside or names the notes', () => {
    expect(policies.flatMap((f) => outsideRefsInPolicy(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('no case title or cite points outside or names the notes', () => {
    expect(suites.flatMap((f) => outsideRefsInCases(f, readFileSync(f, 'utf8')))).toEqual([]);
  });
});
