// A policy side of `xize diff`: a folder on disk, or `git:REV:path` — the folder as it was at a
// git revision. The revision's tree is written to a temporary folder with `git archive`, taking
// the whole top-level folder of `path` (e.g. `provinces/`) so that a province still finds the
// baseline it extends as a sibling. git is run with an argument array (never a shell), the
// revision is resolved to a commit id first and may not look like an option.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve } from 'node:path';
import { InputFileError } from './args.ts';

export interface PolicySource {
  /** the folder to compile */
  dir: string;
  /** how the side is named in reports: the path as given, or `git:REV:path` */
  label: string;
  /** the commit id of a git side */
  commit?: string;
  /** removes the temporary folder of a git side */
  dispose(): void;
}

const GIT_SPEC = /^git:([^:]+):(.+)$/;

function git(args: string[], cwd: string): Buffer {
  return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
}

/** Parses `git:REV:path`; undefined for an ordinary path. */
export function parseGitSpec(spec: string): { rev: string; path: string } | undefined {
  const m = GIT_SPEC.exec(spec);
  return m ? { rev: m[1]!, path: m[2]! } : undefined;
}

export function openPolicySource(spec: string): PolicySource {
  const g = parseGitSpec(spec);
  if (!g) return { dir: resolve(spec), label: spec, dispose: () => {} };
  if (g.rev.startsWith('-') || /[\s\0]/.test(g.rev)) throw new InputFileError(`无效的 git 版本“${g.rev}”`, `invalid git revision '${g.rev}'`);
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], process.cwd()).toString('utf8').trim();
  } catch {
    throw new InputFileError('当前目录不在 git 仓库中，无法读取 git: 版本', 'the current folder is not in a git repository; cannot read a git: side');
  }
  let commit: string;
  try {
    commit = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${g.rev}^{commit}`], top).toString('utf8').trim();
  } catch {
    throw new InputFileError(`git 版本“${g.rev}”不存在`, `git revision '${g.rev}' not found`);
  }
  // the path inside the repository, as git spells it (relative to the top level, forward slashes)
  const inRepo = relative(top, resolve(g.path)).split(/[\\/]+/).join('/');
  if (inRepo === '' || inRepo.startsWith('..') || posix.isAbsolute(inRepo)) {
    throw new InputFileError(`路径 ${g.path} 不在仓库内`, `path ${g.path} is outside the repository`);
  }
  const head = inRepo.split('/')[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'xize-git-'));
  try {
    const tar = git(['archive', '--format=tar', commit, '--', head], top);
    execFileSync('tar', ['-x', '-f', '-', '-C', dir], { input: tar, stdio: ['pipe', 'ignore', 'pipe'] });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new InputFileError(`无法从 ${g.rev} 取出 ${inRepo}：${(e as Error).message.split('\n')[0]}`, `cannot read ${inRepo} at ${g.rev}: ${(e as Error).message.split('\n')[0]}`);
  }
  return { dir: join(dir, ...inRepo.split('/')), label: spec, commit, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
