// Message catalog of the front end: XL… (lexer) and XP… (parser / AST builder).
// Chinese first, English second; arguments are pre-rendered strings.
import type { Catalog } from './diagnostic.ts';

export const dslMessages: Catalog = {
  // ---------- lexer ----------
  XL001: {
    severity: 'error',
    zh: (a) => `无法识别的字符 “${a.text}”`,
    en: (a) => `unexpected character \`${a.text}\``,
    hintZh: () => '名称只能由文字、数字和下划线组成；字符串请用引号括起来',
    hintEn: () => 'names consist of letters, digits and `_`; put text in quotes',
  },
  XL002: {
    severity: 'error',
    zh: () => '字符串缺少结束引号',
    en: () => 'unterminated string',
    hintZh: () => '在同一行内用 " 或 ” 结束字符串',
    hintEn: () => 'close the string with " (or ”) on the same line',
  },
  XL003: {
    severity: 'error',
    zh: () => '块注释缺少结束标记 */',
    en: () => 'unterminated block comment',
    hintZh: () => '用 */ 结束注释',
    hintEn: () => 'close the comment with */',
  },
  XL004: {
    severity: 'error',
    zh: (a) => `字符串中无效的转义 “${a.text}”`,
    en: (a) => `invalid escape \`${a.text}\` in string`,
    hintZh: () => '可用的转义：\\" \\\\ \\n',
    hintEn: () => 'valid escapes are \\" \\\\ \\n',
  },
  XL005: {
    severity: 'error',
    zh: (a) => `无效的日期 ${a.text}`,
    en: (a) => `invalid date ${a.text}`,
    hintZh: () => '日期写作 年-月-日，例如 2024-01-01',
    hintEn: () => 'write dates as YYYY-MM-DD, e.g. 2024-01-01',
  },
  XL006: {
    severity: 'error',
    zh: (a) => `文件过大：${a.chars} 个字符，超过上限 ${a.limit}`,
    en: (a) => `file too large: ${a.chars} characters, more than the limit of ${a.limit}`,
    hintZh: () => '把政策拆分为多个文件；大量数据请作为输入提供',
    hintEn: () => 'split the policy into several files; supply bulk data as input',
  },
  // ---------- parser ----------
  XP001: {
    severity: 'error',
    zh: (a) => `期望 ${a.expectedZh}，却遇到 ${a.foundZh}`,
    en: (a) => `expected ${a.expectedEn} but found ${a.foundEn}`,
    hintZh: (a) => a.hintZh || '检查这里前后的语法，参见 docs/language.md',
    hintEn: (a) => a.hintEn || 'check the syntax around here, see docs/language.md',
  },
  XP002: {
    severity: 'error',
    zh: (a) => `这里不能出现 ${a.foundZh}；期望 ${a.expectedZh}`,
    en: (a) => `unexpected ${a.foundEn}; expected ${a.expectedEn}`,
    hintZh: (a) => a.hintZh || '检查这里前后的语法，参见 docs/language.md',
    hintEn: (a) => a.hintEn || 'check the syntax around here, see docs/language.md',
  },
  XP003: {
    severity: 'error',
    zh: (a) => `文件意外结束；期望 ${a.expectedZh}`,
    en: (a) => `unexpected end of file; expected ${a.expectedEn}`,
    hintZh: () => '是否缺少右括号 ) ] } 或声明的其余部分？',
    hintEn: () => 'is a closing ) ] } or the rest of a declaration missing?',
  },
  XP004: {
    severity: 'error',
    zh: (a) => `这里应当开始一个声明，却遇到 ${a.foundZh}`,
    en: (a) => `expected a declaration but found ${a.foundEn}`,
    hintZh: () => '声明以关键字开头：政策 枚举 记录 输入 参数 表 分档 规则 例外 覆盖 检查 日历',
    hintEn: () =>
      'declarations start with a keyword: policy enum record input param table bands rule exception override check calendar',
  },
  XP005: {
    severity: 'error',
    zh: (a) => `声明在此之前已经结束，多余的 ${a.foundZh}`,
    en: (a) => `unexpected ${a.foundEn} after the end of the declaration`,
    hintZh: (a) => a.hintZh || '删除它，或检查前面的声明是否写完整',
    hintEn: (a) => a.hintEn || 'remove it, or check that the declaration before it is complete',
  },
  XP010: {
    severity: 'error',
    zh: (a) => `“${a.clause}” 重复出现`,
    en: (a) => `duplicate \`${a.clauseEn}\` clause`,
    hintZh: () => '每个声明中该子句只能写一次',
    hintEn: () => 'this clause may appear only once per declaration',
  },
  XP011: {
    severity: 'error',
    zh: () => '只能对表或分档的名称取下标',
    en: () => 'only a table or bands name can be indexed',
    hintZh: () => '写作 表名[键]，例如 伤残补助金月数[伤残等级]',
    hintEn: () => 'write tableName[key], e.g. months[grade]',
  },
  XP012: {
    severity: 'error',
    zh: (a) => `${a.declZh}缺少${a.partZh}`,
    en: (a) => `${a.declEn} is missing ${a.partEn}`,
  },
  XP014: {
    severity: 'error',
    zh: () => '表中不能同时写无日期的行和 “自 日期 { … }” 分组',
    en: () => 'a table cannot mix undated rows with `from DATE { … }` groups',
    hintZh: () => '把无日期的行放进一个 “自 日期 { … }” 分组',
    hintEn: () => 'move the undated rows into a `from DATE { … }` group',
  },
  XP015: {
    severity: 'error',
    zh: () => '“否则” 行只能单独作为键',
    en: () => '`otherwise` must be the only key of its row',
  },
  XP016: {
    severity: 'error',
    zh: () => '“无穷” 只能作为分档区间的端点',
    en: () => '`inf` is allowed only as a band end',
  },
  XP000: {
    // the parse function itself threw (outside the parser's own guard, XP999): the file is
    // skipped, the other files of the policy are still read
    severity: 'error',
    zh: (a) => `内部错误：解析失败（${a.error}）`,
    en: (a) => `internal error: parser failed (${a.error})`,
  },
  XP999: {
    severity: 'error',
    zh: (a) => `语法分析器内部错误：${a.error}`,
    en: (a) => `internal parser error: ${a.error}`,
  },
  XP020: {
    severity: 'error',
    zh: (a) => `表达式或类型嵌套过深（超过 ${a.limit} 层）`,
    en: (a) => `expression or type nested too deeply (more than ${a.limit} levels)`,
    hintZh: () => '把内层的部分写成单独的规则，再引用它',
    hintEn: () => 'move inner parts into rules of their own and refer to them',
  },
  XP021: {
    severity: 'error',
    zh: (a) => `表达式过长（超过 ${a.limit} 层运算）`,
    en: (a) => `expression too long (more than ${a.limit} levels of operations)`,
    hintZh: () => '把一部分项写成单独的规则再相加，或对列表使用 求和',
    hintEn: () => 'add up groups of terms in rules of their own, or use sum over a list',
  },
  XP022: {
    severity: 'error',
    zh: (a) => `此声明还有 ${a.count} 处语法错误未列出（每个声明最多列出 ${a.limit} 处）`,
    en: (a) => `${a.count} more syntax errors in this declaration not shown (at most ${a.limit} are listed per declaration)`,
    hintZh: () => '先改正上面列出的第一处错误：后面的多半是它引起的',
    hintEn: () => 'fix the first error listed above first: most of the others follow from it',
  },
  XP017: {
    severity: 'error',
    zh: () => '“属于” 后面应当是列表 [a, b] 或范围 a..b',
    en: () => '`in` must be followed by a list [a, b] or a range a..b',
  },
  XP018: {
    severity: 'error',
    zh: (a) => `类型 “${a.name}” 不接受类型参数；只有 列表[T] 可以`,
    en: (a) => `type \`${a.name}\` takes no type argument; only list[T] does`,
  },
};
