// Messages of the golden-case loader (XT…), Chinese and English from one record.
import type { Catalog } from '../../dsl/diagnostic.ts';

export const caseMessages: Catalog = {
  XT001: {
    severity: 'error',
    zh: (a) => `YAML 语法错误：${a.detail}`,
    en: (a) => `YAML syntax error: ${a.detail}`,
  },
  XT002: {
    severity: 'error',
    zh: () => `案例文件的顶层应为映射（含 cases: 列表）`,
    en: () => `the top level of a case file must be a mapping (with a cases: list)`,
  },
  XT003: {
    severity: 'error',
    zh: () => `cases 应为案例列表`,
    en: () => `cases must be a list of cases`,
  },
  XT004: {
    severity: 'error',
    zh: () => `每个案例应为映射（id、as_of、input、expected …）`,
    en: () => `each case must be a mapping (id, as_of, input, expected …)`,
  },
  XT005: {
    severity: 'error',
    zh: () => `案例缺少 id（非空文本）`,
    en: () => `the case has no id (a non-empty text)`,
  },
  XT006: {
    severity: 'error',
    zh: (a) => `案例 id “${a.id}” 重复`,
    en: (a) => `duplicate case id "${a.id}"`,
  },
  XT007: {
    severity: 'error',
    zh: (a) => `案例“${a.id}”的 as_of 应为日期 YYYY-MM-DD，实际为 ${a.value}`,
    en: (a) => `as_of of case "${a.id}" must be a date YYYY-MM-DD, got ${a.value}`,
  },
  XT008: {
    severity: 'error',
    zh: (a) => `案例“${a.id}”的 ${a.key} 应为映射`,
    en: (a) => `${a.key} of case "${a.id}" must be a mapping`,
  },
  XT009: {
    severity: 'error',
    zh: (a) => `案例“${a.id}”的 ${a.key} 应为文本列表`,
    en: (a) => `${a.key} of case "${a.id}" must be a list of texts`,
  },
  XT010: {
    severity: 'warning',
    zh: (a) => `案例“${a.id}”中有未知字段“${a.key}”（已忽略）`,
    en: (a) => `unknown key "${a.key}" in case "${a.id}" (ignored)`,
    hintZh: () => `可用字段：id、title、cite、as_of、parameters、input、expected、expected_checks、expected_errors`,
    hintEn: () => `known keys: id, title, cite, as_of, parameters, input, expected, expected_checks, expected_errors`,
  },
  XT011: {
    severity: 'warning',
    zh: (a) => `案例文件中有未知顶层字段“${a.key}”（已忽略）`,
    en: (a) => `unknown top-level key "${a.key}" in the case file (ignored)`,
  },
  XT012: {
    severity: 'warning',
    zh: (a) => `案例“${a.id}”没有任何预期（expected、expected_checks 或 expected_errors）`,
    en: (a) => `case "${a.id}" expects nothing (no expected, expected_checks or expected_errors)`,
  },
  XT013: {
    severity: 'error',
    zh: (a) => `案例“${a.id}”缺少 as_of（基准日）`,
    en: (a) => `case "${a.id}" has no as_of (as-of date)`,
  },
  XT014: {
    severity: 'error',
    zh: (a) => `文本字段 ${a.key} 应为文本`,
    en: (a) => `${a.key} must be a text`,
  },
};
