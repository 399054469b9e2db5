// Leaves a marker that a step of `npm test` passed, for scripts/ci-summary.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';
mkdirSync('.tmp/results', { recursive: true });
writeFileSync(`.tmp/results/${process.argv[2]}.ok`, new Date().toISOString() + '\n');
