// The XC catalog is complete: every code is documented in docs/diagnostics.md, tested in
// diagnostics.test.ts, and renders non-empty Chinese and English text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilerMessages } from '../../compiler/index.ts';

const doc = readFileSync('docs/diagnostics.md', 'utf8');
// the limit codes are tested with the limits themselves (tests/compiler/limits.test.ts)
const tests = readFileSync('tests/compiler/diagnostics.test.ts', 'utf8') + readFileSync('tests/compiler/limits.test.ts', 'utf8');

describe('XC catalog', () => {
  for (const [code, t] of Object.entries(compilerMessages)) {
    it(`${code} is documented, tested and bilingual`, () => {
      expect(code).toMatch(/^XC\d{3}$/);
      expect(doc).toContain(`| ${code} |`);
      expect(tests).toContain(`'${code}'`);
      const args = new Proxy({}, { get: (_t, k) => (typeof k === 'string' ? `<${k}>` : undefined) }) as Record<string, string>;
      expect(t.zh(args).length).toBeGreaterThan(0);
      expect(t.en(args).length).toBeGreaterThan(0);
    });
  }
});

// runtime codes that came with the runtime's limits (docs/diagnostics.md, "Limits"): each is
// documented with its texts and rendered bilingual by its catalog
import { evalMessages } from '../../runtime/evalMessages.ts';
import { inputMessages } from '../../runtime/messages.ts';

describe('runtime limit codes', () => {
  const catalogs: Record<string, { zh: (a: Record<string, string>) => string; en: (a: Record<string, string>) => string }> = { ...evalMessages, ...inputMessages };
  for (const code of ['XI014', 'XI015', 'XR041', 'XR042', 'XR043', 'XR044', 'XR045']) {
    it(`${code} is documented and bilingual`, () => {
      expect(doc).toContain(`| ${code} |`);
      const t = catalogs[code]!;
      const args = new Proxy({}, { get: (_t, k) => (typeof k === 'string' ? `<${k}>` : undefined) }) as Record<string, string>;
      expect(t.zh(args)).toMatch(/[\u4e00-\u9fff]/);
      expect(t.en(args).length).toBeGreaterThan(0);
    });
  }
});
