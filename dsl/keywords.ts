// The one table of Xize keywords (docs/language.md, "Keywords"). The lexer's keyword tokens,
// the parser's readable "expected …" messages and the playground's highlighting/completion all
// derive from here. Every keyword has a Chinese and an English spelling.
//
// Categories:
//   declaration   starts a declaration (政策, 规则, …)
//   modifier      qualifies a declaration (抽象, 依据, 舍入, …)
//   control       expression syntax (当, 则, 匹配, 于, …)
//   operator-word boolean operators and membership (且, 或, 非, 属于)
//   literal       literal values (真, 假, 无穷, 基准日)
//   rounding      rounding modes and units (四舍五入, 分, …)
//   unit          literal suffixes (元, 天, 个月, 个工作日, 年)
//   type          type names — CONTEXTUAL: lexed as names, recognised in type position
//   builtin       built-in functions — CONTEXTUAL: lexed as names, resolved by the checker
// Only the reserved categories (all but 'type' and 'builtin') become lexer tokens, so a user may
// still name an input `年龄` or `日期`.
import type { PrimitiveTypeName } from './ast.ts';

export type KeywordCategory =
  | 'declaration'
  | 'modifier'
  | 'control'
  | 'operator-word'
  | 'literal'
  | 'rounding'
  | 'unit'
  | 'type'
  | 'builtin';

export interface KeywordEntry {
  /** Token name (PascalCase English concept); unique. */
  id: string;
  zh: string;
  en: string;
  category: KeywordCategory;
  /** One-line description for hovers/completion. */
  doc: string;
}

