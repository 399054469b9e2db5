import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { schema } from '../../shared/model/schema';
import { emptyMeta, type PMJson } from '../../shared/model/document';
import type { Requests } from '../../shared/ipc/contract';
import { restorationCounts } from '../../shared/model/stats';
import { garbleLine } from '../../shared/korean/garble';
import { applyChanges } from '../editor/row-changes';
import { doc, en, ko, seg, wit } from '../editor/test-builders';
import { ApiError } from './api';
import { editorCounts, saveDocumentPayload } from './document-saver';
import { editorPayload, type SaveBase } from './save-registry';

const meta = emptyMeta('Rows');
const rows = (n: number) => doc(...Array.from({ length: n }, (_, i) => seg(en(`Row ${i + 1}.`), wit('xx lP\\'), ko())));

/** Position inside row `index`'s English cell, at its start. */
function englishStart(d: Node, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += d.child(i).nodeSize;
  return pos + 2;
}

const typeIn = (d: Node, index: number, text: string) => {
  const state = EditorState.create({ doc: d });
  return state.apply(state.tr.insertText(text, englishStart(d, index))).doc;
};

/** An app that records what it is asked and answers as told. */
function fakeApi(answer: { changes?: () => unknown } = {}) {
  const calls: { name: string; input: unknown }[] = [];
  let saves = 0;
  const api = {
    saveDocument: async (input?: Requests['saveDocument']) => {
      calls.push({ name: 'saveDocument', input });
      return { updatedAt: `v${++saves}` };
    },
    saveDocumentChanges: async (input?: Requests['saveDocumentChanges']) => {
      calls.push({ name: 'saveDocumentChanges', input });
      if (answer.changes) answer.changes();
      return { updatedAt: `v${++saves}` };
    },
  };
  return { api, calls };
}

describe('saving a document from the editor', () => {
  it('sends only the rows that changed since the version on disk, then saves against the version it made', async () => {
    const opened = rows(2000);
    const base: SaveBase = { version: 'v0', doc: opened };
    const { api, calls } = fakeApi();
    const edited = typeIn(opened, 1499, 'typed ');
    await saveDocumentPayload(api, editorPayload('d', meta, edited, { type: 'doc' }, base));
    expect(calls.map((c) => c.name)).toEqual(['saveDocumentChanges']);
    const sent = calls[0].input as Requests['saveDocumentChanges'];
    expect(sent).toMatchObject({ id: 'd', base: 'v0', rowCount: 2000 });
    expect(sent.changes.map((c) => [c.from, c.to, c.rows.length])).toEqual([[1499, 1500, 1]]);
    expect(JSON.stringify(sent).length).toBeLessThan(2000);
    // What the app rebuilds from them is the editor's document.
    const rebuilt = applyChanges(opened, sent.changes.map((c) => ({ ...c, rows: c.rows.map((r) => schema.nodeFromJSON(r)) })));
    expect(schema.topNodeType.create(null, rebuilt).eq(edited)).toBe(true);
    expect(base).toEqual({ version: 'v1', doc: edited });

    // The next save: against the version just saved.
    const again = typeIn(edited, 3, 'more ');
    await saveDocumentPayload(api, editorPayload('d', meta, again, { type: 'doc' }, base));
    const second = calls[1].input as Requests['saveDocumentChanges'];
    expect(second.base).toBe('v1');
    expect(second.changes.map((c) => [c.from, c.to])).toEqual([[3, 4]]);
  });

  it('saves the whole document when the app refuses the changes (saved meanwhile, or they do not fit), losing nothing', async () => {
    for (const code of ['stale-base', 'invalid-changes']) {
      const opened = rows(50);
      const base: SaveBase = { version: 'v0', doc: opened };
      const { api, calls } = fakeApi({
        changes: () => {
          throw new ApiError('Document d was not saved from its changes: … Nothing was written.', code);
        },
      });
      const edited = typeIn(opened, 7, 'x');
      const result = await saveDocumentPayload(api, editorPayload('d', meta, edited, { type: 'doc' }, base));
      expect(calls.map((c) => c.name)).toEqual(['saveDocumentChanges', 'saveDocument']);
      expect((calls[1].input as Requests['saveDocument']).body).toEqual(edited.toJSON());
      expect(result.updatedAt).toBe('v1');
      expect(base).toEqual({ version: 'v1', doc: edited });
    }
  });

  it('reports other failures (a full disk) with the version it knows unchanged, for the retry', async () => {
    const opened = rows(50);
    const base: SaveBase = { version: 'v0', doc: opened };
    const { api, calls } = fakeApi({
      changes: () => {
        throw new ApiError('The disk is full', 'disk-full');
      },
    });
    const edited = typeIn(opened, 7, 'x');
    await expect(saveDocumentPayload(api, editorPayload('d', meta, edited, { type: 'doc' }, base))).rejects.toThrow('The disk is full');
    expect(calls.map((c) => c.name)).toEqual(['saveDocumentChanges']);
    expect(base).toEqual({ version: 'v0', doc: opened });
  });

  it('saves the whole document without a version to be against, or when most rows changed', async () => {
    const opened = rows(10);
    const unknown: SaveBase = { version: '', doc: null };
    let { api, calls } = fakeApi();
    await saveDocumentPayload(api, editorPayload('d', meta, typeIn(opened, 1, 'x'), { type: 'doc' }, unknown));
    expect(calls.map((c) => c.name)).toEqual(['saveDocument']);
    expect(unknown.version).toBe('v1');

    ({ api, calls } = fakeApi());
    let most: Node = opened;
    for (let i = 0; i < 6; i++) most = typeIn(most, i, 'x');
    await saveDocumentPayload(api, editorPayload('d', meta, most, { type: 'doc' }, { version: 'v0', doc: opened }));
    expect(calls.map((c) => c.name)).toEqual(['saveDocument']);

    ({ api, calls } = fakeApi());
    const fallback: PMJson = { type: 'doc', content: [] };
    await saveDocumentPayload(api, editorPayload('d', meta, null, fallback));
    expect(calls).toEqual([{ name: 'saveDocument', input: { id: 'd', meta, body: fallback } }]);
  });

  it('serialises the editor’s document only when the whole is saved', () => {
    const d = rows(3);
    let serialised = 0;
    const counting = Object.create(d, { toJSON: { value: () => (serialised++, d.toJSON()) } }) as Node;
    const payload = editorPayload('d', meta, counting, { type: 'doc' });
    expect(serialised).toBe(0);
    expect(payload.body).toEqual(d.toJSON());
    expect(payload.body).toEqual(d.toJSON());
    expect(serialised).toBe(1);
  });
});

describe('a saved document’s counts for the list', () => {
  it('are what restorationCounts makes of its JSON', () => {
    const korean = ['김일성 동지는', '조선로동당의 입장', '소련'];
    const d = doc(
      ...Array.from({ length: 30 }, (_, i) => {
        const k = korean[i % 3];
        return seg(en(`Row ${i}.`), i % 7 === 0 ? wit() : wit(garbleLine(k)), i % 3 === 0 ? ko(k) : i % 3 === 1 ? ko('박정희') : ko());
      }),
    );
    expect(editorCounts(d)).toEqual(restorationCounts(d.toJSON() as PMJson));
  });
});
