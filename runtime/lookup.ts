// Layered, dated lookup of parameters, tables and bands (compiler/ir.ts, "Layers").
// Layers are ordered root ancestor first; at date d the LAST layer that has a version with
// from <= d (null counts as <= every date) wins, and within it the latest such version. Tables
// do this per key: a layer "has" a key at d when its version in force at d has a row for the
// key or an `otherwise` row. Bands are replaced per version as a whole.
// Pure functions over plain data; dates are ISO strings (which compare as text).

export interface Version<V> {
  policy: string;
  from: string | null;
  cite?: string;
  value: V;
}

/** One layer per policy of the chain, root first; versions sorted by `from`, null first. */
export type Layers<V> = Version<V>[][];

/** The version of one layer in force at `date`, or undefined. */
export function versionInLayer<V>(versions: Version<V>[], date: string): Version<V> | undefined {
  for (let j = versions.length - 1; j >= 0; j--) {
    const v = versions[j]!;
    if (v.from === null || v.from <= date) return v;
  }
  return undefined;
}

/** The winning version at `date` (parameters, rules, bands), or undefined when nothing is in force. */
export function pickVersion<V>(layers: Layers<V>, date: string): Version<V> | undefined {
  for (let i = layers.length - 1; i >= 0; i--) {
    const v = versionInLayer(layers[i]!, date);
    if (v !== undefined) return v;
  }
  return undefined;
}

export interface TableBody<V> {
  rows: Map<string | number, V>;
  otherwise?: V;
}

/** The row value for `key` at `date`, with the version it came from, or undefined. */
export function pickRow<V>(
  layers: Layers<TableBody<V>>,
  date: string,
  key: string | number,
): { version: Version<TableBody<V>>; value: V; otherwise: boolean } | undefined {
  for (let i = layers.length - 1; i >= 0; i--) {
    const v = versionInLayer(layers[i]!, date);
    if (v === undefined) continue;
    const row = v.value.rows.get(key);
    if (row !== undefined) return { version: v, value: row, otherwise: false };
    if (v.value.otherwise !== undefined) return { version: v, value: v.value.otherwise, otherwise: true };
  }
  return undefined;
}

export interface BandRow<B, V> {
  lower: B | null; // null = −∞
  lowerInclusive: boolean;
  upper: B | null; // null = +∞
  upperInclusive: boolean;
  value: V;
}

/** Index of the band containing `key`, or -1. `cmp(key, bound)` < 0 when key < bound. */
export function findBand<K, B, V>(rows: BandRow<B, V>[], key: K, cmp: (key: K, bound: B) => number): number {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.lower !== null) {
      const c = cmp(key, r.lower);
      if (c < 0 || (c === 0 && !r.lowerInclusive)) continue;
    }
    if (r.upper !== null) {
      const c = cmp(key, r.upper);
      if (c > 0 || (c === 0 && !r.upperInclusive)) continue;
    }
    return i;
  }
  return -1;
}
