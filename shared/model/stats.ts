/**
 * Figures about a document body that the document list shows.
 */
import type { PMJson } from './document';
import { columnOf, plainText, segmentsOf, witnessOf } from './build';

/** Segment counts: all, those with witness lines, and of those the ones with a restoration. */
export function restorationCounts(body: PMJson): { segments: number; witnessSegments: number; restoredSegments: number } {
  let witnessSegments = 0;
  let restoredSegments = 0;
  const segments = segmentsOf(body);
  for (const seg of segments) {
    if (witnessOf(seg).length === 0) continue;
    witnessSegments++;
    if (plainText(columnOf(seg, 'korean')?.content).trim()) restoredSegments++;
  }
  return { segments: segments.length, witnessSegments, restoredSegments };
}
