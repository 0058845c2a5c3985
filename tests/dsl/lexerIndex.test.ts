// The lexer's first-character index (dsl/tokens.ts, Identifier's start_chars_hint) must not change
// a single token: the same text lexed by chevrotain's safe mode (no index, every pattern tried at
// every position) gives the same tokens. Over the whole corpus and over names in every script.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { xizeLexer } from '../../dsl/lexer.ts';
import { allTokens } from '../../dsl/tokens.ts';

const safe = new Lexer(allTokens, { positionTracking: 'full', safeMode: true, skipValidations: true });
const shape = (text: string, l: Lexer) => {
  const r = l.tokenize(text);
  return { tokens: r.tokens.map((t) => `${t.tokenType.name}@${t.startOffset}:${t.image}`), errors: r.errors.map((e) => `${e.offset}+${e.length}`) };
};

function xizeFiles(dir: string, out: string[]): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) xizeFiles(p, out);
    else if (e.endsWith('.xize')) out.push(p);
  }
  return out;
}

describe('lexer first-character index', () => {
  it('is used (chevrotain did not fall back to trying every pattern)', () => {
    expect((xizeLexer() as unknown as { canModeBeOptimized: Record<string, boolean> }).canModeBeOptimized).toEqual({ defaultMode: true });
  });

  it('gives the same tokens as safe mode on every policy file', () => {
    const files = xizeFiles('provinces', []);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(shape(text, xizeLexer()), f).toEqual(shape(text, safe));
    }
  });

  it('gives the same tokens as safe mode on names in other scripts and odd characters', () => {
    const text = [
      '规则 𠀀𠀁名: 金额 = Ωμέγα + ÀÉ_x1 × ª º µ ÷ 2',
      'ａｂｃ１２３ ＋ 表格 自然人 元旦 ١٢٣ ٣ α̃ _下划线 ‿ € ¥ 　 “文字” 「括号」',
      'règle été: 数值 = 𝒳𝒴 + ß + ǅ + ᾈ ; // 注释',
    ].join('\n');
    expect(shape(text, xizeLexer())).toEqual(shape(text, safe));
  });
});
