// The built CLI's on-disk parse cache (cli/astCache.ts): a policy compiled from cached parse
// results gives exactly the diagnostics and the generated code of a fresh parse, and any change
// to the text, the path or the compiler build misses.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compilePolicy, diagnosticsToJson, emitBody, parseCaseSuite } from '../../compiler/index.ts';
import { clearParseCache, setParseStore, type ParseStore } from '../../compiler/parseCache.ts';
import { diskParseStore } from '../../cli/astCache.ts';
import { findCaseFiles, readPolicyFolder, siblingResolver } from '../../cli/io.ts';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'xize-ast-'));
const saved = process.env.XIZE_CACHE_DIR;
process.env.XIZE_CACHE_DIR = dir;
afterAll(() => {
  setParseStore(null);
  if (saved === undefined) delete process.env.XIZE_CACHE_DIR;
  else process.env.XIZE_CACHE_DIR = saved;
  rmSync(dir, { recursive: true, force: true });
});

function compileWith(store: ParseStore | null, folder: string) {
  clearParseCache();
  setParseStore(store);
  try {
    const abs = join(ROOT, 'provinces', folder);
    const r = compilePolicy({ files: readPolicyFolder(abs), resolve: siblingResolver(abs) });
    return { diagnostics: diagnosticsToJson(r.diagnostics, 0), body: r.ir ? emitBody(r.ir) : null };
  } finally {
    setParseStore(null);
  }
}

describe('on-disk parse cache', () => {
  it('gives the same diagnostics and code as a fresh parse, for every province', () => {
    for (const folder of ['national', 'guangdong', 'shenzhen', 'zhejiang']) {
      const fresh = compileWith(null, folder);
      const write = compileWith(diskParseStore('test-build'), folder); // misses, writes
      const read = compileWith(diskParseStore('test-build'), folder); // hits
      expect(write).toEqual(fresh);
      expect(read).toEqual(fresh);
      expect(fresh.body).not.toBeNull();
    }
    expect(readdirSync(join(dir, 'ast')).length).toBeGreaterThan(10);
  });

  it('misses on another text, path or build, and on a damaged entry', () => {
    const store = diskParseStore('test-build')!;
    const f = { path: 'a.xize', text: '政策 甲' };
    expect(store.get(f)).toBeUndefined();
    store.set(f, { ast: { path: 'a.xize', declarations: [] } as never, diagnostics: [] });
    expect(store.get(f)).toBeDefined();
    expect(store.get({ path: 'a.xize', text: '政策 乙' })).toBeUndefined();
    expect(store.get({ path: 'b.xize', text: f.text })).toBeUndefined();
    expect(diskParseStore('other-build')!.get(f)).toBeUndefined();
    for (const e of readdirSync(join(dir, 'ast'))) writeFileSync(join(dir, 'ast', e), '{"ast": ');
    expect(store.get(f)).toBeUndefined();
  });

  it('a parsed case file survives the JSON round trip unchanged (the case cache stores JSON)', () => {
    const files = findCaseFiles([join(ROOT, 'provinces')]);
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const suite = parseCaseSuite(readFileSync(f, 'utf8'), f);
      expect(JSON.parse(JSON.stringify(suite))).toStrictEqual(JSON.parse(JSON.stringify(suite, (_k, v) => v)));
      expect(JSON.parse(JSON.stringify(suite))).toEqual(suite);
    }
  });

  it('is off without a build id (tsx runs) and with XIZE_CACHE=0', () => {
    expect(diskParseStore(undefined)).toBeNull();
    process.env.XIZE_CACHE = '0';
    try {
      expect(diskParseStore('test-build')).toBeNull();
    } finally {
      delete process.env.XIZE_CACHE;
    }
  });
});
