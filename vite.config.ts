import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs: the app is served from casebook://app/ in Electron and
  // from a loopback server in tests.
  base: './',
  plugins: [react()],
  // Module workers (they are created with `type: 'module'`), so a worker's dynamic import is its
  // own chunk: the linking worker never loads the extraction worker's tagger model.
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] } },
});
