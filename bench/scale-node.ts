/**
 * One size of the scale bench in its own process: `npx tsx bench/scale-node.ts CACHE DIR N`
 * copies the cached N-document project to DIR, measures it (bench/scale-lib.ts) and prints the
 * figures as one JSON line.
 */
import { measureNode, projectCopy } from './scale-lib';

async function main(): Promise<void> {
  const [cache, dir, n] = process.argv.slice(2);
  if (!cache || !dir || !n) throw new Error('usage: scale-node.ts CACHE DIR N');
  await projectCopy(cache, dir, Number(n));
  // Every open copies the project as a backup today: fewer warm opens of the largest projects.
  const figures = await measureNode(dir, Number(n) >= 5000 ? 2 : 5);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  // The suggester's worker holds nothing open, but say so plainly.
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
