// Coded errors of the command line itself (XF…: files the CLI reads and writes, and its internal
// errors). Chinese first, English alongside, a hint; each code has its exit code. Listed in
// docs/diagnostics.md (tests/cli/messages.test.ts checks the catalog against it).
import { oneLine } from '../compiler/render/escape.ts';

type Args = Record<string, string>;

interface CliMessage {
  zh: (a: Args) => string;
  en: (a: Args) => string;
  hint: { zh: string; en: string };
  /** 2 usage error (the command was asked for something it refuses) · 3 cannot read/write, internal */
  exit: 2 | 3;
}

export const cliMessages = {
  XF001: {
    zh: (a) => `输出路径 ${a.path} 是一个文件夹，不能作为输出文件`,
    en: (a) => `the output path ${a.path} is a folder, not a file`,
    hint: { zh: '给出文件夹中的一个文件名，例如 报告.json', en: 'name a file inside the folder, e.g. report.json' },
    exit: 2,
  },
  XF002: {
    zh: (a) => `输出路径 ${a.path} 不是普通文件（${a.kind}），拒绝写入`,
    en: (a) => `the output path ${a.path} is not a regular file (${a.kindEn}); refusing to write`,
    hint: { zh: '写到普通文件；要打印到标准输出，省略该选项', en: 'write to a regular file; to print to standard output, leave the option out' },
    exit: 2,
  },
  XF003: {
    zh: (a) => `拒绝覆盖${a.what} ${a.path}`,
    en: (a) => `refusing to overwrite the ${a.whatEn} ${a.path}`,
    hint: { zh: '换一个文件名：.xize 政策源文件与 *.cases.yaml 案例文件从不被覆盖', en: 'choose another file name: .xize policy sources and *.cases.yaml case files are never overwritten' },
    exit: 2,
  },
  XF004: {
    zh: (a) => `输出路径 ${a.path} 是本命令的输入文件，拒绝覆盖`,
    en: (a) => `the output path ${a.path} is an input of this command; refusing to overwrite it`,
    hint: { zh: '换一个输出文件名', en: 'choose another output file name' },
    exit: 2,
  },
  XF005: {
    zh: (a) => `无法把 ${a.path} 用作文件夹：${a.blocker} 不是文件夹`,
    en: (a) => `cannot use ${a.path} as a folder: ${a.blocker} is not a folder`,
    hint: { zh: '给出一个文件夹（不存在时会创建）', en: 'name a folder (it is created when missing)' },
    exit: 2,
  },
  XF006: {
    zh: (a) => `无法写入 ${a.path}：${a.reason}；未写入任何文件`,
    en: (a) => `cannot write ${a.path}: ${a.reason}; nothing was written`,
    hint: { zh: '检查权限与磁盘空间，或换一个输出位置', en: 'check permissions and free space, or choose another place' },
    exit: 3,
  },
  XF010: {
    zh: (a) => a.zh ?? '',
    en: (a) => a.en ?? '',
    hint: { zh: '检查路径是否存在、是否可读、是文件还是文件夹', en: 'check that the path exists, is readable, and is a file or folder as the option expects' },
    exit: 3,
  },
  XF999: {
    zh: (a) => `内部错误：${a.message}`,
    en: (a) => `internal error: ${a.message}`,
    hint: { zh: '这是 xize 的缺陷，请附上命令与输入报告；设置 XIZE_DEBUG=1 显示调用栈', en: 'this is a defect of xize; please report it with the command and its input; XIZE_DEBUG=1 shows the stack' },
    exit: 3,
  },
} satisfies Record<string, CliMessage>;

export type CliCode = keyof typeof cliMessages;

/** A coded CLI error; `main` prints it (Chinese, English, hint) and exits with `exit`. */
export class CliError extends Error {
  readonly zh: string;
  readonly en: string;
  readonly hint: { zh: string; en: string };
  readonly exit: 2 | 3;
  constructor(
    readonly code: CliCode,
    args: Args,
  ) {
    const m: CliMessage = cliMessages[code];
    const safe = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, oneLine(v)]));
    const zh = m.zh(safe);
    const en = m.en(safe);
    super(`${code} ${zh} / ${en}`);
    this.name = 'CliError';
    this.zh = zh;
    this.en = en;
    this.hint = m.hint;
    this.exit = m.exit;
  }
}

/** The printed form: `错误 XF001：… / error XF001: …` and the hint on the next line. */
export function formatCliError(e: { code: string; zh: string; en: string; hint?: { zh: string; en: string } }): string {
  const head = `错误 ${e.code}：${e.zh} / error ${e.code}: ${e.en}`;
  return e.hint ? `${head}\n  提示 / hint: ${e.hint.zh} / ${e.hint.en}\n` : `${head}\n`;
}

/** How `main` (and the asynchronous population commands) report an error that reached them:
 * the text for standard error and the exit code. Never a stack trace, unless XIZE_DEBUG=1. */
export function describeError(e: unknown): { text: string; exit: number } {
  if (e instanceof CliError) return { text: formatCliError(e), exit: e.exit };
  const x = e as { name?: string; code?: unknown; zh?: unknown; en?: unknown };
  if (x && x.name === 'InputFileError' && typeof x.zh === 'string' && typeof x.en === 'string') {
    return { text: formatCliError({ code: 'XF010', zh: x.zh, en: x.en, hint: cliMessages.XF010.hint }), exit: 3 };
  }
  const message = oneLine(e instanceof Error ? e.message : String(e)).slice(0, 500);
  const internal = new CliError('XF999', { message });
  const stack = process.env.XIZE_DEBUG === '1' && e instanceof Error && e.stack ? `${e.stack}\n` : '';
  return { text: formatCliError(internal) + stack, exit: 3 };
}
