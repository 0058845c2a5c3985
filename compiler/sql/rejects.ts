// The input checks of the SQL query and the one reject code per record they compute, the same
// code the JS population run reports (cli/population/rejectCode.ts; docs/populations.md, "Reject
// codes"): the JS engine's first input error as `<code>:<path>`, in its order — missing required
// inputs first (declaration order), then each input in declaration order with the first check
// it fails (runtime/validate.ts: ajv runs `required` before `properties`, and within one input
// the type before the syntax before the bounds). Columns that are not inputs are never read, so
// the JS engine's XI007 (unknown key) cannot arise in a population; NULL is absent.
//
// A value the JS engine accepts but the query cannot carry exactly — a money with more than 2
// places (money is DECIMAL(38,2) in SQL: a wider scale would cut Spark/Trino's BIGINT range for
// exact rounding), a rate or number with more than 6 — is declined: the record gets
// `XS011:<input>` (after every XI check, so an input error always wins), never a rounded figure.
// A population run computes those records again at the scales they need (InputScales;
// cli/population/declined.ts), so there XS011 is left only for what DECIMAL(38, s) cannot hold.
import type { IrField } from '../ir.ts';
import type { SqlExpr } from './sqlIr.ts';
import { decLit } from './round.ts';
import { formatInputPath } from '../../runtime/validate.ts';

export const MONEY_INPUT_SCALE = 2;
export const DECIMAL_INPUT_SCALE = 6; // rates and numbers

/**
 * The scales the query carries its inputs at: money, and rates and numbers. The fast path's are
 * FAST_SCALES; a population run computes the records it declines there once more at the scales
 * their values need (cli/population/sqlRun.ts), so XS011 is left only for what no DECIMAL(38, s) holds.
 */
export interface InputScales { money: number; decimal: number }
export const FAST_SCALES: InputScales = { money: MONEY_INPUT_SCALE, decimal: DECIMAL_INPUT_SCALE };

/** One check: when `bad` holds (for a present value), the record's code is `code`. */
export interface InputCheck { bad: SqlExpr; code: string; input: string; required: boolean }

// JS \s (runtime/money.ts RATE_RE), written with \x{…} escapes, which RE2 (DuckDB), Java (Spark)
// and Joni (Trino) all read, so no invisible character reaches the SQL text
const JS_SPACE = '[\\x{09}-\\x{0D}\\x{20}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]*';
const DECIMAL = '^-?[0-9]+([.][0-9]+)?$'; // runtime/money.ts DECIMAL_RE
const NON_NEGATIVE = '^([0-9]+([.][0-9]+)?|-0+([.]0+)?)$'; // NON_NEGATIVE_DECIMAL_RE
const RATE = `^-?[0-9]+([.][0-9]+)?${JS_SPACE}(%|‰)?$`; // RATE_RE
const INTEGER = '^-?[0-9]+$'; // what the population reader hands the JS engine as a number (cli/population/records.ts)
const NON_NEGATIVE_INTEGER = '^([0-9]+|-0+)$'; // -0 is 0 (JSON -0 passes minimum 0)
const DATE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const PERCENT = `${JS_SPACE}%$`;
const PER_MILLE = `${JS_SPACE}‰$`;
/** decimals the query carries exactly: at most `s` places, then only zeros */
const carried = (s: number) => `^-?[0-9]+([.][0-9]{1,${s}}0*)?$`;

const str = (value: string): SqlExpr => ({ k: 'str', value });
const present = (raw: SqlExpr, cond: SqlExpr): SqlExpr => ({ k: 'bin', op: 'and', l: { k: 'notNull', x: raw }, r: cond });
const not = (x: SqlExpr): SqlExpr => ({ k: 'not', x });
const or = (l: SqlExpr, r: SqlExpr): SqlExpr => ({ k: 'bin', op: 'or', l, r });
const matches = (x: SqlExpr, re: string): SqlExpr => ({ k: 'matches', x, re });

/** The typed value of a rate text: "30%" is 0.30 and "5‰" 0.005 (the JS engine's reading), at scale 6. */
export function rateValue(raw: SqlExpr, scales: InputScales = FAST_SCALES): SqlExpr {
  return { k: 'castDec', scale: scales.decimal, x: rateValueAt(raw, scales.decimal) };
}

/**
 * The checks of input `f` (raw text `raw`, typed value `typed`), as `xi` — input errors in the
 * JS engine's order for this input — and `xs` — declines (XS011). `members`: an enum's names.
 */
