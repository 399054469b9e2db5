/**
 * The scale bench's regression guard, cheap enough for CI: the Node side of the bench at a
 * small size, run as the bench runs it (bench/scale-node.ts in its own process), each figure as
 * a ratio to its baseline measured in the same run, must stay within 3 times the ratio
 * committed in bench/results/scale.json (`guard`). Ratios, not times: the machine's speed and
 * load mostly cancel out; a figure over the line is measured once more before it fails, since
 * the machine is shared.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GUARD_SIZE, GUARDED, type Figure, type NodeFigures } from './scale-lib';

const ROOT = join(__dirname, '..');
const committed = JSON.parse(readFileSync(join(__dirname, 'results', 'scale.json'), 'utf8')) as {
  guard: { size: number; figures: NodeFigures };
};
const ratio = (f: Figure): number => f.value / Math.max(f.baseline, 1e-3);

function measure(dir: string): NodeFigures {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'scale-node.ts'), join(ROOT, '.tmp', 'scale', 'projects'), dir, String(GUARD_SIZE)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`bench/scale-node.ts failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as NodeFigures;
}

function over(now: NodeFigures, keys: readonly (typeof GUARDED)[number][]): (typeof GUARDED)[number][] {
  return keys.filter((key) => ratio(now[key]) > 3 * ratio(committed.guard.figures[key]));
}

describe('the archive-scale figures at a small size', () => {
  it(`stay within 3× their committed ratio to their baseline (${GUARD_SIZE} documents)`, async () => {
    expect(committed.guard.size).toBe(GUARD_SIZE);
    const tmp = await mkdtemp(join(tmpdir(), 'interlinea-scale-guard-'));
    try {
      let now = measure(join(tmp, 'project'));
      let failing = over(now, GUARDED);
      if (failing.length) {
        now = measure(join(tmp, 'project'));
        failing = over(now, failing);
      }
      const report = failing.map(
        (key) => `${key}: ${ratio(now[key]).toFixed(2)}× its baseline (${now[key].baselineIs}), committed ${ratio(committed.guard.figures[key]).toFixed(2)}×`,
      );
      expect(report, 'figures over 3× their committed ratio').toEqual([]);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }, 300_000);
});
