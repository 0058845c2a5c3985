// The compile engine behind the worker (and the latency benchmark): the very compiler and
// runtime the CLI uses. Keeps the last good compiled policy so a policy with errors still
// previews (marked stale). No DOM, no Node API.
import { compilePolicy, tryLoadPolicy } from '../../compiler/index.ts';
import { compareOutcome } from '../../compiler/cases.ts';
import { diffPolicies } from '../../compiler/diff.ts';
import type { IrPolicy } from '../../compiler/ir.ts';
import type { Outcome } from '../../runtime/outcome.ts';
import type { SourceFile } from '../../dsl/ast.ts';
import type { LoadedPolicy } from '../../runtime/outcome.ts';
import { groupFolders, makeResolver } from './policyset.ts';
import { buildSymbols } from './symbols.ts';
import { explainRule, type RuleExplanation } from '../../compiler/explain.ts';
import { renderCalcSheet } from '../../compiler/render/calcSheet.ts';
import { formatValue } from '../../runtime/format.ts';
import { walkTrace } from '../../runtime/trace.ts';
import type { CaseData, ChangeEntry, ChangesInfo, RunRequest, RunResponse, SymbolInfo } from './protocol.ts';

interface Compiled {
  key: string;
  policy: LoadedPolicy | null;
  ir?: IrPolicy;
  diagnostics: RunResponse['diagnostics'];
  symbols: SymbolInfo[];
  failure?: string;
}

const lastGood = new Map<string, Compiled>(); // folder -> last error-free compile of the edited files
const current = new Map<string, Compiled>(); // folder -> latest compile of the edited files
const originals = new Map<string, Compiled>(); // folder -> compile of the files as loaded
let originalFiles: SourceFile[] = [];
let originalOutcome: { key: string; outcome: unknown } | null = null; // the as-loaded side only changes with the case
const lastDiff = new Map<string, { key: string; changes: ChangeEntry[] }>(); // folder -> diff of the last good pair

/** Where a changed declaration is written: the version in force from `since` in the last layer
 *  that has one (the line of `自 日期: 值`), else the declaration itself. */
function locate(ir: IrPolicy, kind: string, name: string, since: string | null | undefined): { file?: string; line?: number } {
  type Decl = { name: string; span: { file: string; start: { line: number } }; layers?: { versions: { from: string | null; span: { file: string; start: { line: number } } }[] }[] };
  const lists: Record<string, Decl[] | undefined> = {
    enum: ir.enums, record: ir.records, input: ir.inputs, param: ir.params, table: ir.tables, bands: ir.bands, rule: ir.rules, check: ir.checks,
  } as unknown as Record<string, Decl[] | undefined>;
  const d = lists[kind]?.find((x) => x.name === name);
  if (!d) return {};
  let span = d.span;
  if (since !== undefined && d.layers)
    for (const l of d.layers) for (const v of l.versions) if (v.from === since) span = v.span;
  return span ? { file: span.file, line: span.start.line } : {};
}

/** diffPolicies(as loaded, edited) when both compiled without errors; else the last one, stale.
 *  Cached by the pair of compiles, so an edit that does not recompile costs nothing. */
function changes(folder: string, orig: Compiled | undefined, cur: Compiled): ChangesInfo | null {
  const prev = lastDiff.get(folder);
  if (!orig?.policy || !orig.ir || !cur.policy || !cur.ir) return prev ? { stale: !cur.policy, changes: prev.changes } : null;
  const key = orig.key + '\u0002' + cur.key;
  if (prev?.key === key) return { stale: false, changes: prev.changes };
  const oldIr = orig.ir;
  const newIr = cur.ir;
  const list: ChangeEntry[] = diffPolicies(oldIr, newIr).changes.map((c) => ({
    ...c,
    ...locate(c.status === 'removed' ? oldIr : newIr, c.kind, c.name, c.since),
  }));
  lastDiff.set(folder, { key, changes: list });
  return { stale: false, changes: list };
}

function compileFolder(folder: string, files: SourceFile[]): Compiled {
  const key = files.map((f) => f.path + '\0' + f.text).join('\u0001');
  const folders = groupFolders(Object.fromEntries(files.map((f) => [f.path, f.text])), {});
  const own = folders.find((f) => f.folder === folder)?.files ?? [];
  try {
    const result = compilePolicy({ files: own, resolve: makeResolver(folders) });
    const hasError = result.diagnostics.some((d: { severity: string }) => d.severity === 'error');
    // the preview always explains, and explain runs on the decimal path: skip generating the fen path
    const loaded = result.ir && !hasError ? tryLoadPolicy(result.ir, { fen: false }) : null;
    const policy = loaded?.policy ?? null;
    if (loaded?.diagnostics.length) result.diagnostics.push(...loaded.diagnostics); // XG…: shown as markers
    return {
      key,
      policy,
      ir: result.ir,
      diagnostics: result.diagnostics,
      symbols: result.ir ? buildSymbols(result.ir, files) : [],
    };
  } catch (e) {
    return { key, policy: null, diagnostics: [], symbols: [], failure: String((e as Error)?.stack ?? e) };
  }
}

