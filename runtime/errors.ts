// Typed runtime failures of the foundation modules (money, dates, calendar). Generated code
// lets these propagate; the evaluator turns them into XR… evaluation errors of the outcome.
// The bilingual texts come from the catalog in messages.ts (codes XR020–XR039 are reserved
// for this file's callers; other XR codes belong to evalMessages.ts).
import { runtimeMessages } from './messages.ts';

export class XizeRuntimeError extends Error {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** Input path or argument the failure is about, when known. */
  readonly path?: string;
  /** Template arguments the texts were rendered from. */
  readonly args: Record<string, string>;

  constructor(code: string, text: { zh: string; en: string }, args: Record<string, string> = {}, path?: string) {
    super(`${code}: ${text.zh} / ${text.en}`);
    this.name = 'XizeRuntimeError';
    this.code = code;
    this.zh = text.zh;
    this.en = text.en;
    this.args = args;
    if (path !== undefined) this.path = path;
  }
}

/** Builds the typed error for a catalogued XR code (does not throw). */
export function runtimeError(code: string, args: Record<string, string> = {}, path?: string): XizeRuntimeError {
  const t = runtimeMessages[code];
  if (!t) return new XizeRuntimeError(code, { zh: `内部错误：缺少消息模板 ${code}`, en: `internal: no message template for ${code}` }, args, path);
  return new XizeRuntimeError(code, { zh: t.zh(args), en: t.en(args) }, args, path);
}

export function isXizeRuntimeError(e: unknown): e is XizeRuntimeError {
  return e instanceof XizeRuntimeError;
}

/** The catalogued hint for a runtime error (e.g. XR020: list the year in the 日历 block), if any. */
export function runtimeHint(e: XizeRuntimeError): { zh: string; en: string } | undefined {
  const t = runtimeMessages[e.code];
  return t?.hintZh && t.hintEn ? { zh: t.hintZh(e.args), en: t.hintEn(e.args) } : undefined;
}
