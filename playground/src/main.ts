// The playground page: wires the editor, the compile worker and the panels together.
import './styles.css';
import { monaco, createEditor, modelFor, existingModel, pathOfModel } from './editor/editor.ts';
import { setMarkers } from './editor/markers.ts';
import { registerCompletion } from './editor/completion.ts';
import { registerHover } from './editor/hover.ts';
import { registerFolding } from './editor/folding.ts';
import { chainOf, groupFolders, type PolicyFolder } from './policyset.ts';
import { loadSuites, type GoldenCase } from './cases.ts';
import { store } from './store.ts';
import { t, setLang, getLang, onLang } from './i18n.ts';
import { autosave, restoreAutosave, stateFromHash, shareUrl, downloadFiles, type SavedState } from './share.ts';
import type { RunRequest, RunResponse } from './protocol.ts';
import { goldenYaml } from './golden.ts';
import type { Outcome } from '../../runtime/outcome.ts';
import type { Diagnostic } from '../../dsl/diagnostic.ts';
import { h, clear } from './ui/dom.ts';
import { renderProblems, type CaseProblem } from './ui/problems.ts';
import { openHelp, resetHelp } from './ui/help.ts';
import { renderTabs } from './ui/tabs.ts';
import { renderOutputs } from './ui/outputs.ts';
import { renderParams } from './ui/params.ts';
import { renderChanges } from './ui/changes.ts';
import { traceValues, setExplainInfo, type ExplainInfo } from './ui/trace.ts';
import { CaseForm, type InputError } from './ui/caseForm.ts';

// ---------- the policies, bundled at build time ----------
const norm = (p: string) => p.replace(/^(\.\.\/)+/, '').replace(/^fixtures\//, 'playground/fixtures/');
const rel = (m: Record<string, unknown>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [norm(k), String(v)]));
const provXize = rel(import.meta.glob('../../provinces/**/*.xize', { query: '?raw', import: 'default', eager: true }));
const provCases = rel(import.meta.glob('../../provinces/**/*.cases.yaml', { query: '?raw', import: 'default', eager: true }));
const fixXize = rel(import.meta.glob('../fixtures/**/*.xize', { query: '?raw', import: 'default', eager: true }));
const fixCases = rel(import.meta.glob('../fixtures/**/*.cases.yaml', { query: '?raw', import: 'default', eager: true }));
const useFixtures = new URLSearchParams(location.search).has('fixtures') || Object.keys(provXize).length === 0;
const originalText: Record<string, string> = useFixtures ? { ...provXize, ...fixXize } : provXize;
const folders: PolicyFolder[] = groupFolders(originalText, useFixtures ? { ...provCases, ...fixCases } : provCases);
const edited = new Map<string, string>(Object.entries(originalText));

// ---------- page state ----------
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const policySel = $<HTMLSelectElement>('policy');
const caseSel = $<HTMLSelectElement>('case');
const asOfInput = $<HTMLInputElement>('asof');
const status = $('status');

let folder: PolicyFolder = folders[0];
let activePath = '';
let cases: GoldenCase[] = [];
let caseDiags: Diagnostic[] = []; // XT… problems of the policy's case files
let caseId: string | null = null;
let caseInput: Record<string, unknown> = {};
let caseParams: Record<string, unknown> = {};
let panelParams: Record<string, string> = {};
let asOf = new Date().toISOString().slice(0, 10);
let seq = 0;
let sentOriginals = false;
let last: RunResponse | null = null;
type Shown = { edited: Outcome | null; original: Outcome | null; result: RunResponse['result'] };
let lastGood: Shown = { edited: null, original: null, result: null };
let schemaKey = '';
let lastExplain: ExplainInfo & { sheet?: string } = { explained: {}, inputDisplay: {} };

const editor = createEditor($('editor'));
registerCompletion(monaco);
registerHover(monaco);
registerFolding(monaco);
const form = new CaseForm($('form'), (v) => {
  caseInput = v;
  schedule();
});

const chain = (f: PolicyFolder): PolicyFolder[] => chainOf(folders, f);
const currentCase = () => cases.find((c) => c.id === caseId) ?? null;

// ---------- compile worker ----------
const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
worker.onmessage = (ev: MessageEvent<RunResponse>) => receive(ev.data);
worker.onerror = (ev) => {
  status.dataset.state = 'idle';
  renderProblems($('problems'), [], `worker: ${ev.message || 'failed to load'}`, jump);
};

