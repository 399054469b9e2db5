/**
 * What the benches share: their command-line numbers, the median they report,
 * and the synthetic project most of them measure (the two samples and the
 * every-annotation fixture, copied with their own ids, dates and a varied first
 * row, so no two documents are the same text).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotate, kitchenSink, seed1960, seed1963 } from '../shared/export/testing/fixtures';
import { segmentsOf } from '../shared/model/build';
import type { DocumentFile } from '../shared/model/document';

/** `--name N` from the command line, or `fallback`. */
export function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

/** The median (the mean of the two middle values of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const SEEDS = join(__dirname, '..', 'resources', 'samples');

/** `count` documents: copies of the samples and the fixture, each with its own id, title, date and first row. */
export function syntheticDocuments(count: number): DocumentFile[] {
  const templates = [
    annotate(seed1960(readFileSync(join(SEEDS, '1960-08-30-puzanov-conversation.txt'), 'utf8'))),
    annotate(seed1963(readFileSync(join(SEEDS, '1963-06-20-kwp-policy-information.txt'), 'utf8'))),
    kitchenSink(),
  ];
  return Array.from({ length: count }, (_, i) => {
    const doc = structuredClone(templates[i % templates.length]);
    doc.id = `doc-${String(i).padStart(5, '0')}`;
    doc.meta.title = `${doc.meta.title} (copy ${i})`;
    doc.meta.date = `${1950 + (i % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    segmentsOf(doc.body)[0].content?.[0]?.content?.push({ type: 'text', text: ` — variant ${i}` });
    return doc;
  });
}
