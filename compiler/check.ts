// The checker driver: from the resolved chain (resolve.ts) run merge, types/layers, and the
// proof passes, and assemble the IrPolicy. Every pass runs even when earlier ones reported
// errors; UNKNOWN types keep the follow-up quiet.
import type { Span } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import { checkBands } from './checkBands.ts';
import { checkParamCycles, checkRuleCycles } from './checkCycles.ts';
import { checkCondition } from './checkOperators.ts';
import { checkParam } from './checkParams.ts';
import { checkRanges } from './checkRanges.ts';
import { fieldRange } from './fieldRange.ts';
import { checkTableCoverage, checkTableRequired } from './checkTables.ts';
import { checkTyped } from './checkTyped.ts';
import { checkEvalDepth } from './checkDepth.ts';
import { checkReservedNames } from './checkNames.ts';
import { liveRefs } from './liveRefs.ts';
import { checkDateText, checkExpr, err } from './checkTypes.ts';
import type { IrBands, IrCheck, IrEnum, IrField, IrParam, IrPolicy, IrRecord, IrRounding, IrRule, IrTable } from './ir.ts';
import { buildBands, buildParam, buildRule, buildTable, newCtx } from './layers.ts';
import { mergeChain } from './merge.ts';
import { memoBuild } from './buildCache.ts';
import { report } from './messages.ts';
import { startSpan, type PolicyUnit } from './resolve.ts';
import { suggest, type Symbols } from './symbols.ts';
import { assignable, typeArgs } from './types.ts';

function headerRounding(chain: PolicyUnit[]): IrRounding | null {
  for (let i = chain.length - 1; i >= 0; i--) {
    const r = chain[i].header?.rounding;
    if (r) return { mode: r.mode, unit: r.unit };
  }
  return null;
}

function checkHeaders(syms: Symbols, chain: PolicyUnit[], diags: Diagnostic[]): void {
  const ctx = newCtx(syms, diags);
  for (let i = 0; i < chain.length; i++) {
    const h = chain[i].header;
    if (!h?.effective) continue;
    if (!checkDateText(ctx, h.effective.value, h.effective.span)) continue;
    const parent = chain[i - 1]?.header;
    if (parent?.effective && h.effective.value < parent.effective.value) {
      report(diags, 'XC091', h.effective.span, { date: h.effective.value, parent: parent.name.text, parentDate: parent.effective.value });
    }
  }
}

function attachExceptions(syms: Symbols, rules: Map<string, IrRule>, diags: Diagnostic[]): void {
  for (const { decl, policy } of syms.exceptions) {
    const sym = syms.values.get(decl.rule.text);
    const rule = rules.get(decl.rule.text);
    if (!rule || sym?.kind !== 'rule') {
      const s = suggest(decl.rule.text, rules.keys());
      report(diags, 'XC090', decl.rule.span, { name: decl.rule.text, hintZh: s ? `是否想写“${s}”？` : '', hintEn: s ? `did you mean '${s}'?` : '' });
      checkExpr(newCtx(syms, diags), decl.condition);
      continue;
    }
    const locals = new Map(rule.params.map((p) => [p.name, p.type] as [string, typeof p.type]));
    const ctx = newCtx(syms, diags, decl.cite?.text ?? rule.cite, locals);
    const condition = checkCondition(ctx, decl.condition);
    const value = checkExpr(ctx, decl.value, rule.type);
    if (!assignable(value.type, rule.type)) {
      err(ctx, 'XC092', decl.value.span, { name: rule.name, ...typeArgs('expected', rule.type), ...typeArgs('actual', value.type) });
    }
    rule.exceptions.push({ condition, value, policy, span: decl.span, ...(decl.cite ? { cite: decl.cite.text } : {}) });
  }
}

// checkRanges writes a range's values and attachExceptions a rule's exceptions: a memoised
// result is handed out with those parts detached
const copyParam = (p: IrParam): IrParam => (p.range ? { ...p, range: { ...p.range } } : { ...p });

/** what fromEffective (layers.ts) reads of the chain for a table's override layers */
function effectiveDates(syms: Symbols, decls: { policy: string }[]): string {
  return decls.map((d) => syms.chain.find((u) => u.name === d.policy)?.header?.effective?.value ?? '').join('\u0001');
}

