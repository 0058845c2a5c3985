// Chevrotain error-message provider that encodes the error as JSON; dsl/parseErrors.ts decodes
// it into a bilingual Diagnostic. (Chevrotain only lets us hand back a string.)
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';

export interface EncodedParseError {
  kind: 'mismatch' | 'noViable' | 'earlyExit' | 'notAllInput';
  expected: string[]; // token type names
  rule: string;
}

function firsts(paths: TokenType[][]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const t = p[0];
    if (t && !out.includes(t.name)) out.push(t.name);
  }
  return out;
}

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, ruleName }) {
    const e: EncodedParseError = { kind: 'mismatch', expected: [expected.name], rule: ruleName };
    return JSON.stringify(e);
  },
  buildNotAllInputParsedMessage({ ruleName }: { firstRedundant: IToken; ruleName: string }) {
    const e: EncodedParseError = { kind: 'notAllInput', expected: [], rule: ruleName };
    return JSON.stringify(e);
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, ruleName }) {
    const e: EncodedParseError = {
      kind: 'noViable',
      expected: firsts(expectedPathsPerAlt.flat()),
      rule: ruleName,
    };
    return JSON.stringify(e);
  },
  buildEarlyExitMessage({ expectedIterationPaths, ruleName }) {
    const e: EncodedParseError = { kind: 'earlyExit', expected: firsts(expectedIterationPaths), rule: ruleName };
    return JSON.stringify(e);
  },
};
