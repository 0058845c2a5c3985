// The layer pass (layers.ts: buildParam/buildTable/buildBands/buildRule) is most of a check, and
// an editor or the fuzzer re-checks a chain whose parent layers did not change. A parent's
// declaration gives the same IR and the same diagnostics as long as its own AST and everything
// it looked up in the merged symbol table are the same. So each build is memoised on its
// declaration AST objects (the parse cache hands out the same objects for the same path and
// text) and records the names it looked up with a fingerprint of what it found; a later compile
// reuses the result only when every recorded fingerprint still holds in its own symbol table.
// A build that enumerates the table (the "did you mean" search of an unknown name) depends on
// every name and is not kept. tests/compiler/buildCacheWarm.test.ts compares warm with cold.
import type { Declaration } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import type { XType } from './ir.ts';
import type { Symbols, ValueSym } from './symbols.ts';

type Space = 'v' | 'e' | 'r' | 'm';

interface Recorder {
  deps: Map<string, [Space, string, string]>;
  /** the build enumerated a table: its result depends on every name */
  open: boolean;
}

interface Entry {
  decls: { decl: Declaration; policy: string }[];
  self: string;
  /** [space, name, fingerprint] of every lookup, checked on reuse */
  deps: [Space, string, string][];
  result: unknown;
  diagnostics: Diagnostic[];
}

/** entries kept per base declaration: one per distinct chain it was checked in (the fuzzer
 * checks a national declaration under each province that overrides it) */
const MAX_PER_DECL = 8;
let memo = new WeakMap<object, Entry[]>();
let enabled = true;
/** fingerprints computed for one merged table, shared by every build of that compile */
let fps = new WeakMap<Symbols, Map<string, string>>();

/** Forget every memoised build (benchmarks and tests measure or compare a cold check). */
export function clearBuildCache(): void {
  memo = new WeakMap();
  fps = new WeakMap();
}

/** Turn the memo off (true: on, the default); a cold-check reference in tests. */
export function setBuildCache(on: boolean): void {
  enabled = on;
  clearBuildCache();
}

/** a type's identity as text (XType is a small tree: kind, name, unit, element) */
function tk(t: XType): string {
  const x = t as { kind: string; name?: string; unit?: string; element?: XType };
  return x.element ? `${x.kind}<${tk(x.element)}>` : x.name !== undefined ? `${x.kind}:${x.name}` : x.unit !== undefined ? `${x.kind}/${x.unit}` : x.kind;
}

function fpCache(syms: Symbols): Map<string, string> {
  let m = fps.get(syms);
  if (!m) fps.set(syms, (m = new Map()));
  return m;
}

function fingerprint(syms: Symbols, space: Space, name: string, m = fpCache(syms)): string {
  const key = space + name;
  let fp = m.get(key);
  if (fp !== undefined) return fp;
  switch (space) {
    case 'v':
      fp = valueFp(syms.values.get(name));
      break;
    case 'e': {
      const en = syms.enums.get(name);
      fp = en ? en.members.join('\u0001') : '-';
      break;
    }
    case 'r': {
      const rec = syms.records.get(name);
      fp = rec ? [...rec.fields.values()].map((f) => `${f.name}\u0002${tk(f.type)}\u0002${f.optional}`).join('\u0001') : '-';
      break;
    }
    case 'm':
      fp = syms.members.get(name)?.join('\u0001') ?? '-';
      break;
  }
  m.set(key, fp);
  return fp;
}

/** What a lookup of a value name can tell a build: its kind and resolved types. */
export function valueFp(v: ValueSym | undefined): string {
  if (!v) return '-';
  switch (v.kind) {
    case 'input':
      return `i${tk(v.type)}${v.field.optional}`;
    case 'param':
      return `p${tk(v.type)}`;
    case 'table':
    case 'bands':
      return `${v.kind}${tk(v.keyType)}${tk(v.valueType)}`;
    case 'rule':
      return `r${tk(v.type)}(${v.params.map((p) => `${p.name}:${tk(p.type)}`).join(',')})`;
  }
}

/** A Map look-alike over `m` that records every name asked for. */
function recording<V>(m: Map<string, V>, space: Space, syms: Symbols, rec: Recorder): Map<string, V> {
  const note = (k: string) => {
    const key = space + k;
    if (!rec.deps.has(key)) rec.deps.set(key, [space, k, fingerprint(syms, space, k)]);
  };
  const enumerate = () => {
    rec.open = true;
  };
  return {
    get: (k: string) => (note(k), m.get(k)),
    has: (k: string) => (note(k), m.has(k)),
    keys: () => (enumerate(), m.keys()),
    values: () => (enumerate(), m.values()),
    entries: () => (enumerate(), m.entries()),
    forEach: (f: (v: V, k: string, mm: Map<string, V>) => void) => (enumerate(), m.forEach(f)),
    [Symbol.iterator]: () => (enumerate(), m[Symbol.iterator]()),
    get size() {
      enumerate();
      return m.size;
    },
  } as unknown as Map<string, V>;
}

function view(syms: Symbols, rec: Recorder): Symbols {
  return {
    ...syms,
    values: recording(syms.values, 'v', syms, rec),
    enums: recording(syms.enums, 'e', syms, rec),
    records: recording(syms.records, 'r', syms, rec),
    members: recording(syms.members, 'm', syms, rec),
  };
}

function sameDecls(a: Entry['decls'], b: Entry['decls']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].decl !== b[i].decl || a[i].policy !== b[i].policy) return false;
  return true;
}

/**
 * `build(view, diags)` for the value symbol `v`, or its memoised result. `self` must hold
 * everything else the build reads (e.g. the header rounding, effective dates). The result is
 * handed out through `copy`, which must detach whatever later passes mutate (checkRanges sets a
 * range's values, attachExceptions pushes a rule's exceptions), so the kept result stays as built.
 */
export function memoBuild<R>(
  syms: Symbols,
  v: Exclude<ValueSym, { kind: 'input' }>,
  self: string,
  diags: Diagnostic[],
  build: (syms: Symbols, diags: Diagnostic[]) => R,
  copy: (r: R) => R,
): R {
  if (!enabled) return build(syms, diags);
  const decls = v.decls as Entry['decls'];
  const base = decls[0].decl;
  const selfKey = valueFp(v) + '\u0003' + self;
  const list = memo.get(base);
  if (list) {
    const m = fpCache(syms);
    for (const e of list) {
      if (e.self !== selfKey || !sameDecls(e.decls, decls)) continue;
      let ok = true;
      for (const [space, name, fp] of e.deps) {
        if (fingerprint(syms, space, name, m) !== fp) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      for (const d of e.diagnostics) diags.push(d);
      return copy(e.result as R);
    }
  }
  const rec: Recorder = { deps: new Map(), open: false };
  const own: Diagnostic[] = [];
  const result = build(view(syms, rec), own);
  for (const d of own) diags.push(d);
  if (rec.open) return result;
  const entry: Entry = { decls: decls.slice(), self: selfKey, deps: [...rec.deps.values()], result, diagnostics: own };
  const next = list ? [entry, ...list].slice(0, MAX_PER_DECL) : [entry];
  memo.set(base, next);
  return copy(result);
}