export function inputChecks(f: IrField, raw: SqlExpr, typed: SqlExpr | undefined, members: string[], scales: InputScales = FAST_SCALES): { required: InputCheck[]; xi: InputCheck[]; xs: InputCheck[] } {
  const path = formatInputPath([f.name]);
  const need = !f.optional;
  const check = (cond: SqlExpr, code: string): InputCheck => ({ bad: present(raw, cond), code: `${code}:${path}`, input: f.name, required: need });
  const required = need ? [{ bad: { k: 'isNull', x: raw } as SqlExpr, code: `XI001:${path}`, input: f.name, required: true }] : [];
  const xi: InputCheck[] = [];
  const xs: InputCheck[] = [];
  const t = f.type;
  // 范围 lo..hi: outside is XI008 (compared on the typed value; decimal text bounds)
  const outside = (v: SqlExpr): SqlExpr | null => f.range ? or({ k: 'bin', op: '<', l: v, r: decLit(f.range[0]) }, { k: 'bin', op: '>', l: v, r: decLit(f.range[1]) }) : null;
  switch (t.kind) {
    case 'money': case 'number': case 'rate': {
      const scale = t.kind === 'money' ? scales.money : scales.decimal;
      xi.push(check(not(matches(raw, t.kind === 'rate' ? RATE : DECIMAL)), t.kind === 'rate' ? 'XI013' : 'XI004'));
      if (f.range) {
        // bounds compared at a wide scale, so 50.001 is outside 50 (a value too long for it is declined below)
        const ws = Math.max(18, scale);
        const wide: SqlExpr = t.kind === 'rate' ? rateValueAt(raw, ws) : { k: 'tryCastDec', x: raw, scale: ws };
        xi.push(check(outside(wide)!, 'XI008'));
      } else if (t.kind === 'money') xi.push(check(not(matches(raw, NON_NEGATIVE)), 'XI008'));
      const exact = t.kind === 'rate'
        ? or(or(matches(raw, carried(scale)), matches(raw, `${carried(scale - 2).slice(0, -1)}${PERCENT}`)), matches(raw, `${carried(scale - 3).slice(0, -1)}${PER_MILLE}`))
        : matches(raw, carried(scale));
      xs.push(check(or(not(exact), { k: 'isNull', x: typed! }), 'XS011'));
      break;
    }
    case 'integer': case 'duration': {
      xi.push(check(not(matches(raw, INTEGER)), 'XI002'));
      const range = outside({ k: 'tryCastDec', x: raw, scale: 0 });
      xi.push(check(range ?? not(matches(raw, NON_NEGATIVE_INTEGER)), 'XI008'));
      xs.push(check({ k: 'isNull', x: { k: 'tryCastDec', x: raw, scale: 0 } }, 'XS011'));
      break;
    }
    case 'boolean':
      xi.push(check(not({ k: 'in', x: raw, items: [str('true'), str('false')] }), 'XI002'));
      break;
    case 'enum':
      xi.push(check(not({ k: 'in', x: raw, items: members.map(str) }), 'XI003'));
      break;
    case 'date':
      // the syntax, and the day must exist (2023-02-30 is not a date); years 1..9999 as isValidDate
      xi.push(check(or(or(not(matches(raw, DATE)), { k: 'isNull', x: typed! }), matches(raw, '^0000-.*')), 'XI005'));
      break;
    case 'text':
      break;
    default:
      // lists and records: a population column holds one text (the JS run hands it over as
      // text, which the schema refuses: XI002); child tables do not exist yet
      xi.push(check({ k: 'bool', value: true }, 'XI002'));
  }
  return { required, xi, xs };
}

/** A rate text's value at `scale` places (a percentage read at two fewer, then × 0.01). */
function rateValueAt(raw: SqlExpr, scale: number): SqlExpr {
  const scaled = (re: string, factor: string, places: number): SqlExpr => ({ k: 'bin', op: '*', l: { k: 'tryCastDec', x: { k: 'regexpReplace', x: raw, re }, scale: places }, r: decLit(factor) });
  return {
    k: 'case',
    whens: [
      { c: matches(raw, `^.*${PERCENT}`), v: scaled(PERCENT, '0.01', scale - 2) },
      { c: matches(raw, `^.*${PER_MILLE}`), v: scaled(PER_MILLE, '0.001', scale - 3) },
    ],
    otherwise: { k: 'tryCastDec', x: raw, scale },
  };
}

/**
 * The first failing check's code. A population usually gives a few of a policy's many inputs
 * (the national baseline declares 153), so the checks of inputs no output reads (`cold`) are
 * guarded by one COALESCE over their raw texts: when all are absent those checks cannot fire
 * and only the others run (DuckDB evaluates a CASE branch only for the rows that take it).
 * The result is the same as the full CASE.
 */
