// Message catalogs of the runtime foundation (Chinese first, then English).
//   XR020–XR039: typed failures of money.ts, dates.ts, calendar.ts (see errors.ts).
//   XI001–XI099: case-input errors reported by validate.ts.
import type { Catalog } from '../dsl/diagnostic.ts';

const q = (s: string | undefined) => (s === undefined || s === '' ? '（根）' : s);
const qe = (s: string | undefined) => (s === undefined || s === '' ? '(root)' : s);

export const runtimeMessages: Catalog = {
  XR020: {
    severity: 'error',
    zh: (a) => `日期 ${a.date} 超出节假日日历的覆盖范围（${a.from}–${a.to} 年），无法判断是否为工作日`,
    en: (a) => `date ${a.date} is outside the holiday calendar's coverage (years ${a.from}–${a.to}); cannot tell whether it is a working day`,
    hintZh: (a) => `请在政策的“日历”块中列出 ${a.year} 年的节假日和调休工作日`,
    hintEn: (a) => `list the holidays and make-up working days of ${a.year} in the policy's 日历 (calendar) block`,
  },
  XR021: {
    severity: 'error',
    zh: (a) => `无效日期：${a.value}（应为 YYYY-MM-DD 格式的有效公历日期）`,
    en: (a) => `invalid date: ${a.value} (expected a valid calendar date YYYY-MM-DD)`,
  },
  XR022: {
    severity: 'error',
    zh: (a) => `无效数值：${a.value}（应为数字，如 "8000" 或 "1.5"）`,
    en: (a) => `invalid number: ${a.value} (expected a decimal such as "8000" or "1.5")`,
  },
  XR023: {
    severity: 'error',
    zh: (a) => `限定（clamp）的下限 ${a.lo} 大于上限 ${a.hi}`,
    en: (a) => `clamp lower bound ${a.lo} is greater than upper bound ${a.hi}`,
  },
  XR024: {
    severity: 'error',
    zh: (a) => `日历中 ${a.date} 同时被列为节假日和调休工作日`,
    en: (a) => `calendar lists ${a.date} both as a holiday and as a make-up working day`,
  },
  XR025: {
    severity: 'error',
    zh: (a) => `${a.fn} 的参数 ${a.arg} 应为${a.expected}，实际为 ${a.value}`,
    en: (a) => `argument ${a.arg} of ${a.fn} must be ${a.expectedEn}, got ${a.value}`,
  },
  XR026: {
    severity: 'error',
    zh: (a) => `计算年龄的日期 ${a.date} 早于出生日期 ${a.birth}`,
    en: (a) => `date ${a.date} is before the birth date ${a.birth}; cannot compute an age`,
  },
  XR027: {
    severity: 'error',
    zh: (a) => `日期计算结果超出支持范围（0001–9999 年）：${a.value}`,
    en: (a) => `date arithmetic left the supported range (years 0001–9999): ${a.value}`,
  },
};

