// One declaration's generated code (docs/architecture.md, "Generated code"): the hoisted
// functions and constants it needs (pushed into g.decls) and its model entry (runtime/model.ts)
// as JS text. Written with a linked Gen (compiler/codegenExpr.ts), a declaration's text does
// not depend on where the others stand — another declaration's position is a slot L0, L1, …
// and the static "needs" of a rule or check arrive as `X` — so compiler/codegenChunks.ts can
// reuse the text, and the function loaded from it, while the declaration's IR is unchanged.
import type { IrBands, IrCheck, IrExpr, IrLayer, IrParam, IrRule, IrTable } from './ir.ts';
import type { Gen, Scope } from './codegenExpr.ts';
import { CodegenError, ISO_DATE, checkRounding, json, str, typeData } from './codegenUtil.ts';

export function obj(fields: [string, string | undefined][]): string {
  return `{ ${fields
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')} }`;
}

function optStr(s: string | undefined): string | undefined {
  return s === undefined ? undefined : str(s);
}

function checkDate(from: string | null, span?: IrExpr['span']): string {
  if (from === null) return 'null';
  if (!ISO_DATE.test(from)) throw new CodegenError('XG002', `invalid version date ${JSON.stringify(from)}`, span);
  return str(from);
}

/** Layers as JS text; `value(body, layerIndex, versionIndex)` gives each version's value text. */
function layersText<T>(layers: IrLayer<T>[], value: (body: T, li: number, vi: number) => string): string {
  return `[${layers
    .map(
      (l, li) =>
        `[${l.versions
          .map((v, vi) =>
            obj([
              ['policy', str(l.policy)],
              ['from', checkDate(v.from, v.span)],
              ['cite', optStr(v.cite)],
              ['value', value(v.body, li, vi)],
            ]),
          )
          .join(', ')}]`,
    )
    .join(', ')}]`;
}

/** A hoisted value function `(cx, at) => expr` for params/tables/bands. */
function valueFn(g: Gen, e: IrExpr): string {
  const s: Scope = { locals: new Map(), at: 'at', temps: { n: 0 } };
  const body = g.expr(e, s);
  const name = g.fresh('f');
  g.decls.push(`function ${name}(${g.params(['cx', 'at'])}) { ${g.temps(s)} return ${body}; }`);
  return name;
}

export function paramCode(g: Gen, p: IrParam): string {
  return obj([
    ['name', str(p.name)],
    ['type', json(typeData(p.type))],
    ['cite', optStr(p.cite)],
    ['layers', layersText(p.layers, (body) => valueFn(g, body))],
    ['range', p.range?.loValue !== undefined && p.range.hiValue !== undefined ? json([p.range.loValue, p.range.hiValue]) : undefined],
  ]);
}

/** The fields a table and a band list share in the generated module. */
function keyedHead(d: IrTable | IrBands): [string, string | undefined][] {
  return [
    ['name', str(d.name)],
    ['keyType', json(typeData(d.keyType))],
    ['valueType', json(typeData(d.valueType))],
    ['cite', optStr(d.cite)],
  ];
}

export function tableCode(g: Gen, t: IrTable): string {
  const keyOf = (k: string | number): string => {
    if (t.keyType.kind === 'enum') return String(g.enumMember(t.keyType.name, String(k)));
    const n = typeof k === 'number' ? k : Number(k);
    if (!Number.isSafeInteger(n)) throw new CodegenError('XG002', `invalid integer key ${JSON.stringify(k)} of table ${JSON.stringify(t.name)}`, t.span);
    return String(n);
  };
  return obj([
    ...keyedHead(t),
    [
      'layers',
      layersText(t.layers, (body) => {
        const entries: string[] = [];
        const seen = new Set<string>();
        for (const row of body.rows) {
          const f = valueFn(g, row.value);
          for (const k of row.keys) {
            const kt = keyOf(k);
            if (seen.has(kt)) continue; // first row wins (the checker reports duplicates)
            seen.add(kt);
            entries.push(`[${kt}, ${f}]`);
          }
        }
        return obj([
          ['rows', `new Map([${entries.join(', ')}])`],
          ['otherwise', body.otherwise ? valueFn(g, body.otherwise) : undefined],
        ]);
      }),
    ],
  ]);
}

export function bandsCode(g: Gen, b: IrBands): string {
  return obj([
    ...keyedHead(b),
    [
      'layers',
      layersText(b.layers, (rows) =>
        `[${rows
          .map((r) =>
            obj([
              ['lower', r.lower.value ? valueFn(g, r.lower.value) : 'null'],
              ['lowerInclusive', r.lower.inclusive ? 'true' : 'false'],
              ['upper', r.upper.value ? valueFn(g, r.upper.value) : 'null'],
              ['upperInclusive', r.upper.inclusive ? 'true' : 'false'],
              ['value', valueFn(g, r.value)],
            ]),
          )
          .join(', ')}]`,
      ),
    ],
  ]);
}

