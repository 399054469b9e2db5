import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { QaDocumentFindings } from '../../../shared/ipc/contract';

const pages: { from: number; budgetMs?: number }[] = [];
let gate: (() => void) | null = null;
const doc = (n: number): QaDocumentFindings => ({ id: `d${n}`, title: `D${n}`, findings: [] });

vi.mock('../api', () => ({
  api: {
    qaRun: async ({ from, budgetMs }: { from: number; budgetMs?: number }) => {
      pages.push({ from, budgetMs });
      if (from === 2) await new Promise<void>((resolve) => (gate = resolve));
      if (from === 4) throw new Error('documents/d4.json could not be read');
      const next = from + 2 < 6 ? from + 2 : null;
      return { documents: [doc(from), doc(from + 1)], problems: [], ignored: 0, scanned: from + 2, total: 6, next };
    },
  },
  errorMessage: (err: unknown) => (err as Error).message,
}));

const { qaStore } = await import('./use-qa');

beforeEach(() => {
  pages.length = 0;
  gate = null;
});

describe('the project run in the window', () => {
  it('asks page after page with a time budget, showing findings and progress as they come, and says what failed', async () => {
    const run = qaStore.runProject();
    await vi.waitFor(() => expect(gate).not.toBeNull());
    expect(qaStore.getSnapshot()).toMatchObject({ running: true, progress: { scanned: 2, total: 6 } });
    expect(qaStore.getSnapshot().run?.map((d) => d.id)).toEqual(['d0', 'd1']);
    gate!();
    await run;
    expect(pages.map((p) => p.from)).toEqual([0, 2, 4]);
    expect(pages.every((p) => p.budgetMs && p.budgetMs <= 1000)).toBe(true);
    // The page that failed is reported; the findings before it stay.
    expect(qaStore.getSnapshot()).toMatchObject({ running: false, error: 'documents/d4.json could not be read', progress: { scanned: 4, total: 6 } });
    expect(qaStore.getSnapshot().run?.map((d) => d.id)).toEqual(['d0', 'd1', 'd2', 'd3']);
  });

  it('stops between pages when asked, keeping what was found, and a new run starts afresh', async () => {
    const run = qaStore.runProject();
    await vi.waitFor(() => expect(gate).not.toBeNull());
    qaStore.stop();
    gate!();
    await run;
    expect(pages.map((p) => p.from)).toEqual([0, 2]);
    expect(qaStore.getSnapshot()).toMatchObject({ running: false, error: null, progress: { scanned: 2, total: 6 } });
    expect(qaStore.getSnapshot().run?.map((d) => d.id)).toEqual(['d0', 'd1']);
  });
});
