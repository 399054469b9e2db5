import { describe, expect, it } from 'vitest';
import { requestedProjectDir } from './project-choice';
import { spellcheckAllowed } from './spellcheck';

describe('a project folder the window asks to open', () => {
  const recent = ['/home/ana/editions/pyongyang-1960', '/home/ana/editions/embassy'];

  it('is opened when it is one of the recent projects', () => {
    expect(requestedProjectDir('/home/ana/editions/embassy', recent)).toBe('/home/ana/editions/embassy');
    expect(requestedProjectDir('/home/ana/editions/pyongyang-1960/', recent)).toBe('/home/ana/editions/pyongyang-1960');
  });

  it('is refused when the user never chose it, with a message saying how to open a folder', () => {
    for (const dir of ['/etc', '/home/ana/.ssh', '/home/ana/editions/embassy/../../.ssh', 'relative/path', '']) {
      expect(() => requestedProjectDir(dir, recent)).toThrow(/not one of the recent projects.*File > Open Project/);
    }
  });
});

describe('the spell checker', () => {
  it('is only on where it uses the system dictionaries (macOS), never where Chromium downloads them', () => {
    expect(spellcheckAllowed('darwin')).toBe(true);
    expect(spellcheckAllowed('linux')).toBe(false);
    expect(spellcheckAllowed('win32')).toBe(false);
  });
});
