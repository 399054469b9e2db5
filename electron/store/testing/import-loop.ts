/**
 * Test helper process: imports batches of four small documents into the
 * project in argv[2] (created if missing), batch argv[3] first, then the next,
 * until killed. Prints "ready" after the first batch and "batch <n>" after
 * each batch is written.
 */
import { ProjectStore } from '../project-store';
import { importFiles } from './import-files';

export function batchFiles(n: number): { name: string; bytes: Uint8Array }[] {
  return Array.from({ length: 4 }, (_, i) => ({
    name: `batch-${n}-${i}.txt`,
    bytes: new TextEncoder().encode(`Batch ${n} part ${i}\n\n${'They agreed. '.repeat(200)}\n`),
  }));
}

async function main(): Promise<void> {
  const [dir, start] = process.argv.slice(2);
  const store = await ProjectStore.open(dir, { write: true, create: true, holder: 'import-loop' });
  for (let n = Number(start); ; n++) {
    await importFiles(store, batchFiles(n));
    if (n === Number(start)) process.stdout.write('ready\n');
    process.stdout.write(`batch ${n}\n`);
  }
}

if (process.argv[1]?.endsWith('import-loop.ts')) {
  main().catch((err) => {
    process.stderr.write(String(err?.stack ?? err));
    process.exit(3);
  });
}
