import type { Server } from 'node:http';
/** Serve a folder (default: playground/dist) on 127.0.0.1:port (0 = any free port). */
export function serve(root?: string, port?: number): Promise<Server>;
