import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';

const root = join(__dirname, '..');

async function lint(code: string, file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the rule that keeps shared/ pure', () => {
  it.each([
    ["import { app } from 'electron';", 'no Electron'],
    ["import { readFile } from 'node:fs/promises';", 'no Node built-ins'],
    ["import { EditorView } from 'prosemirror-view';", 'no prosemirror-view'],
    ["import React from 'react';", 'no React'],
    ['export const w = window.innerWidth;', 'no window'],
    ['export const d = document.title;', 'no document'],
  ])('rejects %s in shared/', async (code, reason) => {
    const messages = await lint(code, 'shared/model/impure.ts');
    expect(messages.join('\n')).toContain(reason);
  });

  it('allows the same imports outside shared/', async () => {
    expect(await lint("import { readFile } from 'node:fs/promises';\nexport { readFile };", 'electron/store/x.ts')).toEqual([]);
  });

  it('allows pure imports in shared/', async () => {
    expect(await lint("import { Schema } from 'prosemirror-model';\nexport { Schema };", 'shared/model/x.ts')).toEqual([]);
  });
});
