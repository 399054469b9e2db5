import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTempProject, type TempProject } from '../testing/temp-project';
import { dispatch } from '../../shared/ipc/dispatch';

let project: TempProject | null = null;
afterEach(async () => {
  await project?.close();
  project = null;
});

describe('the project’s editors', () => {
  it('starts with none, adds editors to project.json with ids TEI can point at, and refuses taken initials by name', async () => {
    project = await createTempProject({ samples: false });
    expect(await project.handlers.projectEditors({})).toEqual({ editors: [], added: null });
    const { added } = await project.handlers.projectEditors({ add: { name: 'Anna Berg', initials: 'AB' } });
    expect(added).toMatchObject({ name: 'Anna Berg', initials: 'AB', id: expect.stringMatching(/^ed[A-Za-z0-9]+$/) });
    const file = JSON.parse(await readFile(join(project.dir, 'project.json'), 'utf8')) as { settings: { editors: unknown[] } };
    expect(file.settings.editors).toEqual([added]);
    const refused = await dispatch(project.handlers, 'projectEditors', { add: { name: 'Alan Brown', initials: 'ab' } });
    expect(refused).toEqual({ ok: false, error: { code: 'invalid-editor', message: 'Cannot add the editor: initials AB are taken by Anna Berg' } });
    const bad = await dispatch(project.handlers, 'projectEditors', { add: { name: 'X', initials: 'x'.repeat(13) } });
    expect(bad.ok).toBe(false);
    expect((await project.handlers.projectEditors({})).editors).toHaveLength(1);
  });
});
