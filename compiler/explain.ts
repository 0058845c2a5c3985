// The computation behind one rule of an explanation trace: its formula printed from the IR
// (compiler/printIr.ts), the same formula with the values the trace recorded for the names it
// reads (`本人工资 × 月数` → `7,000.00元 × 12`), the result, the branch of a `当 … 则 … 否则`
// taken and why, the exception that applied, and the layer (policy) and article of the version
// used. Built from the IR and the trace only: code generation is untouched. No Node API.
import Decimal from 'decimal.js';
import type { IrExpr, IrPolicy, IrRule } from './ir.ts';
import type { RuleTraceNode, TraceNode } from '../runtime/trace.ts';
import type { JsonValue } from '../runtime/outcome.ts';
import { formatValue } from '../runtime/format.ts';
import { printIr } from './printIr.ts';
import { recordFieldsOf } from './cases/compare.ts';

/** One condition of a `当` chain (or an exception) as evaluated for the case. */
export interface ExplainedCondition {
  /** `当 一至四级已退休` / `否则` */
  text: string;
  /** the condition with its values, e.g. `否` or `5,000.00元 < 4,800.00元` */
  values?: string;
  /** true: holds, false: does not, undefined: not decidable from the trace */
  holds?: boolean;
}

export interface RuleExplanation {
  name: string;
  /** the expression that produced the value (the branch taken, or the applied exception's value) */
  formula: string;
  /** the formula with values in place of names; absent when it reads no recorded value */
  withValues?: string;
  result: string;
  /** the conditions considered, in order, the taken one last (a `当` chain or exceptions) */
  conditions: ExplainedCondition[];
  /** the policy of the layer whose version was used, and that version's start */
  layer?: string;
  from?: string | null;
  cite?: string;
  rounding?: string;
}

type Known = { text: string; value: JsonValue | undefined; missing?: boolean };

/** Look-ups over the whole IR, made once per IR: the preview explains every traced rule of a
 * case, and each explanation used to rebuild them (a policy's inputs and records, a search of
 * its rules), which for the national baseline was most of the explaining. An IR is never
 * changed after it is built. */
interface Lookups {
  records: ReturnType<typeof recordFieldsOf>;
  inputType: Map<string, IrPolicy['inputs'][number]['type']>;
  rules: Map<string, IrRule>;
}
const lookups = new WeakMap<IrPolicy, Lookups>();

function lookupsOf(ir: IrPolicy): Lookups {
  let l = lookups.get(ir);
  if (!l) {
    const rules = new Map<string, IrRule>();
    for (const r of ir.rules) if (!rules.has(r.name)) rules.set(r.name, r); // the first, as find() gave
    l = { records: recordFieldsOf(ir), inputType: new Map(ir.inputs.map((f) => [f.name, f.type])), rules };
    lookups.set(ir, l);
  }
  return l;
}

/** The value of each name the rule read (its direct trace children). */
function knownValues(ir: IrPolicy, node: RuleTraceNode): Map<string, Known> {
  const { records, inputType } = lookupsOf(ir);
  const m = new Map<string, Known>();
  const put = (k: string, v: Known) => {
    if (!m.has(k)) m.set(k, v);
  };
  for (const c of node.children) {
    switch (c.kind) {
      case 'rule':
        if (!c.args?.length && !c.failed) put(`rule:${c.name}`, { text: c.display ?? String(c.value), value: c.value });
        break;
      case 'param':
        put(`param:${c.name}`, { text: c.display ?? String(c.value), value: c.value });
        break;
      case 'table':
      case 'bands':
        put(`${c.kind}:${c.name}`, { text: c.display ?? String(c.value), value: c.value });
        break;
      case 'input': {
        const top = c.path.split('.')[0]!;
        put(`input:${c.path}`, c.missing ? { text: '（未提供）', value: undefined, missing: true } : { text: formatValue(inputType.get(top), c.value, records), value: c.value });
        break;
      }
      default:
        break;
    }
  }
  return m;
}

