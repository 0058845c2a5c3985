// The checker's message catalog (XC…): code → Chinese and English templates plus hints.
// Codes are stable; docs/diagnostics.md documents each one (meaning, example, fix).
import type { Span } from '../dsl/ast.ts';
import { makeDiagnostic, type Catalog, type Diagnostic, type MessageTemplate, type Severity } from '../dsl/diagnostic.ts';

type A = Record<string, string>;
function m(
  severity: Severity,
  zh: (a: A) => string,
  en: (a: A) => string,
  hintZh?: (a: A) => string,
  hintEn?: (a: A) => string,
): MessageTemplate {
  return { severity, zh, en, hintZh, hintEn };
}
const E = 'error' as const;
const W = 'warning' as const;

export const compilerMessages: Catalog = {
  // ---- names and headers ----
  XC001: m(E, (a) => `未知${a.what ?? '名称'}“${a.name}”`, (a) => `unknown ${a.whatEn ?? 'name'} '${a.name}'`,
    (a) => a.hintZh ?? '', (a) => a.hintEn ?? ''),
  XC002: m(E, (a) => `重复声明“${a.name}”`, (a) => `duplicate declaration of '${a.name}'`,
    () => '同一政策中一个名称只能声明一次；请删除或改名其中之一', () => 'a name may be declared only once per policy; remove or rename one of them'),
  XC003: m(E, () => '政策缺少政策头（政策 名称 …）', () => 'the policy has no header (policy <name> …)',
    () => '在政策文件夹的某一个文件中加上 `政策 名称 标题 "…" 生效 日期`', () => 'add `policy <name> title "…" effective <date>` to one file of the folder'),
  XC004: m(E, (a) => `政策有多个政策头（另有“${a.name}”）`, (a) => `the policy has several headers (another one: '${a.name}')`,
    () => '一个政策文件夹只能有一个政策头', () => 'a policy folder has exactly one header'),
  XC005: m(E, (a) => `找不到父政策“${a.name}”`, (a) => `parent policy '${a.name}' not found`,
    () => '检查 继承 后的名称是否与父政策的政策头一致', () => 'check that the name after `extends` matches the header of the parent policy'),
  XC006: m(E, (a) => `继承关系成环：${a.path}`, (a) => `extends cycle: ${a.path}`,
    () => '政策不能直接或间接继承自身', () => 'a policy cannot extend itself, directly or indirectly'),
  // ---- overrides ----
  XC010: m(E, (a) => `覆盖的目标不存在：祖先政策中没有${a.what}“${a.name}”`, (a) => `override targets nothing: no inherited ${a.whatEn} '${a.name}'`,
    (a) => a.hintZh ?? '去掉 覆盖 以声明一个新名称', (a) => a.hintEn ?? 'drop `override` to declare a new name'),
  XC011: m(E, (a) => `“${a.name}”已在父政策“${a.parent}”中声明`, (a) => `'${a.name}' is already declared by parent policy '${a.parent}'`,
    (a) => `如要替换继承的声明，请写 覆盖 ${a.kw} ${a.name}`, (a) => `to replace the inherited declaration write \`override ${a.kwEn} ${a.name}\``),
  XC012: m(E, (a) => `覆盖改变了类型：继承的是 ${a.expected}，这里是 ${a.actual}`, (a) => `override changes the type: inherited ${a.expectedEn}, here ${a.actualEn}`,
    () => '覆盖必须保持原声明的类型（或省略类型）', () => 'an override keeps the type of the declaration it replaces (or omits it)'),
  XC013: m(E, (a) => `${a.what}“${a.name}”已在父政策“${a.parent}”中声明，且不能覆盖`, (a) => `${a.whatEn} '${a.name}' is already declared by parent policy '${a.parent}' and cannot be overridden`,
    () => '子政策可以新增枚举、记录、输入和检查，但不能重新声明', () => 'a child policy may add enums, records, inputs and checks, but not redeclare them'),
  // ---- types and units ----
  XC020: m(E, (a) => `类型不符：应为 ${a.expected}，实际为 ${a.actual}`, (a) => `type mismatch: expected ${a.expectedEn}, found ${a.actualEn}`,
    (a) => a.hintZh ?? '', (a) => a.hintEn ?? ''),
  XC021: m(E, (a) => `单位错误：${a.left} ${a.op} ${a.right} 没有意义`, (a) => `unit error: ${a.leftEn} ${a.op} ${a.rightEn} is meaningless`,
    (a) => a.hintZh ?? '金额只能与金额相加减；金额 × 比率/数值 得金额；金额 ÷ 金额 得数值', (a) => a.hintEn ?? 'money adds to money; money × rate/number is money; money ÷ money is a number'),
  XC022: m(E, (a) => `函数“${a.name}”的参数不对：${a.problem}`, (a) => `wrong arguments for '${a.name}': ${a.problemEn}`,
    (a) => a.sigZh ? `用法：${a.sigZh}` : '', (a) => a.sigEn ? `usage: ${a.sigEn}` : ''),
  XC023: m(E, (a) => `条件必须是布尔值，实际为 ${a.actual}`, (a) => `a condition must be boolean, found ${a.actualEn}`),
  XC024: m(E, (a) => `各分支类型不一致：${a.expected} 与 ${a.actual}`, (a) => `branches have different types: ${a.expectedEn} and ${a.actualEn}`,
    () => '当/匹配 的每个分支（含 否则）必须给出同一类型的值', () => 'every branch of when/match (including otherwise) must have the same type'),
  XC025: m(E, (a) => `“${a.name}”${a.problem}`, (a) => `'${a.name}' ${a.problemEn}`),
  XC026: m(E, () => '“于”只能用于参数、表或分档的取值', () => '`at` applies only to parameters, table and band lookups',
    () => '写成 参数名 于 日期 或 表名[键] 于 日期', () => 'write `param at date` or `table[key] at date`'),
  XC027: m(E, (a) => `带参数的规则“${a.name}”必须调用：${a.name}(…)`, (a) => `rule '${a.name}' takes parameters and must be called: ${a.name}(…)`),
  XC028: m(E, () => '“x => …”只能作为 求和/计数/筛选/任一/全部 的参数', () => '`x => …` is allowed only as an argument of sum/count/filter/any/all'),
  XC029: m(E, (a) => `无效日期 ${a.value}`, (a) => `invalid date ${a.value}`),
  // ---- tables ----
  XC030: m(E, (a) => `表“${a.name}”在 ${a.period} 未覆盖：${a.missing}`, (a) => `table '${a.name}' does not cover ${a.missing} in the period ${a.periodEn}`,
    () => '为缺少的成员补上行，或加一行 否则: 值', () => 'add rows for the missing members, or an `otherwise: value` row'),
  XC031: m(E, (a) => `重复的键 ${a.key}`, (a) => `duplicate key ${a.key}`, () => '每个键在一个版本中只能出现一次', () => 'each key may appear only once per version'),
  XC032: m(E, (a) => `键 ${a.key} 不属于 ${a.expected}`, (a) => `key ${a.key} is not a ${a.expectedEn}`),
  XC033: m(E, (a) => `范围 ${a.from}..${a.to} 为空（起点在终点之后）`, (a) => `range ${a.from}..${a.to} is empty (start after end)`,
    () => '范围按枚举声明顺序，从小到大书写', () => 'ranges follow the declaration order of the enum, low to high'),
  XC034: m(E, (a) => `表的键类型必须是枚举或整数，实际为 ${a.actual}`, (a) => `a table key must be an enum or integer, found ${a.actualEn}`),
  // ---- bands ----
  XC040: m(E, (a) => `分档“${a.name}”${a.period}区间重叠：${a.a} 与 ${a.b}`, (a) => `bands '${a.name}' overlap${a.periodEn}: ${a.a} and ${a.b}`,
    () => '相邻区间在公共端点处应一开一闭，如 [0, 50) 与 [50, 100]', () => 'adjacent bands share an end that is closed on one side only, e.g. [0, 50) and [50, 100]'),
  XC041: m(E, (a) => `分档“${a.name}”${a.period}有空隙：${a.gap} 不属于任何区间`, (a) => `bands '${a.name}' leave a gap${a.periodEn}: ${a.gap} is in no band`,
    () => '让前一档的上界等于后一档的下界，并只在一侧闭合', () => 'make each upper bound equal the next lower bound, closed on exactly one side'),
  XC042: m(E, (a) => `区间 ${a.band} 为空（下界不小于上界）`, (a) => `band ${a.band} is empty (lower bound not below upper bound)`),
  XC043: m(E, (a) => `分档的键类型必须是金额、比率、数值、整数或期限，实际为 ${a.actual}`, (a) => `a bands key must be money, rate, number, integer or a duration, found ${a.actualEn}`),
  // ---- cycles ----
  XC050: m(E, (a) => `规则循环依赖：${a.path}`, (a) => `rule cycle: ${a.path}`, () => '规则不能直接或间接引用自身', () => 'a rule cannot depend on itself, directly or indirectly'),
  XC051: m(E, (a) => `参数循环依赖：${a.path}`, (a) => `parameter cycle: ${a.path}`, () => '参数的值不能直接或间接引用自身', () => 'a parameter value cannot refer to itself, directly or indirectly'),
  // ---- parameters ----
  XC060: m(E, (a) => `必填参数“${a.name}”在政策“${a.policy}”中没有值`, (a) => `required parameter '${a.name}' has no value in policy '${a.policy}'`,
    (a) => `写 覆盖 参数 ${a.name} = 值，或将政策声明为 抽象`, (a) => `write \`override param ${a.name} = value\`, or declare the policy abstract`),
  XC061: m(E, (a) => `参数值必须是常量表达式（不能引用${a.what}）`, (a) => `a parameter value must be constant (it may not refer to ${a.whatEn})`,
    () => '参数值只能由字面量、其他参数和算术组成；依赖个案的计算请写成 规则', () => 'parameter values are literals, other parameters and arithmetic; case-dependent values are rules'),
  XC062: m(E, (a) => `参数“${a.name}”既没有值也没有标记 必填`, (a) => `parameter '${a.name}' has neither a value nor \`required\``,
    () => '给出 = 值，或写 必填 让下级政策提供', () => 'give `= value`, or mark it `required` for descendants to supply'),
  XC063: m(E, (a) => `必填表“${a.name}”在政策“${a.policy}”中没有任何行`, (a) => `required table '${a.name}' has no rows in policy '${a.policy}'`,
    (a) => `写 覆盖 表 ${a.name} { 键: 值, … }，或将政策声明为 抽象`, (a) => `write \`override table ${a.name} { key: value, … }\`, or declare the policy abstract`),
  XC064: m(E, (a) => `表“${a.name}”既没有行也没有标记 必填`, (a) => `table '${a.name}' has neither rows nor \`required\``,
    () => '给出 { 键: 值, … }，或写 必填 让下级政策提供', () => 'give `{ key: value, … }`, or mark it `required` for descendants to supply'),
  XC068: m(E, (a) => `参数“${a.name}”的值 ${a.value}${a.period} 超出声明的范围 ${a.lo}..${a.hi}（政策“${a.policy}”）`, (a) => `parameter '${a.name}' is ${a.value}${a.periodEn} in policy '${a.policy}', outside its declared range ${a.lo}..${a.hi}`,
    (a) => `“${a.declPolicy}”声明的范围是上级规定的幅度，下级只能在其内取值`, (a) => `the range declared in '${a.declPolicy}' is the latitude the parent allows; a layer may only choose within it`),
  XC069: m(E, (a) => `参数“${a.name}”的 范围 ${a.problem}`, (a) => `the range of parameter '${a.name}' ${a.problemEn}`,
    () => '写成 范围 下限..上限，两端为常量且下限不大于上限', () => 'write `range lo..hi` with constant ends, lo not above hi'),
  // ---- match / enums ----
  XC070: m(E, (a) => `匹配未穷尽：缺少 ${a.missing}`, (a) => `match is not exhaustive: missing ${a.missing}`,
    () => '补上缺少的分支，或加 否则: 值', () => 'add the missing arms, or `otherwise: value`'),
  XC071: m(E, (a) => `枚举成员“${a.name}”有歧义：${a.enums} 都有此成员`, (a) => `enum member '${a.name}' is ambiguous: ${a.enums} all have it`,
    (a) => `请写成限定形式，如 ${a.example}`, (a) => `qualify it, e.g. ${a.example}`),
  // ---- citations and versions ----
  XC080: m(W, (a) => `规则“${a.name}”没有 依据`, (a) => `rule '${a.name}' has no citation`,
    () => '加上 依据 "条例第…条"，说明规则实现的条文', () => 'add `cite "…"` naming the article the rule implements'),
  XC081: m(E, (a) => `版本日期${a.problem}：${a.date}`, (a) => `version dates ${a.problemEn}: ${a.date}`,
    () => '各版本的 自 日期须严格递增', () => 'the `from` dates of the versions must strictly increase'),
  // ---- exceptions, effective dates ----
  XC090: m(E, (a) => `例外的目标规则“${a.name}”不存在`, (a) => `exception targets unknown rule '${a.name}'`, (a) => a.hintZh ?? '', (a) => a.hintEn ?? ''),
  XC091: m(W, (a) => `生效日期 ${a.date} 早于父政策“${a.parent}”的生效日期 ${a.parentDate}`, (a) => `effective date ${a.date} is before the effective date ${a.parentDate} of parent policy '${a.parent}'`,
    () => '早于父政策生效的个案会被拒绝', () => 'cases before the parent takes effect are rejected anyway'),
  XC092: m(E, (a) => `例外的值类型为 ${a.actual}，但规则“${a.name}”的类型为 ${a.expected}`, (a) => `exception value has type ${a.actualEn}, but rule '${a.name}' has type ${a.expectedEn}`),
  // ---- limits and invariants (docs/diagnostics.md, "Limits") ----
  XC093: m(E, (a) => `${a.what}“${a.name}”的计算嵌套过深：${a.depth} 层（上限 ${a.limit}）`, (a) => `${a.whatEn} '${a.name}' nests evaluation too deeply: ${a.depth} levels (limit ${a.limit})`,
    () => '每引用一条规则或参数，都要加上它的层数和引用处表达式的层数；请合并中间步骤，或用 求和/计数 处理列表', () => 'each rule or parameter it reads adds its levels plus the depth of the expression reading it; merge intermediate steps, or use sum/count over a list'),
  XC094: m(E, () => '无法确定此表达式的类型', () => 'the type of this expression could not be determined',
    () => '为它引用的规则声明类型；若仍出现，请报告编译器缺陷', () => 'declare the types of the rules it refers to; if it persists, report a compiler defect'),
  XC095: m(E, (a) => `表“${a.name}”的行数 ${a.rows} 超过上限 ${a.limit}`, (a) => `table '${a.name}' has ${a.rows} rows, more than the limit of ${a.limit}`,
    () => '把数据作为输入或拆分为多个表', () => 'supply the data as an input, or split the table'),
  XC096: m(E, (a) => `“${a.name}”是保留名称，不能用作声明名`, (a) => `'${a.name}' is a reserved name and cannot be declared`,
    () => '__proto__、constructor、prototype 在个案数据中一律被拒绝（防止原型污染）；请换一个名称', () => '__proto__, constructor and prototype are refused in all case data (prototype pollution); choose another name'),
  XC097: m(E, (a) => `输入字段“${a.name}”的范围${a.problem}`, (a) => `the range of input field '${a.name}' ${a.problemEn}`,
    () => '字段的范围写明个案可以给出的取值，如 已缴金额: 金额 范围 -100000元..100000元', () => 'a field\'s range states the values a case may give, e.g. 已缴金额: 金额 范围 -100000元..100000元'),
};

