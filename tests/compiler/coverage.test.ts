// docs/coverage.md against the baseline and the texts: every claimed article is cited by a
// declaration it names, every citation of a 规程 article points at an article the edition has,
// every encoded row names a golden case that exists, and the encoded share per edition is reported
// (and may not fall below the last recorded value).
import { readPolicyFolder } from '../../cli/io.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePolicy, loadPolicy } from '../../compiler/index.ts';
import { parseCaseSuite, runGoldenCase, type GoldenCase } from '../../compiler/cases.ts';
import type { TraceNode } from '../../runtime/trace.ts';
import { citedArticles, coverageRows, EDITIONS, seedArticles, type CoverageRow } from './coverageSupport.ts';

const dir = 'provinces/national';
const files = readPolicyFolder(dir); // the CLI's reader: one way to read a policy folder
const ir = compilePolicy({ files }).ir!;

// Every `依据` of the baseline, with the declaration it belongs to.
const cites: { decl: string; cite: string }[] = [];
const names = new Set<string>();
for (const d of [...ir.params, ...ir.tables, ...ir.bands, ...ir.rules]) {
  names.add(d.name);
  if (d.cite) cites.push({ decl: d.name, cite: d.cite });
  for (const layer of d.layers) for (const v of layer.versions) if (v.cite) cites.push({ decl: d.name, cite: v.cite });
}
for (const r of ir.rules) for (const e of r.exceptions) if (e.cite) cites.push({ decl: r.name, cite: e.cite });
for (const c of ir.checks) {
  names.add(c.name);
  if (c.cite) cites.push({ decl: c.name, cite: c.cite });
}
for (const x of [...ir.inputs, ...ir.enums, ...ir.records]) names.add(x.name);

/** declaration → the articles its citations name, as `source#number`. */
const citedBy = new Map<string, Set<string>>();
for (const { decl, cite } of cites) {
  const set = citedBy.get(decl) ?? new Set<string>();
  for (const a of citedArticles(cite)) set.add(`${a.source}#${a.article}`);
  citedBy.set(decl, set);
}

const casesById = new Map<string, GoldenCase>();
for (const f of readdirSync(`${dir}/cases`).filter((f) => f.endsWith('.cases.yaml'))) {
  for (const c of parseCaseSuite(readFileSync(`${dir}/cases/${f}`, 'utf8'), f).cases) casesById.set(c.id, c);
}
const caseIds = new Set(casesById.keys());

/** The declarations a golden case evaluates (every name in its explanation trace, and the checks that fired). */
const policy = loadPolicy(ir);
const touchedMemo = new Map<string, Set<string>>();
function touched(id: string): Set<string> {
  let out = touchedMemo.get(id);
  if (out) return out;
  out = new Set<string>();
  const { outcome } = runGoldenCase(policy, ir, casesById.get(id)!, true);
  const walk = (n: TraceNode): void => {
    if ('name' in n) out!.add(n.name);
    if ('children' in n) n.children.forEach(walk);
  };
  Object.values(outcome.trace ?? {}).forEach(walk);
  for (const c of outcome.checks) out.add(c.name);
  touchedMemo.set(id, out);
  return out;
}

const rows = coverageRows(readFileSync('docs/coverage.md', 'utf8'));
const where = (r: CoverageRow) => `docs/coverage.md:${r.line} ${r.source}${r.articleText.replace(/^.*?第/, '第')}`;

// The encoded share per edition may only grow: raise these when you encode more.
const FLOOR: Record<string, number> = { '2012': 100, '2022': 100 };

describe('docs/coverage.md', () => {
  it('has one row per article of each edition, and no row for an article the text lacks', () => {
    for (const ed of EDITIONS) {
      const have = seedArticles(ed).map((a) => a.number);
      const listed = rows.filter((r) => r.section === `规程(${ed})`).map((r) => r.article);
      expect([...listed].sort((a, b) => a - b), `规程(${ed}) rows`).toEqual(have);
    }
  });

  it('cites only articles that exist in the edition cited', () => {
    const bad: string[] = [];
    for (const ed of EDITIONS) {
      const have = new Set(seedArticles(ed).map((a) => a.number));
      for (const { decl, cite } of cites)
        for (const a of citedArticles(cite)) if (a.source === `规程(${ed})` && !have.has(a.article)) bad.push(`${decl}: ${cite} → 规程(${ed}) article ${a.article}`);
    }
    expect([...new Set(bad)]).toEqual([]);
  });

  it('every encoded or partial row names declarations that exist, one of which cites the article', () => {
    const bad: string[] = [];
    for (const r of rows.filter((r) => r.status === 'encoded' || r.status === 'partial')) {
      if (!r.declarations.length) bad.push(`${where(r)}: no declaration named`);
      for (const d of r.declarations) if (!names.has(d)) bad.push(`${where(r)}: \`${d}\` is not declared in ${dir}`);
      const key = `${r.source}#${r.article}`;
      if (!r.declarations.some((d) => citedBy.get(d)?.has(key))) bad.push(`${where(r)}: none of ${r.declarations.join(', ')} cites it`);
    }
    expect(bad).toEqual([]);
  });

  it('every encoded row names a golden case that exists', () => {
    const bad: string[] = [];
    for (const r of rows.filter((r) => r.status === 'encoded')) {
      if (!r.cases.length) bad.push(`${where(r)}: no golden case named`);
      for (const id of r.cases) if (!caseIds.has(id)) bad.push(`${where(r)}: no case \`${id}\` in ${dir}/cases`);
    }
    expect(bad).toEqual([]);
  });

  it('every encoded row names a golden case that evaluates a declaration citing the article', () => {
    const bad: string[] = [];
    for (const r of rows.filter((r) => r.status === 'encoded' && r.cases.every((id) => caseIds.has(id)))) {
      const key = `${r.source}#${r.article}`;
      const hit = r.cases.some((id) => [...touched(id)].some((d) => citedBy.get(d)?.has(key)));
      if (!hit) bad.push(`${where(r)}: none of ${r.cases.join(', ')} evaluates a declaration that cites it`);
    }
    expect(bad).toEqual([]);
  });

  it('reports the encoded share of the computable articles per edition', () => {
    for (const ed of EDITIONS) {
      const mine = rows.filter((r) => r.section === `规程(${ed})`);
      const computable = mine.filter((r) => r.status !== 'not computable');
      const encoded = computable.filter((r) => r.status === 'encoded');
      const partial = computable.filter((r) => r.status === 'partial');
      const share = computable.length ? (100 * encoded.length) / computable.length : 0;
      console.log(
        `规程(${ed}): ${encoded.length} of ${computable.length} computable articles encoded (${share.toFixed(1)} %), ${partial.length} partial, ` +
          `${computable.length - encoded.length - partial.length} absent; ${mine.length - computable.length} not computable`,
      );
      expect(share).toBeGreaterThanOrEqual(FLOOR[ed]);
    }
  });
});