function keyOf(e: IrExpr): string | undefined {
  switch (e.k) {
    case 'rule':
      return e.args.length === 0 ? `rule:${e.name}` : undefined;
    case 'param':
      return e.at === null ? `param:${e.name}` : undefined;
    case 'table':
    case 'bands':
      return e.at === null ? `${e.k}:${e.name}` : undefined;
    case 'input':
      return `input:${e.name}`;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------- evaluating conditions

/** The case's input, for `有值(输入)` of an optional input the rule did not read. */
let caseInput: Record<string, unknown> | undefined;

function presence(a: IrExpr, known: Map<string, Known>): boolean | undefined {
  const k = keyOf(a);
  const x = k === undefined ? undefined : known.get(k);
  if (x !== undefined) return !x.missing && x.value !== null && x.value !== undefined;
  if (a.k === 'input' && caseInput !== undefined) return caseInput[a.name] !== undefined && caseInput[a.name] !== null;
  return undefined;
}

type V = Decimal | string | boolean | null | undefined;
const NUMERIC = new Set(['money', 'rate', 'number', 'integer', 'duration']);

/** Enum members compare by declaration order: their index. */
let enumIndex: (e: IrExpr, member: string) => V = () => undefined;

function fromJson(e: IrExpr, v: JsonValue | undefined): V {
  if (v === undefined || v === null) return undefined;
  if (e.type.kind === 'enum' && typeof v === 'string') return enumIndex(e, v);
  if (NUMERIC.has(e.type.kind) && (typeof v === 'string' || typeof v === 'number')) return new Decimal(String(v));
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  return undefined;
}

/** A condition's value from the recorded values, when it can be decided from them alone. */
function evalCond(e: IrExpr, known: Map<string, Known>, asOf: string): V {
  const k = keyOf(e);
  if (k !== undefined) {
    const x = known.get(k);
    return x === undefined || x.missing ? undefined : fromJson(e, x.value);
  }
  switch (e.k) {
    case 'lit':
      return typeof e.value === 'boolean' ? e.value : NUMERIC.has(e.type.kind) ? new Decimal(e.value) : e.value;
    case 'enumLit':
      return enumIndex(e, e.member);
    case 'asOf':
      return asOf;
    case 'not': {
      const x = evalCond(e.operand, known, asOf);
      return typeof x === 'boolean' ? !x : undefined;
    }
    case 'logic': {
      const a = evalCond(e.left, known, asOf);
      const b = evalCond(e.right, known, asOf);
      if (e.op === 'and') return a === false || b === false ? false : a === true && b === true ? true : undefined;
      return a === true || b === true ? true : a === false && b === false ? false : undefined;
    }
    case 'compare': {
      const a = evalCond(e.left, known, asOf);
      const b = evalCond(e.right, known, asOf);
      if (a === undefined || b === undefined || a === null || b === null) return undefined;
      const c = a instanceof Decimal && b instanceof Decimal ? a.comparedTo(b) : typeof a === typeof b && typeof a !== 'object' ? (a < b ? -1 : a > b ? 1 : 0) : undefined;
      if (c === undefined) return undefined;
      return { '=': c === 0, '!=': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[e.op];
    }
    case 'in': {
      const a = evalCond(e.value, known, asOf);
      if (a === undefined || a === null) return undefined;
      const ms = e.members.map((m) => evalCond(m, known, asOf));
      if (ms.some((m) => m === undefined)) return undefined;
      return ms.some((m) => (a instanceof Decimal && m instanceof Decimal ? a.eq(m) : a === m));
    }
    case 'builtin': {
      if (e.fn !== 'present' || e.args.length !== 1) return undefined;
      return presence(e.args[0]!, known);
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------- the explanation

/** The layer and version of a rule in force at `asOf` (the last layer that has one wins). */
function versionAt(r: IrRule, asOf: string): { layer: string; from: string | null; body: IrExpr; cite?: string } | undefined {
  for (let i = r.layers.length - 1; i >= 0; i--) {
    const L = r.layers[i]!;
    const vs = L.versions.filter((v) => v.from === null || v.from <= asOf);
    const v = vs[vs.length - 1];
    if (v) return { layer: L.policy, from: v.from, body: v.body, ...(v.cite !== undefined ? { cite: v.cite } : {}) };
  }
  return undefined;
}

const MODE_ZH: Record<string, string> = { half_up: '四舍五入', half_even: '银行家舍入', floor: '向下取整', ceil: '向上取整' };
const UNIT_ZH: Record<string, string> = { fen: '分', jiao: '角', yuan: '元' };

/** The computation of one traced rule (undefined for a rule the IR does not have). */
export function explainRule(ir: IrPolicy, node: RuleTraceNode, asOf: string, input?: Record<string, unknown>): RuleExplanation | undefined {
  const rule = lookupsOf(ir).rules.get(node.name);
  if (!rule) return undefined;
  caseInput = input;
  enumIndex = (e, member) => {
    const name = e.k === 'enumLit' ? e.enumName : e.type.kind === 'enum' ? e.type.name : undefined;
    const i = ir.enums.find((x) => x.name === name)?.members.indexOf(member);
    return i === undefined || i < 0 ? member : new Decimal(i);
  };
  const known = knownValues(ir, node);
  const sub = (e: IrExpr): string | undefined => {
    if (e.k === 'asOf') return asOf;
    if (e.k === 'lit' && typeof e.value === 'boolean') return e.value ? '是' : '否';
    if (e.k === 'builtin' && e.fn === 'present' && e.args.length === 1) {
      const p = presence(e.args[0]!, known);
      return p === undefined ? undefined : p ? '有值' : '无值';
    }
    const k = keyOf(e);
    return k === undefined ? undefined : known.get(k)?.text;
  };
  const conditions: ExplainedCondition[] = [];
  const cond = (text: string, c: IrExpr): boolean | undefined => {
    const r = evalCond(c, known, asOf);
    const holds = typeof r === 'boolean' ? r : undefined;
    const values = printIr(c, sub);
    conditions.push({ text, ...(values !== printIr(c) ? { values } : {}), ...(holds !== undefined ? { holds } : {}) });
    return holds;
  };

  const v = versionAt(rule, asOf);
  let expr: IrExpr | undefined = v?.body;
  if (node.exception) {
    const x = rule.exceptions.find((x) => x.policy === node.exception!.policy && x.cite === node.exception!.cite && evalCond(x.condition, known, asOf) !== false) ??
      rule.exceptions.find((x) => x.policy === node.exception!.policy);
    if (x) {
      cond(`例外 当 ${printIr(x.condition)}`, x.condition);
      expr = x.value;
    }
  }
  for (let guard = 0; guard < 8 && !node.exception && expr && (expr.k === 'when' || expr.k === 'match'); guard++) {
    const before: IrExpr = expr;
    expr = pick(expr);
    if (expr === before) break;
  }
  function pick(expr: IrExpr): IrExpr {
    if (expr.k === 'when') {
    let taken: IrExpr | undefined;
    const start = conditions.length;
    for (const b of expr.branches) {
      const h = cond(`当 ${printIr(b.condition)}`, b.condition);
      if (h === true) {
        taken = b.value;
        break;
      }
      if (h === undefined) break;
    }
    if (taken === undefined && conditions.slice(start).every((c) => c.holds === false)) {
      conditions.push({ text: '否则', holds: true });
      taken = expr.otherwise;
    }
    return taken ?? expr;
    }
    if (expr.k === 'match') {
      const k = keyOf(expr.subject);
      const s = k === undefined ? undefined : known.get(k)?.value;
      const arm = typeof s === 'string' ? expr.arms.find((a) => a.members.includes(s)) : undefined;
      const shown = sub(expr.subject) ?? printIr(expr.subject);
      if (arm) {
        conditions.push({ text: `匹配 ${printIr(expr.subject)}`, values: `${shown} → ${arm.members.join(', ')}`, holds: true });
        return arm.value;
      }
      if (typeof s === 'string' && expr.otherwise !== null) {
        conditions.push({ text: `匹配 ${printIr(expr.subject)}`, values: `${shown} → 否则`, holds: true });
        return expr.otherwise;
      }
    }
    return expr;
  }
  const result = node.failed === 'missing' ? '不可用' : node.failed === 'error' ? '错误' : (node.display ?? String(node.value));
  // the language's 真/假 read as 是/否 in a result
  const formula = expr ? printIr(expr, (e) => (e.k === 'lit' && typeof e.value === 'boolean' ? (e.value ? '是' : '否') : undefined)) : node.name;
  const withValues = expr ? printIr(expr, sub) : undefined;
  const round = node.children.find((c) => c.kind === 'rounding') as Extract<TraceNode, { kind: 'rounding' }> | undefined;
  const out: RuleExplanation = { name: node.name, formula, result, conditions };
  if (withValues !== undefined && withValues !== formula && withValues !== result) out.withValues = withValues;
  // the runtime records the deciding layer (version chosen or exception applied); the IR's
  // version at the as-of date is the fallback for traces recorded before it did
  if (node.exception) out.layer = node.exception.policy;
  else if (v) {
    out.layer = node.policy ?? v.layer;
    out.from = v.from;
  } else if (node.policy) out.layer = node.policy;
  const cite = node.cite ?? v?.cite ?? rule.cite;
  if (cite !== undefined) out.cite = cite;
  if (round) out.rounding = `${MODE_ZH[round.mode] ?? round.mode}到${UNIT_ZH[round.unit] ?? round.unit}：${round.before} → ${round.after}`;
  return out;
}

/** `本人工资 × 月数 = 7,000.00元 × 12 = 84,000.00元` (the formula line of an explanation). */
export function formulaLine(x: RuleExplanation): string {
  const parts = [x.formula];
  if (x.withValues !== undefined) parts.push(x.withValues);
  if (x.formula !== x.result) parts.push(x.result);
  return parts.join(' = ');
}

/** `当 一至四级已退休（否）不成立；否则 成立` — the branch taken and why. */
export function conditionsLine(x: RuleExplanation): string {
  return x.conditions
    .map((c) => `${c.text}${c.values !== undefined ? `（${c.values}）` : ''}${c.holds === true ? ' 成立 ✓' : c.holds === false ? ' 不成立' : ''}`)
    .join('；');
}

/** The rule nodes that lead to the given outputs (each once, depth-first): what a case asks for. */
export function rulesLeadingTo(trace: Record<string, TraceNode>, outputs: string[]): RuleTraceNode[] {
  const seen = new Set<TraceNode>();
  const out: RuleTraceNode[] = [];
  const walk = (n: TraceNode) => {
    if (n.kind !== 'rule' || seen.has(n)) return;
    seen.add(n);
    out.push(n);
    n.children.forEach(walk);
  };
  for (const o of outputs) if (trace[o]) walk(trace[o]!);
  return out;
}