function evaluate(policy: LoadedPolicy | null | undefined, c: CaseData | null): unknown {
  if (!policy || !c) return null;
  try {
    return policy.evaluate(c.input as Record<string, unknown>, { asOf: c.asOf, parameters: c.parameters, explain: true });
  } catch (e) {
    return { failure: String((e as Error)?.message ?? e) };
  }
}

export function run(req: RunRequest): RunResponse {
  if (req.originalFiles) {
    originalFiles = req.originalFiles;
    originals.clear();
    originalOutcome = null;
    lastDiff.clear();
  }
  const t0 = performance.now();
  const key = req.files.map((f) => f.path + '\0' + f.text).join('\u0001');
  let cur = current.get(req.folder);
  if (!cur || cur.key !== key) {
    cur = compileFolder(req.folder, req.files);
    current.set(req.folder, cur);
    if (cur.policy) lastGood.set(req.folder, cur);
  }
  let orig = originals.get(req.folder);
  if (!orig && originalFiles.length) {
    orig = compileFolder(req.folder, originalFiles);
    originals.set(req.folder, orig);
  }
  const t1 = performance.now();
  const good = cur.policy ? cur : lastGood.get(req.folder);
  const edited = evaluate(good?.policy, req.case);
  const origCase = req.case && { ...req.case, parameters: req.case.baseParameters ?? req.case.parameters };
  const origKey = req.folder + '\0' + JSON.stringify(origCase);
  if (originalOutcome?.key !== origKey) originalOutcome = { key: origKey, outcome: evaluate(orig?.policy, origCase) };
  const original = originalOutcome.outcome;
  let result: RunResponse['result'] = null;
  const out = edited as (Outcome & { failure?: string }) | null;
  if (req.golden && req.case && out && !out.failure && good?.ir)
    try {
      result = compareOutcome({ ...req.golden, input: req.case.input as Record<string, unknown>, asOf: req.case.asOf }, out, good.ir);
    } catch (e) {
      result = null;
    }
  const explained = explainAll(good?.ir, out, req, result);
  const t2 = performance.now();
  const diff = changes(req.folder, orig, cur);
  const t3 = performance.now();
  return {
    seq: req.seq,
    folder: req.folder,
    ok: !!cur.policy,
    stale: !cur.policy && !!good,
    diagnostics: cur.diagnostics,
    symbols: cur.symbols.length ? cur.symbols : (good?.symbols ?? []),
    inputSchema: good?.policy?.inputSchema ?? null,
    edited,
    original,
    result,
    failure: cur.failure,
    changes: diff,
    ...explained,
    ms: { compile: t1 - t0, evaluate: t2 - t1, diff: t3 - t2 },
  };
}


/** The computation of every traced rule (formula, values, branch, layer), typed input values,
 *  and the printable calculation sheet of the outputs the case asks for. */
function explainAll(ir: IrPolicy | undefined, o: (Outcome & { failure?: string }) | null, req: RunRequest, result: RunResponse['result']): Pick<RunResponse, 'explained' | 'inputDisplay' | 'sheet'> {
  if (!ir || !o || o.failure || !o.trace || !req.case) return {};
  const input = req.case.input as Record<string, unknown>;
  const explained: Record<string, RuleExplanation> = {};
  const inputDisplay: Record<string, string> = {};
  const types = new Map(ir.inputs.map((f) => [f.name, f.type]));
  for (const root of Object.values(o.trace))
    walkTrace(root, (n) => {
      if (n.kind === 'rule' && !n.args?.length && !explained[n.name]) {
        const x = explainRule(ir, n, o.asOf, input);
        if (x) explained[n.name] = x;
      } else if (n.kind === 'input' && !n.missing) inputDisplay[n.path] = formatValue(types.get(n.path.split('.')[0]!), n.value);
    });
  const asked = Object.keys(req.golden?.expected ?? {}).filter((n) => o.outputs[n] !== undefined || o.unavailable[n] !== undefined);
  const g = req.golden;
  const sheet = renderCalcSheet({
    ir,
    outcome: o,
    input,
    ...(asked.length ? { outputs: asked } : {}),
    ...(result ? { result } : {}),
    ...(g ? { caseId: g.id, ...(g.title ? { caseTitle: g.title } : {}), ...(g.cite ? { caseCite: g.cite } : {}) } : {}),
  });
  return { explained, inputDisplay, sheet };
}