let timer: ReturnType<typeof setTimeout> | undefined;
let pending = false; // an edit waits for its debounce: stay busy whatever response arrives
function schedule(delay = 150): void {
  pending = true;
  status.dataset.state = 'busy';
  status.textContent = t('compiling');
  clearTimeout(timer);
  timer = setTimeout(send, delay);
}

function send(): void {
  pending = false;
  const req: RunRequest = {
    seq: ++seq,
    folder: folder.folder,
    files: [...edited].map(([path, text]) => ({ path, text })),
    case: { input: caseInput, asOf, parameters: { ...caseParams, ...panelParams }, baseParameters: caseParams },
    golden: currentCase(),
  };
  if (!sentOriginals) {
    req.originalFiles = Object.entries(originalText).map(([path, text]) => ({ path, text }));
    sentOriginals = true;
  }
  worker.postMessage(req);
  save();
}

function receive(r: RunResponse): void {
  if (r.seq !== seq) return; // a newer request is on its way
  last = r;
  const diags = r.diagnostics as Diagnostic[];
  const paths = [...edited.keys()];
  setMarkers(diags, paths);
  drawTabs();
  store.symbols = r.symbols;
  const sk = JSON.stringify(r.inputSchema);
  if (sk !== schemaKey && r.inputSchema) {
    schemaKey = sk;
    form.render(r.inputSchema, caseInput);
  }
  const ed = r.edited as (Outcome & { failure?: string }) | null;
  const or = r.original as Outcome | null;
  const inputErrors: InputError[] = ed?.inputErrors ?? [];
  form.markErrors(inputErrors);
  const gc = currentCase();
  // a golden case that expects an error (expected_errors: [XI…]) is not "bad data"
  const caseBad = inputErrors.length > 0 && !gc?.expectedErrors?.length;
  // case-data and as-of problems go to the problems pane too (unless the case expects them)
  const asOfErrors = (ed?.errors ?? []).filter((x) => x.code === 'XR001' || x.code === 'XR002');
  const expectsError = (code: string) => !!gc?.expectedErrors?.includes(code);
  const caseProblems: CaseProblem[] = [
    ...inputErrors.filter((x) => !expectsError(x.code)).map((x) => ({ code: x.code, path: x.path, message: x.message, ...(x.hint ? { hint: x.hint } : {}) })),
    ...asOfErrors.filter((x) => !expectsError(x.code)).map((x) => ({ code: x.code, path: 'as_of', message: x.message, ...(x.hint ? { hint: x.hint } : {}) })),
    ...caseDiags.filter((d) => d.severity === 'error').map((d) => ({ code: d.code, path: '', message: d.message, ...(d.hint ? { hint: d.hint } : {}) })),
  ];
  asOfInput.classList.toggle('field-error-mark', asOfErrors.length > 0);
  renderProblems($('problems'), diags, r.failure, jump, caseProblems, focusField, openHelp);
  const fresh = ed && !ed.failure ? ed : null;
  if (fresh && !caseBad) lastGood = { edited: fresh, original: or?.inputErrors?.length ? lastGood.original : or, result: r.result };
  const shown = caseBad ? lastGood : { edited: fresh, original: or, result: r.result };
  const stale: null | 'policy' | 'case' = !shown.edited ? null : caseBad ? 'case' : r.ok ? null : 'policy';
  if (!caseBad) lastExplain = { explained: r.explained ?? {}, inputDisplay: r.inputDisplay ?? {}, sheet: r.sheet };
  setExplainInfo(lastExplain);
  renderOutputs($('outputs'), $('explain-host'), {
    edited: shown.edited, original: shown.original, expected: gc?.expected ?? {}, stale, result: shown.result,
    ...(lastExplain.sheet ? { sheet: lastExplain.sheet } : {}),
  });
  renderChanges($('changes'), $('changes-count'), r.changes, openAt);
  store.caseValues = traceValues(shown.edited?.trace);
  for (const [k, v] of Object.entries(shown.edited?.outputs ?? {})) store.caseValues.set(k, v.display);
  for (const [k, v] of Object.entries(caseInput)) if (!store.caseValues.has(k)) store.caseValues.set(k, JSON.stringify(v));
  store.caseLabel = currentCase()?.title ?? caseId ?? t('customCase');
  renderParams($('params'), r.symbols.filter((s) => s.kind === 'param'), store.caseValues, panelParams, (name, value) => {
    if (value === undefined) delete panelParams[name];
    else panelParams[name] = value;
    schedule();
  });
  if (pending) return;
  status.dataset.state = 'idle';
  status.dataset.seq = String(r.seq);
  status.textContent = `${t('compiledIn')} ${(r.ms.compile + r.ms.evaluate).toFixed(0)} ms`;
}