/** Messages of code generation (XG…). After a clean check none of them should ever appear:
 *  each one is a compiler defect turned into a diagnostic instead of a thrown stack. */
export const codegenMessages: Catalog = {
  XG001: m(E, (a) => `代码生成失败：未知名称（${a.detail}）`, (a) => `code generation failed: unknown name (${a.detail})`,
    () => '这是编译器缺陷，请附上政策文本报告', () => 'this is a compiler defect; please report it with the policy text'),
  XG002: m(E, (a) => `代码生成失败：无效的字面量或日期（${a.detail}）`, (a) => `code generation failed: invalid literal or date (${a.detail})`,
    () => '这是编译器缺陷，请附上政策文本报告', () => 'this is a compiler defect; please report it with the policy text'),
  XG003: m(E, (a) => `代码生成失败：无效的舍入（${a.detail}）`, (a) => `code generation failed: invalid rounding (${a.detail})`,
    () => '这是编译器缺陷，请附上政策文本报告', () => 'this is a compiler defect; please report it with the policy text'),
  XG004: m(E, (a) => `代码生成失败：参数个数不符（${a.detail}）`, (a) => `code generation failed: wrong number of arguments (${a.detail})`,
    () => '这是编译器缺陷，请附上政策文本报告', () => 'this is a compiler defect; please report it with the policy text'),
  XG005: m(E, (a) => `代码生成失败：类型不支持此运算（${a.detail}）`, (a) => `code generation failed: operation not supported for the type (${a.detail})`,
    () => '为相关规则声明类型；若仍出现，请附上政策文本报告', () => 'declare the types of the rules involved; if it persists, report it with the policy text'),
  XG999: m(E, (a) => `代码生成内部错误：${a.detail}`, (a) => `internal code generation error: ${a.detail}`,
    () => '这是编译器缺陷，请附上政策文本报告', () => 'this is a compiler defect; please report it with the policy text'),
};

/** Add a checker diagnostic to `out`; empty hints are dropped. */
export function report(
  out: Diagnostic[],
  code: string,
  span: Span,
  args: Record<string, string> = {},
  extra: { cite?: string; related?: Diagnostic['related']; severity?: Severity } = {},
): Diagnostic {
  const d = makeDiagnostic(compilerMessages, code, span, args, extra);
  if (d.hint && !d.hint.zh && !d.hint.en) delete d.hint;
  out.push(d);
  return d;
}
