// The first evaluate after loading a policy: compile + load the national baseline in a fresh
// process, then time the first `evaluate` (validation, parameter conversion, the fen path's
// caches all cold) and the second. Median over `--runs` fresh processes is taken by running
// this script repeatedly, or read the single figure.
//
// What counts where:
//   compile         compilePolicy on the national files, parse cache cleared (not part of either);
//   load            loadPolicy: code generation (decimal and fen bodies) + `new Function` + running
//                   the body once (building the rule closures, the input schema object);
//   first evaluate  the first `evaluate` of a valid case with the bench's four outputs: the quick
//                   structural check, converting this as-of period's parameters (cached per
//                   policy and date afterwards), the fen path's first run (V8 compiles the
//                   closures lazily on first call — that cost is here, not in load);
//   second          another valid case, same date: the steady per-case cost;
//   every output    the first evaluate asking for all outputs (rules not yet run compile now);
//   first invalid   the first input the quick check rejects: ajv is loaded (lazily, CommonJS
//                   builds) and the schema compiled only then, so a valid first case never pays it.
//
//   node --import tsx bench/first-evaluate.ts
import { compileNational } from './loadNational.ts';
import { AS_OF, OUTPUTS, toNationalCase } from './nationalAdapter.ts';
import { generateCases } from './cases.ts';

const [a, b] = generateCases(2, 99).map(toNationalCase);
const { policy, compileMs, loadMs } = compileNational();
let t = performance.now();
const o1 = policy.evaluate(a!.input, { asOf: AS_OF, parameters: a!.parameters, outputs: OUTPUTS });
const first = performance.now() - t;
t = performance.now();
policy.evaluate(b!.input, { asOf: AS_OF, parameters: b!.parameters, outputs: OUTPUTS });
const second = performance.now() - t;
t = performance.now();
const o3 = policy.evaluate(a!.input, { asOf: AS_OF, parameters: a!.parameters });
const allOutputs = performance.now() - t;
t = performance.now();
policy.evaluate({ 受伤日期: 'not a date' }, { asOf: AS_OF });
const firstInvalid = performance.now() - t;
console.log(
  `compile ${compileMs.toFixed(1)} ms, load ${loadMs.toFixed(1)} ms; first evaluate ${first.toFixed(2)} ms (ok: ${o1.ok}), second ${second.toFixed(3)} ms, ` +
    `first with every output ${allOutputs.toFixed(2)} ms (${Object.keys(o3.outputs).length} outputs), first invalid input (ajv compiled then) ${firstInvalid.toFixed(1)} ms`,
);
