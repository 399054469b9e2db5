import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/errors';
import { chromiumArgs, findBrowser, withPageSize } from './pdf';

const dir = mkdtempSync(join(tmpdir(), 'interlinea-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeBrowser(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, 0o755);
  return path;
}

describe('finding a browser to print with', () => {
  it('says what is missing and how to fix it when there is none', async () => {
    // A Windows without Program Files folders: no install location to find one in either.
    const err = await findBrowser({ env: { PATH: join(dir, 'empty') }, platform: 'win32' }).catch((e: unknown) => e);
    expect(isUserError(err)).toBe(true);
    expect((err as Error).message).toMatch(/needs Chromium, Google Chrome or Microsoft Edge/);
    expect((err as Error).message).toMatch(/--browser PATH/);
    expect((err as Error).message).toMatch(/INTERLINEA_BROWSER/);
  });

  it('uses the browser given, and says so when it is not there', async () => {
    const given = fakeBrowser('my-chrome');
    await expect(findBrowser({ browser: given, env: {} })).resolves.toBe(given);
    const err = await findBrowser({ browser: join(dir, 'nope'), env: {} }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/given with --browser .*nope.* does not exist/);
  });

  it('takes INTERLINEA_BROWSER, then the usual names on the PATH', async () => {
    const env = fakeBrowser('env-browser');
    await expect(findBrowser({ env: { INTERLINEA_BROWSER: env } })).resolves.toBe(env);
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'google-chrome'), '#!/bin/sh\n');
    chmodSync(join(bin, 'google-chrome'), 0o755);
    await expect(findBrowser({ env: { PATH: bin }, platform: 'aix' })).resolves.toBe(join(bin, 'google-chrome'));
  });
});

describe('printing with a system Chromium', () => {
  it('runs it headless, offline, without header or footer, on a temporary profile', () => {
    const args = chromiumArgs('/tmp/x/e.html', '/tmp/x/e.pdf', '/tmp/x/profile');
    for (const flag of [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-pdf-header-footer',
      '--print-to-pdf=/tmp/x/e.pdf',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
      '--disable-background-networking',
      '--user-data-dir=/tmp/x/profile',
    ]) {
      expect(args).toContain(flag);
    }
    expect(args[args.length - 1]).toBe('file:///tmp/x/e.html');
  });

  it('makes sure the HTML asks for the page size', () => {
    expect(withPageSize('<head></head>', 'Letter')).toBe('<head><style>@page { size: Letter; }</style></head>');
    const ours = '<style>@page {\n  size: A4;\n  margin: 1cm; }</style>';
    expect(withPageSize(ours, 'A4')).toBe(ours);
    expect(withPageSize(ours, 'Letter')).toContain('@page { size: Letter; }');
  });

  it('refuses print HTML paginated for another page size', () => {
    const paged = '<html lang="en" data-notes="page"><head><style>@page {\n  size: A4;\n}</style></head></html>';
    expect(withPageSize(paged, 'A4')).toBe(paged);
    expect(() => withPageSize(paged, 'Letter')).toThrow(/laid out in pages of another size than Letter/);
  });
});
