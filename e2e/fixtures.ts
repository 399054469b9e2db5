// Callbacks passed to page.evaluate run in the browser: they need the DOM types.
// (tsconfig.node.json type-checks e2e/ and bench/ with Node's lib only.)
/// <reference lib="dom" />
/**
 * Test fixtures: a fresh project in a temp folder per test, served by the real
 * handler table through `dispatch`, and the page's `window.interlinea` injected
 * the way the preload exposes it (one async function per request, plus
 * `onMenu`). `menu(page, command)` plays a native menu command.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { createTempProject, type TempProject } from '../electron/testing/temp-project';
import { dispatch } from '../shared/ipc/dispatch';
import { REQUEST_NAMES, type RequestName } from '../shared/ipc/names';
import { exportEdition } from '../shared/export';
import { finishPdf, type3Warning } from '../electron/export/pdf-meta';
import { provideExporters } from '../electron/export/exporters';

// The handlers load the exporters lazily with import(), which Playwright's transform does not
// reach: this process hands them over loaded.
provideExporters({ exportEdition, finishPdf, type3Warning });

declare global {
  interface Window {
    __interlineaInvoke(name: string, input: unknown): Promise<unknown>;
    __interlineaMenu(command: string): void;
  }
}

/** Faults a test can switch on from Node, between the page and the real handlers. */
export interface Faults {
  /** When set, saveDocument and saveDocumentChanges fail with this message (as a full disk would). */
  saveError: string | null;
}

export async function injectApi(page: Page, project: TempProject, faults: Faults = { saveError: null }): Promise<void> {
  await page.exposeBinding('__interlineaInvoke', (_source, name: string, input: unknown) => {
    // Either way of saving: the whole document, or its changed rows.
    if ((name === 'saveDocument' || name === 'saveDocumentChanges') && faults.saveError) {
      return Promise.resolve({ ok: false, error: { code: 'io', message: faults.saveError } });
    }
    return dispatch(project.handlers, name as RequestName, input);
  });
  await page.addInitScript((names: string[]) => {
    const listeners = new Set<(command: string) => void>();
    const api: Record<string, unknown> = {};
    for (const name of names) api[name] = (input: unknown) => window.__interlineaInvoke(name, input ?? {});
    api.onMenu = (listener: (command: string) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    Object.defineProperty(window, 'interlinea', { value: Object.freeze(api), configurable: false, writable: false });
    window.__interlineaMenu = (command: string) => listeners.forEach((listener) => listener(command));
  }, [...REQUEST_NAMES]);
}

export const test = base.extend<{ project: TempProject; faults: Faults; expectedPageErrors: RegExp[] }>({
  // eslint-disable-next-line no-empty-pattern
  faults: async ({}, use) => {
    await use({ saveError: null });
  },
  /** Console errors a test expects (e.g. CSP reports for hostile HTML it pastes on purpose). */
  expectedPageErrors: [[], { option: true }],
  // eslint-disable-next-line no-empty-pattern
  project: async ({}, use) => {
    const project = await createTempProject();
    await use(project);
    await project.close();
  },
  page: async ({ page, project, faults, expectedPageErrors }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await injectApi(page, project, faults);
    await use(page);
    expect(
      errors.filter((e) => !expectedPageErrors.some((re) => re.test(e))),
      'no errors in the page',
    ).toEqual([]);
  },
});

/** Plays a command of the native menu. */
export async function menu(page: Page, command: string): Promise<void> {
  await page.evaluate((c) => window.__interlineaMenu(c), command);
}

export { expect };