/** Reserved keywords: each becomes one lexer token matching both spellings. */
export const KEYWORDS: readonly KeywordEntry[] = [
  // declarations
  { id: 'Policy', zh: '政策', en: 'policy', category: 'declaration', doc: '政策头 / policy header' },
  { id: 'Enum', zh: '枚举', en: 'enum', category: 'declaration', doc: '枚举声明 / enum declaration' },
  { id: 'Record', zh: '记录', en: 'record', category: 'declaration', doc: '记录类型 / record type' },
  { id: 'Input', zh: '输入', en: 'input', category: 'declaration', doc: '输入字段 / input fields' },
  { id: 'Param', zh: '参数', en: 'param', category: 'declaration', doc: '参数 / parameter' },
  { id: 'Table', zh: '表', en: 'table', category: 'declaration', doc: '表 / table' },
  { id: 'Bands', zh: '分档', en: 'bands', category: 'declaration', doc: '分档 / bands' },
  { id: 'Rule', zh: '规则', en: 'rule', category: 'declaration', doc: '规则 / rule' },
  { id: 'Exception', zh: '例外', en: 'exception', category: 'declaration', doc: '例外 / exception to a rule' },
  { id: 'Override', zh: '覆盖', en: 'override', category: 'declaration', doc: '覆盖继承的声明 / override' },
  { id: 'Check', zh: '检查', en: 'check', category: 'declaration', doc: '检查 / audit check' },
  { id: 'Calendar', zh: '日历', en: 'calendar', category: 'declaration', doc: '日历扩展 / calendar' },
  // modifiers and clauses
  { id: 'Abstract', zh: '抽象', en: 'abstract', category: 'modifier', doc: '抽象基线政策 / abstract baseline' },
  { id: 'Title', zh: '标题', en: 'title', category: 'modifier', doc: '标题 / display title' },
  { id: 'Extends', zh: '继承', en: 'extends', category: 'modifier', doc: '继承 / parent policy' },
  { id: 'Effective', zh: '生效', en: 'effective', category: 'modifier', doc: '生效日期 / effective date' },
  { id: 'Rounding', zh: '舍入', en: 'rounding', category: 'modifier', doc: '舍入方式 / rounding' },
  { id: 'To', zh: '到', en: 'to', category: 'modifier', doc: '舍入单位 / rounding unit' },
  { id: 'NoRounding', zh: '不舍入', en: 'no_rounding', category: 'modifier', doc: '不舍入 / leave unrounded' },
  { id: 'Required', zh: '必填', en: 'required', category: 'modifier', doc: '必填参数 / must be supplied' },
  { id: 'Range', zh: '范围', en: 'range', category: 'modifier', doc: '参数的取值范围（编译时检查）/ allowed range of a parameter, checked at compile time' },
  { id: 'Cite', zh: '依据', en: 'cite', category: 'modifier', doc: '依据条文 / citation' },
  { id: 'Doc', zh: '说明', en: 'doc', category: 'modifier', doc: '说明 / documentation' },
  { id: 'Warning', zh: '警告', en: 'warning', category: 'modifier', doc: '警告级别 / warning severity' },
  { id: 'Error', zh: '错误', en: 'error', category: 'modifier', doc: '错误级别 / error severity' },
  { id: 'Message', zh: '提示', en: 'message', category: 'modifier', doc: '提示信息 / check message' },
  { id: 'Holiday', zh: '节假日', en: 'holiday', category: 'modifier', doc: '节假日 / holiday' },
  { id: 'Workday', zh: '调休工作日', en: 'workday', category: 'modifier', doc: '调休工作日 / extra workday' },
  { id: 'From', zh: '自', en: 'from', category: 'modifier', doc: '自某日起的版本 / effective-dated version' },
  // expression syntax
  { id: 'At', zh: '于', en: 'at', category: 'control', doc: '按日期取值 / value at a date' },
  { id: 'When', zh: '当', en: 'when', category: 'control', doc: '条件 / conditional branch' },
  { id: 'Then', zh: '则', en: 'then', category: 'control', doc: '则 / then' },
  { id: 'Otherwise', zh: '否则', en: 'otherwise', category: 'control', doc: '否则 / otherwise' },
  { id: 'Match', zh: '匹配', en: 'match', category: 'control', doc: '匹配枚举值 / match' },
  { id: 'And', zh: '且', en: 'and', category: 'operator-word', doc: '且 / and' },
  { id: 'Or', zh: '或', en: 'or', category: 'operator-word', doc: '或 / or' },
  { id: 'Not', zh: '非', en: 'not', category: 'operator-word', doc: '非 / not' },
  { id: 'In', zh: '属于', en: 'in', category: 'operator-word', doc: '属于 / membership' },
  { id: 'True', zh: '真', en: 'true', category: 'literal', doc: '真 / true' },
  { id: 'False', zh: '假', en: 'false', category: 'literal', doc: '假 / false' },
  { id: 'Inf', zh: '无穷', en: 'inf', category: 'literal', doc: '无穷 / unbounded band end' },
  { id: 'AsOf', zh: '基准日', en: 'as_of', category: 'literal', doc: '基准日 / the case as-of date' },
  // rounding modes and units
  { id: 'HalfUp', zh: '四舍五入', en: 'half_up', category: 'rounding', doc: '四舍五入 / round half up' },
  { id: 'HalfEven', zh: '银行家舍入', en: 'half_even', category: 'rounding', doc: '银行家舍入 / round half even' },
  { id: 'Floor', zh: '向下取整', en: 'floor', category: 'rounding', doc: '向下取整 / toward −∞' },
  { id: 'Ceil', zh: '向上取整', en: 'ceil', category: 'rounding', doc: '向上取整 / toward +∞' },
  { id: 'Fen', zh: '分', en: 'fen', category: 'rounding', doc: '分 / 0.01 yuan' },
  { id: 'Jiao', zh: '角', en: 'jiao', category: 'rounding', doc: '角 / 0.1 yuan' },
  // units (元 is also the rounding unit 1 yuan)
  { id: 'Yuan', zh: '元', en: 'yuan', category: 'unit', doc: '元 / yuan (money literal, rounding unit)' },
  { id: 'Days', zh: '天', en: 'days', category: 'unit', doc: '天 / days' },
  { id: 'Months', zh: '个月', en: 'months', category: 'unit', doc: '个月 / months' },
  { id: 'Workdays', zh: '个工作日', en: 'workdays', category: 'unit', doc: '个工作日 / working days' },
  { id: 'Years', zh: '年', en: 'years', category: 'unit', doc: '年 / years (12 months)' },
];

