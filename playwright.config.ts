/**
 * Browser tests of the real renderer: Vite builds it and serves it on localhost;
 * Debian's Chromium runs it (no browser download); each test injects
 * `window.interlinea`, answered by the real handlers over a project in a temp
 * folder (see e2e/fixtures.ts).
 */
import { defineConfig } from '@playwright/test';
import { E2E_PORT, E2E_URL } from './e2e/port';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: '.tmp/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two cores: one browser at a time keeps timings honest and the machine responsive.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: '.tmp/results/playwright.json' }]],
  use: {
    baseURL: E2E_URL,
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-GB',
    colorScheme: 'light',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1', '--disable-background-networking', '--no-first-run', '--lang=en-GB'],
    },
  },
  webServer: {
    command: 'npx vite build --config e2e/vite.config.mts && npx vite preview --config e2e/vite.config.mts',
    url: E2E_URL,
    env: { INTERLINEA_E2E_PORT: String(E2E_PORT), VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
