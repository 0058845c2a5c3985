// Catalog of evaluation errors (XR001–XR019, XR040–XR059: docs/diagnostics.md, "Runtime"), Chinese first then English.
// XR020–XR039 belong to the runtime foundation (messages.ts / errors.ts).
import type { BilingualText } from './outcome.ts';

interface Template {
  zh: (a: Record<string, string>) => string;
  en: (a: Record<string, string>) => string;
  hintZh?: (a: Record<string, string>) => string;
  hintEn?: (a: Record<string, string>) => string;
}

export const evalMessages: Record<string, Template> = {
  XR001: {
    zh: (a) => `基准日 ${a.asOf} 早于政策“${a.policy}”的生效日期 ${a.effective}`,
    en: (a) => `as-of date ${a.asOf} is before the effective date ${a.effective} of policy "${a.policy}"`,
  },
  XR002: {
    zh: (a) => `无效的基准日：${a.value}（应为 YYYY-MM-DD）`,
    en: (a) => `invalid as-of date: ${a.value} (expected YYYY-MM-DD)`,
  },
  XR003: {
    zh: (a) => `参数“${a.name}”在 ${a.at} 没有有效取值`,
    en: (a) => `parameter "${a.name}" has no value in force at ${a.at}`,
    hintZh: () => `为该日期补充一个“自 日期:”版本，或在案例中用 parameters 覆盖`,
    hintEn: () => `add a dated version covering that date, or override it per case with parameters`,
  },
  XR004: {
    zh: (a) => `表“${a.name}”在 ${a.at} 没有键 ${a.key} 的取值`,
    en: (a) => `table "${a.name}" has no row for key ${a.key} at ${a.at}`,
  },
  XR005: {
    zh: (a) => `分档“${a.name}”：值 ${a.key} 不在任何档次内（${a.at}）`,
    en: (a) => `bands "${a.name}": value ${a.key} is outside every band (at ${a.at})`,
  },
  XR006: {
    zh: (a) => `分档“${a.name}”在 ${a.at} 没有有效版本`,
    en: (a) => `bands "${a.name}" have no version in force at ${a.at}`,
  },
  XR007: {
    zh: (a) => `规则“${a.rule}”的多个例外同时成立：${a.list}`,
    en: (a) => `several exceptions to rule "${a.rule}" apply at once: ${a.list}`,
    hintZh: () => `收紧例外条件，使同一案例至多一个例外成立`,
    hintEn: () => `narrow the exception conditions so that at most one applies to a case`,
  },
  XR008: {
    zh: (a) => `规则“${a.name}”在 ${a.at} 没有有效版本`,
    en: (a) => `rule "${a.name}" has no version in force at ${a.at}`,
  },
  XR009: {
    zh: () => `除数为零`,
    en: () => `division by zero`,
  },
  XR010: {
    zh: (a) => `案例覆盖了未知参数“${a.name}”`,
    en: (a) => `the case overrides an unknown parameter "${a.name}"`,
    hintZh: (a) => (a.known ? `已知参数：${a.known}` : `检查参数名的拼写`),
    hintEn: (a) => (a.known ? `known parameters: ${a.known}` : `check the spelling of the parameter name`),
  },
  XR011: {
    zh: (a) => `参数“${a.name}”在本案中的取值 ${a.value} 无效：应为${a.expected}`,
    en: (a) => `override of parameter "${a.name}" has invalid value ${a.value}: expected ${a.expectedEn}`,
  },
  XR012: {
    zh: (a) => `内部错误：${a.detail}`,
    en: (a) => `internal error: ${a.detail}`,
  },
  XR013: {
    zh: (a) => `计算结果不是有限数值：${a.value}`,
    en: (a) => `the result is not a finite number: ${a.value}`,
  },
  XR014: {
    zh: (a) => `规则“${a.name}”在计算过程中引用了自身（循环）`,
    en: (a) => `rule "${a.name}" refers to itself while being computed (cycle)`,
  },
  XR015: {
    zh: (a) => `表“${a.name}”的键 ${a.key} 不是整数`,
    en: (a) => `key ${a.key} of table "${a.name}" is not an integer`,
  },
  XR016: {
    zh: (a) => `未知输出“${a.name}”`,
    en: (a) => `unknown output "${a.name}"`,
  },
  XR017: {
    zh: (a) => `匹配没有列出取值 ${a.value} 的分支`,
    en: (a) => `match does not cover the value ${a.value}`,
  },
  XR018: {
    zh: (a) => `天数、月数或工作日数 ${a.value} 不是整数`,
    en: (a) => `duration ${a.value} is not a whole number`,
  },
  XR040: {
    zh: (a) => `参数“${a.name}”在本案中的取值 ${a.value} 超出该参数声明的范围 ${a.lo}..${a.hi}`,
    en: (a) => `override of parameter "${a.name}" has value ${a.value}, outside its declared range ${a.lo}..${a.hi}`,
    hintZh: () => `范围是上级政策规定的幅度（参数声明中的 范围），下级和个案只能在其内取值`,
    hintEn: () => `the range is the latitude the parent policy allows (the parameter's \`range\`); layers and cases may only choose within it`,
  },
  XR041: {
    zh: (a) => `evaluate 的参数 ${a.field} 应为${a.expected}，实际为 ${a.value}`,
    en: (a) => `evaluate's ${a.field} must be ${a.expectedEn}, got ${a.value}`,
  },
  XR042: {
    zh: (a) => `参数“${a.name}”在本案中的取值嵌套过深（超过 ${a.limit} 层，位于“${a.path}”）`,
    en: (a) => `override of parameter "${a.name}" is nested too deeply (more than ${a.limit} levels, at "${a.path}")`,
  },
  XR043: {
    zh: (a) => `错误级检查“${a.name}”成立：${a.message}`,
    en: (a) => `the error-severity check "${a.name}" holds: ${a.message}`,
    hintZh: () => `此案例不能按计算结果支付：结果仅供核对（ok 为 false），须先纠正检查指出的问题`,
    hintEn: () => `the case must not be paid as computed: the outputs are for review only (ok is false) until the problem the check names is corrected`,
  },
  XR044: {
    zh: (a) => `另有 ${a.count} 个错误未列出（每个案例最多列出 ${a.limit} 个）`,
    en: (a) => `${a.count} more errors not shown (at most ${a.limit} per case)`,
  },
  XR045: {
    zh: (a) => `参数“${a.name}”在本案中的取值 ${a.value} 为负数：金额、整数和期间不能为负`,
    en: (a) => `override of parameter "${a.name}" has the negative value ${a.value}: money, integers and durations cannot be negative`,
    hintZh: () => `若政策确实允许负值，须在参数声明中写出 范围（如 范围 -100元..100元）`,
    hintEn: () => `a policy that allows negative values says so with a \`范围\` (range) on the parameter's declaration, e.g. 范围 -100元..100元`,
  },
};

export function evalText(code: string, args: Record<string, string>): { message: BilingualText; hint?: BilingualText } {
  const t = evalMessages[code];
  if (!t) return { message: { zh: `内部错误：缺少消息模板 ${code}`, en: `internal: no message template for ${code}` } };
  const out: { message: BilingualText; hint?: BilingualText } = { message: { zh: t.zh(args), en: t.en(args) } };
  if (t.hintZh && t.hintEn) out.hint = { zh: t.hintZh(args), en: t.hintEn(args) };
  return out;
}
