import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'out/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: keep the heavy integration tests (LibreOffice, Chromium, child processes) from starving each other.
    maxWorkers: 2,
    reporters: ['default', 'json'],
    outputFile: { json: '.tmp/results/vitest.json' },
  },
});
