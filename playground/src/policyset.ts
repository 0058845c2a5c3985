// The policies the playground knows: folders of .xize files (+ *.cases.yaml suites), bundled at
// build time. No DOM here: the worker uses the same grouping to resolve `继承`/`extends`.
import type { SourceFile } from '../../dsl/ast.ts';

export interface PolicyFolder {
  folder: string; // e.g. "provinces/national"
  name: string; // the header's policy name (e.g. 全国), or the folder name if none found
  title?: string;
  extends?: string;
  files: SourceFile[]; // .xize files, sorted (header file first)
  suites: SourceFile[]; // *.cases.yaml
}

const stripComments = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');

type Header = { name: string; title?: string; extends?: string } | null;
// the worker regroups every file on each compile; only the edited text is new
const headers = new Map<string, Header>();

/** Header facts read with a regex: enough to group and resolve before the parser runs. */
export function readHeader(text: string): Header {
  const hit = headers.get(text);
  if (hit !== undefined) return hit;
  const h = scanHeader(text);
  headers.set(text, h);
  if (headers.size > 128) headers.delete(headers.keys().next().value as string);
  return h;
}

function scanHeader(text: string): Header {
  const src = stripComments(text);
  const m = /(?:^|\s)(?:政策|policy)\s+([^\s"“”:：,，(){}[\]]+)/u.exec(src);
  if (!m) return null;
  const rest = src.slice(m.index + m[0].length, m.index + m[0].length + 400);
  const title = /^\s*(?:标题|title)\s*["“]([^"”]*)["”]/u.exec(rest.replace(/\s*(?:继承|extends)\s+\S+/u, ''));
  const ext = /(?:继承|extends)\s+([^\s"“”]+)/u.exec(rest.split('\n')[0] ?? '');
  return { name: m[1], title: title?.[1], extends: ext?.[1] };
}

/** Group raw files (path -> text) into policy folders. Paths are repo-relative. */
export function groupFolders(xize: Record<string, string>, cases: Record<string, string>): PolicyFolder[] {
  const byFolder = new Map<string, PolicyFolder>();
  const folderOf = (p: string) => {
    const parts = p.split('/');
    parts.pop();
    if (parts[parts.length - 1] === 'cases') parts.pop();
    return parts.join('/');
  };
  for (const [path, text] of Object.entries(xize)) {
    const folder = folderOf(path);
    let f = byFolder.get(folder);
    if (!f) byFolder.set(folder, (f = { folder, name: folder.split('/').pop()!, files: [], suites: [] }));
    f.files.push({ path, text });
    const h = readHeader(text);
    if (h) Object.assign(f, { name: h.name, title: h.title, extends: h.extends });
  }
  for (const [path, text] of Object.entries(cases)) byFolder.get(folderOf(path))?.suites.push({ path, text });
  const out = [...byFolder.values()];
  for (const f of out) {
    f.files.sort((a, b) => Number(!!readHeader(b.text)) - Number(!!readHeader(a.text)) || a.path.localeCompare(b.path));
    f.suites.sort((a, b) => a.path.localeCompare(b.path));
  }
  // real policies before the playground's fixtures, baselines (no extends) first, then by folder
  const fixture = (f: PolicyFolder) => Number(f.folder.startsWith('playground/'));
  return out.sort(
    (a, b) => fixture(a) - fixture(b) || Number(!!a.extends) - Number(!!b.extends) || a.folder.localeCompare(b.folder),
  );
}

/** `继承` resolver over a set of folders: name -> that policy's files. */
export function makeResolver(folders: PolicyFolder[]) {
  return (name: string): SourceFile[] | undefined =>
    folders.find((f) => f.name === name || f.folder.split('/').pop() === name)?.files;
}

/** A policy folder and its ancestors along `继承`, the folder itself first (cycles cut). */
export function chainOf(folders: PolicyFolder[], f: PolicyFolder): PolicyFolder[] {
  const out = [f];
  for (let p = f; p.extends; ) {
    const parent = folders.find((x) => x.name === p.extends);
    if (!parent || out.includes(parent)) break;
    out.push((p = parent));
  }
  return out;
}