export function firstCode(checks: InputCheck[], hot: (c: InputCheck) => boolean, rawOf: (input: string) => SqlExpr): SqlExpr {
  const caseOf = (rs: InputCheck[]): SqlExpr => rs.length ? { k: 'case', whens: rs.map((r) => ({ c: r.bad, v: str(r.code) })), otherwise: { k: 'null' } } : { k: 'null' };
  const hotChecks = checks.filter(hot);
  const coldInputs = [...new Set(checks.filter((r) => !hot(r)).map((r) => r.input))];
  if (coldInputs.length === 0) return caseOf(checks);
  const raws = coldInputs.map(rawOf);
  const allAbsent: SqlExpr = { k: 'isNull', x: raws.length === 1 ? raws[0]! : { k: 'coalesce', xs: raws } };
  return { k: 'case', whens: [{ c: allAbsent, v: caseOf(hotChecks) }], otherwise: caseOf(checks) };
}

/** Whether the query declines a value the JS engine accepts (XS011), in JS: for tests that
 * hold every decline to this rule. `kind`: the input's type kind; `text`: the value read. */
export function declinedText(kind: string, text: string, scales: InputScales = FAST_SCALES): boolean {
  const wide = (s: number, t: string) => !new RegExp(carried(s)).test(t) || t.replace(/^-/, '').split('.')[0]!.length > 38 - s;
  if (kind === 'money') return wide(scales.money, text);
  if (kind === 'number') return wide(scales.decimal, text);
  if (kind === 'rate') {
    const m = /^(.*?)\s*(%|‰)?$/.exec(text)!;
    return wide(m[2] === '%' ? scales.decimal - 2 : m[2] === '‰' ? scales.decimal - 3 : scales.decimal, m[1]!);
  }
  if (kind === 'integer' || kind === 'duration') return text.replace(/^-/, '').length > 38;
  return false;
}

/**
 * A source column already typed (a Parquet schema's DuckDB type) that the query can read as its
 * value instead of casting it to text and parsing it: money from DECIMAL(p, s ≤ 2) (any such value
 * fits DECIMAL(38,2), so nothing is declined), dates from DATE, booleans from BOOLEAN. The JS run
 * reads such a column as DuckDB's text of the value ('1234.50', '2024-03-01', 'true'): always the
 * right syntax, so only what the type does not guarantee is checked (typedInputChecks).
 */
export function typedSource(kind: string, sourceType: string): { sqlType: string; value: (raw: SqlExpr) => SqlExpr } | null {
  const m = /^DECIMAL\((\d+),(\d+)\)$/.exec(sourceType.replace(/\s/g, ''));
  if (kind === 'money' && m && Number(m[2]) <= MONEY_INPUT_SCALE) return { sqlType: `DECIMAL(38,${MONEY_INPUT_SCALE})`, value: (raw) => ({ k: 'castDec', x: raw, scale: MONEY_INPUT_SCALE }) };
  if (kind === 'date' && sourceType === 'DATE') return { sqlType: 'DATE', value: (raw) => raw };
  if (kind === 'boolean' && sourceType === 'BOOLEAN') return { sqlType: 'BOOLEAN', value: (raw) => raw };
  return null;
}

/** The checks of input `f` read from a typed source column `raw` (typedSource), in the JS engine's order. */
export function typedInputChecks(f: IrField, raw: SqlExpr): { required: InputCheck[]; xi: InputCheck[] } {
  const path = formatInputPath([f.name]);
  const need = !f.optional;
  const check = (cond: SqlExpr, code: string): InputCheck => ({ bad: present(raw, cond), code: `${code}:${path}`, input: f.name, required: need });
  const required = need ? [{ bad: { k: 'isNull', x: raw } as SqlExpr, code: `XI001:${path}`, input: f.name, required: true }] : [];
  const xi: InputCheck[] = [];
  const lt = (l: SqlExpr, r: SqlExpr): SqlExpr => ({ k: 'bin', op: '<', l, r });
  if (f.type.kind === 'money') {
    // the text of a negative DECIMAL has a minus (XI008 without 范围); -0.00 is 0, as NON_NEGATIVE reads '-0.00'
    xi.push(check(f.range ? or(lt(raw, decLit(f.range[0])), { k: 'bin', op: '>', l: raw, r: decLit(f.range[1]) }) : lt(raw, decLit('0')), 'XI008'));
  } else if (f.type.kind === 'date') {
    // DuckDB's text of a year outside 1..9999 ('10000-01-01', '0001-01-01 (BC)') fails the date syntax: XI005
    const y: SqlExpr = { k: 'year', x: raw };
    xi.push(check(or(lt(y, { k: 'int', value: 1 }), { k: 'bin', op: '>', l: y, r: { k: 'int', value: 9999 } }), 'XI005'));
  }
  return { required, xi };
}
