/**
 * The soak's worker process: against the project in argv[2], it imports
 * batches, saves its own documents, adds and removes glossary entries and
 * exports the project to argv[4], at random, until it is killed. It takes the
 * lock for a few operations at a time and lets it go, so that several workers
 * take turns (and race for the lock a killed one left).
 *
 * Before an operation it prints what it is about to do; after the operation is
 * written it prints an acknowledgement. The driver (chaos.ts) checks, after
 * the kill, that every acknowledged change is in the project:
 *   imported <title>...        a batch of four documents, "Batch <tag>-<n> part <i>"
 *   saved <id> <n>             the document's summary says "save <n>" (saved whole, or from rows
 *                              changed: a document grows past 200 rows and is kept in chunks)
 *   glossary <en>              an entry added
 *   removing <en>              an entry about to be removed (it may or may not be gone)
 *   exported <path>            an export written
 */
import { join } from 'node:path';
import { ProjectStore } from '../project-store';
import { importFiles } from './import-files';
import { addGlossaryEntry } from '../../handlers/glossary';
import { createHandlers } from '../../handlers';
import { dispatch } from '../../../shared/ipc/dispatch';
import { writeFileDurable } from '../durable-file';
import { isUserError } from '../../../shared/errors';
import { segment, text } from '../../../shared/model/build';

const [dir, tag, exportDir] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(line + '\n');
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];

function batch(n: number): { name: string; bytes: Uint8Array }[] {
  return Array.from({ length: 4 }, (_, i) => ({
    name: `chaos-${tag}-${n}-${i}.txt`,
    bytes: new TextEncoder().encode(`Batch ${tag}-${n} part ${i}\n\n${'They met at the embassy. '.repeat(5 + i * 20)}\n`),
  }));
}

async function openWhenFree(): Promise<ProjectStore> {
  for (;;) {
    try {
      return await ProjectStore.open(dir, { write: true, create: true, holder: `chaos worker ${tag}` });
    } catch (err) {
      if (!isUserError(err) || (err as { code?: string }).code !== 'locked') throw err;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 30));
    }
  }
}

async function main(): Promise<void> {
  const mine: string[] = [];
  const entries: string[] = [];
  let n = 0;
  let saves = 0;
  let ready = false;
  for (;;) {
    const store = await openWhenFree();
    if (!ready) {
      say('ready');
      ready = true;
    }
    for (let op = 0; op < 1 + Math.floor(Math.random() * 4); op++) {
      const roll = Math.random();
      if (roll < 0.35 || !mine.length) {
        const files = batch(n++);
        const { imported } = await importFiles(store, files);
        mine.push(...imported.map((d) => d.id));
        say(`imported ${imported.map((d) => d.title).join('|')}`);
      } else if (roll < 0.7) {
        const id = pick(mine);
        const doc = await store.readDocument(id);
        const count = ++saves;
        const meta = { ...doc.meta, summary: `save ${count}` };
        const rows = doc.body.content ?? [];
        if (Math.random() < 0.5) {
          // As the window's autosave: rows added until the document is long (kept in chunks, chunks.ts), then one row edited.
          const grow = rows.length < 260;
          const at = grow ? rows.length : Math.floor(Math.random() * rows.length);
          const added = Array.from({ length: grow ? 90 : 1 }, (_, i) => segment({ english: text(`Row ${at + i}, save ${count}. `.repeat(8)), witness: ['xx lP\\'] }));
          const to = grow ? at : at + 1;
          await store.saveDocumentChanges(id, { base: doc.updatedAt, meta, rowCount: rows.length + added.length - (to - at), changes: [{ from: at, to, rows: added }] });
        } else {
          await store.saveDocument(id, meta, doc.body);
        }
        say(`saved ${id} ${count}`);
      } else if (roll < 0.85) {
        if (entries.length && Math.random() < 0.3) {
          const en = entries.splice(Math.floor(Math.random() * entries.length), 1)[0];
          say(`removing ${en}`);
          const entry = store.glossary.find((e) => e.en === en);
          if (entry) await store.updateProject((p) => void (p.glossary = p.glossary.filter((e) => e.id !== entry.id)));
        } else {
          const en = `Chaos ${tag} entry ${n++}`;
          await addGlossaryEntry(store, { en, ko: ['시험'], type: 'term', variants: [], note: '' });
          entries.push(en);
          say(`glossary ${en}`);
        }
      } else {
        const ids = (await store.listDocuments()).documents.map((d) => d.id).slice(0, 20);
        const handlers = createHandlers({ store: () => store });
        const result = await dispatch(handlers, 'exportEdition', { ids, format: 'md', options: {} });
        if (!result.ok) throw new Error(result.error.message);
        const path = join(exportDir, `export-${tag}.md`);
        await writeFileDurable(path, result.value.bytes);
        say(`exported ${path}`);
      }
    }
    await store.close();
    // Let another worker have a turn now and then.
    if (Math.random() < 0.5) await new Promise((r) => setTimeout(r, Math.random() * 20));
  }
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err));
  process.exit(3);
});
