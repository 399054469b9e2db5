// `npm run bench`: runs every benchmark in bench/ (or those named on the command line)
// one after another, each in its own process so they do not disturb each other.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';

// Names choose benches; options (`--sizes 200`, `--long-only`) are passed on to each bench run
// (an option's value is the word after it, unless that word names a bench).
const files = readdirSync('bench').filter((f) => f.endsWith('.bench.ts'));
const names = (word) => files.some((f) => f.includes(word));
const args = process.argv.slice(2);
const options = [];
const only = [];
for (let i = 0; i < args.length; i++) {
  if (!args[i].startsWith('--')) only.push(args[i]);
  else {
    options.push(args[i]);
    if (i + 1 < args.length && !args[i + 1].startsWith('--') && !names(args[i + 1])) options.push(args[++i]);
  }
}
const benches = files
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();
console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, node ${process.version}, ${process.platform}`);
let failed = 0;
for (const file of benches) {
  console.log(`\n=== bench/${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`, ...options], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
