// What the fuzz counts as a finding. A finding has a kind (a stable key used to group and to
// minimise: the same kind must still occur in the minimised input) and a detail for the report.
import type { SourceFile } from '../../dsl/ast.ts';
import type { Diagnostic } from '../../dsl/diagnostic.ts';
import type { Outcome } from '../../runtime/outcome.ts';

export interface Finding {
  kind: string;
  detail: string;
}

/** Internal-error codes: a defect of ours, never the user's. XR012 is the fen/decimal
 * disagreement (or an unexpected exception inside evaluate). */
export function isInternalCode(code: string): boolean {
  return /^X[LPC]999$/.test(code) || code.startsWith('XG') || code === 'XR012';
}

const BAD_TEXT = /\[object Object\]|undefined|NaN|Infinity/;
const BAD_WORDS = ['[object Object]', 'undefined', 'NaN', 'Infinity'];
/** leaked JS text in a message, except words the input itself contains (`got NaN` for NaN) */
function leaks(text: string, echoed?: Set<string>): boolean {
  return BAD_WORDS.some((w) => text.includes(w) && !echoed?.has(w));
}

/** Every diagnostic: a code, an internal code never, a span inside its source whose line and
 * column agree with its offset, a message in both languages without leaked JS values. */
export function checkDiagnostics(diags: Diagnostic[], sources: Map<string, SourceFile> | SourceFile[]): Finding[] {
  const byPath = sources instanceof Map ? sources : new Map(sources.map((s) => [s.path, s]));
  const out: Finding[] = [];
  for (const d of diags) {
    if (!d.code || !/^X[A-Z]\d{3}$/.test(d.code)) out.push({ kind: 'diag-no-code', detail: JSON.stringify(d).slice(0, 200) });
    if (isInternalCode(d.code)) out.push({ kind: `internal-${d.code}`, detail: d.message.en.slice(0, 300) });
    if (!d.message?.zh || !d.message?.en) out.push({ kind: `diag-message-${d.code}`, detail: 'missing zh or en message' });
    else if (BAD_TEXT.test(d.message.zh) || BAD_TEXT.test(d.message.en)) out.push({ kind: `diag-text-${d.code}`, detail: d.message.en.slice(0, 200) });
    if (!/[\u4e00-\u9fff]/.test(d.message?.zh ?? '')) out.push({ kind: `diag-zh-${d.code}`, detail: `not Chinese: ${d.message?.zh}` });
    const src = byPath.get(d.span.file);
    if (!src) {
      out.push({ kind: `diag-span-file-${d.code}`, detail: `span file ${d.span.file} is not a source` });
      continue;
    }
    const { start, end } = d.span;
    const len = src.text.length;
    if (!(start.offset >= 0 && start.offset <= end.offset && end.offset <= len)) {
      out.push({ kind: `diag-span-range-${d.code}`, detail: `${start.offset}..${end.offset} of ${len}` });
      continue;
    }
    if (start.line < 1 || start.column < 1) out.push({ kind: `diag-span-pos-${d.code}`, detail: `${start.line}:${start.column}` });
    else if (lineOf(src.text, start.offset) !== start.line) {
      out.push({ kind: `diag-span-line-${d.code}`, detail: `line ${start.line} but offset ${start.offset} is on line ${lineOf(src.text, start.offset)}` });
    }
  }
  return out;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const NUMERIC_TYPES = new Set(['money', 'rate', 'number']);

/** An outcome: text without leaked JS values anywhere, outputs that are finite decimals, no
 * internal error. Negative money in an ok outcome is reported under its own kind (the caller
 * decides whether the policy allows it). */
export function checkOutcome(o: Outcome, echoed?: Set<string>): Finding[] {
  const out: Finding[] = [];
  if (typeof o.ok !== 'boolean' || !Array.isArray(o.errors) || !Array.isArray(o.inputErrors)) {
    return [{ kind: 'outcome-shape', detail: JSON.stringify(o).slice(0, 200) }];
  }
  for (const e of o.errors) {
    if (isInternalCode(e.code)) out.push({ kind: `internal-${e.code}`, detail: `${e.rule ?? ''}: ${e.message.en}`.slice(0, 300) });
    if (leaks(e.message.zh, echoed) || leaks(e.message.en, echoed)) out.push({ kind: `message-${e.code}`, detail: e.message.en.slice(0, 200) });
  }
  for (const e of o.inputErrors) {
    if (!e.code) out.push({ kind: 'input-error-no-code', detail: JSON.stringify(e).slice(0, 200) });
    if (leaks(e.message.zh, echoed) || leaks(e.message.en, echoed)) out.push({ kind: `message-${e.code}`, detail: e.message.en.slice(0, 200) });
  }
  for (const c of o.checks) if (leaks(c.message, echoed)) out.push({ kind: 'message-check', detail: c.message.slice(0, 200) });
  for (const [name, v] of Object.entries(o.outputs)) {
    if (!v) continue;
    walkValue(v.type, v.value, (type, value) => {
      if (typeof value === 'number' && !Number.isFinite(value)) out.push({ kind: 'output-not-finite', detail: `${name} = ${value}` });
      if (NUMERIC_TYPES.has(type)) {
        if (typeof value !== 'string' || !DECIMAL.test(value)) out.push({ kind: 'output-not-decimal', detail: `${name} = ${JSON.stringify(value)}` });
        // only a payable outcome counts: one that is not ok (an error check such as 欠缴月份已缴多于应缴
        // holds) shows its figures for review and must not be paid from (docs/embedding.md)
        else if (type === 'money' && value.startsWith('-') && o.ok) out.push({ kind: 'negative-money', detail: `${name} = ${value}` });
      }
    });
    if (typeof v.display === 'string' && leaks(v.display, echoed)) out.push({ kind: 'output-display', detail: `${name}: ${v.display}` });
  }
  return out;
}

function walkValue(type: string, value: unknown, f: (type: string, value: unknown) => void): void {
  if (Array.isArray(value)) for (const x of value) walkValue(type === 'list' ? 'unknown' : type, x, f);
  else if (value !== null && typeof value === 'object') for (const x of Object.values(value)) walkValue('unknown', x, f);
  else f(type, value);
}
