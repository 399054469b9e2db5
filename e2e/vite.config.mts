/**
 * Builds the real renderer (same root, entry and plugins as electron-vite's
 * renderer build) and serves it on localhost for the browser tests and the
 * typing benchmark. The production build is served, not the dev server, so the
 * page runs under its real Content Security Policy.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = dirname(fileURLToPath(import.meta.url));
// Same default as e2e/port.ts (the Playwright config passes it in the environment).
const E2E_PORT = Number(process.env.INTERLINEA_E2E_PORT ?? 4179);

export default defineConfig({
  root: resolve(here, '../renderer'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    // One folder per port: several test runs (different ports) can build side by side.
    outDir: resolve(here, `../out/e2e-renderer-${E2E_PORT}`),
    emptyOutDir: true,
    sourcemap: true,
    minify: process.env.INTERLINEA_NO_MINIFY ? false : undefined,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        index: resolve(here, '../renderer/index.html'),
      },
    },
  },
  preview: { host: '127.0.0.1', port: E2E_PORT, strictPort: true },
  server: { host: '127.0.0.1', port: E2E_PORT, strictPort: true },
});
