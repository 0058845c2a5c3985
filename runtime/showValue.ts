// How a value a caller gave is written into a message: a short JSON-like text, never
// "[object Object]", "undefined" or "NaN". Messages quote what the caller sent (an as-of date, an
// override, an input field) and the caller may send anything — an object, a cyclic structure, a
// Proxy whose traps throw, a megabyte of text — so the rendering is bounded in depth, items and
// characters, reads own enumerable properties only, and never throws.

/** Characters of a rendered value at most (longer renderings end in "…"). */
export const SHOW_MAX_CHARS = 60;
/** Items of an array or keys of an object rendered before "…". */
const MAX_ITEMS = 5;
/** Nesting rendered before {…} / […]. */
const MAX_DEPTH = 2;

/** The rendering of a value with no JSON form: bilingual, since it sits in both messages. */
const NO_VALUE = '（无值 / no value）';
/** NaN (no number at all); infinities are written ±∞. */
const INDETERMINATE = '（不确定值 / indeterminate）';

/** A short, safe rendering of any value for a message (at most about SHOW_MAX_CHARS characters). */
export function showValue(v: unknown, max = SHOW_MAX_CHARS): string {
  let s: string;
  try {
    s = render(v, 0);
  } catch {
    s = '{…}';
  }
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function render(v: unknown, depth: number): string {
  switch (typeof v) {
    case 'string':
      // quoted like JSON; a huge text is cut before it is escaped
      return JSON.stringify(v.length > SHOW_MAX_CHARS * 2 ? v.slice(0, SHOW_MAX_CHARS * 2) : v);
    case 'number':
      return showNumber(v);
    case 'bigint':
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return NO_VALUE;
    case 'symbol':
      return `Symbol(${JSON.stringify(v.description ?? '')})`;
    case 'function':
      return '（函数 / a function）';
  }
  if (v === null) return 'null';
  const o = v as object;
  if (Array.isArray(o)) {
    if (depth >= MAX_DEPTH) return '[…]';
    const n = o.length;
    const parts: string[] = [];
    for (let i = 0; i < Math.min(n, MAX_ITEMS); i++) parts.push(render(o[i], depth + 1));
    if (n > MAX_ITEMS) parts.push('…');
    return `[${parts.join(',')}]`;
  }
  if (depth >= MAX_DEPTH) return '{…}';
  const keys = Object.keys(o);
  const parts: string[] = [];
  for (let i = 0; i < Math.min(keys.length, MAX_ITEMS); i++) {
    const k = keys[i]!;
    parts.push(`${render(k, depth + 1)}:${render((o as Record<string, unknown>)[k], depth + 1)}`);
  }
  if (keys.length > MAX_ITEMS) parts.push('…');
  return `{${parts.join(',')}}`;
}

/** A JS number as message text: NaN and the infinities get a readable form. */
export function showNumber(n: number): string {
  if (Number.isFinite(n)) return String(n);
  return Number.isNaN(n) ? INDETERMINATE : n > 0 ? '+∞' : '−∞';
}