/** A check's condition function and model entry; `deps` is the JS text of its needs node. */
export function checkCode(g: Gen, c: IrCheck, deps: string): string {
  const s: Scope = { locals: new Map(), at: 'null', temps: { n: 0 } };
  const body = g.expr(c.condition, s);
  const name = g.fresh('c');
  g.decls.push(`function ${name}(${g.params(['cx'])}) { ${g.temps(s)} return ${body}; }`);
  if (c.severity !== 'warning' && c.severity !== 'error') throw new CodegenError('XG002', `invalid check severity`, c.span);
  return obj([
    ['name', str(c.name)],
    ['severity', str(c.severity)],
    ['message', str(c.message)],
    ['cite', optStr(c.cite)],
    ['deps', deps],
    ['cond', name],
  ]);
}

/** The compute function(s) of a rule and its model entry; `deps` is the JS text of its needs. */
export function ruleCode(g: Gen, r: IrRule, deps: string): string {
  const P = (names: string[]) => g.params(names);
  const i = g.ref('rule', r.name, r.span); // its own position, for the runtime's bookkeeping
  const argIds = r.params.map((_, k) => `a${k}`);
  const locals = new Map(r.params.map((p, k) => [p.name, argIds[k]!]));
  const s: Scope = { locals, at: 'null', temps: { n: 0 } };
  const stmts: string[] = [];

  // exceptions first: exactly one holding → its value
  if (r.exceptions.length > 0) {
    stmts.push(`const h${g.ann ? ': number[]' : ''} = [];`);
    // a condition that needs an absent optional input does not hold (the exception is not applicable)
    r.exceptions.forEach((x, k) =>
      stmts.push(`try { if (${g.expr(x.condition, s)}) h.push(${k}); } catch (e) { if (!E.isMissing(e)) throw e; }`),
    );
    const cases = r.exceptions.map((x, k) => `case ${k}: return ${g.expr(x.value, s)};`).join(' ');
    stmts.push(`switch (E.exc(cx, ${i}, h)) { ${cases} }`);
  }

  const versions = r.layers.flatMap((l) => l.versions);
  if (versions.length === 0) {
    stmts.push(`throw E.fail("XR008", { name: ${str(r.name)}, at: cx.asOf });`);
  } else if (versions.length === 1 && versions[0]!.from === null && r.layers.filter((l) => l.versions.length > 0).length === 1) {
    stmts.push(`return ${g.expr(versions[0]!.body, s)};`);
  } else {
    const cases = versions.map((v, k) => `case ${k}: return ${g.expr(v.body, s)};`).join(' ');
    stmts.push(`switch (E.ver(cx, ${i})) { ${cases} }`);
    stmts.push(`return E.unmatched(-1);`);
  }
  g.decls.push(`function b(${P(['cx', ...argIds])}) {\n  ${[g.temps(s), ...stmts].filter(Boolean).join('\n  ')}\n}`);
  if (r.params.length > 0) {
    // callers reach a rule with parameters through RF (compiler/codegenExpr.ts, case 'rule')
    g.decls.push(
      `function r(${P(['cx', ...argIds])}) { if (cx.t !== null) return E.call(cx, ${i}, b, [${argIds.join(', ')}]); ` +
        `try { return E.fin(cx, ${i}, b(${['cx', ...argIds].join(', ')})); } catch (e) { throw E.tag(cx, ${i}, e); } }`,
      `RF[${i}] = r;`,
    );
  }
  if (r.rounding) checkRounding(r.rounding, r.span);

  let flat = 0;
  const layers =
    versions.length <= 1 && (versions.length === 0 || versions[0]!.from === null)
      ? 'null'
      : layersText(r.layers, () => String(flat++));
  return obj([
    ['name', str(r.name)],
    ['type', json(typeData(r.type))],
    ['cite', optStr(r.cite)],
    ['rounding', r.rounding ? json({ mode: r.rounding.mode, unit: r.rounding.unit }) : 'null'],
    ['params', json(r.params.map((p) => ({ name: p.name, type: typeData(p.type) })))],
    ['fn', 'b'],
    ['layers', layers],
    // the layer whose declaration gives the value when there is no version to choose (trace: RuleTraceNode.policy)
    ['policy', str([...r.layers].reverse().find((l) => l.versions.length > 0)?.policy ?? '')],
    ['exceptions', json(r.exceptions.map((x) => (x.cite !== undefined ? { cite: x.cite, policy: x.policy } : { policy: x.policy })))],
    ['deps', deps],
  ]);
}
