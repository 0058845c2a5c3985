// Every file the CLI writes (test --out, compile -o, diff --html, population --out) goes through
// here. Before anything is written, each target is checked: a folder, a device, a FIFO, a socket
// or anything on /proc or /sys is refused (XF001/XF002) — Node's recursive mkdir spins forever
// under /proc, and a FIFO blocks; a policy source (.xize) or a case file (*.cases.yaml|yml|json)
// is never overwritten (XF003), nor an input of the same command (XF004). Missing folders are
// created one level at a time. Then every file is written to a temporary file in its own folder
// (created exclusively, so it never follows a planted link) and only when all are written are
// they renamed into place: a reader never sees a half-written file, and a command that fails
// before the renames leaves nothing behind.
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmdirSync, statfsSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { displayPath } from './io.ts';
import { CliError } from './messages.ts';

/** Pseudo file systems of the kernel (statfs f_type): proc, sysfs, devpts, debugfs, tracefs,
 * securityfs, cgroup, cgroup2, bpf, pstore, configfs, efivarfs. */
const PSEUDO_FS = new Set([0x9fa0, 0x62656572, 0x1cd1, 0x64626720, 0x74726163, 0x73636673, 0x27e0eb, 0x63677270, 0xcafe4a11, 0x6165676c, 0x62656570, 0xde5e81e4]);
const PSEUDO_PREFIXES = ['/proc', '/sys'];

const POLICY_SOURCE = /\.xize$/i;
const CASE_FILE = /\.cases\.(ya?ml|json)$/i;

/** Options of a write: files this command reads, which it must not overwrite. */
export interface WriteOptions {
  inputs?: string[];
}

function statOrNull(p: string, follow = true): Stats | null {
  try {
    return follow ? statSync(p) : lstatSync(p);
  } catch {
    return null;
  }
}

function kindOf(st: Stats): [string, string] {
  if (st.isCharacterDevice()) return ['字符设备', 'a character device'];
  if (st.isBlockDevice()) return ['块设备', 'a block device'];
  if (st.isFIFO()) return ['命名管道', 'a FIFO'];
  if (st.isSocket()) return ['套接字', 'a socket'];
  return ['特殊文件', 'a special file'];
}

/** The nearest existing ancestor of `abs` (itself when it exists). */
function nearestExisting(abs: string): string {
  let p = abs;
  while (statOrNull(p, false) === null) {
    const up = dirname(p);
    if (up === p) return p;
    p = up;
  }
  return p;
}

function onPseudoFs(existing: string): boolean {
  let real = existing;
  try {
    real = realpathSync(existing);
  } catch {
    /* keep the path */
  }
  if (PSEUDO_PREFIXES.some((x) => real === x || real.startsWith(`${x}/`))) return true;
  try {
    return PSEUDO_FS.has(Number(statfsSync(real).type));
  } catch {
    return false;
  }
}

function refusePseudo(abs: string): void {
  if (onPseudoFs(nearestExisting(abs))) {
    throw new CliError('XF002', { path: displayPath(abs), kind: '系统伪文件系统 /proc、/sys', kindEn: 'a kernel pseudo file system such as /proc or /sys' });
  }
}

/** Refuses a folder target, or one whose ancestors are not folders (checked before creating any). */
function checkFolderChain(dir: string, shownAs: string): void {
  let p = dir;
  for (;;) {
    const st = statOrNull(p);
    if (st !== null) {
      if (!st.isDirectory()) throw new CliError('XF005', { path: shownAs, blocker: displayPath(p) });
      return;
    }
    const up = dirname(p);
    if (up === p) return;
    p = up;
  }
}

