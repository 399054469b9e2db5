/**
 * Test fixtures for the exporters, built with the model's builders: a small
 * document that uses every mark and node (and every character that needs
 * escaping somewhere), and documents modelled on the two seed files, read from
 * their text so they carry the seeds' own words and bracketed insertions.
 * Used by tests and the benchmark only.
 */
import { DOCUMENT_SCHEMA_VERSION, emptyMeta, type DocumentFile, type PMJson } from '../../model/document';
import type { GlossaryEntry } from '../../model/project';
import type { SegmentRole } from '../../model/schema';
import { body, inlineFromPlain, insertion, segment, segmentsOf, text } from '../../model/build';

/** A document file around a body. */
export function documentFile(
  id: string,
  meta: Partial<DocumentFile['meta']>,
  bodyJson: PMJson,
  witness: string[] = [],
): DocumentFile {
  return {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    id,
    meta: { ...emptyMeta(), ...meta },
    source: { file: `${id}.txt`, format: 'text', importedAt: '', witness, notes: [] },
    body: bodyJson,
    updatedAt: '',
  };
}

const nameMark = (type: string, ref: string) => [{ type: 'name', attrs: { type, ref } }];

/** Glossary matching the names in {@link kitchenSink}. */
export const GLOSSARY: GlossaryEntry[] = [
  { id: 'g-kim', en: 'Kim Il Sung', variants: ['Kim Il-sung'], ko: ['김일성'], type: 'person', note: '' },
  { id: 'g-sons', en: 'Smith & <Sons>', variants: [], ko: [], type: 'organisation', note: 'A name with <, & and ">".' },
  { id: 'g-pyongyang', en: 'Pyongyang', variants: [], ko: ['평양'], type: 'place', note: '' },
  { id: 'g_odd id', en: 'Juche', variants: [], ko: ['주체'], type: 'term', note: '' },
];

/** One document that exercises every mark, node and escaping hazard. */
export function kitchenSink(id = 'kitchen-sink'): DocumentFile {
  const segments = [
    segment({
      id: 's1',
      role: 'head',
      english: text('A <Report> & "Notes"'),
      korean: text('보고서'),
      witness: ['|| Y'],
    }),
    segment({
      id: 's2',
      role: 'p',
      english: [
        ...text('Comrade '),
        ...text('Kim Il Sung', [
          { type: 'correction', attrs: { original: 'Kim II Sung' } },
          ...nameMark('person', 'g-kim'),
        ]),
        ...text(' met '),
        ...text('Smith & <Sons>', nameMark('organisation', 'g-sons')),
        ...text(' in '),
        ...text('Pyongyang', [
          { type: 'insertion', attrs: { kind: 'clarification' } },
          ...nameMark('place', 'g-pyongyang'),
        ]),
        ...text(' about '),
        ...text('Juche', nameMark('term', 'g_odd id')),
        {
          type: 'footnote',
          attrs: { id: 'f1' },
          content: [...text('See the '), ...insertion('SED', 'expansion'), ...text(' files & <notes>.')],
        },
        ...text('. Literal [brackets] and *stars* _under_ `ticks` \\ back, 1960. '),
        { type: 'gap', attrs: { reason: 'illegible', quantity: 3 } },
        ...text(' then '),
        { type: 'unclear', attrs: { reason: 'faded' }, content: text('maybe') },
        { type: 'hard_break' },
        ...text('  two  spaces  '),
        ...insertion('variant reading', 'variant'),
      ],
      korean: [
        ...text('김일성', nameMark('person', 'g-kim')),
        ...text(' 동지는 '),
        ...text('평양', [{ type: 'insertion', attrs: { kind: 'clarification' } }]),
        ...text('에서 '),
        { type: 'footnote', attrs: { id: 'f2' }, content: text('한국어 각주입니다.') },
        ...text('만났다. '),
        ...text('제안', [{ type: 'proposed' }]),
      ],
      witness: ['xx 8 lP\\ t X \\ || YX', '  double  spaced  ', '', 'ctrl\u001b and cr\r and ]]> & <'],
      original: text('Genosse Kim Il Sung traf …'),
    }),
    segment({ id: 's3', role: 'closer', english: text('K. Schneidewind'), korean: [], witness: [] }),
    segment({
      id: 's4',
      role: 'distribution',
      english: [...text('1x Ambassador '), ...insertion('Pyongyang')],
      korean: text('1x 대사'),
    }),
  ];
  return documentFile(
    id,
    {
      title: 'A <Test> & "Everything" Document',
      date: '1961-05',
      citation: 'Citation with <angle> & ampersand',
      signature: 'SAPMO-BA, DY 30, IV 2/20/137',
      summary: 'Line one.\nLine two & <three>.',
      credits: 'Credits & thanks',
      originalLanguage: 'German',
      sourceUrl: 'https://example.org/doc?id=1&x=<y>',
      translator: 'A. Translator',
      translatorNotes: 'Notes by the translator.',
    },
    body(segments),
    ['|| Y', '', 'xx 8 lP\\ t X \\ || YX', '  double  spaced  ', '', 'ctrl\u001b and cr\r and ]]> & <'],
  );
}

