/**
 * A long document for the scale bench and the browser test (issue 12 item 5): an archive
 * plain-text page of N numbered paragraphs, English and its garbled Korean witness, as the
 * Wilson Center pages are laid out, for the real importer; then the translator's work a
 * project of that size holds: a quarter of the rows restored (the Korean that garbles to
 * the row's witness), a footnote every 25th row, an OCR correction every 40th.
 *
 * Pure (no Node builtins): bench/scale-long.ts imports it into a project; the browser test
 * (e2e/long-document.spec.ts) does the same through the fixture's handlers.
 */
import type { PMJson } from '../shared/model/document';
import { garbleLine } from '../shared/korean/garble';
import { allLines } from '../shared/korean/testdata/corpus';

/** English sentences of the sample reports; `[...]` is the translator's insertion, which the importer marks. */
const SENTENCES = [
  "I provided Comrade Puzanov with a translation of our [SED] Central Committee's communique and resolution on the results of the Bucharest Meeting.",
  'Comrade Puzanov told me that Kim Il Sung visited Beijing in May 1960 upon invitation by Mao Zedong.',
  'During his visit in Moscow, Comrade Kim Il Sung informed Comrade Khrushchev about attempts by the Chinese comrades to pull the Korean comrades into the plot against the CPSU leadership.',
  'Comrade Kim Il Sung had told Comrade Khrushchev that they [the Koreans] strictly rejected this Chinese suggestion.',
  "He provided ample advice how to draft the DPRK's Seven-Year-Plan and promised the Korean comrades substantial Soviet aid if they pursue correct economic policies.",
  'Existing contradictions within this party must not be overestimated since those are just internal power struggles.',
  'In March 1960 they already omitted the phrase about the determinism of disproportions, and today it is no longer in use.',
  'During celebrations for the [DPRK\'s] 15th Anniversary, representatives of these organizations were illegally present [in Pyongyang].',
  'The conversation was trusting and friendly.',
  'They continue to send their own material to the Chinese comrades (within the framework of the diplomatic corps).',
];

/** The Korean version's title line. */
const KOREAN_TITLE = '조선민주주의인민공화국의 정세에 관한 보고';

/** Korean lines (the engine's test corpus), one per paragraph, cycled. */
function koreanLines(): string[] {
  return allLines().filter((line) => line.length > 12);
}

/** The Korean of paragraph `i` (1-based number first, so the witness keeps it: digits survive the garbling). */
export function koreanOf(i: number, lines = koreanLines()): string {
  return `${i + 1}. ${lines[i % lines.length]}`;
}

/** The English of paragraph `i`: one to three sentences, numbered as its Korean is. */
export function englishOf(i: number): string {
  const count = 1 + (i % 3);
  const parts: string[] = [];
  for (let k = 0; k < count; k++) parts.push(SENTENCES[(i * 3 + k * 7) % SENTENCES.length]);
  return `${i + 1}. ${parts.join(' ')}`;
}

/** The archive's plain-text page of a report that imports as `rows` rows: its title and `rows - 1` numbered paragraphs. */
export function longArchivePage(rows: number, title: string): string {
  const lines = koreanLines();
  const english: string[] = [];
  const witness: string[] = [];
  for (let i = 0; i < rows - 1; i++) {
    english.push(englishOf(i), '');
    witness.push(garbleLine(koreanOf(i, lines)), '');
  }
  return [
    'Search in',
    '',
    'Digital Archive International History Declassified',
    '',
    'March 4, 1961',
    '',
    '  • Citation',
    '',
    '    get citation',
    '',
    `    A long report of the GDR Embassy in Pyongyang, ${rows - 1} numbered paragraphs.`,
    `    "${title}," March 4, 1961, History and Public Policy Program Digital Archive, SAPMO-BA, DY 30, IV 2/20/137. Translated for NKIDP by Bernd Schaefer.`,
    '  • share document',
    '',
    '',
    'English HTML',
    '',
    title,
    '',
    ...english,
    '',
    'Korean HTML',
    '',
    garbleLine(KOREAN_TITLE),
    '',
    ...witness,
  ].join('\n');
}

/**
 * The translator's work on an imported body, in place: every fourth row with a witness
 * restored (the Korean whose garble is the row's witness, so the check confirms it), a
 * footnote every 25th row, an OCR correction every 40th. Returns how many rows were restored.
 */
export function addTranslatorWork(body: PMJson): number {
  const lines = koreanLines();
  const byWitness = new Map<string, string>();
  const rows = body.content ?? [];
  for (let i = 0; i < rows.length + 10; i++) byWitness.set(garbleLine(koreanOf(i, lines)), koreanOf(i, lines));
  let restored = 0;
  rows.forEach((row, index) => {
    const cells = row.content ?? [];
    const english = cells.find((c) => c.type === 'english');
    const witness = cells.find((c) => c.type === 'witness');
    const korean = cells.find((c) => c.type === 'korean');
    const witnessLines = (witness?.attrs?.lines as string[] | undefined) ?? [];
    if (korean && witnessLines.length && index % 4 === 0) {
      // One restored line per witness line (a hard break between), as the check reads them.
      const texts = witnessLines.map((line) => byWitness.get(line) ?? '');
      if (texts.every(Boolean)) {
        korean.content = texts.flatMap((text, k): PMJson[] => (k ? [{ type: 'hard_break' }, { type: 'text', text }] : [{ type: 'text', text }]));
        restored++;
      }
    }
    if (english && index % 25 === 7) {
      english.content = [...(english.content ?? []), { type: 'footnote', attrs: { id: `fn-long-${index}` }, content: [{ type: 'text', text: `Translator's note on paragraph ${index + 1}: the Korean version is abridged here.` }] }];
    }
    if (english && index % 40 === 11) {
      english.content = [...(english.content ?? []), { type: 'text', text: ' ' }, { type: 'text', text: 'Kim Il Sung', marks: [{ type: 'correction', attrs: { original: 'Kim II Sung' } }] }];
    }
  });
  return restored;
}
