// xize test [paths…] [--reporter pretty|json|junit] [--out file]
import { clearProgress, err, out, progress } from '../output.ts';
import { escapeControls as esc, oneLine as line } from '../../compiler/render/escape.ts';
import { resolve } from 'node:path';
import { hostname } from 'node:os';
import type { JsonValue } from '../../runtime/outcome.ts';
import { diagnosticToJson, parseCaseSuite, renderDiagnostics, runGoldenCase, type JsonDiagnostic } from '../../compiler/index.ts';
import { parseArgs, str, UsageError } from '../args.ts';
import { BAD, c, colorEnabled, OK, ownColours } from '../format.ts';
import { cachedCaseSuite } from '../astCache.ts';
import { displayPath, findCaseFiles, findPolicyFolder, policyFolderOfCaseFile, policyNameOf, readText } from '../io.ts';
import { checkOutputFile, writeFileAtomic } from '../safeWrite.ts';
import { compileFolder, renderFolderDiagnostics, type CompiledFolder } from '../policy.ts';

export const testHelp = `用法 / Usage: xize test [路径 paths…] [--reporter pretty|json|junit] [--out <文件 file>]

在给定路径（默认 provinces/）下查找 *.cases.yaml，每个政策只编译一次，运行全部案例；
失败时显示预期与实际值，最后给出汇总。
Finds *.cases.yaml under the paths (default provinces/), compiles each policy once, runs every
case, shows expected vs actual on failure and a summary.

选项 / Options:
  --reporter <r>  pretty（默认 default）| json | junit
  --out <file>    把报告写入文件（原子写入）/ write the report to a file (atomically)
  --no-color      不使用颜色 / no colours
  -h, --help      显示帮助 / show this help

退出码 / Exit codes: 0 全部通过 all passed · 1 有失败的案例或政策错误 failing cases or policy errors
                     · 2 用法错误 usage · 3 无法读取 unreadable`;

export interface CaseReport {
  id: string;
  title?: string;
  pass: boolean;
  line: number;
  ms: number;
  failures: { name: string; line?: number; expected: string; actual: string; expectedValue?: JsonValue; actualValue?: JsonValue }[];
  notes: string[];
}

/** A case of a suite whose policy could not be compiled or found: counted, listed, never run. */
export interface NotRunCase {
  id: string;
  title?: string;
  line: number;
}

export interface SuiteReport {
  file: string;
  policy: string | null;
  policyDir: string | null;
  pass: boolean;
  /** problems of the suite file or of its policy (XT…, XL/XP/XC…) */
  diagnostics: JsonDiagnostic[];
  error?: string;
  cases: CaseReport[];
  /** cases that were not run (the suite's policy has errors or is missing) */
  notRun: NotRunCase[];
}

export interface TestReport {
  /** cases = passed + failed + notRun; startedAt ISO time; host the machine's name */
  summary: { files: number; cases: number; passed: number; failed: number; notRun: number; suiteErrors: number; ms: number; startedAt: string; host: string };
  suites: SuiteReport[];
}

