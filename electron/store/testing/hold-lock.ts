/**
 * Test helper process: opens the project in argv[2] for writing, prints "locked",
 * and holds it until stdin closes or it is killed.
 */
import { ProjectStore } from '../project-store';

ProjectStore.open(process.argv[2], { write: true, holder: 'hold-lock test process' }).then(
  (store) => {
    process.stdout.write('locked\n');
    process.stdin.resume();
    process.stdin.on('end', () => void store.close().then(() => process.exit(0)));
  },
  (err) => {
    process.stderr.write(String(err?.message ?? err));
    process.exit(3);
  },
);
