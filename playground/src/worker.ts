// The compile worker: runs the engine (compiler + runtime) off the UI thread.
import { run } from './engine.ts';
import type { RunRequest } from './protocol.ts';

self.onmessage = (ev: MessageEvent<RunRequest>) => {
  (self as unknown as Worker).postMessage(run(ev.data));
};