export function test(argv: string[]): number {
  const a = parseArgs(argv, [
    { name: 'reporter', value: true, choices: ['pretty', 'json', 'junit'] },
    { name: 'out', value: true },
    { name: 'no-color' },
  ]);
  const reporter = str(a, 'reporter') ?? 'pretty';
  const outFile = str(a, 'out');
  const paths = a.positionals.length > 0 ? a.positionals : ['provinces'];
  const files = findCaseFiles(paths);
  // refused before any case runs: a folder, a device, a policy source, a case file, an input
  if (outFile !== undefined) checkOutputFile(outFile, { inputs: files });
  if (files.length === 0) {
    throw new UsageError(`在 ${paths.join('、')} 下没有找到 *.cases.yaml`, `no *.cases.yaml found under ${paths.join(', ')}`);
  }
  const t0 = performance.now();
  const compiled = new Map<string, CompiledFolder | Error>();
  const report: TestReport = {
    summary: { files: files.length, cases: 0, passed: 0, failed: 0, notRun: 0, suiteErrors: 0, ms: 0, startedAt: new Date().toISOString(), host: hostname() },
    suites: [],
  };
  const progressOn = Boolean(process.stderr.isTTY) && reporter === 'pretty' && !outFile;
  const pretty = reporter === 'pretty';
  const lines: string[] = [];
  const say = (s: string) => {
    if (!pretty) return;
    if (outFile) lines.push(s);
    else out(`${s}\n`);
  };

  files.forEach((file, fi) => {
    if (progressOn) progress(`[${fi + 1}/${files.length}] ${displayPath(file)}`);
    const text = readText(file);
    const shown = displayPath(file);
    const suite = cachedCaseSuite(text, shown);
    const sr: SuiteReport = { file: shown, policy: suite.policy ?? null, policyDir: null, pass: true, diagnostics: suite.diagnostics.map(diagnosticToJson), cases: [], notRun: [] };
    report.suites.push(sr);
    if (suite.diagnostics.length > 0 && pretty) say(ownColours(renderDiagnostics(suite.diagnostics, [{ path: shown, text }], { color: colorEnabled() })).trimEnd());
    if (suite.diagnostics.some((d) => d.severity === 'error')) sr.pass = false;

    // the policy of the suite: its folder's, or the sibling folder named by `policy:`
    let dir: string | undefined = policyFolderOfCaseFile(file);
    if (suite.policy !== undefined && policyNameOf(dir) !== suite.policy) dir = findPolicyFolder(dir, suite.policy);
    if (dir === undefined) {
      sr.pass = false;
      sr.error = `找不到政策 ${suite.policy} / policy ${suite.policy} not found`;
    } else {
      sr.policyDir = displayPath(dir);
      let cf = compiled.get(dir);
      if (cf === undefined) {
        try {
          cf = compileFolder(dir);
        } catch (e) {
          cf = e as Error;
        }
        compiled.set(dir, cf);
        if (!(cf instanceof Error) && cf.errors > 0 && pretty) say(renderFolderDiagnostics(cf).trimEnd());
      }
      if (cf instanceof Error) {
        sr.pass = false;
        sr.error = cf.message;
      } else if (!cf.policy || !cf.result.ir) {
        sr.pass = false;
        sr.error = `政策 ${sr.policyDir} 有 ${cf.errors} 个错误 / policy ${sr.policyDir} has ${cf.errors} error(s)`;
        sr.diagnostics.push(...cf.result.diagnostics.filter((d) => d.severity === 'error').map(diagnosticToJson));
      } else {
        sr.policy = cf.result.ir.name;
        for (const k of suite.cases) {
          const s0 = performance.now();
          let cr: CaseReport;
          try {
            const { result } = runGoldenCase(cf.policy, cf.result.ir, k);
            cr = {
              id: k.id,
              ...(k.title ? { title: k.title } : {}),
              pass: result.pass,
              line: k.line,
              ms: performance.now() - s0,
              failures: result.fields.filter((f) => !f.pass).map((f) => ({
                name: f.name,
                ...(f.line !== undefined ? { line: f.line } : {}),
                expected: f.expected,
                actual: f.actual,
                ...(f.expectedValue !== undefined ? { expectedValue: f.expectedValue } : {}),
                ...(f.actualValue !== undefined ? { actualValue: f.actualValue } : {}),
              })),
              notes: result.notes,
            };
          } catch (e) {
            cr = { id: k.id, pass: false, line: k.line, ms: performance.now() - s0, failures: [{ name: 'internal', expected: '—', actual: `内部错误 / internal error: ${e instanceof Error ? e.message : String(e)}` }], notes: [] };
          }
          sr.cases.push(cr);
        }
      }
    }
    if (sr.error) {
      report.summary.suiteErrors++;
      sr.notRun = suite.cases.map((k) => ({ id: k.id, ...(k.title ? { title: k.title } : {}), line: k.line }));
    }
    if (sr.cases.some((x) => !x.pass)) sr.pass = false;
    report.summary.notRun += sr.notRun.length;
    report.summary.cases += sr.cases.length + sr.notRun.length;
    report.summary.passed += sr.cases.filter((x) => x.pass).length;
    report.summary.failed += sr.cases.filter((x) => !x.pass).length;
    if (!sr.pass && !sr.error && sr.diagnostics.length > 0 && sr.cases.length === 0) report.summary.suiteErrors++;

    if (pretty) {
      if (progressOn) clearProgress();
      say(`${sr.pass ? OK() : BAD()} ${c.bold(line(shown))}${sr.policy ? c.gray(`  (${line(sr.policy)})`) : ''}`);
      if (sr.error) say(`    ${c.red(esc(sr.error))}`);
      if (!sr.pass && sr.cases.length === 0 && sr.notRun.length === 0) say(`    ${c.yellow('案例文件无法载入，其中的案例未运行 / the suite could not be loaded; its cases were not run')}`);
      for (const k of sr.notRun) say(`    ${c.yellow('○')} ${line(k.id)}${k.title ? c.gray(` — ${line(k.title)}`) : ''}  ${c.yellow('未运行 / not run')}`);
      for (const cr of sr.cases) {
        if (cr.pass) {
          say(`    ${OK()} ${line(cr.id)}${cr.title ? c.gray(` — ${line(cr.title)}`) : ''}`);
          continue;
        }
        say(`    ${BAD()} ${c.red(line(cr.id))}${cr.title ? ` — ${line(cr.title)}` : ''}  ${c.gray(`${line(shown)}:${cr.line}`)}`);
        for (const f of cr.failures) {
          say(`        ${c.bold(line(f.name))}${f.line ? c.gray(` (${line(shown)}:${f.line})`) : ''}`);
          say(`          预期 / expected: ${c.green(esc(f.expected))}`);
          say(`          实际 / actual:   ${c.red(esc(f.actual).split('\n').join('\n                           '))}`);
        }
        for (const n of cr.notes) say(`        ${c.gray(`注 / note: ${esc(n)}`)}`);
      }
    }
  });
  if (progressOn) clearProgress();
  report.summary.ms = Math.round(performance.now() - t0);
  const s = report.summary;
  const ok = s.failed === 0 && report.suites.every((x) => x.pass);

  let text: string;
  if (reporter === 'json') text = `${JSON.stringify(report, null, 2)}\n`;
  else if (reporter === 'junit') text = junit(report);
  else {
    const summary = `${ok ? c.green('通过 / PASS') : c.red('失败 / FAIL')}  ${countsText(s, s.ms)}`;
    say('');
    say(summary);
    text = lines.map((l) => l.replace(/\ufdd0?\x1b\[[0-9;]*m/g, '')).join('\n') + '\n'; // the colours; user text is escaped
  }
  if (outFile) {
    writeFileAtomic(outFile, text, { inputs: files });
    out(`${ok ? OK() : BAD()} ${countsText(s)} — 报告 / report: ${displayPath(resolve(outFile))}\n`);
  } else if (reporter !== 'pretty') out(text);
  return ok ? 0 : 1;
}

/** `案例 12 个：通过 10，失败 1，未运行 1；文件 3 个，出错 1 / cases 12: …` — never `0/0`. */
export function countsText(s: TestReport['summary'], ms?: number): string {
  const notRun = s.notRun ? `，未运行 ${s.notRun}` : '';
  const notRunEn = s.notRun ? `, ${s.notRun} not run` : '';
  const errs = s.suiteErrors ? `，出错 ${s.suiteErrors}` : '';
  const errsEn = s.suiteErrors ? `, ${s.suiteErrors} could not run` : '';
  const t = ms === undefined ? ['', ''] : [`；用时 ${ms} ms`, `; ${ms} ms`];
  return `案例 ${s.cases} 个：通过 ${s.passed}，失败 ${s.failed}${notRun}；文件 ${s.files} 个${errs}${t[0]}` +
    ` / cases ${s.cases}: ${s.passed} passed, ${s.failed} failed${notRunEn}; ${s.files} file(s)${errsEn}${t[1]}`;
}

function xml(s: string): string {
  return s
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function junit(r: TestReport): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const errors = r.suites.filter((x) => x.error || (x.cases.length === 0 && !x.pass)).length;
  const stamp = xml(r.summary.startedAt);
  const host = xml(r.summary.host);
  const suiteCount = r.suites.filter((x) => x.error || (x.cases.length === 0 && !x.pass)).length;
  out.push(`<testsuites name="xize" tests="${r.summary.cases + suiteCount}" failures="${r.summary.failed}" errors="${errors}" skipped="${r.summary.notRun}" time="${(r.summary.ms / 1000).toFixed(3)}" timestamp="${stamp}">`);
  for (const s of r.suites) {
    const failures = s.cases.filter((x) => !x.pass).length;
    const suiteError = s.error || (s.cases.length === 0 && !s.pass);
    const time = s.cases.reduce((t, x) => t + x.ms, 0) / 1000;
    const tests = s.cases.length + s.notRun.length + (suiteError ? 1 : 0);
    out.push(`  <testsuite name="${xml(s.file)}" tests="${tests}" failures="${failures}" errors="${suiteError ? 1 : 0}" skipped="${s.notRun.length}" time="${time.toFixed(3)}" timestamp="${stamp}" hostname="${host}">`);
    if (s.policy) out.push(`    <properties><property name="policy" value="${xml(s.policy)}"/></properties>`);
    if (suiteError) {
      const msg = s.error ?? 'suite errors';
      const detail = s.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message.zh} / ${d.message.en}`).join('\n');
      out.push(`    <testcase classname="${xml(s.policy ?? 'xize')}" name="(suite)" file="${xml(s.file)}">`);
      out.push(`      <error message="${xml(msg)}">${xml(detail)}</error>`);
      out.push('    </testcase>');
    }
    for (const k of s.notRun) {
      const name = k.title ? `${k.id}: ${k.title}` : k.id;
      out.push(`    <testcase classname="${xml(s.policy ?? 'xize')}" name="${xml(name)}" file="${xml(s.file)}" line="${k.line}" time="0.000">`);
      out.push(`      <skipped message="${xml(`未运行 / not run: ${s.error ?? 'suite errors'}`)}"/>`);
      out.push('    </testcase>');
    }
    for (const k of s.cases) {
      const name = k.title ? `${k.id}: ${k.title}` : k.id;
      const attrs = `classname="${xml(s.policy ?? 'xize')}" name="${xml(name)}" file="${xml(s.file)}" line="${k.line}" time="${(k.ms / 1000).toFixed(3)}"`;
      if (k.pass) {
        out.push(`    <testcase ${attrs}/>`);
        continue;
      }
      const msg = k.failures.map((f) => `${f.name}: expected ${f.expected}, actual ${f.actual}`).join('; ');
      const body = k.failures.map((f) => `${f.name}${f.line ? ` (${s.file}:${f.line})` : ''}\n  预期 / expected: ${f.expected}\n  实际 / actual: ${f.actual}`).join('\n');
      out.push(`    <testcase ${attrs}>`);
      out.push(`      <failure message="${xml(msg.length > 500 ? `${msg.slice(0, 500)}…` : msg)}" type="mismatch">${xml(body)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
