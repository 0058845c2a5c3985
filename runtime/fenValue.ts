// The OutputValue of an output the fen path computed: it keeps the integer and writes its texts
// when they are read. `value` is written on first read (and kept), `display` on every read (most
// hosts never read it). End to end, writing both texts of every output was the largest cost of
// a case after GC (docs/benchmarks.md, issue 9 profile); a host that reads four values now pays
// for four value texts and nothing else.
//
// `type`, `value` and `display` are accessors on the prototype, so `Object.keys`, `{ ...v }` and
// `structuredClone(v)` do not see them: `v.toJSON()` (what JSON.stringify calls) is the plain
// `{ type, value, display }`, and the lazy outcome's `toJSON()` gives plain output values
// (docs/embedding.md, "When texts are written").
import type { JsonValue, OutputValue } from './outcome.ts';
import { fenDisplayText, fenValueText } from './fenText.ts';

/** How the values of one output are written (one per output type and scale, made once). */
export interface FenKind {
  type: string;
  value(n: number): JsonValue;
  display(n: number, value: JsonValue): string;
}

/** Money in fen at scale 2: the common output. */
export const MONEY2: FenKind = {
  type: 'money',
  value: fenValueText,
  display: (n, value) => fenDisplayText(n, value as string),
};

/** Node's inspect hook (no Node import: the runtime runs in browsers too). */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

export class FenValue implements OutputValue {
  readonly #k: FenKind;
  readonly #n: number;
  #v: JsonValue | undefined;
  constructor(k: FenKind, n: number) {
    this.#k = k;
    this.#n = n;
    this.#v = undefined;
  }
  get type(): string {
    return this.#k.type;
  }
  get value(): JsonValue {
    let v = this.#v;
    if (v === undefined) v = this.#v = this.#k.value(this.#n);
    return v;
  }
  get display(): string {
    return this.#k.display(this.#n, this.value);
  }
  /** The plain OutputValue (own data properties). */
  toJSON(): OutputValue {
    return { type: this.type, value: this.value, display: this.display };
  }
  [INSPECT](): OutputValue {
    return this.toJSON();
  }
}

/** A copy of an outputs record whose values are plain objects (for toJSON and structured cloning). */
export function plainOutputs(outputs: Record<string, OutputValue>): Record<string, OutputValue> {
  const out: Record<string, OutputValue> = {};
  for (const k of Object.keys(outputs)) {
    const v = outputs[k]!;
    Object.defineProperty(out, k, { value: v instanceof FenValue ? v.toJSON() : v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
