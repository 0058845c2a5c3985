// The XF catalog (cli/messages.ts) is documented in docs/diagnostics.md and bilingual.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliMessages } from '../../cli/messages.ts';

const doc = readFileSync('docs/diagnostics.md', 'utf8');

describe('XF catalog', () => {
  for (const [code, m] of Object.entries(cliMessages)) {
    it(`${code} is documented and bilingual`, () => {
      expect(doc).toContain(`| ${code} |`);
      const args = new Proxy({}, { get: (_t, k) => (typeof k === 'string' ? `<${k}>` : undefined) }) as Record<string, string>;
      expect(m.zh(args).length).toBeGreaterThan(0);
      expect(m.en(args).length).toBeGreaterThan(0);
      expect(m.hint.zh.length * m.hint.en.length).toBeGreaterThan(0);
    });
  }
});
