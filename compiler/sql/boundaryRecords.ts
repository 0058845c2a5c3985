// The records of a conformance pack: deterministic (no random source a cluster would have to
// share), driven by the checked IR. Every input field cycles through the values where rules turn
// (edges.ts) with strides prime to each other, so each edge of each field appears and fields
// meet in many combinations; optional fields are sometimes absent, and now and then one field
// holds a value the input validation must reject, so the pack also proves both engines reject
// the same records.
import type { IrPolicy, XType } from '../ir.ts';
import { CALENDAR_EDGES, integerEdges, moneyEdges, moneyText, rateLiterals, versionDates } from './edges.ts';

export interface BoundaryOptions {
  records: number;
  /** Parameter values the bundle is compiled with (their money values are edges). */
  parameters: Record<string, unknown>;
  /** Column that carries the record id (default `id`). */
  idColumn?: string;
}

/** A small linear congruential generator: the same records on every machine. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; return x; };
}

const STRIDES = [1, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53];

export function boundaryRecords(ir: IrPolicy, o: BoundaryOptions): Record<string, unknown>[] {
  const rnd = lcg(20240601);
  const money = moneyEdges(ir, o.parameters);
  const ints = integerEdges(ir);
  const rates = ['0', ...rateLiterals(ir)];
  const dates = [...new Set([...CALENDAR_EDGES, ...versionDates(ir)])].sort();
  const enums = new Map(ir.enums.map((e) => [e.name, e.members]));
  const valuesOf = (t: XType): unknown[] | undefined => {
    switch (t.kind) {
      case 'money': return money.length > 0 ? money : ['0.00', '1.00'];
      case 'integer': return ints.map(Number); // JSON numbers, as a case file writes them
      case 'duration': return undefined; // durations are computed, never read as input
      case 'rate': case 'number': return rates;
      case 'date': return dates;
      case 'boolean': return [true, false];
      case 'enum': return enums.get(t.name);
      default: return undefined; // text, records and lists: left out (absent)
    }
  };
  const bad = (t: XType): unknown => (t.kind === 'date' ? '2023-02-29' : t.kind === 'enum' ? '十一级' : t.kind === 'boolean' ? 'yes' : 'abc');
  const idColumn = o.idColumn ?? 'id';
  const fields = ir.inputs.map((f, k) => ({ f, values: valuesOf(f.type), stride: STRIDES[k % STRIDES.length]!, offset: k }));
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < o.records; i++) {
    const rec: Record<string, unknown> = { [idColumn]: `c${String(i + 1).padStart(5, '0')}` };
    for (const { f, values, stride, offset } of fields) {
      if (!values || values.length === 0) continue;
      if (f.optional && rnd() % 7 === 0) continue;
      let v = values[(i * stride + offset) % values.length];
      // random cents against the policy's rates: rounding ties the edges alone do not reach
      if (f.type.kind === 'money' && rnd() % 5 === 0) v = moneyText(BigInt(rnd() % 2_000_000));
      rec[f.name] = v;
    }
    if (i % 41 === 40) {
      const pick = fields.filter((x) => x.values && x.values.length > 0);
      const x = pick[rnd() % Math.max(1, pick.length)];
      if (x) rec[x.f.name] = bad(x.f.type);
    }
    out.push(rec);
  }
  return out;
}
