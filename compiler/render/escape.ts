// Control characters in text shown on a terminal: policy strings (说明, titles, 依据), case ids,
// file names and messages come from files anyone may write, and a raw ESC, C1 or bidi control in
// them could recolour, move the cursor, set the window title or reorder what the reader sees
// (a "Trojan source" line). Every terminal renderer passes such text through `escapeControls`,
// which shows each of those characters as a visible `\uXXXX` escape — the same notation
// JSON.stringify uses, so an escaped JSON text stays valid JSON with the same value.

/** C0 controls except tab and newline, DEL, C1, the bidi embeddings/overrides/isolates and marks,
 * the line/paragraph separators and the noncharacters U+FDD0–U+FDEF. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef]/g;
/** The same, newline and tab included: for text that must stay on one line (ids, titles, names). */
const CONTROLS_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef]/g;

const hex = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text with every terminal control character shown as `\uXXXX`; newlines and tabs are kept. */
export function escapeControls(s: string): string {
  return s.replace(CONTROLS, hex);
}

/** Text for one line (a case id, a title, a file name): newlines and tabs are escaped too. */
export function oneLine(s: string): string {
  return s.replace(CONTROLS_ONE_LINE, hex);
}

/** Whether `s` holds a character `escapeControls` would escape. */
export function hasControls(s: string): boolean {
  CONTROLS.lastIndex = 0;
  const r = CONTROLS.test(s);
  CONTROLS.lastIndex = 0;
  return r;
}
