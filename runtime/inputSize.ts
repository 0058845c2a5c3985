// The size pre-scan of case input, run before the schema (runtime/validate.ts). ajv with
// allErrors builds one error object per unknown key and per bad list item, so an input with
// 100 000 of them cost seconds to minutes although only MAX_CASE_ERRORS are listed. This walk
// follows the generated schema (runtime/validate.ts conventions: $ref into $defs, allOf with
// one member, object properties with additionalProperties false, array items), counts unknown
// keys in one linear pass (and stops counting one by one once they cannot all be listed) and refuses an over-long list or text (XI015). When it finds more
// unknown keys than can be listed, or anything over a size limit, validation stops here: the
// first errors are listed and XI014 counts the rest it found; other errors of that input are
// not looked for (an unknown key named __proto__, constructor or prototype is listed as XI011).
// Otherwise it returns null and the forbidden-key scan and the schema run as before.
import { inputError, formatInputPath, type InputError } from './validate.ts';
import { FORBIDDEN_KEYS } from './fastCheck.ts';
import { MAX_CASE_ERRORS, MAX_DATA_DEPTH, MAX_LIST_ITEMS, MAX_TEXT_CHARS } from './limits.ts';

type Node = {
  $ref?: string;
  $defs?: Record<string, Node>;
  allOf?: Node[];
  type?: string | string[];
  properties?: Record<string, Node>;
  additionalProperties?: unknown;
  items?: Node;
};

interface Scan {
  defs: Record<string, Node>;
  errors: InputError[];
  /** errors found past the first MAX_CASE_ERRORS (only counted) */
  more: number;
  unknown: number;
  oversized: boolean;
  path: (string | number)[];
}

export function sizeErrors(schema: unknown, input: unknown): InputError[] | null {
  if (typeof schema !== 'object' || schema === null) return null;
  const root = schema as Node;
  const s: Scan = { defs: root.$defs ?? {}, errors: [], more: 0, unknown: 0, oversized: false, path: [] };
  walk(s, root, input);
  if (!s.oversized && s.unknown <= MAX_CASE_ERRORS) return null;
  if (s.more > 0) s.errors.push(inputError('XI014', '', { count: String(s.more), limit: String(MAX_CASE_ERRORS) }));
  return s.errors;
}

function add(s: Scan, make: () => InputError): void {
  if (s.errors.length < MAX_CASE_ERRORS) s.errors.push(make());
  else s.more++;
}

function resolve(s: Scan, n: Node | undefined): Node | undefined {
  for (let hops = 0; n !== undefined && hops < 8; hops++) {
    if (typeof n.$ref === 'string' && n.$ref.startsWith('#/$defs/')) n = s.defs[n.$ref.slice(8)];
    else if (Array.isArray(n.allOf) && n.allOf.length === 1) n = n.allOf[0];
    else return n;
  }
  return n;
}

function walk(s: Scan, node0: Node | undefined, v: unknown): void {
  if (typeof v === 'string') {
    // only where a text belongs: a text in place of a record is one XI002 from the schema
    if (v.length > MAX_TEXT_CHARS && takesText(resolve(s, node0))) {
      s.oversized = true;
      add(s, () => inputError('XI015', formatInputPath(s.path), { ...TEXT_RULE, count: String(v.length), limit: String(MAX_TEXT_CHARS) }));
    }
    return;
  }
  if (typeof v !== 'object' || v === null || s.path.length > MAX_DATA_DEPTH) return;
  const node = resolve(s, node0);
  if (node === undefined) return;
  if (Array.isArray(v)) {
    if (v.length > MAX_LIST_ITEMS) {
      s.oversized = true;
      add(s, () => inputError('XI015', formatInputPath(s.path), { ...LIST_RULE, count: String(v.length), limit: String(MAX_LIST_ITEMS) }));
      return;
    }
    if (node.items === undefined) return;
    for (let i = 0; i < v.length; i++) {
      s.path.push(i);
      walk(s, node.items, v[i]);
      s.path.pop();
    }
    return;
  }
  const props = node.properties;
  if (props === undefined) return;
  const closed = node.additionalProperties === false;
  const keys = Object.keys(v);
  const seenKnown: string[] = [];
  for (let n = 0; n < keys.length; n++) {
    const k = keys[n]!;
    if (Object.hasOwn(props, k)) {
      seenKnown.push(k);
      s.path.push(k);
      walk(s, props[k], (v as Record<string, unknown>)[k]);
      s.path.pop();
    } else if (closed) {
      if (s.unknown > MAX_CASE_ERRORS) {
        // validation stops anyway: count the rest of the keys as unknown except the declared
        // fields among them (at most as many as the record declares), which are still walked
        let rest = keys.length - n;
        for (const f of Object.keys(props)) {
          if (!Object.hasOwn(v, f) || seenKnown.includes(f)) continue;
          rest--;
          s.path.push(f);
          walk(s, props[f], (v as Record<string, unknown>)[f]);
          s.path.pop();
        }
        s.unknown += rest;
        s.more += rest;
        return;
      }
      s.unknown++;
      s.path.push(k);
      add(s, () =>
        FORBIDDEN_KEYS.has(k)
          ? inputError('XI011', formatInputPath(s.path), { key: k })
          : inputError('XI007', formatInputPath(s.path), { parent: formatInputPath(s.path.slice(0, -1)), known: Object.keys(props).join(', ') }),
      );
      s.path.pop();
    }
  }
}

function takesText(n: Node | undefined): boolean {
  if (n === undefined) return false;
  if (Array.isArray((n as { enum?: unknown }).enum)) return true;
  return n.type === 'string' || (Array.isArray(n.type) && n.type.includes('string'));
}

const LIST_RULE = { kindZh: '列表', kindEn: 'list', unitZh: '项', unitEn: 'items' };
const TEXT_RULE = { kindZh: '文本', kindEn: 'text', unitZh: '个字符', unitEn: 'characters' };
