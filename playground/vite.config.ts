// Vite config of the playground. Root is playground/; the compiler, runtime and policies are
// imported from the repo root (../dsl, ../compiler, ../runtime, ../provinces), hence fs.allow.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');

export default defineConfig({
  root: here,
  base: './',
  server: { fs: { allow: [repo] }, port: 5173 },
  preview: { port: 5173 },
  worker: { format: 'es' },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
    target: 'es2022',
  },
});
