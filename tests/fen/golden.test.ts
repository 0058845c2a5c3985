// Every golden case on both paths: engine 'verify' evaluates the case on the fen path (where the
// compiler proved it exact and the case is in range) and on the decimal path and reports XR012
// when they disagree; engine 'decimal' must pass every case by itself. `xize test` runs the
// default engine ('auto', fen where provable), so the three together exercise both paths.
import { describe, expect, it } from 'vitest';
import { compileFolder } from '../../cli/policy.ts';
import { findCaseFiles, findPolicyFolder, policyFolderOfCaseFile, policyNameOf, readText } from '../../cli/io.ts';
import { parseCaseSuite } from '../../compiler/cases/parse.ts';
import { runGoldenCase, outputsFor, compareOutcome } from '../../compiler/cases/compare.ts';
import { fenStats } from '../../runtime/fenEval.ts';

const suites = findCaseFiles(['provinces']).map((file) => {
  const suite = parseCaseSuite(readText(file), file);
  let dir: string | undefined = policyFolderOfCaseFile(file);
  if (suite.policy !== undefined && policyNameOf(dir) !== suite.policy) dir = findPolicyFolder(dir, suite.policy);
  return { file, suite, dir: dir! };
});
const compiled = new Map<string, ReturnType<typeof compileFolder>>();
const folder = (dir: string) => {
  let c = compiled.get(dir);
  if (c === undefined) compiled.set(dir, (c = compileFolder(dir)));
  return c;
};

describe('golden cases on both paths', () => {
  it('the fen and decimal paths agree on every golden case, and the fen path answers many of them', () => {
    const before = fenStats.answered;
    let cases = 0;
    const disagreements: string[] = [];
    for (const { suite, dir } of suites) {
      const cf = folder(dir);
      for (const c of suite.cases) {
        cases++;
        const outputs = outputsFor(c, cf.result.ir!);
        const o = cf.policy!.evaluate(c.input, { asOf: c.asOf, parameters: c.parameters, outputs, engine: 'verify' });
        for (const e of o.errors) if (e.code === 'XR012' && /disagree/.test(e.message.en)) disagreements.push(`${c.id}: ${e.message.en}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(cases).toBeGreaterThan(300);
    // the share the fen path takes is a property of the policies; a sudden drop means a regression
    console.log(`fen path answered ${fenStats.answered - before} of ${cases} golden cases`);
    expect(fenStats.answered - before).toBeGreaterThan(200);
  });

  it('every golden case passes on the decimal path alone', () => {
    const failed: string[] = [];
    for (const { suite, dir } of suites) {
      const cf = folder(dir);
      for (const c of suite.cases) {
        const outputs = outputsFor(c, cf.result.ir!);
        const o = cf.policy!.evaluate(c.input, { asOf: c.asOf, parameters: c.parameters, outputs, engine: 'decimal' });
        if (!compareOutcome(c, o, cf.result.ir!).pass) failed.push(c.id);
      }
    }
    expect(failed).toEqual([]);
  });

  it('every golden case passes on the default engine', () => {
    const failed: string[] = [];
    for (const { suite, dir } of suites) {
      const cf = folder(dir);
      for (const c of suite.cases) if (!runGoldenCase(cf.policy!, cf.result.ir!, c).result.pass) failed.push(c.id);
    }
    expect(failed).toEqual([]);
  });
});
