// Effective timelines: what a lookup sees over time, whatever the layer structure. Layers are
// ordered root first; at date d the LAST layer with a version from <= d wins (for tables: the
// last layer whose version in force at d has the key or an `otherwise` row), and within it the
// latest such version (compiler/ir.ts). A timeline is the list of segments at every version
// date of every layer, consecutive equal segments merged; two timelines are compared at the
// union of their dates, so an override moved between layers with equal values is no change.
import type { IrLayer } from '../ir.ts';
import type { DetailWhat, DiffDetail } from './types.ts';

export interface Segment {
  from: string | null;
  /** canonical text, null = nothing in force */
  text: string | null;
  cite?: string;
}

export function cmpDate(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

function dates(froms: (string | null)[]): (string | null)[] {
  const set = new Map<string, string | null>();
  for (const f of froms) set.set(f ?? '', f);
  return [...set.values()].sort(cmpDate);
}

/** The timeline of layered versions; `project` gives a version's text, or undefined when that
 *  version does not have the thing looked up (a table key), so an earlier layer answers. */
export function timeline<T>(layers: IrLayer<T>[], project: (body: T) => string | undefined): Segment[] {
  const bps = dates(layers.flatMap((l) => l.versions.map((v) => v.from)));
  const out: Segment[] = [];
  for (const d of bps) {
    let seg: Segment = { from: d, text: null };
    for (let i = layers.length - 1; i >= 0; i--) {
      const vs = layers[i]!.versions.filter((v) => cmpDate(v.from, d) <= 0);
      const v = vs[vs.length - 1];
      if (!v) continue;
      const text = project(v.body);
      if (text === undefined) continue;
      seg = { from: d, text, ...(v.cite !== undefined ? { cite: v.cite } : {}) };
      break;
    }
    const last = out[out.length - 1];
    if (last && last.text === seg.text && last.cite === seg.cite) continue;
    if (!last && seg.text === null) continue;
    out.push(seg);
  }
  return out;
}

function at(tl: Segment[], d: string | null): Segment | undefined {
  let found: Segment | undefined;
  for (const s of tl) if (cmpDate(s.from, d) <= 0) found = s;
  return found;
}

/** The dated differences between two timelines (value first; citation when the values agree).
 *  Dates before `floor` (the earlier effective date of the two policies) are compared at `floor`:
 *  what a version said before either policy took effect is no change. */
export function compareTimelines(oldTl: Segment[], newTl: Segment[], key: string | undefined, floor: string | null): DiffDetail[] {
  const clip = (d: string | null) => (floor !== null && cmpDate(d, floor) < 0 ? floor : d);
  const bps = dates([...oldTl.map((s) => clip(s.from)), ...newTl.map((s) => clip(s.from))]);
  const out: DiffDetail[] = [];
  let open: DiffDetail | undefined;
  for (const d of bps) {
    const o = at(oldTl, d);
    const n = at(newTl, d);
    const ot = o?.text ?? null;
    const nt = n?.text ?? null;
    let what: DetailWhat | undefined;
    if (ot !== nt) what = 'value';
    else if (ot !== null && o?.cite !== n?.cite) what = 'cite';
    const cand: DiffDetail | undefined =
      what === undefined
        ? undefined
        : what === 'cite'
          ? { what, ...(key !== undefined ? { key } : {}), from: d, old: o?.cite ?? null, new: n?.cite ?? null }
          : {
              what, ...(key !== undefined ? { key } : {}), from: d, old: ot, new: nt,
              ...(o?.cite !== undefined ? { oldCite: o.cite } : {}), ...(n?.cite !== undefined ? { newCite: n.cite } : {}),
            };
    if (open && cand && open.what === cand.what && open.old === cand.old && open.new === cand.new && open.oldCite === cand.oldCite && open.newCite === cand.newCite) continue;
    if (open) {
      if (d !== null) open.until = d;
      open = undefined;
    }
    if (!cand) continue;
    open = cand;
    out.push(open);
  }
  return out;
}

/** A timeline as "added" details (everything new) or "removed" details (everything old). */
export function timelineDetails(tl: Segment[], side: 'old' | 'new', key?: string): DiffDetail[] {
  return tl.map((s, i) => {
    const next = tl[i + 1];
    const d: DiffDetail = {
      what: 'value',
      ...(key !== undefined ? { key } : {}),
      from: s.from,
      ...(next && next.from !== null ? { until: next.from } : {}),
      old: side === 'old' ? s.text : null,
      new: side === 'new' ? s.text : null,
    };
    if (s.cite !== undefined) d[side === 'old' ? 'oldCite' : 'newCite'] = s.cite;
    return d;
  });
}
