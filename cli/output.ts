// Everything the CLI prints goes through here (a test checks that no other file of cli/ writes
// to process.stdout/stderr). Text read from files — policy strings, case ids and titles, file
// names, values, messages — may hold terminal controls; the renderers escape what they insert
// (compiler/render/escape.ts), and this writer escapes whatever is left, so the terminal only
// ever receives this CLI's own colour codes (marked by format.ts; none with --no-color /
// NO_COLOR), newlines and tabs.
// JSON stays valid JSON with the same value: a control shows as the JSON escape `\uXXXX`.
import { escapeControls, oneLine } from '../compiler/render/escape.ts';
import { colorEnabled, OWN } from './format.ts';

/** Select Graphic Rendition (colour, bold) marked as the CLI's own: the only escape sequences
 * that reach the terminal. */
const OWN_SGR = new RegExp(`${OWN}(\x1b\\[[0-9;]*m)`, 'g');

/** `s` with every terminal control escaped; with `colour`, the CLI's own colour codes are kept
 * (their marks removed). Without colour a stray mark is escaped like any control. */
export function terminalSafe(s: string, colour: boolean): string {
  if (!colour) return escapeControls(s);
  let safe = '';
  let last = 0;
  for (const m of s.matchAll(OWN_SGR)) {
    safe += escapeControls(s.slice(last, m.index)) + m[1];
    last = m.index! + m[0].length;
  }
  return safe + escapeControls(s.slice(last));
}

/** Writes to standard output. */
export function out(s: string): void {
  process.stdout.write(terminalSafe(s, colorEnabled()));
}

/** Writes to standard error. */
export function err(s: string): void {
  process.stderr.write(terminalSafe(s, colorEnabled()));
}

/** A progress line on a terminal's standard error: rewritten in place (`\r` + erase line). */
export function progress(s: string): void {
  process.stderr.write(`\r\x1b[K${oneLine(s)}`);
}

/** Clears the progress line. */
export function clearProgress(): void {
  process.stderr.write('\r\x1b[K');
}
