// Terminal and JSON renderers.
import { describe, expect, it } from 'vitest';
import { diagnosticsToJson, renderDiagnostics } from '../../compiler/index.ts';
import { compileFolders } from './helpers.ts';

const text = '政策 p 生效 2020-01-01\n输入 { 本人工资: 金额 }\n规则 补助: 金额 依据 "条例第三十五条" = 本人工资x × 60%\n';
const r = compileFolders({ 'provinces/p/disability.xize': text });

describe('terminal renderer', () => {
  it('shows code, both languages, location, source line, underline, hint and citation', () => {
    const out = renderDiagnostics(r.diagnostics, r.sources);
    const lines = out.split('\n');
    expect(lines[0]).toBe("error[XC001]: 未知名称“本人工资x” / unknown name '本人工资x'");
    expect(lines[1]).toBe('  --> provinces/p/disability.xize:3:26');
    expect(lines[3]).toBe('3 | 规则 补助: 金额 依据 "条例第三十五条" = 本人工资x × 60%');
    // CJK characters are two columns wide: the carets sit under 本人工资x (4×2 + 1 columns)
    const caretLine = lines[4];
    const col = caretLine.indexOf('^');
    expect(caretLine.slice(col)).toBe('^'.repeat(9));
    expect(out).toContain('提示: 是否想写“本人工资”？');
    expect(out).toContain("hint: did you mean '本人工资'?");
    expect(out).toContain('依据: 条例第三十五条');
    expect(out).toContain('1 error(s), 0 warning(s)');
    expect(out).not.toContain('\x1b[');
  });

  it('colours on request', () => {
    expect(renderDiagnostics(r.diagnostics, r.sources, { color: true })).toContain('\x1b[31m');
  });

  it('renders nothing for no diagnostics', () => {
    expect(renderDiagnostics([], new Map())).toBe('');
  });
});

describe('JSON renderer', () => {
  it('emits stable flat records', () => {
    const json = JSON.parse(diagnosticsToJson(r.diagnostics));
    expect(json).toEqual([
      {
        code: 'XC001',
        severity: 'error',
        file: 'provinces/p/disability.xize',
        line: 3,
        column: 26,
        endLine: 3,
        endColumn: 31,
        message: { zh: '未知名称“本人工资x”', en: "unknown name '本人工资x'" },
        hint: { zh: '是否想写“本人工资”？', en: "did you mean '本人工资'?" },
        cite: '条例第三十五条',
        related: [],
      },
    ]);
    expect(Object.keys(json[0])).toEqual(['code', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'hint', 'cite', 'related']);
  });
});
