// Case inputs as compiled rules read them: converted on first read (or all at once after the
// fast check), memoised in the context; an absent optional input raises the missing signal,
// which makes the rules that need it unavailable rather than failed.
import type { Ctx } from './context.ts';
import { MissingInput } from './failures.ts';
import { fromJson, toJson } from './convert.ts';
import { own } from './own.ts';

/** Slot value of an input the case does not give. */
const ABSENT = { sentinel: 'absent' };

/** Top-level input k; an absent optional input raises the missing signal. */
export function inp(cx: Ctx, k: number): unknown {
  const j = cx.io + k;
  let v = cx.s[j];
  if (v === undefined) v = readInput(cx, k, j);
  if (v === ABSENT) {
    if (cx.t !== null) cx.t.add({ kind: 'input', path: cx.M.inputs[k]!.name, value: undefined, missing: true }, `i:${k}`);
    throw new MissingInput([cx.M.inputs[k]!.name]);
  }
  if (cx.t !== null) {
    const I = cx.M.inputs[k]!;
    cx.t.add({ kind: 'input', path: I.name, value: toJson(cx.M, I.type, v) }, `i:${k}`);
  }
  return v;
}

/** Converts every input the case gives into its slot; afterwards an empty slot means absent. */
export function preloadInputs(cx: Ctx): void {
  const input = cx.input;
  const keys = Object.keys(input);
  const byName = cx.P.inputByName;
  for (let n = 0; n < keys.length; n++) {
    const k = byName.get(keys[n]!)!;
    const raw = input[keys[n]!];
    const j = cx.io + k;
    cx.s[j] = raw === null ? ABSENT : fromJson(cx.M, cx.M.inputs[k]!.type, raw);
    cx.touched.push(j);
  }
  cx.complete = true;
}

function readInput(cx: Ctx, k: number, j: number): unknown {
  if (cx.complete) return ABSENT;
  const I = cx.M.inputs[k]!;
  const raw = own(cx.input, I.name);
  const v = raw === undefined || raw === null ? ABSENT : fromJson(cx.M, I.type, raw);
  cx.s[j] = v;
  cx.touched.push(j);
  return v;
}

/** 有值(input k) */
export function has(cx: Ctx, k: number): boolean {
  const j = cx.io + k;
  let v = cx.s[j];
  if (v === undefined) v = readInput(cx, k, j);
  return v !== ABSENT;
}

/** An optional record field (index already resolved); absent → missing signal. */
export function ofld(rec: unknown[], idx: number, name: string): unknown {
  const v = rec[idx];
  if (v === undefined) throw new MissingInput([name]);
  return v;
}
