/**
 * Test helper process: opens the project in argv[2] for writing and saves the
 * document argv[3] again and again, with changing content, until killed.
 * Prints "ready <ms>" after the first save, with how long it took.
 * With argv[4] = 'rows', it saves as the window's autosave does instead: one row
 * changed per save (saveDocumentChanges), of a document it first makes 600 rows
 * long, so each save writes a chunk or two and the head (chunks.ts).
 */
import { ProjectStore } from '../project-store';
import { body, segment, text } from '../../../shared/model/build';

async function main(): Promise<void> {
  const [dir, id, mode] = process.argv.slice(2);
  const store = await ProjectStore.open(dir, { write: true, holder: 'save-loop' });
  let doc = await store.readDocument(id);
  const start = performance.now();
  for (let round = 0; ; round++) {
    if (mode === 'rows') {
      if (round === 0) {
        const rows = Array.from({ length: 600 }, (_, i) => segment({ id: `s${i}`, english: text(`Row ${i}: `.repeat(20)), witness: [`w${i}`] }));
        await store.saveDocument(id, { ...doc.meta, title: 'Round 0' }, body(rows));
      } else {
        const at = (round * 211) % 600;
        const row = segment({ id: `s${at}`, english: text(`Round ${round}, row ${at}: `.repeat(20)), witness: [`w${at}`] });
        await store.saveDocumentChanges(id, { base: doc.updatedAt, meta: { ...doc.meta, title: `Round ${round}` }, rowCount: 600, changes: [{ from: at, to: at + 1, rows: [row] }] });
      }
      doc = await store.readDocument(id);
    } else {
      const segments = Array.from({ length: 200 + (round % 50) }, (_, i) =>
        segment({ id: `s${i}`, english: text(`Round ${round}, segment ${i}: `.repeat(20)), witness: [`w${i}`] }),
      );
      await store.saveDocument(id, { ...doc.meta, title: `Round ${round}` }, body(segments));
    }
    if (round === 0) process.stdout.write(`ready ${Math.round(performance.now() - start)}\n`);
  }
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err));
  process.exit(3);
});
