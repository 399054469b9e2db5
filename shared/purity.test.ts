import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const root = join(__dirname, '..');
const eslint = new ESLint({ cwd: root });

/** What ESLint reports for `code` as if it were the file `file`, with the project's own config. */
async function lintMessages(code: string, file: string) {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result.messages;
}

async function lint(code: string, file: string): Promise<string[]> {
  return (await lintMessages(code, file)).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the rule that keeps shared/ pure', () => {
  it.each([
    ["import { app } from 'electron';", 'no Electron'],
    ["import { readFile } from 'node:fs/promises';", 'no Node built-ins'],
    ["import { readFile } from 'fs/promises';", 'no Node built-ins'],
    ["import { gzipSync } from 'zlib';", 'no Node built-ins'],
    ["import { gzipSync } from 'node:zlib';", 'no Node built-ins'],
    ["import { EventEmitter } from 'events';", 'no Node built-ins'],
    ["import { Buffer } from 'buffer';", 'no Node built-ins'],
    ["import { inspect } from 'util';", 'no Node built-ins'],
    ["import { Worker } from 'worker_threads';", 'no Node built-ins'],
    ["import { test } from 'node:test';", 'no Node built-ins'],
    ["export { readFileSync } from 'fs';", 'no Node built-ins'],
    ["export const load = () => import('fs');", 'no dynamic import()'],
    ["import { EditorView } from 'prosemirror-view';", 'no prosemirror-view'],
    ["import React from 'react';", 'no React'],
    ["import { createRoot } from 'react-dom/client';", 'no React'],
    ['export const w = window.innerWidth;', 'no window'],
    ['export const d = document.title;', 'no document'],
  ])('rejects %s in shared/', async (code, reason) => {
    const messages = await lint(code, 'shared/model/impure.ts');
    expect(messages.join('\n')).toContain(reason);
  });

  it('rejects every Node built-in, by its bare name and by its node: name', async () => {
    const names = builtinModules.filter((name) => !name.startsWith('node:'));
    const specifiers = names.flatMap((name) => [name, `node:${name}`]);
    // One import a line, so the lines rejected say which specifiers were.
    const code = specifiers.map((s, i) => `import * as m${i} from '${s}'; export { m${i} };`).join('\n');
    const messages = await lintMessages(code, 'shared/export/impure.ts');
    const rejectedLines = new Set(messages.filter((m) => m.ruleId === 'no-restricted-imports' && m.message.includes('no Node built-ins')).map((m) => m.line));
    const passed = specifiers.filter((_s, i) => !rejectedLines.has(i + 1));
    expect(passed).toEqual([]);
    expect(specifiers).toContain('fs/promises');
    expect(specifiers).toContain('zlib');
  });

  it('allows the same imports outside shared/', async () => {
    expect(await lint("import { readFile } from 'node:fs/promises';\nexport { readFile };", 'electron/store/x.ts')).toEqual([]);
    expect(await lint("import { gzipSync } from 'zlib';\nexport { gzipSync };", 'electron/store/x.ts')).toEqual([]);
  });

  it('allows pure imports in shared/', async () => {
    expect(await lint("import { Schema } from 'prosemirror-model';\nexport { Schema };", 'shared/model/x.ts')).toEqual([]);
    expect(await lint("import { z } from 'zod';\nexport { z };", 'shared/ipc/x.ts')).toEqual([]);
  });
});
