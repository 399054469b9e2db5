/**
 * kill -9 at random moments while workers import, save, edit the glossary and
 * export (testing/chaos.ts); the short setting of `npm run soak`.
 */
import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { runChaos } from './testing/chaos';

describe('kill -9 at random moments', () => {
  it('leaves a project that opens, is consistent and holds every acknowledged change (40 kills)', async () => {
    const root = join(tmpdir(), `interlinea-chaos-${process.pid}`);
    try {
      const figures = await runChaos({ root, kills: 40, workers: 2, freshEvery: 10, maxRunMs: 800 });
      expect(figures.crashed).toEqual([]);
      expect(figures.problems).toEqual([]);
      expect(figures.lost).toEqual([]);
      expect(figures.kills).toBeGreaterThanOrEqual(40);
      // The kills landed while work was being done, not before it began.
      expect(figures.acknowledged.imports).toBeGreaterThan(10);
      expect(figures.acknowledged.saves + figures.acknowledged.glossary).toBeGreaterThan(10);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 240_000);
});
