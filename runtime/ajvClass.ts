// ajv, the engine of the full input validator (validate.ts), which runs only when the quick
// structural check does not accept an input. ES module hosts and bundlers get it by this static
// import (a bundler must see it to include it; an ES module cannot require synchronously). The
// CommonJS builds — dist/cjs/runtime.cjs and the CLI bundle — swap in ajvClass.lazy.ts
// (scripts/build.mjs), which loads ajv on first use: loading it costs a cold start about 60 ms.
import Ajv from 'ajv';

export type AjvClass = typeof Ajv;

export function ajvClass(): AjvClass {
  return Ajv;
}