/** Lines of a seed between two marker lines (exclusive), or to the end. */
function between(lines: string[], start: string, end?: string): string[] {
  const from = lines.findIndex((line) => line.trim() === start);
  const to = end ? lines.findIndex((line, i) => i > from && line.trim() === end) : lines.length;
  return lines.slice(from + 1, to < 0 ? lines.length : to);
}

/**
 * The 1960 seed (Puzanov conversation) as a document: 17 segments, 19 bracketed
 * insertions, the witness lines attached to the rows they garble.
 */
export function seed1960(seedText: string): DocumentFile {
  const lines = seedText.replace(/\r\n/g, '\n').split('\n');
  const english = between(lines, 'English HTML', 'Korean HTML').filter((line) => line.trim());
  const witnessAll = between(lines, 'Korean HTML');
  const witness = witnessAll.filter((line) => line.trim());
  // Which witness line garbles which English row (by eye: letterhead, signature, embassy, date, title, body).
  const witnessOfRow: Record<number, number> = { 0: 0, 2: 1, 3: 2, 4: 3, 5: 4, 6: 5 };
  const roles: SegmentRole[] = english.map((_, i) =>
    i < 6 ? 'head' : i < 12 ? 'p' : i < 14 ? 'closer' : 'distribution',
  );
  const segments = english.map((line, i) =>
    segment({
      id: `s${i + 1}`,
      role: roles[i],
      english: inlineFromPlain(line.trim()),
      witness:
        witnessOfRow[i] !== undefined && witness[witnessOfRow[i]] !== undefined ? [witness[witnessOfRow[i]]] : [],
    }),
  );
  const citation = lines.find((line) => line.trim().startsWith('"Note about'))?.trim() ?? '';
  return documentFile(
    '1960-08-30-puzanov-conversation',
    {
      title: 'Note about a Conversation in the Soviet Embassy with Comrade Puzanov',
      date: '1960-08-30',
      citation,
      signature: 'SAPMO-BA, DY 30, IV 2/20/137',
      summary: lines.find((line) => line.trim().startsWith('The ambassadors'))?.trim() ?? '',
      credits: 'This document was made possible with support from the ROK Ministry of Unification',
      translator: 'Bernd Schaefer',
    },
    body(segments),
    witnessAll,
  );
}

/** The 1963 seed (KWP policy information) as a document: no witness, 19 bracketed insertions. */
export function seed1963(seedText: string): DocumentFile {
  const lines = seedText.replace(/\r\n/g, '\n').split('\n');
  const english = between(lines, 'Translation - English').filter((line) => line.trim());
  const segments = english.map((line, i) => {
    const trimmed = line.trim();
    let role: SegmentRole = 'p';
    if (i < 5 || trimmed.startsWith('□Dm')) role = 'head';
    else if (trimmed === 'CC:' || /^\d+x /.test(trimmed)) role = 'distribution';
    return segment({ id: `s${i + 1}`, role, english: inlineFromPlain(trimmed) });
  });
  const after = (heading: string) => {
    const at = lines.findIndex((line) => line.includes(heading));
    return (
      lines
        .slice(at + 1)
        .find((line) => line.trim())
        ?.trim() ?? ''
    );
  };
  return documentFile(
    '1963-06-20-kwp-policy-information',
    {
      title: 'Information About the Policy of the Korean Workers Party from the East German Embassy',
      date: '1963-06-20',
      citation: after('Citation:'),
      signature: 'SAPMO-BA, Berlin, DY 30, IV A 2/20/250',
      summary: after('Summary:'),
      credits: after('Credits:'),
      originalLanguage: after('Original Language:'),
      sourceUrl: 'https://wilson-center-digital-archive.dvincitest.com/document/110118',
      translator: 'Bernd Schaefer',
    },
    body(segments),
  );
}

