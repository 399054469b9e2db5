/**
 * A long synthetic document for the page-foot notes: many rows of English,
 * Korean and witness, of varied length (some longer than a page), with a
 * footnote every few rows (some notes several lines long) and noted
 * corrections, deterministic for a seed. Each note's text names its number
 * (`Note 7 …`) so a test can find it on a page. Tests and renders only.
 */
import type { DocumentFile, PMJson } from '../../model/document';
import { body, segment, text } from '../../model/build';
import { documentFile } from './fixtures';
import { garbleLine } from '../../korean/garble';

const WORDS = (
  'the delegation comrade embassy report ministry conversation party central committee ' +
  'economic plan cooperation agricultural production industrial question meeting ambassador ' +
  'soviet union friendship declared informed position Korean workers emphasised'
).split(' ');
const KOREAN = '조선 로동당 중앙 위원회 대사관 동무 회담 경제 계획 협조 농업 생산 공업 문제 소련 친선 대표단 보고'.split(' ');

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function words(rand: () => number, list: string[], count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(list[Math.floor(rand() * list.length)]);
  return out.join(' ');
}

/** What {@link longDocument} made: the document and where its notes are called. */
export interface LongDocument {
  doc: DocumentFile;
  /** Note number → the row (0-based) that calls it. */
  noteRows: number[];
  /** The number of noted corrections. */
  corrections: number;
}

/**
 * `rows` rows; every `noteEvery`-th row calls a note; rows `longRows` are about
 * 2,400 characters of English (longer than a page with its columns).
 */
export function longDocument(opts: { rows?: number; noteEvery?: number; longRows?: number[]; seed?: number } = {}): LongDocument {
  const rows = opts.rows ?? 80;
  const noteEvery = opts.noteEvery ?? 3;
  const longRows = new Set(opts.longRows ?? [9, 40]);
  const rand = random(opts.seed ?? 7);
  const segments: PMJson[] = [];
  const noteRows: number[] = [];
  let corrections = 0;
  for (let i = 0; i < rows; i++) {
    const length = longRows.has(i) ? 380 : 12 + Math.floor(rand() * 70);
    const english: PMJson[] = [...text(`${i + 1}. ${words(rand, WORDS, Math.floor(length / 2))} `)];
    if (i % noteEvery === 1) {
      const n = noteRows.length + 1;
      noteRows.push(i);
      const noteLength = n % 5 === 0 ? 60 : 6 + Math.floor(rand() * 14);
      english.push({
        type: 'footnote',
        attrs: { id: `n${n}` },
        content: text(`Note ${n} on row ${i + 1}: ${words(rand, WORDS, noteLength)}.`),
      });
    }
    english.push(...text(` ${words(rand, WORDS, Math.ceil(length / 2))}`));
    if (i % 11 === 5) {
      corrections++;
      english.push(...text(' and '), ...text('Kim Il Sung', [{ type: 'correction', attrs: { original: 'Kim II Sung' } }]));
    }
    english.push(...text('.'));
    const korean = words(rand, KOREAN, Math.max(3, Math.floor(length / 4)));
    const lines = [garbleLine(korean)];
    segments.push(segment({ id: `r${i + 1}`, english, korean: text(korean), witness: lines }));
  }
  const doc = documentFile(
    'long-synthetic',
    {
      title: 'A long synthetic report',
      date: '1961-01-01',
      translator: 'Test Translator',
      citation: 'Synthetic, for pagination tests.',
    },
    body(segments),
    segments.flatMap((seg) => (seg.content?.[1]?.attrs?.lines as string[]) ?? []),
  );
  return { doc, noteRows, corrections };
}

/** A document whose text tries to run script: a script element and an onerror handler, in a row and a note. */
export function hostileDocument(): DocumentFile {
  return documentFile(
    'hostile',
    { title: 'A <script>alert(1)</script> title', date: '1960-01-01' },
    body([
      segment({
        id: 'h1',
        english: [
          ...text('Before <script>document.title="RAN"</script> and <img src=x onerror="document.title=\'RAN\'"> after'),
          { type: 'footnote', attrs: { id: 'hn' }, content: text('A note with <img src=y onerror=alert(2)> in it.') },
        ],
        korean: text('조선 <script>x()</script>'),
      }),
    ]),
  );
}

