// Keys of table rows and match arms: enum members (bare or qualified), ranges `五级..六级`
// expanded in declaration order, or integers. Reports XC032 (key of the wrong enum/kind),
// XC033 (reversed range), XC001 (unknown member).
import type { KeyPattern, Name, Span } from '../dsl/ast.ts';
import type { XType } from './ir.ts';
import { err, type Ctx } from './checkTypes.ts';
import { suggest } from './symbols.ts';
import { isUnknown, typeArgs } from './types.ts';

export interface ExpandedKey {
  key: string | number;
  span: Span;
}

function memberIndex(ctx: Ctx, enumName: string, name: Name, qualifier: Name | undefined, span: Span): number | undefined {
  const en = ctx.syms.enums.get(enumName)!;
  const shown = qualifier ? `${qualifier.text}.${name.text}` : name.text;
  if (qualifier && qualifier.text !== enumName) {
    err(ctx, 'XC032', span, { key: shown, expected: enumName, expectedEn: enumName });
    return undefined;
  }
  const i = en.index.get(name.text);
  if (i !== undefined) return i;
  if (ctx.syms.members.has(name.text)) {
    err(ctx, 'XC032', span, { key: shown, expected: enumName, expectedEn: enumName });
  } else {
    const s = suggest(name.text, en.members);
    err(ctx, 'XC001', name.span, { name: name.text, what: `${enumName} 的成员`, whatEn: `member of ${enumName}`, hintZh: s ? `是否想写“${s}”？` : '', hintEn: s ? `did you mean '${s}'?` : '' });
  }
  return undefined;
}

export function expandKeys(ctx: Ctx, keys: KeyPattern[], keyType: XType): ExpandedKey[] {
  const out: ExpandedKey[] = [];
  if (isUnknown(keyType)) return out;
  for (const k of keys) {
    if (keyType.kind === 'enum') {
      const en = ctx.syms.enums.get(keyType.name)!;
      if (k.kind === 'integer') {
        err(ctx, 'XC032', k.span, { key: k.value, expected: keyType.name, expectedEn: keyType.name });
      } else if (k.kind === 'member') {
        const i = memberIndex(ctx, keyType.name, k.name, k.qualifier, k.span);
        if (i !== undefined) out.push({ key: en.members[i], span: k.span });
      } else {
        const a = memberIndex(ctx, keyType.name, k.from, undefined, k.from.span);
        const b = memberIndex(ctx, keyType.name, k.to, undefined, k.to.span);
        if (a === undefined || b === undefined) continue;
        if (a > b) {
          err(ctx, 'XC033', k.span, { from: k.from.text, to: k.to.text });
          continue;
        }
        for (let i = a; i <= b; i++) out.push({ key: en.members[i], span: k.span });
      }
    } else if (keyType.kind === 'integer') {
      if (k.kind === 'integer') out.push({ key: Number(k.value), span: k.span });
      else {
        const shown = k.kind === 'member' ? k.name.text : `${k.from.text}..${k.to.text}`;
        err(ctx, 'XC032', k.span, { key: shown, ...typeArgs('expected', keyType) });
      }
    }
  }
  return out;
}