function focusField(path: string): void {
  if (path === 'as_of') {
    asOfInput.focus();
    asOfInput.select();
    return;
  }
  if (path) form.focusField(path);
}

function jump(d: Diagnostic): void {
  openFile(d.span.file);
  const range = new monaco.Range(d.span.start.line, d.span.start.column, d.span.end.line, d.span.end.column);
  editor.setSelection(range);
  editor.revealRangeInCenter(range);
  editor.focus();
}

/** Opens a file at a line (a Changes entry). */
function openAt(file: string, line: number): void {
  if (!edited.has(file)) return;
  openFile(file);
  const range = new monaco.Range(line, 1, line, editor.getModel()?.getLineMaxColumn(line) ?? 1);
  editor.setSelection(range);
  editor.revealRangeInCenter(range);
  editor.focus();
}

// ---------- files ----------
function drawTabs(): void {
  const errs = new Map<string, number>();
  for (const d of (last?.diagnostics ?? []) as Diagnostic[])
    if (d.severity === 'error') errs.set(d.span.file, (errs.get(d.span.file) ?? 0) + 1);
  renderTabs(
    $('tabs'),
    chain(folder).flatMap((f, i) =>
      f.files.map((file) => ({
        path: file.path,
        group: f.name,
        inherited: i > 0,
        modified: edited.get(file.path) !== originalText[file.path],
        errors: errs.get(file.path) ?? 0,
      })),
    ),
    activePath,
    openFile,
  );
}

function openFile(path: string): void {
  if (!edited.has(path)) return;
  activePath = path;
  editor.setModel(modelFor(path, edited.get(path)!));
  drawTabs();
}

for (const [path, text] of edited) {
  const m = modelFor(path, text);
  m.onDidChangeContent(() => {
    edited.set(pathOfModel(m), m.getValue());
    schedule();
  });
}

// ---------- policy and case pickers ----------
function fillPolicies(): void {
  clear(policySel, folders.map((f) => h('option', { value: f.folder, selected: f === folder }, f.title ? `${f.name} · ${f.title}` : f.name)));
}

function selectPolicy(f: PolicyFolder, keepCase = false): void {
  folder = f;
  const suites = chain(f)[0].suites;
  ({ cases, diagnostics: caseDiags } = loadSuites(suites.map((s) => ({ path: s.path, text: s.text }))));
  schemaKey = '';
  lastGood = { edited: null, original: null, result: null };
  $('params').dataset.names = '';
  fillPolicies();
  openFile(f.files[0]?.path ?? '');
  if (!keepCase) selectCase(cases[0]?.id ?? null);
  else fillCases();
}

function fillCases(): void {
  clear(
    caseSel,
    h('option', { value: '' }, t('customCase')),
    // the Chinese title people read; the id stays in the tooltip and the value
    cases.map((c) => h('option', { value: c.id, selected: c.id === caseId, title: c.id }, c.title ?? c.id)),
  );
  const c = currentCase();
  clear(
    $('case-info'),
    c ? h('span', {}, c.title ?? c.id, c.cite ? h('span.tcite', {}, ` 〔${c.cite}〕`) : null) : cases.length ? null : h('span', {}, t('noCases')),
    caseDiags.map((d) => h('div.case-diag', { testid: 'case-diagnostic' }, `${d.code} ${d.span.file.split('/').pop()}:${d.span.start.line} ${d.message.zh} · ${d.message.en}`)),
  );
}

function selectCase(id: string | null): void {
  caseId = id;
  const c = currentCase();
  if (c) {
    caseInput = structuredClone(c.input);
    caseParams = { ...(c.parameters ?? {}) };
    asOf = c.asOf || asOf;
  }
  asOfInput.value = asOf;
  panelParams = {};
  $('params').dataset.names = '';
  lastGood = { edited: null, original: null, result: null };
  if (schemaKey) form.render(JSON.parse(schemaKey), caseInput);
  fillCases();
  schedule(0);
}

policySel.onchange = () => selectPolicy(folders.find((f) => f.folder === policySel.value) ?? folders[0]);
caseSel.onchange = () => selectCase(caseSel.value || null);
asOfInput.oninput = () => {
  asOf = asOfInput.value.trim();
  schedule();
};

