// Issue 11 item 10: terminal controls in policy strings (标题, 说明, 依据, 提示), case ids and
// titles, file names, input values and messages are shown as visible escapes (`\u001b`), never
// sent raw — with or without colours; JSON stays valid JSON with the original value.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeControls, oneLine } from '../../compiler/render/escape.ts';
import { renderDiagnostics } from '../../compiler/render/terminal.ts';
import { terminalSafe } from '../../cli/output.ts';
import { c, displayWidth, ownColours, setColor } from '../../cli/format.ts';
import { ROOT, scratchDir, xize } from '../support/scratch.ts';

const TMP = scratchDir('terminal-escape');
const ESC = '\x1b[31m'; // "turn red"
const RLO = '\u202e'; // right-to-left override ("Trojan source")
const CSI = '\u009b'; // C1 control sequence introducer
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

const dir = join(TMP, 'p');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'policy.xize'), `政策 恶意 标题 "标题${ESC}红${RLO}反" 生效 2020-01-01 舍入 四舍五入 到 分
输入 {
  月工资: 金额 说明 "说明${ESC}"
  备注: 文本
}
规则 结果: 金额 依据 "第一条${ESC}${RLO}" = 月工资 × 2
规则 备注回显: 文本 依据 "第二条${CSI}2J" = 备注
检查 低 警告 依据 "第三条${ESC}" 当 月工资 < 1元 提示 "提示${ESC}${RLO}"
`);
const caseFile = join(dir, `a${ESC}b.cases.yaml`);
writeFileSync(caseFile, `cases:
  - id: "id${ESC}${RLO}x"
    title: "标题${ESC}\\n✓ 伪造的一行"
    as_of: 2024-01-01
    input: { 月工资: "0.5", 备注: "备注${ESC}${RLO}" }
    expected: { 结果: "1.00", 备注回显: "错${ESC}" }
`);
const bad = join(TMP, 'bad');
mkdirSync(bad, { recursive: true });
writeFileSync(join(bad, 'p.xize'), `政策 坏 生效 2020-01-01\n规则 r: 金额 依据 "x${ESC}" = 未知${RLO}名 + 1元\n`);

describe('escaping', () => {
  it('shows C0, C1, ESC and bidi controls as \\uXXXX; oneLine also newlines and tabs', () => {
    expect(escapeControls(`a${ESC}b${RLO}c${CSI}d\u2066e\n\tf`)).toBe('a\\u001b[31mb\\u202ec\\u009bd\\u2066e\n\tf');
    expect(oneLine('a\nb\tc\rd')).toBe('a\\u000ab\\u0009c\\u000dd');
    expect(escapeControls('工伤保险 60% 〔条例〕')).toBe('工伤保险 60% 〔条例〕');
  });

  it('the writer keeps only the CLI’s own colours; a colour code in user text is escaped', () => {
    setColor(true);
    try {
      const s = `${c.red('错')} ${ESC}x`;
      expect(terminalSafe(s, true)).toBe(`\x1b[31m错\x1b[39m \\u001b[31mx`);
      expect(terminalSafe(s, false)).not.toMatch(RAW); // no colours: not one escape sequence
    } finally {
      setColor(false);
    }
  });

  it('the diagnostics renderer escapes what it quotes and keeps the carets under the span', () => {
    const text = `规则 r = "${ESC}" + 未知\n`;
    const col = text.indexOf('未知') + 1;
    const d = { code: 'XC001', severity: 'error' as const, args: {}, message: { zh: `未知名称 “未知${ESC}”`, en: `unknown name '未知${ESC}'` }, hint: { zh: `是否想写“${RLO}”？`, en: 'x' }, cite: `依据${ESC}`,
      span: { file: `f${ESC}.xize`, start: { line: 1, column: col, offset: col - 1 }, end: { line: 1, column: col + 2, offset: col + 1 } } };
    const plain = renderDiagnostics([d], [{ path: d.span.file, text }]);
    expect(plain).not.toMatch(RAW);
    const lines = plain.split('\n');
    const src = lines.find((l) => l.startsWith('1 |'))!;
    const carets = lines[lines.indexOf(src) + 1]!;
    // the carets start under 未知, after the (visible, longer) escape of the string literal
    expect(src).toContain('"\\u001b[31m"');
    expect(carets.indexOf('^')).toBe(displayWidth(src.slice(0, src.indexOf('未知'))));
    expect(carets.slice(carets.indexOf('^'))).toBe('^^^^');
    // coloured: the only escape sequences are the renderer's own colours, which the writer keeps
    const coloured = ownColours(renderDiagnostics([d], [{ path: d.span.file, text }], { color: true }));
    expect(terminalSafe(coloured, true)).toBe(coloured.replace(/\ufdd0/g, ''));
    expect(coloured.replace(/\ufdd0\x1b\[[0-9;]*m/g, '')).toBe(plain);
  });
});

describe('the CLI never prints a control character from a file', () => {
  const check = (r: { code: number | null; out: string; err: string }) => {
    expect(r.out + r.err).not.toMatch(RAW);
    expect(r.out + r.err).not.toMatch(/\n\s+at /);
  };

  it('run (pretty, --explain, --all): visible escapes in title, cite, check, case id, values', () => {
    const r = xize('run', dir, '--case', caseFile, '--explain', '--all', '--no-color');
    check(r);
    expect(r.out).toContain('标题\\u001b[31m红\\u202e反'); // policy title
    expect(r.out).toContain('id\\u001b[31m\\u202ex'); // case id
    expect(r.out).toContain('第一条\\u001b[31m\\u202e'); // citation
    expect(r.out).toContain('提示\\u001b[31m\\u202e'); // check message
    expect(r.out).toContain('备注\\u001b[31m\\u202e'); // a text value
    expect(r.out).toContain('第二条\\u009b2J');
    expect(r.out).toContain('标题\\u001b[31m\\u000a✓ 伪造的一行'); // a title stays on one line
  });

  it('test (pretty): file name, id and failures escaped; --reporter json is valid JSON with the raw values', () => {
    check(xize('test', dir));
    const j = xize('test', dir, '--reporter', 'json');
    expect(j.out).not.toMatch(RAW);
    const report = JSON.parse(j.out) as { suites: { file: string; cases: { id: string }[] }[] };
    expect(report.suites[0]!.cases[0]!.id).toBe(`id${ESC}${RLO}x`);
    expect(report.suites[0]!.file).toContain(ESC);
    check(xize('test', dir, '--reporter', 'junit'));
  });

  it('check and a report file: diagnostics quoting hostile text, the pretty report written by --out', () => {
    const r = xize('check', bad);
    expect(r.code).toBe(1);
    check(r);
    expect(r.out + r.err).toContain('\\u202e');
    const out = join(TMP, 'report.txt');
    xize('test', dir, '--out', out);
    expect(readFileSync(out, 'utf8')).not.toMatch(RAW);
  });

  it('no file of cli/ writes to the terminal except through the escaping writer', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(join(ROOT, d), { withFileTypes: true })) {
        if (e.isDirectory()) walk(`${d}/${e.name}`);
        else if (e.name.endsWith('.ts')) files.push(`${d}/${e.name}`);
      }
    };
    walk('cli');
    // launch.ts (the bin) prints only the version constant
    const direct = files.filter((f) => !['cli/output.ts', 'cli/launch.ts'].includes(f) && /process\.std(out|err)\.write|console\.(log|error|warn)/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(direct).toEqual([]);
  });
});
