// ajvClass.ts for the CommonJS builds (scripts/build.mjs swaps it in): ajv is required on first
// use, so a host whose inputs pass the quick structural check never loads it.
import type { AjvClass } from './ajvClass.ts';

let loaded: AjvClass | undefined;

export function ajvClass(): AjvClass {
  if (loaded === undefined) {
    const m = require('ajv') as AjvClass & { default?: AjvClass };
    loaded = m.default ?? m;
  }
  return loaded;
}
