// House rule: what a user sees never points outside the repository. In a policy that is every string
// literal (`标题`, `依据`, `说明`, a check's `提示`, text values): they reach the trace, the generated
// module, the playground and the reports. In a golden-case suite it is a case's `title` and `cite`.
// Comments may name a secondary page as a figure's source; they are not scanned.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { lex } from '../../dsl/lexer.ts';
import { StringLiteral } from '../../dsl/tokens.ts';

// Paths of the workspace around the repository, and the research notes kept there.
const OUTSIDE = [/\/work\//, /\.\.\/shared/, /domain\.md/, /shared\/seeds/, /peer-bench/];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** The string literals of a policy file that point outside the repository, as `file:line: text`. */
export function outsideRefsInPolicy(path: string, text: string): string[] {
  return lex({ path, text })
    .tokens.filter((t) => t.tokenType.CATEGORIES?.includes(StringLiteral) || t.tokenType === StringLiteral)
    .filter((t) => OUTSIDE.some((re) => re.test(t.image)))
    .map((t) => `${path}:${t.startLine}: ${t.image}`);
}

function outsideRefsInCases(path: string, text: string): string[] {
  const doc = parseYaml(text) as { cases?: { id?: string; title?: unknown; cite?: unknown }[] } | null;
  const hits: string[] = [];
  for (const c of doc?.cases ?? []) {
    for (const v of [c.title, c.cite]) {
      if (typeof v === 'string' && OUTSIDE.some((re) => re.test(v))) hits.push(`${path} ${c.id}: ${v}`);
    }
  }
  return hits;
}

describe('user-visible strings of the provinces stay inside the repository', () => {
  const files = walk('provinces');

  it('the scanner finds such a string and ignores comments', () => {
    const text = '// 来源：domain.md B4\n参数 p: 比率 = 50% 依据 "第二十五条" 说明 "见 ../shared/domain.md"\n';
    expect(outsideRefsInPolicy('x.xize', text)).toEqual(['x.xize:2: "见 ../shared/domain.md"']);
    expect(outsideRefsInPolicy('x.xize', '参数 p: 比率 = 50% 说明 “见 /work/shared”\n')).toHaveLength(1);
    expect(outsideRefsInCases('x.cases.yaml', 'cases:\n  - id: a\n    title: 见 domain.md\n')).toEqual([
      'x.cases.yaml a: 见 domain.md',
    ]);
  });

  it('no 标题, 依据, 说明 or 提示 of any policy points outside', () => {
    const xize = files.filter((f) => f.endsWith('.xize'));
    expect(xize.length).toBeGreaterThan(20);
    expect(xize.flatMap((f) => outsideRefsInPolicy(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('no case title or cite points outside', () => {
    const suites = files.filter((f) => /\.cases\.ya?ml$/.test(f));
    expect(suites.length).toBeGreaterThan(10);
    expect(suites.flatMap((f) => outsideRefsInCases(f, readFileSync(f, 'utf8')))).toEqual([]);
  });
});