export function checkChain(chain: PolicyUnit[], diags: Diagnostic[]): IrPolicy {
  checkReservedNames(chain, diags);
  const syms = mergeChain(chain, diags);
  const leaf = chain[chain.length - 1];
  const header = leaf.header;
  const rounding = headerRounding(chain);
  const roundingKey = JSON.stringify(rounding); // what a rule's memoised build depends on of the header
  checkHeaders(syms, chain, diags);

  const enums: IrEnum[] = [...syms.enums.values()].map((e) => ({
    name: e.decl.name.text, members: e.members, policy: e.policy, span: e.decl.span, ...(e.decl.doc ? { doc: e.decl.doc.text } : {}),
  }));
  const records: IrRecord[] = [...syms.records.values()].map((r) => ({
    name: r.decl.name.text,
    policy: r.policy,
    span: r.decl.span,
    fields: [...r.fields.values()].map((f) => ({
      name: f.name, type: f.type, optional: f.optional, policy: r.policy, span: f.decl.span, ...(f.decl.doc ? { doc: f.decl.doc.text } : {}),
      ...fieldRange(f.name, f.type, f.decl.range, diags),
    })),
  }));
  const inputs: IrField[] = [];
  const params: IrParam[] = [];
  const tables: IrTable[] = [];
  const bands: IrBands[] = [];
  const rules = new Map<string, IrRule>();
  const ruleSpans = new Map<string, Span>();
  const paramSpans = new Map<string, Span>();
  for (const v of syms.values.values()) {
    switch (v.kind) {
      case 'input':
        inputs.push({
          name: v.name, type: v.type, optional: v.field.optional, policy: v.policy, span: v.field.span, ...(v.field.doc ? { doc: v.field.doc.text } : {}),
          ...fieldRange(v.name, v.type, v.field.range, diags),
        });
        break;
      // memoised across compiles (buildCache.ts): an unchanged parent declaration is not re-checked
      case 'param':
        paramSpans.set(v.name, v.decls[0].decl.name.span);
        params.push(memoBuild(syms, v, '', diags, (s, d) => buildParam(s, v, d), copyParam));
        break;
      case 'table':
        tables.push(memoBuild(syms, v, effectiveDates(syms, v.decls), diags, (s, d) => buildTable(s, v, d), (t) => ({ ...t })));
        break;
      case 'bands':
        bands.push(memoBuild(syms, v, '', diags, (s, d) => buildBands(s, v, d), (b) => ({ ...b })));
        break;
      case 'rule':
        ruleSpans.set(v.name, v.decls[0].decl.name.span);
        rules.set(v.name, memoBuild(syms, v, roundingKey, diags, (s, d) => buildRule(s, v, d, rounding), (r) => ({ ...r, exceptions: [] })));
        break;
    }
  }
  attachExceptions(syms, rules, diags);
  const checks: IrCheck[] = syms.checks.map(({ decl, policy }) => {
    const ctx = newCtx(syms, diags, decl.cite?.text);
    return {
      name: decl.name.text, severity: decl.severity, condition: checkCondition(ctx, decl.condition), message: decl.message.text,
      policy, span: decl.span, ...(decl.cite ? { cite: decl.cite.text } : {}),
    };
  });
  const calendar = { holidays: [] as string[], workdays: [] as string[] };
  const calCtx = newCtx(syms, diags);
  for (const c of syms.calendars) {
    for (const d of c.holidays) if (checkDateText(calCtx, d.value, d.span)) calendar.holidays.push(d.value);
    for (const d of c.workdays) if (checkDateText(calCtx, d.value, d.span)) calendar.workdays.push(d.value);
  }

  // proofs
  for (const t of tables) checkTableCoverage(syms, t, diags);
  for (const b of bands) checkBands(b, diags, params);
  checkRanges(params, diags);
  const ruleList = [...rules.values()];
  checkRuleCycles(ruleList, ruleSpans, diags);
  checkParamCycles(params, paramSpans, diags);
  checkEvalDepth(ruleList, params, ruleSpans, paramSpans, diags);
  const abstract = header ? header.abstract : true;
  const leafInfo = { name: leaf.name, abstract, span: header?.name.span ?? startSpan(leaf.asts[0]?.file ?? '') };
  // a required figure only has to be supplied when something live still reads it
  const live = liveRefs({ rules: ruleList, checks, params, tables, bands });
  for (const p of params) checkParam(syms, p, leafInfo, diags, live.params.has(p.name));
  for (const t of tables) checkTableRequired(syms, t, leafInfo, diags, live.tables.has(t.name));
  if (!diags.some((d) => d.severity === 'error')) checkTyped({ rules: ruleList, checks, params }, diags);

  return {
    name: leaf.name,
    ...(header?.title ? { title: header.title } : {}),
    abstract,
    effective: header?.effective?.value ?? null,
    rounding,
    chain: chain.map((u) => u.name),
    enums,
    records,
    inputs,
    params,
    tables,
    bands,
    rules: ruleList,
    checks,
    calendar,
  };
}
