// File-system side of the CLI: reading policy folders, the sibling-folder resolver, case-file
// discovery (writes: safeWrite.ts). (dsl/, compiler/ and runtime/ never touch the file system.)
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { SourceFile } from '../dsl/ast.ts';
import { parseFileCached } from '../compiler/parseCache.ts';
import type { PolicyResolver } from '../compiler/index.ts';
import { InputFileError } from './args.ts';

/** Paths shown to the user and used as span file names: relative to the working directory. */
export function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return (r === '' ? '.' : r.startsWith('..') ? p : r).split(sep).join('/');
}

export function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A text file's contents; anything but a regular file (a folder, a FIFO that would block, a
 * device) is refused before it is opened. */
export function readText(path: string): string {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw new InputFileError(`无法读取文件 ${displayPath(path)}：${(e as Error).message}`, `cannot read file ${displayPath(path)}: ${(e as Error).message}`);
  }
  if (!st.isFile()) {
    const what = st.isDirectory() ? ['是文件夹', 'is a folder'] : ['不是普通文件', 'is not a regular file'];
    throw new InputFileError(`无法读取文件 ${displayPath(path)}：${what[0]}`, `cannot read file ${displayPath(path)}: it ${what[1]}`);
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputFileError(`无法读取文件 ${displayPath(path)}：${(e as Error).message}`, `cannot read file ${displayPath(path)}: ${(e as Error).message}`);
  }
}

/** The .xize files of a policy folder (sorted), as SourceFiles with display paths. */
export function readPolicyFolder(dir: string): SourceFile[] {
  const abs = resolve(dir);
  if (!isDir(abs)) throw new InputFileError(`找不到政策文件夹 ${displayPath(abs)}`, `policy folder not found: ${displayPath(abs)}`);
  let names: string[];
  try {
    names = readdirSync(abs);
  } catch (e) {
    throw new InputFileError(`无法读取文件夹 ${displayPath(abs)}：${(e as Error).message}`, `cannot read folder ${displayPath(abs)}: ${(e as Error).message}`);
  }
  const files = names
    .filter((f) => f.endsWith('.xize'))
    .sort()
    .filter((f) => !isDir(join(abs, f)))
    .map((f) => ({ path: displayPath(join(abs, f)), text: readText(join(abs, f)) }));
  if (files.length === 0) {
    throw new InputFileError(`文件夹 ${displayPath(abs)} 中没有 .xize 文件`, `no .xize files in ${displayPath(abs)}`);
  }
  return files;
}

const headerCache = new Map<string, string | null>();

/** The policy name declared by the header of a folder's files, or null. */
export function policyNameOf(dir: string): string | null {
  const abs = resolve(dir);
  const cached = headerCache.get(abs);
  if (cached !== undefined) return cached;
  let name: string | null = null;
  try {
    for (const f of readdirSync(abs).filter((x) => x.endsWith('.xize')).sort()) {
      const text = readFileSync(join(abs, f), 'utf8');
      if (!/(政策|policy)/.test(text)) continue;
      const { ast } = parseFileCached({ path: displayPath(join(abs, f)), text }); // the same key the compile uses
      const h = ast.declarations.find((d) => d.kind === 'header');
      if (h && h.kind === 'header') {
        name = h.name.text;
        break;
      }
    }
  } catch {
    name = null;
  }
  headerCache.set(abs, name);
  return name;
}

/** How many folders up the resolver climbs from a policy folder (a city → its province → the
 * baseline beside the province needs two). */
const RESOLVE_LEVELS = 3;

/** The folder among `dir` itself and its subfolders whose header declares `name`. */
function findAmong(dir: string, name: string, self: boolean): string | undefined {
  if (self && policyNameOf(dir) === name) return dir;
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return undefined;
  }
  for (const e of entries) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    const d = join(dir, e);
    if (isDir(d) && policyNameOf(d) === name) return d;
  }
  return undefined;
}

/** Folder of the policy named `name`: among the sibling folders of `policyDir` (incl. itself);
 * else the enclosing folder (a city folder nested in its province's folder,
 * `provinces/jiangsu/nanjing/` → `provinces/jiangsu/`) and its siblings, a few levels up. */
export function findPolicyFolder(policyDir: string, name: string): string | undefined {
  let dir = resolve(policyDir);
  for (let level = 0; level < RESOLVE_LEVELS; level++) {
    const up = dirname(dir);
    if (up === dir) return undefined;
    const hit = findAmong(up, name, level > 0);
    if (hit !== undefined) return hit;
    dir = up;
  }
  return undefined;
}

/** The CLI resolver: a parent policy is the sibling folder whose header declares that name. */
export function siblingResolver(policyDir: string): PolicyResolver {
  return (name: string) => {
    const d = findPolicyFolder(policyDir, name);
    if (d === undefined) return undefined;
    try {
      return readPolicyFolder(d);
    } catch {
      return undefined;
    }
  };
}

/** *.cases.yaml (and .cases.yml / .cases.json) files under the given paths, sorted, each once.
 * Folders are walked by their real path (symbolic links resolved): a folder already walked — a
 * link back to an ancestor (`cases/x -> ..`), two links to one folder — is not walked again, so
 * link cycles end, and a case file reached by several names is reported once (under its real
 * path when that is one of them, else the first). */
export function findCaseFiles(paths: string[]): string[] {
  const out = new Map<string, string>(); // real path → the path it was first found under
  const walked = new Set<string>();
  const add = (p: string) => {
    const real = realOf(p);
    if (!out.has(real) || resolve(p) === real) out.set(real, resolve(p)); // its own name wins over a link's
  };
  const walk = (dir: string, depth: number) => {
    const real = realOf(dir);
    if (walked.has(real) || depth > MAX_WALK_DEPTH) return;
    walked.add(real);
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (e) {
      throw new InputFileError(`无法读取文件夹 ${displayPath(dir)}：${errText(e)}`, `cannot read folder ${displayPath(dir)}: ${errText(e)}`);
    }
    for (const e of entries) {
      if (e === 'node_modules' || e.startsWith('.')) continue;
      const q = join(dir, e);
      if (isDir(q)) walk(q, depth + 1);
      else if (/\.cases\.(ya?ml|json)$/i.test(e) && isFile(q)) add(q);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new InputFileError(`找不到路径 ${displayPath(resolve(p))}`, `path not found: ${displayPath(resolve(p))}`);
    }
    if (st.isDirectory()) walk(resolve(p), 0);
    else if (st.isFile()) add(p);
    else throw new InputFileError(`${displayPath(resolve(p))} 不是文件或文件夹`, `${displayPath(resolve(p))} is neither a file nor a folder`);
  }
  return [...out.values()].sort();
}

/** Folders below a path that `findCaseFiles` descends into at most (a real tree is 3–4 deep). */
const MAX_WALK_DEPTH = 32;

function realOf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The reason of a failed file operation: its code and message, without a stack. */
export function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The policy folder a case file belongs to: its folder, or the parent of a `cases/` folder. */
export function policyFolderOfCaseFile(file: string): string {
  const d = dirname(resolve(file));
  return basename(d) === 'cases' && !hasXize(d) ? dirname(d) : d;
}

function hasXize(d: string): boolean {
  try {
    return readdirSync(d).some((f) => f.endsWith('.xize'));
  } catch {
    return false;
  }
}
