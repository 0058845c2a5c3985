// docs/diagnostics.md lists every code of every catalogue with its Chinese and English message
// (issue 11). The section between the codes markers is what scripts/diagnostics-table.ts renders
// from the catalogues now: a new code, a removed one or a changed text fails here until the doc
// is regenerated (`npx tsx scripts/diagnostics-table.ts`). Same render function, no copy.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BEGIN, END, LAYERS, codeSection, renderCodeTables, spliceCodeTables, type Layer } from '../../scripts/diagnostics-table.ts';

const doc = readFileSync('docs/diagnostics.md', 'utf8');

describe('docs/diagnostics.md code tables', () => {
  it('has one generated section, equal to what the catalogues render now', () => {
    expect(doc.split(BEGIN).length).toBe(2);
    expect(doc.split(END).length).toBe(2);
    expect(codeSection(doc)).toBe(renderCodeTables());
  });

  it('has a row for every code of every catalogue, with both texts', () => {
    const section = codeSection(doc) ?? '';
    let codes = 0;
    for (const layer of LAYERS) {
      for (const c of layer.catalogues) {
        for (const code of Object.keys(c).filter((k) => k.startsWith(layer.prefix))) {
          codes++;
          const row = section.split('\n').find((l) => l.startsWith(`| ${code} |`));
          expect(row, code).toBeDefined();
          const [, zh, en] = row!.split(/ (?<!\\)\| /); // "| code", zh, "en |"
          expect(zh, code).toMatch(/\S/);
          expect(en, code).toMatch(/\S/);
        }
      }
    }
    // every code of a catalogue belongs to some layer: a catalogue gaining a new prefix fails here
    const all = new Set(LAYERS.flatMap((l) => l.catalogues.flatMap((c) => Object.keys(c))));
    expect(codes).toBe(all.size);
    expect(codes).toBeGreaterThan(150);
  });

  it('notices a catalogue code without a row', () => {
    const extra: Layer = {
      prefix: 'XZ', title: 'test', source: 'tests', catalogues: [{ XZ001: { zh: (a) => `新的 ${a.x}`, en: (a) => `new ${a.x}` } }],
    };
    const withNew = spliceCodeTables(doc, [...LAYERS, extra]);
    expect(withNew).not.toBe(doc);
    expect(withNew).toContain('| XZ001 | 新的 {x} | new {x} |');
    // and the doc as it is stands unchanged by regeneration
    expect(spliceCodeTables(doc)).toBe(doc);
  });

  it('escapes what would break a table cell', () => {
    const odd: Layer = {
      prefix: 'XZ', title: 'test', source: 'tests', catalogues: [{ XZ002: { zh: () => 'a | b\nc', en: () => 'x <y> z' } }],
    };
    expect(renderCodeTables([odd])).toContain('| XZ002 | a \\| b c | x &lt;y> z |');
  });
});

// XP000 used to be written inline in compiler/resolve.ts, so it had no row; it is in the catalogue now
import { resolveChain } from '../../compiler/resolve.ts';
import type { Diagnostic } from '../../dsl/diagnostic.ts';

describe('XP000 comes from the catalogue', () => {
  it('a parse function that throws gives XP000 with the catalogue text, the other file is still read', () => {
    const diags: Diagnostic[] = [];
    const files = [{ path: 'a.xize', text: 'x' }, { path: 'b.xize', text: 'y' }];
    let parsed = 0;
    resolveChain(files, undefined, (f) => {
      if (f.path === 'a.xize') throw new Error('boom');
      parsed++;
      return { ast: { file: f.path, declarations: [] }, diagnostics: [] };
    }, diags, new Map());
    const d = diags.find((x) => x.code === 'XP000');
    expect(d?.message).toEqual({ zh: '内部错误：解析失败（Error: boom）', en: 'internal error: parser failed (Error: boom)' });
    expect(d?.span.file).toBe('a.xize');
    expect(parsed).toBe(1);
    expect(codeSection(doc)).toContain('| XP000 | 内部错误：解析失败（{error}） | internal error: parser failed ({error}) |');
  });
});