/** Inline content of a segment's column, for editing in place. */
function columnContent(doc: DocumentFile, segIndex: number, column: string): PMJson[] {
  const seg = segmentsOf(doc.body)[segIndex];
  const col = seg.content?.find((node) => node.type === column);
  if (!col) throw new Error(`segment ${segIndex} has no ${column}`);
  col.content ??= [];
  return col.content;
}

/**
 * Splits the first text node of the English column containing `find` and gives
 * the found text `marks` (and a new text), as an editor's selection would.
 */
export function markText(doc: DocumentFile, find: string, marks: PMJson['marks'], replacement = find): boolean {
  for (let i = 0; i < segmentsOf(doc.body).length; i++) {
    const content = columnContent(doc, i, 'english');
    const at = content.findIndex((node) => node.type === 'text' && node.text?.includes(find));
    if (at < 0) continue;
    const node = content[at];
    const start = node.text!.indexOf(find);
    const before = node.text!.slice(0, start);
    const after = node.text!.slice(start + find.length);
    const keep = node.marks ?? [];
    content.splice(
      at,
      1,
      ...text(before, keep),
      ...text(replacement, [...keep, ...(marks ?? [])]),
      ...text(after, keep),
    );
    return true;
  }
  return false;
}

/** Adds a correction, as an editor fixing an OCR slip: `Kim II Sung` → `Kim Il Sung`. */
export function addCorrection(doc: DocumentFile, original: string, corrected: string): boolean {
  return markText(doc, original, [{ type: 'correction', attrs: { original } }], corrected);
}

/** Adds a footnote right after the first occurrence of `after` in the English column. */
export function addFootnote(doc: DocumentFile, after: string, note: string, id: string): boolean {
  for (let i = 0; i < segmentsOf(doc.body).length; i++) {
    const content = columnContent(doc, i, 'english');
    const at = content.findIndex((node) => node.type === 'text' && node.text?.includes(after));
    if (at < 0) continue;
    const node = content[at];
    const cut = node.text!.indexOf(after) + after.length;
    content.splice(
      at,
      1,
      ...text(node.text!.slice(0, cut), node.marks),
      { type: 'footnote', attrs: { id }, content: text(note) },
      ...text(node.text!.slice(cut), node.marks),
    );
    return true;
  }
  return false;
}

/** Sets a segment's Korean restoration. */
export function setKorean(doc: DocumentFile, segIndex: number, content: PMJson[]): void {
  const col = columnContent(doc, segIndex, 'korean');
  col.splice(0, col.length, ...content);
}

/**
 * The annotations the issue asks the sample exports to carry: a correction
 * (`Kim II Sung` → `Kim Il Sung` where the seed has the slip), two footnotes and
 * a Korean restoration of one segment.
 */
export function annotate(doc: DocumentFile): DocumentFile {
  const copy = structuredClone(doc);
  // Where the seed already reads correctly, the source's slip is recorded on the correct text.
  if (!addCorrection(copy, 'Kim II Sung', 'Kim Il Sung')) {
    markText(copy, 'Kim Il Sung', [{ type: 'correction', attrs: { original: 'Kim II Sung' } }]);
  }
  addFootnote(copy, 'Puzanov', 'Alexander Puzanov, Soviet ambassador to the DPRK from 1957 to 1962.', 'fn-a');
  addFootnote(
    copy,
    'Bucharest Meeting',
    'The meeting of communist and workers parties in Bucharest, June 1960.',
    'fn-b',
  );
  addFootnote(copy, 'Chollima movement', 'The Chollima (winged horse) mass mobilisation campaign.', 'fn-c');
  addFootnote(copy, 'Comecon', 'Council for Mutual Economic Assistance.', 'fn-d');
  setKorean(copy, 0, text('독일사회주의통일당 중앙위원회 국제관계부'));
  return copy;
}