/** Checks one output file; returns its absolute path. Throws a CliError (nothing written). */
export function checkOutputFile(path: string, opts: WriteOptions = {}): string {
  const abs = resolve(path);
  const shown = displayPath(abs);
  if (/[/\\]$/.test(path)) throw new CliError('XF001', { path: shown });
  refusePseudo(abs);
  const st = statOrNull(abs);
  if (st !== null) {
    if (st.isDirectory()) throw new CliError('XF001', { path: shown });
    if (!st.isFile()) {
      const [kind, kindEn] = kindOf(st);
      throw new CliError('XF002', { path: shown, kind, kindEn });
    }
  }
  const real = st !== null ? realpathSync(abs) : abs;
  for (const name of new Set([basename(abs), basename(real)])) {
    if (POLICY_SOURCE.test(name)) throw new CliError('XF003', { path: shown, what: '政策源文件', whatEn: 'policy source' });
    if (CASE_FILE.test(name)) throw new CliError('XF003', { path: shown, what: '案例文件', whatEn: 'case file' });
  }
  if (st !== null) {
    for (const input of opts.inputs ?? []) {
      const ist = statOrNull(resolve(input));
      if (ist !== null && ist.dev === st.dev && ist.ino === st.ino) throw new CliError('XF004', { path: shown });
    }
  }
  checkFolderChain(dirname(abs), shown);
  return abs;
}

/** Checks an output folder (`compile -o`): refused when it, or an ancestor, is not a folder or
 * lies on /proc or /sys. Returns its absolute path. */
export function checkOutputFolder(path: string): string {
  const abs = resolve(path);
  refusePseudo(abs);
  checkFolderChain(abs, displayPath(abs));
  return abs;
}

/** Creates the missing folders of `dir`, one level at a time (a bounded loop, unlike Node's
 * recursive mkdir, which never ends on /proc). */
function makeFolders(dir: string, made: string[] = []): string[] {
  const missing: string[] = [];
  let p = dir;
  while (statOrNull(p) === null) {
    missing.push(p);
    const up = dirname(p);
    if (up === p) break;
    p = up;
  }
  for (const m of missing.reverse()) {
    try {
      mkdirSync(m);
      made.push(m);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return made;
}

function reason(e: unknown): string {
  const x = e as NodeJS.ErrnoException;
  return x?.code ? `${x.code}` : String((e as Error)?.message ?? e);
}

/** Writes every file, or none: each is checked, written to a temporary file beside it, and the
 * temporary files are renamed into place only when all have been written. */
export function writeFilesAtomic(files: { path: string; text: string }[], opts: WriteOptions = {}): string[] {
  const targets = files.map((f) => checkOutputFile(f.path, opts));
  const temps: string[] = [];
  const made: string[] = [];
  let current = targets[0] ?? '';
  try {
    targets.forEach((abs, i) => {
      current = abs;
      makeFolders(dirname(abs), made);
      const tmp = join(dirname(abs), `.${basename(abs)}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
      const fd = openSync(tmp, 'wx', 0o644);
      temps.push(tmp);
      try {
        writeSync(fd, files[i]!.text, null, 'utf8');
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    });
    targets.forEach((abs, i) => {
      current = abs;
      renameSync(temps[i]!, abs);
    });
  } catch (e) {
    for (const t of temps) {
      try {
        unlinkSync(t);
      } catch {
        /* already renamed or gone */
      }
    }
    for (const d of made.reverse()) {
      try {
        rmdirSync(d);
      } catch {
        /* not empty: something was renamed into it */
      }
    }
    if (e instanceof CliError) throw e;
    throw new CliError('XF006', { path: displayPath(current), reason: reason(e) });
  }
  return targets;
}

/** One file, atomically (see writeFilesAtomic). */
export function writeFileAtomic(path: string, text: string, opts: WriteOptions = {}): string {
  return writeFilesAtomic([{ path, text }], opts)[0]!;
}

/** A temporary path beside `abs` for a writer that is not ours (DuckDB's COPY), renamed into
 * place with `commitTemp` or removed with `discardTemp`. */
export function tempBeside(abs: string): string {
  makeFolders(dirname(abs));
  return join(dirname(abs), `.${basename(abs)}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
}

export function commitTemp(tmp: string, abs: string): void {
  try {
    renameSync(tmp, abs);
  } catch (e) {
    discardTemp(tmp);
    throw new CliError('XF006', { path: displayPath(abs), reason: reason(e) });
  }
}

export function discardTemp(tmp: string): void {
  try {
    unlinkSync(tmp);
  } catch {
    /* never written */
  }
}
