import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';

const root = join(__dirname, '..');
const eslint = new ESLint({ cwd: root });

/** The messages of the layering rules for `code` as if it were the file `file`, with the project's own config. */
async function lint(code: string, file: string): Promise<string> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-properties' || m.fatal)
    .map((m) => `${m.ruleId}: ${m.message}`)
    .join('\n');
}

describe('the renderer’s folders depend one way (lint rules)', () => {
  it.each([
    ["import { useState } from 'react';", 'renderer/editor/x.ts', 'imports only shared/ and prosemirror-*'],
    ["import { createRoot } from 'react-dom/client';", 'renderer/editor/x.ts', 'imports only shared/ and prosemirror-*'],
    ["import { ipcRenderer } from 'electron';", 'renderer/editor/x.ts', 'imports only shared/ and prosemirror-*'],
    ["import { z } from 'zod';", 'renderer/editor/x.ts', 'imports only shared/ and prosemirror-*'],
    ["import { buildRestorePlugins } from '../restore';", 'renderer/editor/plugins.ts', 'may not import renderer/restore/'],
    ["import { suggestKey } from '../restore/suggest';", 'renderer/editor/x.ts', 'may not import renderer/restore/'],
    ["import { suggestKey } from '../../restore/suggest';", 'renderer/editor/commands/x.ts', 'may not import renderer/restore/'],
    ["import { api } from '../src/api';", 'renderer/editor/x.ts', 'may not import renderer/src/'],
    ["export { api } from '../../src/api';", 'renderer/editor/commands/x.ts', 'may not import renderer/src/'],
    ["import { useState } from 'react';", 'renderer/restore/x.ts', 'renderer/restore/ has no React'],
    ["import { api, hasBridge } from '../src/api';", 'renderer/restore/index.ts', 'may not import renderer/src/'],
    ["import { notices } from '../src/window-services';", 'renderer/restore/x.ts', 'may not import renderer/src/'],
    ['export const bridge = window.interlinea;', 'renderer/restore/x.ts', 'Only renderer/src/api.ts uses window.interlinea'],
    ['export const bridge = window.interlinea;', 'renderer/editor/x.ts', 'Only renderer/src/api.ts uses window.interlinea'],
    ['export const bridge = window.interlinea;', 'renderer/src/components/X.tsx', 'Only renderer/src/api.ts uses window.interlinea'],
  ])('rejects %s in %s', async (code, file, reason) => {
    expect(await lint(code, file)).toContain(reason);
  });

  it.each([
    ["import { keymap } from 'prosemirror-keymap';\nimport { schema } from '../../shared/model/schema';\nimport { segmentAt } from './positions';", 'renderer/editor/x.ts'],
    ["import { goToCell } from '../commands/cells';\nimport { COMMANDS } from '../../../shared/commands';", 'renderer/editor/commands/x.ts'],
    ["import { segmentAt } from '../editor/positions';\nimport { Decoration } from 'prosemirror-view';\nimport { check } from '../../shared/korean';", 'renderer/restore/x.ts'],
    ["import { useState } from 'react';\nimport { api } from '../api';\nimport { buildRestorePlugins } from '../../restore';\nimport { EditorController } from '../../editor/controller';", 'renderer/src/components/X.tsx'],
    ['export const bridge = () => window.interlinea;', 'renderer/src/api.ts'],
  ])('allows the imports of its layer: %s in %s', async (code, file) => {
    expect(await lint(code, file)).toBe('');
  });
});
