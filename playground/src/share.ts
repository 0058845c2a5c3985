// Share links and autosave. State = which policy, the edited files (only those differing from
// the loaded text), the case. Links are deflate-raw compressed JSON in base64url in the hash.

export interface SavedState {
  v: 1;
  policy: string;
  /** path -> edited text (only files that differ from the loaded text) */
  files: Record<string, string>;
  caseId: string | null;
  /** edited case data (null = the golden case as is) */
  input: unknown;
  asOf: string | null;
  parameters: Record<string, string>;
  /** the file open in the editor */
  active?: string;
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export async function encodeState(state: SavedState): Promise<string> {
  const raw = new TextEncoder().encode(JSON.stringify(state));
  return toBase64Url(await pipe(raw, new CompressionStream('deflate-raw')));
}

export async function decodeState(text: string): Promise<SavedState | null> {
  try {
    const raw = await pipe(fromBase64Url(text), new DecompressionStream('deflate-raw'));
    const s = JSON.parse(new TextDecoder().decode(raw)) as SavedState;
    return s && s.v === 1 && typeof s.policy === 'string' ? s : null;
  } catch {
    return null;
  }
}

export async function shareUrl(state: SavedState): Promise<string> {
  const u = new URL(location.href);
  u.hash = 's=' + (await encodeState(state));
  return u.toString();
}

export async function stateFromHash(): Promise<SavedState | null> {
  const m = /^#s=([A-Za-z0-9_-]+)/.exec(location.hash);
  return m ? decodeState(m[1]) : null;
}

const KEY = 'xize-playground-v1';

export function autosave(state: SavedState): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    /* quota: ignore */
  }
}

export function restoreAutosave(): SavedState | null {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) ?? 'null') as SavedState | null;
    return s && s.v === 1 ? s : null;
  } catch {
    return null;
  }
}

const CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip (stored, no compression) of the given text files: one download for a whole policy. */
export function zipFiles(files: { path: string; text: string }[]): Blob {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const name = enc.encode(f.path);
    const data = enc.encode(f.text);
    const crc = crc32(data);
    const head = new DataView(new ArrayBuffer(30));
    head.setUint32(0, 0x04034b50, true);
    head.setUint16(4, 20, true);
    head.setUint16(6, 0x0800, true); // UTF-8 names
    head.setUint32(14, crc, true);
    head.setUint32(18, data.length, true);
    head.setUint32(22, data.length, true);
    head.setUint16(26, name.length, true);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(8, 0x0800, true);
    cd.setUint32(16, crc, true);
    cd.setUint32(20, data.length, true);
    cd.setUint32(24, data.length, true);
    cd.setUint16(28, name.length, true);
    cd.setUint32(42, offset, true);
    parts.push(new Uint8Array(head.buffer), name, data);
    central.push(new Uint8Array(cd.buffer), name);
    offset += 30 + name.length + data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  return new Blob([...parts, ...central, new Uint8Array(end.buffer)] as BlobPart[], { type: 'application/zip' });
}

/** Download the edited files: one file as itself, several as one zip. */
export function downloadFiles(files: { path: string; text: string }[], zipName: string): void {
  const blob =
    files.length === 1 ? new Blob([files[0].text], { type: 'text/plain;charset=utf-8' }) : zipFiles(files);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = files.length === 1 ? (files[0].path.split('/').pop() ?? 'policy.xize') : zipName;
  a.dataset.testid = 'download-link';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