// ---------- save, share, download, reset, language ----------
function snapshot(): SavedState {
  const files: Record<string, string> = {};
  for (const [p, text] of edited) if (text !== originalText[p]) files[p] = text;
  const c = currentCase();
  const inputChanged = !c || JSON.stringify(c.input) !== JSON.stringify(caseInput);
  return { v: 1, policy: folder.folder, files, caseId, input: inputChanged ? caseInput : null, asOf, parameters: panelParams, active: activePath };
}
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let sharedState = ''; // the state the current #s= link encodes
const save = () => {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    const s = snapshot();
    autosave(s);
    // a #s= link describes the state it was made from: once that changes, the autosave is newer
    if (location.hash.startsWith('#s=') && JSON.stringify(s) !== sharedState) history.replaceState(null, '', location.pathname + location.search);
  }, 300);
};

function restore(s: SavedState): void {
  for (const [p, text] of Object.entries(s.files)) {
    if (!edited.has(p)) continue;
    edited.set(p, text);
    existingModel(p)?.setValue(text);
  }
  const f = folders.find((x) => x.folder === s.policy) ?? folders[0];
  selectPolicy(f, true);
  selectCase(cases.some((c) => c.id === s.caseId) ? s.caseId : null);
  if (s.input) caseInput = s.input as Record<string, unknown>;
  if (s.asOf) asOf = asOfInput.value = s.asOf;
  panelParams = { ...s.parameters };
  if (schemaKey) form.render(JSON.parse(schemaKey), caseInput);
  if (s.active && chain(f).some((x) => x.files.some((y) => y.path === s.active))) openFile(s.active);
}

$('share').onclick = async () => {
  const s = snapshot();
  sharedState = JSON.stringify(s);
  const url = await shareUrl(s);
  history.replaceState(null, '', url);
  await navigator.clipboard?.writeText(url).catch(() => undefined);
  status.textContent = t('copied');
};
$('download').onclick = () =>
  downloadFiles(
    chain(folder).flatMap((f) => f.files.filter((x, _i) => f === folder || edited.get(x.path) !== originalText[x.path])).map((x) => ({ path: x.path, text: edited.get(x.path)! })),
    `${folder.folder.split('/').pop()}.zip`,
  );
$('reset').onclick = () => {
  if (!confirm(t('resetConfirm'))) return;
  for (const f of chain(folder))
    for (const file of f.files) {
      edited.set(file.path, originalText[file.path]);
      existingModel(file.path)?.setValue(originalText[file.path]);
    }
  history.replaceState(null, '', location.pathname + location.search);
  selectCase(caseId);
};
$('lang').onclick = () => setLang(getLang() === 'zh' ? 'en' : 'zh');
$('help').onclick = () => openHelp();

/** The current form as a golden-case suite (YAML the CLI accepts). */
function currentGoldenYaml(): string | null {
  const o = lastGood.edited;
  if (!o) return null;
  const c = currentCase();
  return goldenYaml({
    policy: folder.name,
    id: c ? `${c.id}-saved` : `case-${asOf}`,
    ...(c?.title ? { title: c.title } : {}),
    ...(c?.cite ? { cite: c.cite } : {}),
    asOf,
    parameters: { ...caseParams, ...panelParams },
    input: caseInput,
    ...(c ? { outputs: Object.keys(c.expected) } : {}),
    outcome: o,
  });
}
$('save-golden').onclick = () => {
  const text = currentGoldenYaml();
  if (!text) return;
  const a = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/yaml' })), download: `${caseId ?? 'case'}.cases.yaml` });
  a.click();
};

// first run: where to edit, where to look
if (!localStorage.getItem('xize-first-run-seen')) $('first-run').hidden = false;
$('first-run-ok').onclick = () => {
  localStorage.setItem('xize-first-run-seen', '1');
  $('first-run').hidden = true;
};

function applyLang(): void {
  resetHelp();
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as Parameters<typeof t>[0]);
  document.title = t('title');
  fillCases();
  $('params').dataset.names = '';
  if (last) receive({ ...last, seq });
}
onLang(applyLang);

// ---------- start ----------
for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as Parameters<typeof t>[0]);
document.documentElement.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
const saved = (await stateFromHash()) ?? restoreAutosave();
if (saved && folders.some((f) => f.folder === saved.policy)) {
  restore(saved);
  sharedState = JSON.stringify(snapshot());
}
else if (folder) selectPolicy(folder);
Object.assign(window, { __xize: { editor, monaco, folders, goldenYaml: currentGoldenYaml, get last() { return last; }, get seq() { return seq; } } });
