import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MENU_COMMANDS } from '../../renderer/src/menu-commands';

// menu.ts imports Electron, which cannot load without its binary: read its source instead.
const source = readFileSync(join(__dirname, 'menu.ts'), 'utf8');
const sent = [...source.matchAll(/send\('([a-z-]+)'\)/g)].map((m) => m[1]);

describe('the native menu', () => {
  it('sends only commands the renderer knows', () => {
    expect(sent.length).toBeGreaterThan(10);
    for (const command of sent) expect(MENU_COMMANDS, command).toContain(command);
  });

  it('offers every renderer command', () => {
    for (const command of MENU_COMMANDS) expect(sent, command).toContain(command);
  });
});
