// The SQL backend's message catalog (XS…): constructs outside the SQL subset, parameters the
// SQL cannot take. docs/diagnostics.md lists each code.
import { makeDiagnostic, type Catalog, type Diagnostic, type MessageTemplate } from '../../dsl/diagnostic.ts';
import type { Span } from '../../dsl/ast.ts';

type A = Record<string, string>;
const m = (zh: (a: A) => string, en: (a: A) => string, hintZh: (a: A) => string, hintEn: (a: A) => string): MessageTemplate =>
  ({ severity: 'error', zh, en, hintZh, hintEn });

export const sqlMessages: Catalog = {
  XS001: m((a) => `规则“${a.rule}”用到的${a.construct}不在 SQL 子集内`, (a) => `rule '${a.rule}' uses ${a.constructEn}, which is outside the SQL subset`,
    () => '该输出只能用 JS 引擎计算（去掉 --engine duckdb-sql），或改写为子集内的写法（见 docs/populations.md）',
    () => 'compute this output with the JS engine (drop --engine duckdb-sql) or rewrite it within the subset (docs/populations.md)'),
  XS002: m((a) => `规则“${a.rule}”含除法，SQL 子集要求除法结果声明舍入`, (a) => `rule '${a.rule}' divides; the SQL subset needs the division's rounding declared`,
    () => '给规则声明 舍入 方式 到 单位，或用 取整/四舍五入 函数包住除法', () => 'declare the rule\'s rounding, or wrap the division in a rounding function'),
  XS003: m((a) => `参数“${a.param}”的取值“${a.value}”不是十进制数`, (a) => `value '${a.value}' of parameter '${a.param}' is not a decimal`,
    () => '参数值写成十进制数字符串，如 "8000.00"', () => 'write parameter values as decimal strings such as "8000.00"'),
  XS004: m((a) => `参数“${a.param}”按日期分段的取值不能用于 SQL`, (a) => `dated values of parameter '${a.param}' are not supported by the SQL backend`,
    () => '给出一个取值，或用 JS 引擎', () => 'give one value, or use the JS engine'),
  XS005: m((a) => `“${a.name}”不是本政策的输出`, (a) => `'${a.name}' is not an output of this policy`,
    () => '输出是无参数的规则', () => 'outputs are parameterless rules'),
  XS020: m((a) => `影子核对：SQL 引擎与 JS 引擎在抽查的 ${a.checked} 条记录中有 ${a.count} 处不一致，本次运行作废`, (a) => `shadow check: the SQL and JS engines disagree in ${a.count} places over ${a.checked} sampled records; the run is void`,
    () => '请用 JS 引擎（--engine js）计算，并把上列记录报告为 SQL 后端的缺陷', () => 'compute with the JS engine (--engine js) and report the records above as a defect of the SQL backend'),
};

export function sqlDiagnostic(code: keyof typeof sqlMessages & string, span: Span, args: A): Diagnostic {
  return makeDiagnostic(sqlMessages, code, span, args);
}
