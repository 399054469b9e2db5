/**
 * The export handler gives the exporters the project's editors: an insertion a
 * project editor made in a sample document exports with the editor's initials
 * and a legend naming them, beside the archive translator's brackets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTempProject, type TempProject } from '../testing/temp-project';
import type { PMJson } from '../../shared/model/document';
import { segmentsOf, columnOf } from '../../shared/model/build';
import { defaultExportOptions } from '../../shared/export/options';

let project: TempProject | null = null;
afterEach(async () => {
  await project?.close();
  project = null;
});

describe('exporting with the project’s editors', () => {
  it('names the editor who made an insertion in the HTML and Markdown legends, beside the archive’s translator', async () => {
    project = await createTempProject();
    const { added } = await project.handlers.projectEditors({ add: { name: 'Anna Berg', initials: 'AB' } });
    const { documents } = await project.handlers.listDocuments({});
    const id = documents.find((doc) => doc.id.startsWith('1963'))!.id;
    const doc = await project.handlers.getDocument({ id });
    // The sample came with the archive translator's brackets; an editor adds one more insertion.
    const english = columnOf(segmentsOf(doc.body)[8], 'english')!;
    const inserted: PMJson = {
      type: 'text',
      text: 'the Korean Workers’ Party',
      marks: [{ type: 'insertion', attrs: { kind: 'clarification', resp: added!.id, when: '2026-12-05' } }],
    };
    english.content = [...(english.content ?? []), { type: 'text', text: ' ' }, inserted];
    await project.handlers.saveDocument({ id, meta: doc.meta, body: doc.body });

    const html = new TextDecoder().decode((await project.handlers.exportEdition({ ids: [id], format: 'html', options: defaultExportOptions() })).bytes);
    expect(html).toContain('Annotations by: the archive’s translator; AB = Anna Berg.');
    expect(html).toContain('title="Clarification inserted by AB, 5 Dec 2026">[the Korean Workers’ Party]</span><sup class="resp-sigil"');
    expect(html).toMatch(/<span class="ins ins-clarification by-archive" title="Clarification by the archive’s translator">\[/);
    const md = new TextDecoder().decode((await project.handlers.exportEdition({ ids: [id], format: 'md', options: defaultExportOptions() })).bytes);
    expect(md).toContain('- Annotations by: the archive’s translator; AB = Anna Berg.');
  });
});
