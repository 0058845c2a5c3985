// Vite config of the playground. Root is playground/; the compiler, runtime and policies are
// imported from the repo root (../dsl, ../compiler, ../runtime, ../provinces), hence fs.allow.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');

// TEMPORARY until compiler/index.ts lands: stand in a stub so the page loads.
const stubCompiler = {
  name: 'xize-stub-compiler',
  enforce: 'pre' as const,
  resolveId(id: string) {
    if (/compiler\/index\.ts$/.test(id) && !existsSync(resolve(repo, 'compiler/index.ts')))
      return resolve(here, 'src/stub-compiler.ts');
    return null;
  },
};

export default defineConfig({
  root: here,
  plugins: [stubCompiler],
  base: './',
  server: { fs: { allow: [repo] }, port: 5173 },
  preview: { port: 5173 },
  worker: { format: 'es', plugins: () => [stubCompiler] },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
    target: 'es2022',
  },
});
