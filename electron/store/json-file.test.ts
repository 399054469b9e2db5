import { describe, expect, it } from 'vitest';
import { Low, Memory } from 'lowdb';
import { z } from 'zod';
import { JsonFile } from './json-file';
import type { Validated } from '../../shared/model/document';

const Note = z.object({ schemaVersion: z.literal(1), title: z.string(), id: z.string() });
type Note = z.infer<typeof Note>;
const validate = (data: unknown): Validated<Note> => {
  const parsed = Note.safeParse(data);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
};

function noteFile() {
  const text = new Memory<string>();
  return { text, low: new Low<Note | null>(new JsonFile<Note | null>(text, validate, 'notes/a.json'), null) };
}

describe('JsonFile over a text adapter', () => {
  it('reads nothing from a file that does not exist, and leaves the default', async () => {
    const { low } = noteFile();
    await low.read();
    expect(low.data).toBeNull();
  });

  it('writes canonical JSON: pretty-printed, schemaVersion and id first, a final newline', async () => {
    const { text, low } = noteFile();
    low.data = { title: 'A', id: 'a', schemaVersion: 1 };
    await low.write();
    expect(await text.read()).toBe('{\n  "schemaVersion": 1,\n  "id": "a",\n  "title": "A"\n}\n');
  });

  it('reads back what it wrote, through Low.read and Low.update', async () => {
    const { text, low } = noteFile();
    await text.write('{"schemaVersion":1,"id":"a","title":"A"}');
    await low.read();
    expect(low.data).toEqual({ schemaVersion: 1, id: 'a', title: 'A' });
    await low.update((note) => {
      note!.title = 'B';
    });
    expect(JSON.parse((await text.read())!)).toEqual({ schemaVersion: 1, id: 'a', title: 'B' });
  });

  it('names a file that is not JSON, and writes nothing on the read', async () => {
    const { text, low } = noteFile();
    await text.write('{"schemaVersion": 1, "id"');
    await expect(low.read()).rejects.toThrow(/notes\/a\.json is damaged and was left untouched: not valid JSON/);
    expect(await text.read()).toBe('{"schemaVersion": 1, "id"');
    expect(low.data).toBeNull();
  });

  it('names a file that parses but does not validate, with the field', async () => {
    const { text, low } = noteFile();
    await text.write('{"schemaVersion": 1, "id": "a", "title": 3}');
    await expect(low.read()).rejects.toThrow(/notes\/a\.json is damaged.*title/);
  });

  it('reports a file the disk will not give as unreadable, by name and reason, not as damaged', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' });
    const failing = { read: async () => Promise.reject(denied), write: async () => undefined };
    await expect(new JsonFile<Note>(failing, validate, 'notes/a.json').read()).rejects.toThrow(/^Could not read notes\/a\.json: permission denied \(EACCES\)\.$/);
  });
});
