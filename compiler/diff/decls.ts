// Declaration-by-declaration comparison of two checked policies (see compiler/diff.ts).
import { sameIr } from '../sameIr.ts';
import type { IrBand, IrBands, IrCheck, IrEnum, IrField, IrParam, IrPolicy, IrRecord, IrRule, IrTable, IrTableVersionBody } from '../ir.ts';
import { printIr, printRounding, printType } from '../printIr.ts';
import { cmpDate, compareTimelines, timeline, timelineDetails, type Segment } from './timeline.ts';
import type { DeclChange, DeclKind, DetailWhat, DiffDetail } from './types.ts';

function scalar(what: DetailWhat, o: string | undefined | null, n: string | undefined | null, key?: string): DiffDetail[] {
  const a = o ?? null;
  const b = n ?? null;
  return a === b ? [] : [{ what, ...(key !== undefined ? { key } : {}), old: a, new: b }];
}

/** Earliest `from` among dated details; undefined when none is dated. */
function since(details: DiffDetail[]): string | null | undefined {
  let s: string | null | undefined;
  for (const d of details) {
    if (d.from === undefined) continue;
    if (s === undefined || cmpDate(d.from, s) < 0) s = d.from;
  }
  return s;
}

function change(kind: DeclKind, name: string, status: DeclChange['status'], cite: string | undefined, details: DiffDetail[]): DeclChange {
  const s = since(details);
  return { kind, name, status, ...(s !== undefined ? { since: s } : {}), ...(cite !== undefined ? { cite } : {}), details };
}

