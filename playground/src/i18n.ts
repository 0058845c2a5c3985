// UI strings, Chinese first (policy staff), English on a toggle. Policy names, rule names and
// diagnostics come from the policy / compiler and are not translated here.
export type Lang = 'zh' | 'en';

const S = {
  title: ['细则 Xize 演练场', 'Xize playground'],
  subtitle: ['工伤保险政策配置 · 在线编辑与试算', 'Work-injury insurance policy · edit and evaluate'],
  policy: ['政策', 'Policy'],
  case: ['案例', 'Case'],
  customCase: ['（自定义）', '(custom)'],
  asOf: ['基准日', 'As of'],
  problems: ['问题', 'Problems'],
  noProblems: ['没有问题 ✓', 'No problems ✓'],
  inputs: ['输入', 'Inputs'],
  outputs: ['结果', 'Outputs'],
  parameters: ['参数', 'Parameters'],
  output: ['输出项', 'Output'],
  edited: ['编辑后', 'Edited'],
  original: ['载入时', 'As loaded'],
  expected: ['期望', 'Expected'],
  match: ['一致', 'match'],
  mismatch: ['不一致', 'mismatch'],
  stale: ['已过期', 'stale'],
  stalePolicy: ['政策有错误：显示的是上次成功编译的结果', 'The policy has errors: showing the last good compile'],
  staleCase: ['案例数据有误：显示的是上次有效的结果', 'The case data is invalid: showing the last good outcome'],
  explain: ['计算说明', 'Explanation'],
  unavailable: ['无法计算（缺少输入）', 'Unavailable (missing inputs)'],
  errors: ['计算错误', 'Evaluation errors'],
  checks: ['检查', 'Checks'],
  share: ['分享链接', 'Share link'],
  copied: ['链接已复制到地址栏', 'Link placed in the address bar'],
  download: ['下载文件', 'Download files'],
  reset: ['还原', 'Reset'],
  resetConfirm: ['放弃所有修改，恢复为载入时的政策？', 'Discard all edits and restore the policy as loaded?'],
  lang: ['English', '中文'],
  compiling: ['编译中…', 'Compiling…'],
  compiledIn: ['编译+计算', 'compile+evaluate'],
  add: ['添加', 'Add'],
  remove: ['删除', 'Remove'],
  override: ['本案改用', 'Case value'],
  value: ['当前值', 'Current value'],
  type: ['类型', 'Type'],
  cite: ['依据', 'Citation'],
  hint: ['提示', 'Hint'],
  expectedError: ['期望出错', 'Expected error'],
  expectedCheck: ['期望检查触发', 'Expected check'],
  outcomeProblem: ['结果问题', 'Outcome problem'],
  otherOutputs: ['其他输出', 'Other outputs'],
  moreFields: ['其他输入字段', 'More input fields'],
  phDecimal: ['数额，如 3000.00', 'amount, e.g. 3000.00'],
  phRate: ['比率，如 30% 或 0.3', 'rate, e.g. 30% or 0.3'],
  phInteger: ['整数', 'integer'],
  versions: ['生效版本', 'Effective versions'],
  caseValue: ['本案值', 'Value in this case'],
  takenAt: ['取值日期', 'taken at'],
  input: ['输入', 'input'],
  rule: ['规则', 'rule'],
  param: ['参数', 'parameter'],
  table: ['表', 'table'],
  bands: ['分档', 'bands'],
  rounding: ['舍入', 'rounding'],
  exception: ['例外', 'exception'],
  noCompiler: ['编译器尚未就绪', 'Compiler not available'],
  changed: ['已修改', 'changed'],
  empty: ['（空）', '(empty)'],
  noCases: ['此政策没有黄金案例', 'This policy has no golden cases'],
  loading: ['加载中…', 'Loading…'],
  changes: ['改动', 'Changes'],
  unavailableShort: ['不可用', 'unavailable'],
  seeAbove: ['（见上）', '(see above)'],
  notGiven: ['（未提供）', '(not given)'],
  editDiffers: ['因修改而不同', 'differs after your edit'],
  editDiffersTitle: ['黄金案例的预期值与编辑后的结果不同：这是你修改政策的结果，不是计算失败', 'The golden case expects another value than the edited policy gives: this follows from your edit, it is not a failure'],
  otherTraces: ['其他输出的计算说明', 'Explanation of the other outputs'],
  otherErrors: ['本案例未要求的输出的计算问题', 'Problems of outputs this case does not ask for'],
  printSheet: ['打印计算单', 'Print calculation sheet'],
  downloadSheet: ['下载计算单', 'Download sheet'],
  saveGolden: ['存为黄金案例', 'Save as golden case'],
  help: ['帮助', 'Help'],
  helpSyntax: ['语法', 'Syntax'],
  helpCodes: ['诊断代码', 'Diagnostic codes'],
  close: ['关闭', 'Close'],
  firstRun: ['左侧编辑政策文件（改动即时生效）；右侧“结果”看计算值与黄金案例预期，“计算说明”看每一步公式与依据；下方“问题”列出错误。', 'Edit the policy on the left (changes apply as you type); on the right, Outputs shows values against the golden case and Explanation each step with its formula and article; Problems below lists errors.'],
  gotIt: ['知道了', 'Got it'],
  caseProblem: ['案例数据', 'case data'],
  files: ['文件', 'Files'],
  sameAsLoaded: ['与载入的政策相同', 'Same as loaded'],
  changesUnavailable: ['无法比较：载入的或编辑后的政策尚未成功编译', 'Cannot compare: the policy as loaded or as edited has not compiled yet'],
} as const satisfies Record<string, readonly [string, string]>;

export type Key = keyof typeof S;

let lang: Lang = (localStorage.getItem('xize-lang') as Lang | null) ?? 'zh';
const listeners: (() => void)[] = [];

export function t(key: Key): string {
  return S[key][lang === 'zh' ? 0 : 1];
}
export function getLang(): Lang {
  return lang;
}
export function setLang(l: Lang): void {
  lang = l;
  localStorage.setItem('xize-lang', l);
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  for (const f of listeners) f();
}
export function onLang(f: () => void): void {
  listeners.push(f);
}
/** A bilingual text in the current language first, the other one after it. */
export function bi(b: { zh: string; en: string }): [string, string] {
  return lang === 'zh' ? [b.zh, b.en] : [b.en, b.zh];
}
