// Monaco, bundled by Vite (no CDN): the editor API, its contributions, and the editor worker
// only (Xize needs no language-service worker: compilation runs in our own worker).
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/features/register.all.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import { registerXize, LANGUAGE_ID } from './monarch.ts';

(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

registerXize(monaco);

export { monaco };

export function createEditor(host: HTMLElement): monaco.editor.IStandaloneCodeEditor {
  return monaco.editor.create(host, {
    language: LANGUAGE_ID,
    theme: 'xize-light',
    automaticLayout: true,
    minimap: { enabled: false },
    wordWrap: 'on', // long Chinese lines wrap instead of scrolling sideways
    wrappingIndent: 'indent',
    fontSize: 14,
    lineHeight: 22,
    fontFamily: '"Noto Sans Mono CJK SC", "Sarasa Mono SC", "Source Han Mono", Menlo, Consolas, monospace',
    scrollBeyondLastLine: false,
    folding: true,
    showFoldingControls: 'always',
    bracketPairColorization: { enabled: true },
    matchBrackets: 'always',
    unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false, nonBasicASCII: false },
    wordBasedSuggestions: 'off',
    quickSuggestions: { other: true, comments: false, strings: false },
    renderWhitespace: 'none',
    tabSize: 2,
    fixedOverflowWidgets: true,
  });
}

const models = new Map<string, monaco.editor.ITextModel>();

export function uriOf(path: string): monaco.Uri {
  return monaco.Uri.parse('file:///' + path);
}

/** The model of a file (created on first use). */
export function modelFor(path: string, text: string): monaco.editor.ITextModel {
  let m = models.get(path);
  if (!m) {
    m = monaco.editor.createModel(text, LANGUAGE_ID, uriOf(path));
    models.set(path, m);
  }
  return m;
}

export function existingModel(path: string): monaco.editor.ITextModel | undefined {
  return models.get(path);
}

export function pathOfModel(m: monaco.editor.ITextModel): string {
  return m.uri.path.replace(/^\//, '');
}