export const inputMessages: Catalog = {
  XI001: {
    severity: 'error',
    zh: (a) => `缺少必填字段“${q(a.path)}”`,
    en: (a) => `missing required field "${qe(a.path)}"`,
  },
  XI002: {
    severity: 'error',
    zh: (a) => `字段“${q(a.path)}”应为${a.expected}，实际为${a.actual}`,
    en: (a) => `field "${qe(a.path)}" must be ${a.expectedEn}, got ${a.actualEn}`,
  },
  XI003: {
    severity: 'error',
    zh: (a) => `字段“${q(a.path)}”的值 ${a.value} 不是允许的取值之一：${a.allowed}`,
    en: (a) => `field "${qe(a.path)}" has value ${a.value}, which is not one of: ${a.allowed}`,
  },
  XI004: {
    severity: 'error',
    zh: (a) => `字段“${q(a.path)}”应为数字，实际为 ${a.value}`,
    en: (a) => `field "${qe(a.path)}" must be a decimal number, got ${a.value}`,
    hintZh: () => `写成数字或带引号的数字，如 8000、"8000.00"、"1.5"；不支持科学计数法；金额和数量不能为负，除非政策用“范围”允许`,
    hintEn: () => `write a number or a decimal string such as 8000, "8000.00", "1.5"; no exponent notation; money and counts cannot be negative unless the policy allows it with 范围 (range)`,
  },
  XI013: {
    severity: 'error',
    zh: (a) => `字段“${q(a.path)}”应为比率，实际为 ${a.value}`,
    en: (a) => `field "${qe(a.path)}" must be a rate, got ${a.value}`,
    hintZh: () => `写成小数或百分数，如 0.3、"0.30"、"30%"、"0.5‰"`,
    hintEn: () => `write a fraction or a percentage such as 0.3, "0.30", "30%", "0.5‰"`,
  },
  XI005: {
    severity: 'error',
    zh: (a) => `字段“${q(a.path)}”应为有效日期（YYYY-MM-DD），实际为 ${a.value}`,
    en: (a) => `field "${qe(a.path)}" must be a valid date (YYYY-MM-DD), got ${a.value}`,
    hintZh: () => `例如 "2024-02-29"；月、日须为两位数，且日期须真实存在`,
    hintEn: () => `e.g. "2024-02-29"; two-digit month and day, and the date must exist`,
  },
  XI006: {
    severity: 'error',
    zh: (a) => `字段“${q(a.path)}”的值 ${a.value} 不符合格式 ${a.pattern}`,
    en: (a) => `field "${qe(a.path)}" has value ${a.value}, which does not match ${a.pattern}`,
  },
  XI007: {
    severity: 'error',
    zh: (a) => `未知字段“${q(a.path)}”（“${q(a.parent)}”中不允许此字段）`,
    en: (a) => `unknown field "${qe(a.path)}" (not allowed in "${qe(a.parent)}")`,
    hintZh: (a) => (a.known ? `允许的字段：${a.known}` : `检查字段名的拼写`),
    hintEn: (a) => (a.known ? `allowed fields: ${a.known}` : `check the spelling of the field name`),
  },
  XI008: {
    severity: 'error',
    zh: (a) => `字段“${q(a.path)}”的值 ${a.value} 应${a.cmpZh} ${a.limit}`,
    en: (a) => `field "${qe(a.path)}" has value ${a.value}; it must be ${a.cmpEn} ${a.limit}`,
  },
  XI009: {
    severity: 'error',
    zh: (a) => `列表“${q(a.path)}”${a.ruleZh}`,
    en: (a) => `list "${qe(a.path)}" ${a.ruleEn}`,
  },
  XI010: {
    severity: 'error',
    zh: (a) => `文本字段“${q(a.path)}”${a.ruleZh}`,
    en: (a) => `text field "${qe(a.path)}" ${a.ruleEn}`,
  },
  XI011: {
    severity: 'error',
    zh: (a) => `输入中不允许使用字段名“${a.key}”（位于“${q(a.path)}”）`,
    en: (a) => `the key "${a.key}" is not allowed in the input (at "${qe(a.path)}")`,
    hintZh: () => `__proto__、constructor、prototype 为保留名称，可能被用于原型污染`,
    hintEn: () => `__proto__, constructor and prototype are reserved names (prototype pollution)`,
  },
  XI012: {
    severity: 'error',
    zh: (a) => `输入的嵌套层级过深（超过 ${a.limit} 层，位于“${q(a.path)}”）`,
    en: (a) => `the input is nested too deeply (more than ${a.limit} levels, at "${qe(a.path)}")`,
  },
  XI014: {
    severity: 'error',
    zh: (a) => `另有 ${a.count} 个输入错误未列出（每个案例最多列出 ${a.limit} 个）`,
    en: (a) => `${a.count} more input errors not shown (at most ${a.limit} per case)`,
  },
  XI015: {
    severity: 'error',
    zh: (a) => `${a.kindZh}“${q(a.path)}”过大：有 ${a.count} ${a.unitZh}，最多 ${a.limit} ${a.unitZh}`,
    en: (a) => `the ${a.kindEn} "${qe(a.path)}" is too large: ${a.count} ${a.unitEn}, at most ${a.limit}`,
    hintZh: () => `输入未再作其他检查；大批案例请用批量或人群运行`,
    hintEn: () => `the rest of the input was not checked; many cases belong in a batch or population run`,
  },
  XI090: {
    severity: 'error',
    zh: (a) => `字段“${q(a.path)}”不满足约束 ${a.keyword}：${a.detail}`,
    en: (a) => `field "${qe(a.path)}" violates constraint ${a.keyword}: ${a.detail}`,
  },
};