/** Compares two lists of named declarations; `timelines` gives the dated segments (per key). */
function byName<T extends { name: string; cite?: string }>(
  kind: DeclKind,
  olds: T[],
  news: T[],
  timelines: (d: T, other: T | undefined) => Map<string | undefined, Segment[]>,
  fields: (o: T, n: T) => DiffDetail[],
  floor: string | null = null,
): DeclChange[] {
  const out: DeclChange[] = [];
  const oldBy = new Map(olds.map((d) => [d.name, d]));
  const newBy = new Map(news.map((d) => [d.name, d]));
  for (const o of olds) {
    if (newBy.has(o.name)) continue;
    const details = [...timelines(o, undefined)].flatMap(([k, tl]) => timelineDetails(tl, 'old', k));
    out.push(change(kind, o.name, 'removed', o.cite, details));
  }
  for (const n of news) {
    const o = oldBy.get(n.name);
    if (!o) {
      const details = [...timelines(n, undefined)].flatMap(([k, tl]) => timelineDetails(tl, 'new', k));
      out.push(change(kind, n.name, 'added', n.cite, details));
      continue;
    }
    // equal data gives equal fields and timelines, hence no detail: skip the work
    if (sameIr(o, n)) continue;
    const details = fields(o, n);
    details.push(...scalar('cite', o.cite, n.cite));
    const ot = timelines(o, n);
    const nt = timelines(n, o);
    const keys = [...new Set([...ot.keys(), ...nt.keys()])];
    for (const k of keys) details.push(...compareTimelines(ot.get(k) ?? [], nt.get(k) ?? [], k, floor));
    if (details.length > 0) out.push(change(kind, n.name, 'changed', n.cite ?? o.cite, details));
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const one = (tl: Segment[]) => new Map<string | undefined, Segment[]>([[undefined, tl]]);
const none = () => new Map<string | undefined, Segment[]>();

function paramTl(p: IrParam): Map<string | undefined, Segment[]> {
  return one(timeline(p.layers, printIr));
}

function ruleTl(r: IrRule): Map<string | undefined, Segment[]> {
  return one(timeline(r.layers, printIr));
}

export const OTHERWISE_KEY = '否则';

function tableTl(t: IrTable, other: IrTable | undefined, enumMembers: (name: string) => string[]): Map<string | undefined, Segment[]> {
  const keys = new Set<string>();
  const addKeys = (x: IrTable) => {
    for (const l of x.layers) for (const v of l.versions) for (const r of v.body.rows) for (const k of r.keys) keys.add(String(k));
    if (x.keyType.kind === 'enum') for (const m of enumMembers(x.keyType.name)) keys.add(m);
  };
  addKeys(t);
  if (other) addKeys(other);
  const out = new Map<string | undefined, Segment[]>();
  const sorted = [...keys].sort((a, b) => {
    const na = Number(a);
    const nb = Number(b);
    return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : 0;
  });
  for (const key of sorted) {
    const project = (b: IrTableVersionBody) => {
      const row = b.rows.find((r) => r.keys.some((k) => String(k) === key));
      if (row) return printIr(row.value);
      return b.otherwise ? printIr(b.otherwise) : undefined;
    };
    out.set(key, timeline(t.layers, project));
  }
  if (t.keyType.kind !== 'enum') out.set(OTHERWISE_KEY, timeline(t.layers, (b) => (b.otherwise ? printIr(b.otherwise) : undefined)));
  for (const [k, tl] of out) if (tl.length === 0) out.delete(k);
  return out;
}

export function printBand(b: IrBand): string {
  const lo = b.lower.value === null ? '(-无穷' : `${b.lower.inclusive ? '[' : '('}${printIr(b.lower.value)}`;
  const hi = b.upper.value === null ? '无穷)' : `${printIr(b.upper.value)}${b.upper.inclusive ? ']' : ')'}`;
  return `${lo}, ${hi}: ${printIr(b.value)}`;
}

function bandsTl(b: IrBands): Map<string | undefined, Segment[]> {
  return one(timeline(b.layers, (bands) => bands.map(printBand).join('；')));
}

function exceptionDetails(o: IrRule, n: IrRule): DiffDetail[] {
  const keyOf = (e: IrRule['exceptions'][number]) => `${printIr(e.condition)}\u0000${printIr(e.value)}`;
  const oldKeys = new Map(o.exceptions.map((e) => [keyOf(e), e]));
  const newKeys = new Map(n.exceptions.map((e) => [keyOf(e), e]));
  const out: DiffDetail[] = [];
  for (const [k, e] of oldKeys) {
    if (!newKeys.has(k)) out.push({ what: 'exception', key: printIr(e.condition), old: printIr(e.value), new: null, ...(e.cite ? { oldCite: e.cite } : {}) });
  }
  for (const [k, e] of newKeys) {
    if (!oldKeys.has(k)) out.push({ what: 'exception', key: printIr(e.condition), old: null, new: printIr(e.value), ...(e.cite ? { newCite: e.cite } : {}) });
  }
  return out;
}

const fieldText = (f: IrField) => `${printType(f.type)}${f.optional ? '（可选）' : ''}`;

function fieldsDetails(o: IrField[], n: IrField[]): DiffDetail[] {
  const ob = new Map(o.map((f) => [f.name, fieldText(f)]));
  const nb = new Map(n.map((f) => [f.name, fieldText(f)]));
  const out: DiffDetail[] = [];
  for (const name of new Set([...ob.keys(), ...nb.keys()])) out.push(...scalar('field', ob.get(name), nb.get(name), name));
  return out;
}

/** Every declaration change between two policies, grouped by kind, then by name. */
export function diffDecls(a: IrPolicy, b: IrPolicy): DeclChange[] {
  const members = (name: string) => [...new Set([...(a.enums.find((e) => e.name === name)?.members ?? []), ...(b.enums.find((e) => e.name === name)?.members ?? [])])];
  const out: DeclChange[] = [];
  const floor = a.effective !== null && b.effective !== null ? (a.effective < b.effective ? a.effective : b.effective) : null;

  // the policy header and calendar
  const header: DiffDetail[] = [
    ...scalar('title', a.title, b.title),
    ...scalar('effective', a.effective, b.effective),
    ...scalar('abstract', String(a.abstract), String(b.abstract)),
    ...scalar('rounding', printRounding(a.rounding), printRounding(b.rounding)),
  ];
  for (const [what, x, y] of [['holiday', a.calendar.holidays, b.calendar.holidays], ['workday', a.calendar.workdays, b.calendar.workdays]] as const) {
    for (const d of x) if (!y.includes(d)) header.push({ what, key: d, old: d, new: null });
    for (const d of y) if (!x.includes(d)) header.push({ what, key: d, old: null, new: d });
  }
  if (header.length > 0) out.push(change('policy', b.name, 'changed', undefined, header));

  out.push(...byName<IrEnum>('enum', a.enums, b.enums, none, (o, n) => scalar('members', o.members.join('、'), n.members.join('、'))));
  out.push(...byName<IrRecord>('record', a.records, b.records, none, (o, n) => fieldsDetails(o.fields, n.fields)));
  out.push(
    ...byName<IrField>('input', a.inputs, b.inputs, none, (o, n) => [
      ...scalar('type', printType(o.type), printType(n.type)),
      ...scalar('optional', String(o.optional), String(n.optional)),
      ...scalar('doc', o.doc, n.doc),
    ], floor),
  );
  out.push(
    ...byName<IrParam>('param', a.params, b.params, paramTl, (o, n) => [
      ...scalar('type', printType(o.type), printType(n.type)),
      ...scalar('required', String(o.required), String(n.required)),
      ...scalar('range', o.range && `${printIr(o.range.lo)}..${printIr(o.range.hi)}`, n.range && `${printIr(n.range.lo)}..${printIr(n.range.hi)}`),
      ...scalar('doc', o.doc, n.doc),
    ], floor),
  );
  out.push(
    ...byName<IrTable>('table', a.tables, b.tables, (t, other) => tableTl(t, other, members), (o, n) => [
      ...scalar('type', `${printType(o.keyType)} → ${printType(o.valueType)}`, `${printType(n.keyType)} → ${printType(n.valueType)}`),
      ...scalar('required', String(o.required), String(n.required)),
      ...scalar('doc', o.doc, n.doc),
    ], floor),
  );
  out.push(
    ...byName<IrBands>('bands', a.bands, b.bands, bandsTl, (o, n) => [
      ...scalar('type', `${printType(o.keyType)} → ${printType(o.valueType)}`, `${printType(n.keyType)} → ${printType(n.valueType)}`),
      ...scalar('doc', o.doc, n.doc),
    ], floor),
  );
  out.push(
    ...byName<IrRule>('rule', a.rules, b.rules, ruleTl, (o, n) => [
      ...scalar('type', printType(o.type), printType(n.type)),
      ...scalar('params', o.params.map((p) => `${p.name}: ${printType(p.type)}`).join(', '), n.params.map((p) => `${p.name}: ${printType(p.type)}`).join(', ')),
      ...scalar('rounding', printRounding(o.rounding), printRounding(n.rounding)),
      ...scalar('doc', o.doc, n.doc),
      ...exceptionDetails(o, n),
    ], floor),
  );
  out.push(
    ...byName<IrCheck>('check', a.checks, b.checks, none, (o, n) => [
      ...scalar('severity', o.severity, n.severity),
      ...scalar('condition', printIr(o.condition), printIr(n.condition)),
      ...scalar('message', o.message, n.message),
    ], floor),
  );
  return out;
}
