import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/model/canonical-json';
import { segment, text } from '../../shared/model/build';
import type { PMJson } from '../../shared/model/document';
import {
  CHUNK_MAX_ROWS,
  chunkDigest,
  chunkText,
  chunksNamed,
  parseChunkRefs,
  planChunks,
  rowText,
  type ChunkRef,
  type PlannedChunk,
  type RowSpan,
} from './chunks';

const row = (i: number, tag = ''): PMJson => segment({ id: `r${i}${tag}`, english: text(`Row ${i}${tag}: the delegation arrived in Pyongyang.`), witness: [`w ${i}`] });
const rows = (n: number): PMJson[] => Array.from({ length: n }, (_, i) => row(i));
const texts = new WeakMap<PMJson, string>();
/** rowText, once per row object (as a save serialises each row it scans once). */
const textOf = (r: PMJson): string => {
  let t = texts.get(r);
  if (t === undefined) texts.set(r, (t = rowText(r)));
  return t;
};

/** The layout a plan makes: chunk names (kept, or made of the rows planned). */
function layout(all: readonly PMJson[], plan: PlannedChunk[]): { refs: ChunkRef[]; written: number } {
  let written = 0;
  const refs = plan.map((c) => {
    if ('keep' in c) return c.keep;
    written++;
    const t = chunkText(all.slice(c.start, c.end).map(textOf));
    return { file: chunkDigest(t), rows: c.end - c.start, bytes: t.length };
  });
  return { refs, written };
}

function apply(base: readonly PMJson[], spans: { from: number; to: number; rows: PMJson[] }[]): PMJson[] {
  const out: PMJson[] = [];
  let at = 0;
  for (const s of spans) {
    out.push(...base.slice(at, s.from), ...s.rows);
    at = s.to;
  }
  return [...out, ...base.slice(at)];
}

describe('chunks', () => {
  it('writes a chunk as the canonical JSON of its rows, named by its hash', () => {
    const some = rows(3);
    const t = chunkText(some.map(rowText));
    expect(t).toBe(canonicalJson({ rows: some }));
    expect(JSON.parse(t)).toEqual({ rows: some });
    expect(chunkDigest(t)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('cuts rows at boundaries set by their content, at most the most rows a chunk may hold', () => {
    const all = rows(2000);
    const plan = planChunks(all, rowText) as { start: number; end: number }[];
    expect(plan[0]!.start).toBe(0);
    expect(plan.at(-1)!.end).toBe(2000);
    for (const [i, c] of plan.entries()) {
      if (i) expect(c.start).toBe(plan[i - 1]!.end);
      expect(c.end).toBeGreaterThan(c.start);
      expect(c.end - c.start).toBeLessThanOrEqual(CHUNK_MAX_ROWS);
    }
    // About one boundary in CHUNK_AVERAGE_ROWS rows (32).
    expect(plan.length).toBeGreaterThan(2000 / 64);
    expect(plan.length).toBeLessThan(2000 / 16);
    // The same rows, the same chunks.
    expect(planChunks(rows(2000), rowText)).toEqual(plan);
  });

  it('rewrites at most two chunks when one row is inserted, deleted or edited anywhere, and keeps the others', () => {
    const all = rows(2000);
    const before = layout(all, planChunks(all, textOf));
    const names = new Set(before.refs.map((r) => r.file));
    let most = 0;
    for (let at = 0; at <= 2000; at += 29) {
      const edits: { spans: { from: number; to: number; rows: PMJson[] }[] }[] = [
        { spans: [{ from: at, to: at, rows: [row(at, ' inserted')] }] },
        ...(at < 2000 ? [{ spans: [{ from: at, to: at + 1, rows: [] }] }, { spans: [{ from: at, to: at + 1, rows: [row(at, ' edited')] }] }] : []),
      ];
      for (const { spans } of edits) {
        const next = apply(all, spans);
        const rowSpans: RowSpan[] = spans.map((s) => ({ from: s.from, to: s.to, count: s.rows.length }));
        const incremental = layout(next, planChunks(next, textOf, { refs: before.refs, spans: rowSpans }));
        expect(incremental.written).toBeLessThanOrEqual(2);
        most = Math.max(most, incremental.written);
        // What was kept is what a whole new chunking makes too (boundaries depend on content, not place).
        const whole = layout(next, planChunks(next, textOf));
        expect(whole.refs).toEqual(incremental.refs);
        expect(whole.refs.filter((r) => !names.has(r.file)).length).toBeLessThanOrEqual(2);
        expect(incremental.refs.reduce((n, r) => n + r.rows, 0)).toBe(next.length);
      }
    }
    expect(most).toBeGreaterThan(0);
  });

  it('keeps every chunk for a save that changed no row, and chunks appended rows at the end', () => {
    const all = rows(500);
    const before = layout(all, planChunks(all, textOf));
    expect(planChunks(all, rowText, { refs: before.refs, spans: [] })).toEqual(before.refs.map((keep) => ({ keep })));
    const more = [...all, ...Array.from({ length: 100 }, (_, i) => row(500 + i))];
    const after = layout(more, planChunks(more, rowText, { refs: before.refs, spans: [{ from: 500, to: 500, count: 100 }] }));
    expect(after.refs.slice(0, before.refs.length - 1)).toEqual(before.refs.slice(0, -1));
    expect(after.refs.reduce((n, r) => n + r.rows, 0)).toBe(600);
  });

  it('reads the chunks a head names, and refuses references that are not chunks', () => {
    const refs = [{ file: 'a'.repeat(32), rows: 3, bytes: 10 }];
    expect(parseChunkRefs(refs, 'chunks')).toEqual(refs);
    expect(() => parseChunkRefs([{ file: '../x', rows: 1, bytes: 1 }], 'chunks')).toThrow('chunks[0]: expected a chunk name of 32 hex digits');
    expect(() => parseChunkRefs([], 'chunks')).toThrow('expected a list of chunks');
    expect(() => parseChunkRefs([{ file: 'b'.repeat(32), rows: 0, bytes: 1 }], 'chunks')).toThrow('expected a row count');
    const head = canonicalJson({ id: 'd', body: { type: 'doc' }, chunks: refs, sourceChunk: { file: 'c'.repeat(32), rows: 0, bytes: 5 } });
    expect(chunksNamed(head)).toEqual(['a'.repeat(32), 'c'.repeat(32)]);
    // A row whose text says "chunks": is not a head's key (its quotes are escaped).
    expect(chunksNamed(canonicalJson({ id: 'd', body: { type: 'doc', content: [{ type: 'text', text: '"chunks": [1]' }] } }))).toEqual([]);
    expect(chunksNamed('{"chunks": [')).toBeNull();
  });
});
