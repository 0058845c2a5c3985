// Profile of one mutant's stages (not part of the suite): `tsx tests/fuzz/profile.ts [count]`.
import { parseFileCached } from '../../compiler/parseCache.ts';
import { resolveChain } from '../../compiler/resolve.ts';
import { checkChain } from '../../compiler/check.ts';
import { emitBody, loadBody } from '../../compiler/index.ts';
import { corpus, corpusResolver, pinCorpusParses } from './corpus.ts';
import { mutantJob } from './generate.ts';
import { checkDiagnostics } from './oracle.ts';
import type { Diagnostic } from '../../dsl/diagnostic.ts';
import type { SourceFile } from '../../dsl/ast.ts';

const count = Number(process.argv[2] ?? 100);
const t: Record<string, number> = { mutate: 0, resolve: 0, check: 0, oracle: 0, emit: 0, load: 0, evaluate: 0 };
const n: Record<string, number> = { errors: 0, clean: 0 };
const now = () => performance.now();
corpus();
if (!process.env.NOPIN) pinCorpusParses();
const slow: string[] = [];
for (let i = 0; i < count; i++) {
  const m0 = now();
  let s = now();
  const job = mutantJob(1, i);
  t.mutate += now() - s;
  s = now();
  const diags: Diagnostic[] = [];
  const sources = new Map<string, SourceFile>();
  const chain = resolveChain(job.mutant.files, corpusResolver(), parseFileCached, diags, sources);
  t.resolve += now() - s;
  s = now();
  let ir;
  try { ir = checkChain(chain, diags); } catch { /* */ }
  t.check += now() - s;
  s = now();
  checkDiagnostics(diags, sources);
  t.oracle += now() - s;
  if (!ir || diags.some((d) => d.severity === 'error')) { n.errors++; if (now() - m0 > 50) slow.push(`${i} ${(now() - m0).toFixed(0)}ms E ${job.policy.name} ${job.mutant.ops.join('+')}`); continue; }
  n.clean++;
  s = now();
  let body;
  try { body = emitBody(ir, {}); } catch { continue; }
  t.emit += now() - s;
  s = now();
  const p = loadBody(body);
  t.load += now() - s;
  s = now();
  for (const c of job.cases) p.evaluate(c.input, { asOf: c.asOf, parameters: c.parameters ?? {}, engine: 'verify' });
  t.evaluate += now() - s;
  if (now() - m0 > 50) slow.push(`${i} ${(now() - m0).toFixed(0)}ms ${job.policy.name} ${job.mutant.ops.join('+')}`);
}
console.log(slow.join('\n'));
console.log(n, Object.fromEntries(Object.entries(t).map(([k, v]) => [k, +(v / count).toFixed(2)])));
