/**
 * Test helper process: imports one small document titled argv[3] into the
 * project in argv[2] (creating it if missing), waiting while another writer
 * holds the project, and prints "imported <id>" once it is written.
 */
import { ProjectStore } from '../project-store';
import { importFiles } from './import-files';
import { isUserError } from '../../../shared/errors';

async function main(): Promise<void> {
  const [dir, title] = process.argv.slice(2);
  const file = { name: `${title}.txt`, bytes: new TextEncoder().encode(`${title}\n\nThey agreed.\n`) };
  const deadline = Date.now() + 30_000;
  for (;;) {
    let store: ProjectStore | null = null;
    try {
      store = await ProjectStore.open(dir, { write: true, create: true, holder: `import-one ${title}` });
      const { imported } = await importFiles(store, [file]);
      process.stdout.write(`imported ${imported[0].id}\n`);
      return;
    } catch (err) {
      if (!isUserError(err) || (err as { code?: string }).code !== 'locked' || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 40));
    } finally {
      await store?.close();
    }
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(String(err?.stack ?? err));
    process.exit(3);
  },
);