/** The primitive type names of the AST (dsl/ast.ts), by their canonical English spelling. */
export type PrimitiveTypeKey = PrimitiveTypeName;

/** Type names, Chinese → canonical English (contextual: recognised in type position). */
export const TYPE_NAMES: Readonly<Record<string, PrimitiveTypeKey>> = {
  金额: 'money',
  比率: 'rate',
  数值: 'number',
  整数: 'integer',
  布尔: 'boolean',
  日期: 'date',
  文本: 'text',
  天数: 'days',
  月数: 'months',
  工作日数: 'workdays',
};

/** The list type constructor `列表[T]` / `list[T]`. */
export const LIST_TYPE = { zh: '列表', en: 'list' } as const;

/** Built-in functions, Chinese → canonical English (contextual: callee names). */
export const BUILTIN_FUNCTIONS: Readonly<Record<string, string>> = {
  最小: 'min',
  最大: 'max',
  限定: 'clamp',
  四舍五入: 'round',
  向下取整: 'floor',
  向上取整: 'ceil',
  绝对值: 'abs',
  求和: 'sum',
  计数: 'count',
  筛选: 'filter',
  映射: 'map',
  任一: 'any',
  全部: 'all',
  有值: 'present',
  次月: 'month_after',
  月初: 'month_start',
  加月: 'add_months',
  加天: 'add_days',
  加工作日: 'add_workdays',
  工作日数: 'workdays_between',
  天数差: 'days_between',
  月数差: 'months_between',
  年龄: 'age_at',
  年份: 'year',
  日期: 'date',
  年末: 'year_end',
  年初: 'year_start',
  序号: 'index_of',
};

const BUILTIN_EN = new Set(Object.values(BUILTIN_FUNCTIONS));

/** Canonical English name of a builtin written in either spelling, or undefined. */
export function builtinName(text: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(BUILTIN_FUNCTIONS, text)) return BUILTIN_FUNCTIONS[text];
  return BUILTIN_EN.has(text) ? text : undefined;
}

const TYPE_EN = new Set<string>(Object.values(TYPE_NAMES));

/** Canonical primitive type of a type name written in either spelling, or undefined. */
export function primitiveTypeName(text: string): PrimitiveTypeKey | undefined {
  if (Object.prototype.hasOwnProperty.call(TYPE_NAMES, text)) return TYPE_NAMES[text];
  return TYPE_EN.has(text) ? (text as PrimitiveTypeKey) : undefined;
}

export function isListTypeName(text: string): boolean {
  return text === LIST_TYPE.zh || text === LIST_TYPE.en;
}

/**
 * Every word the playground should highlight/complete, reserved or contextual, one entry per
 * spelling pair. Contextual entries (types, builtins) have ids prefixed `type:` / `builtin:`.
 */
export const ALL_WORDS: readonly KeywordEntry[] = [
  ...KEYWORDS,
  ...Object.entries(TYPE_NAMES).map(([zh, en]) => ({
    id: `type:${en}`,
    zh,
    en,
    category: 'type' as const,
    doc: `类型 ${zh} / type ${en}`,
  })),
  { id: 'type:list', zh: LIST_TYPE.zh, en: LIST_TYPE.en, category: 'type', doc: '列表[T] / list[T]' },
  ...Object.entries(BUILTIN_FUNCTIONS).map(([zh, en]) => ({
    id: `builtin:${en}`,
    zh,
    en,
    category: 'builtin' as const,
    doc: `内置函数 ${zh} / builtin ${en}`,
  })),
];

/** Reserved keyword by either spelling. */
export function keywordBySpelling(text: string): KeywordEntry | undefined {
  return KEYWORDS.find((k) => k.zh === text || k.en === text);
}
