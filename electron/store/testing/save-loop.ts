/**
 * Test helper process: opens the project in argv[2] for writing and saves the
 * document argv[3] again and again, with changing content, until killed.
 * Prints "ready <ms>" after the first save, with how long it took.
 */
import { ProjectStore } from '../project-store';
import { body, segment, text } from '../../../shared/model/build';

async function main(): Promise<void> {
  const [dir, id] = process.argv.slice(2);
  const store = await ProjectStore.open(dir, { write: true, holder: 'save-loop' });
  const doc = await store.readDocument(id);
  const start = performance.now();
  for (let round = 0; ; round++) {
    const segments = Array.from({ length: 200 + (round % 50) }, (_, i) =>
      segment({ id: `s${i}`, english: text(`Round ${round}, segment ${i}: `.repeat(20)), witness: [`w${i}`] }),
    );
    await store.saveDocument(id, { ...doc.meta, title: `Round ${round}` }, body(segments));
    if (round === 0) process.stdout.write(`ready ${Math.round(performance.now() - start)}\n`);
  }
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err));
  process.exit(3);
});
