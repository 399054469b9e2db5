import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// lowdb and steno ship only as ESM: bundle them into the CommonJS main process.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: ['lowdb', 'steno'] },
      // suggest-worker: the suggester's worker thread (electron/suggest/client.ts starts it).
      // import-worker: parses imported files in bounded memory and time (electron/import/run.ts).
      // qa-worker: the live quality check of the open document (electron/qa-live/client.ts).
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'suggest-worker': resolve(__dirname, 'electron/suggest/worker.ts'),
          'import-worker': resolve(__dirname, 'electron/import/worker.ts'),
          'qa-worker': resolve(__dirname, 'electron/qa-live/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    plugins: [react()],
  },
});
