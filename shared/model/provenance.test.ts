import { describe, expect, it } from 'vitest';
import { schema } from './schema';
import { bodyToNode, validateDocumentFile, type PMJson } from './document';
import { body, insertion, segment, text } from './build';
import {
  ARCHIVE_RESP,
  isoToday,
  provenanceLabel,
  provenanceLegend,
  provenanceOf,
  respLabel,
  respName,
  respsUsed,
  respXmlId,
} from './provenance';
import { newEditor, validateProjectFile, type ProjectEditor } from './project';
import { importFile } from '../import/import-file';
import { fileOf, fixtures } from '../import/fixtures';

const editors: ProjectEditor[] = [
  { id: 'edab1', name: 'Anna Berg', initials: 'AB' },
  { id: 'edkm2', name: 'Kim Min-ji', initials: 'KM' },
];

/** A document body as written before provenance: insertion, correction and footnote without resp/when, a segment without review. */
const oldBody: PMJson = {
  type: 'doc',
  content: [
    {
      type: 'segment',
      attrs: { id: 's1', role: 'p' },
      content: [
        {
          type: 'english',
          content: [
            { type: 'text', text: 'Kim Il Sung', marks: [{ type: 'correction', attrs: { original: 'Kim II Sung' } }] },
            { type: 'text', text: ' met ' },
            { type: 'text', text: 'Puzanov', marks: [{ type: 'insertion', attrs: { kind: 'clarification' } }] },
            { type: 'footnote', attrs: { id: 'fn1' }, content: [{ type: 'text', text: 'A note.' }] },
          ],
        },
        { type: 'witness', attrs: { lines: ['x'] } },
        { type: 'korean' },
      ],
    },
  ],
};

describe('provenance attributes in the schema', () => {
  it('loads a document written before provenance unchanged, reading every annotation as not recorded and every row as draft', () => {
    const result = validateDocumentFile({ schemaVersion: 1, id: 'old', meta: { title: 'Old', date: '' }, body: oldBody });
    expect(result.ok).toBe(true);
    const doc = bodyToNode(oldBody);
    const english = doc.child(0).child(0);
    expect(english.textContent).toBe('Kim Il Sung met PuzanovA note.');
    expect(provenanceOf(english.child(0).marks[0])).toEqual({ resp: '', when: '', source: 'unrecorded' });
    expect(provenanceOf(english.child(2).marks[0]).source).toBe('unrecorded');
    expect(provenanceOf(english.child(3))).toEqual({ resp: '', when: '', source: 'unrecorded' });
    expect(doc.child(0).attrs.review).toBe('draft');
    // Its JSON reads the same after a round trip (defaults written out).
    expect(bodyToNode(doc.toJSON() as PMJson).eq(doc)).toBe(true);
  });

  it('keeps resp, when and review through a JSON round trip', () => {
    const json: PMJson = body([
      segment({
        id: 's1',
        english: [
          ...insertion('Pyongyang', 'clarification', { resp: ARCHIVE_RESP }),
          ...text(' and '),
          ...insertion('the embassy', 'expansion', { resp: 'edab1', when: '2026-12-05' }),
          ...text('Kim Il Sung', [{ type: 'correction', attrs: { original: 'Kim II Sung', resp: 'edkm2', when: '2026-12-06' } }]),
          { type: 'footnote', attrs: { id: 'fn1', resp: 'edab1', when: '2026-12-07' }, content: text('note') },
        ],
        witness: ['x'],
      }),
    ]);
    (json.content![0].attrs as Record<string, unknown>).review = 'approved';
    const doc = bodyToNode(json);
    const again = bodyToNode(JSON.parse(JSON.stringify(doc.toJSON())) as PMJson);
    expect(again.eq(doc)).toBe(true);
    const english = again.child(0).child(0);
    expect(provenanceOf(english.child(0).marks[0])).toEqual({ resp: 'archive', when: '', source: 'archive' });
    expect(provenanceOf(english.child(2).marks[0])).toEqual({ resp: 'edab1', when: '2026-12-05', source: 'editor' });
    expect(provenanceOf(english.child(3).marks[0])).toMatchObject({ resp: 'edkm2', when: '2026-12-06' });
    expect(provenanceOf(english.child(4))).toMatchObject({ resp: 'edab1', when: '2026-12-07' });
    expect(again.child(0).attrs.review).toBe('approved');
    expect(respsUsed(json)).toEqual(['archive', 'edab1', 'edkm2']);
  });

  it('rejects a bad resp, a bad date and an unknown review state, naming the attribute', () => {
    const withInsertion = (attrs: Record<string, unknown>) =>
      body([segment({ english: text('x', [{ type: 'insertion', attrs: { kind: 'clarification', ...attrs } }]) })]);
    expect(() => bodyToNode(withInsertion({ resp: 'two words' }))).toThrow(/resp must be/);
    expect(() => bodyToNode(withInsertion({ resp: 42 }))).toThrow(/resp must be/);
    expect(() => bodyToNode(withInsertion({ when: '5 Dec 2026' }))).toThrow(/when must be an ISO date/);
    const badReview = body([segment({})]);
    (badReview.content![0].attrs as Record<string, unknown>).review = 'done';
    expect(() => bodyToNode(badReview)).toThrow(/segment review must be one of draft, reviewed, approved/);
    const result = validateDocumentFile({ schemaVersion: 1, id: 'bad', meta: { title: 'B', date: '' }, body: withInsertion({ when: 'yesterday' }) });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^body: when must be/) });
  });

  it('writes resp and when as data attributes and reads them back from HTML (copy and paste), dropping invalid values', () => {
    const mark = schema.marks.insertion.create({ kind: 'variant', resp: 'edab1', when: '2026-12-05' });
    const spec = schema.marks.insertion.spec.toDOM!(mark, true) as unknown as [string, Record<string, string | null>];
    expect(spec[1]).toMatchObject({ 'data-resp': 'edab1', 'data-when': '2026-12-05' });
    const plain = schema.marks.insertion.spec.toDOM!(schema.marks.insertion.create(), true) as unknown as [string, Record<string, string | null>];
    expect(plain[1]['data-resp']).toBeNull();
    const rule = schema.marks.insertion.spec.parseDOM![0];
    const fake = (attrs: Record<string, string>) => ({ getAttribute: (n: string) => attrs[n] ?? null, querySelectorAll: () => [] });
    expect((rule as { getAttrs: (d: unknown) => unknown }).getAttrs(fake({ 'data-resp': 'archive', 'data-when': '' }))).toMatchObject({ resp: 'archive', when: '' });
    expect((rule as { getAttrs: (d: unknown) => unknown }).getAttrs(fake({ 'data-resp': '<script>', 'data-when': 'soon' }))).toMatchObject({ resp: '', when: '' });
  });
});

describe('provenance labels', () => {
  it('says who and when in the words of the panels and the hover', () => {
    expect(provenanceLabel('insertion', { resp: 'edab1', when: '2026-12-05' }, editors)).toBe('inserted by AB, 5 Dec 2026');
    expect(provenanceLabel('correction', { resp: 'edkm2', when: '' }, editors)).toBe('corrected by KM');
    expect(provenanceLabel('footnote', { resp: 'edab1', when: '2026-01-02' }, editors)).toBe('note by AB, 2 Jan 2026');
    expect(provenanceLabel('insertion', { resp: 'archive', when: '' }, editors)).toBe('archive translator');
    expect(provenanceLabel('insertion', { resp: '', when: '' }, editors)).toBe('provenance not recorded');
    expect(provenanceLabel('insertion', { resp: 'edzz9', when: '' }, editors)).toBe('inserted by edzz9');
    expect(respLabel('edab1', editors)).toBe('AB');
    expect(respName('edab1', editors)).toBe('Anna Berg (AB)');
    expect(respName('archive', editors)).toBe('the archive’s translator');
    expect(respName('edzz9', editors)).toMatch(/not among the project’s editors/);
  });

  it('gives TEI an XML id for each resp and none when not recorded', () => {
    expect(respXmlId('archive')).toBe('archive-translator');
    expect(respXmlId('edab1')).toBe('edab1');
    expect(respXmlId('')).toBeNull();
  });

  it('builds a legend of the resps used: the archive first, then the project’s editors in order, then unknown ids, then not recorded', () => {
    const a = body([segment({ english: [...insertion('x', 'clarification', { resp: 'edkm2' }), ...insertion('y', 'variant')] })]);
    const b = body([segment({ english: [...insertion('z', 'clarification', { resp: 'edzz9' }), ...insertion('w', 'clarification', { resp: 'archive' }), ...insertion('v', 'expansion', { resp: 'edab1' })] })]);
    const legend = provenanceLegend([a, b], editors);
    expect(legend.map((e) => e.resp)).toEqual(['archive', 'edab1', 'edkm2', 'edzz9', '']);
    expect(legend[1]).toMatchObject({ label: 'AB', name: 'Anna Berg (AB)', source: 'editor', editor: editors[0] });
    expect(legend[4]).toMatchObject({ label: 'not recorded', source: 'unrecorded' });
    expect(provenanceLegend([body([segment({ english: text('plain') })])], editors)).toEqual([]);
  });

  it('stamps today as a local ISO date', () => {
    expect(isoToday(new Date(2026, 11, 5, 23, 59))).toBe('2026-12-05');
  });
});

describe('project editors', () => {
  it('loads a project file without editors with an empty list', () => {
    const result = validateProjectFile({ schemaVersion: 1, name: 'Old', settings: { termbase: false } });
    expect(result.ok && result.value.settings.editors).toEqual([]);
  });

  it('adds an editor with checked name and initials, and refuses taken initials and bad input by name', () => {
    expect(newEditor(editors, { name: ' Lee Sun-hee ', initials: 'LS' }, 'edls3')).toEqual({ ok: true, value: { id: 'edls3', name: 'Lee Sun-hee', initials: 'LS' } });
    expect(newEditor(editors, { name: 'Alan Brown', initials: 'ab' }, 'edab4')).toEqual({ ok: false, error: 'initials AB are taken by Anna Berg' });
    expect(newEditor(editors, { name: '', initials: 'X' }, 'edx5')).toMatchObject({ ok: false, error: expect.stringMatching(/name/) });
    expect(newEditor(editors, { name: 'X Y', initials: '1A' }, 'edx6')).toMatchObject({ ok: false, error: expect.stringMatching(/initials must be/) });
    expect(newEditor(editors, { name: 'X Y', initials: 'XY' }, 'x y')).toMatchObject({ ok: false, error: expect.stringMatching(/editor id/) });
  });
});

describe('importers mark what they create as the archive’s', () => {
  for (const fixture of [fixtures.seed1960, fixtures.seed1963, fixtures.html1960, fixtures.html1963]) {
    it(`every insertion of ${fixture.name} is the archive translator's`, () => {
      const result = importFile(fileOf(fixture));
      if (!result.ok) throw new Error(result.error);
      const resps: string[] = [];
      const walk = (node: PMJson) => {
        for (const m of node.marks ?? []) if (m.type === 'insertion' || m.type === 'correction') resps.push(provenanceOf(m).resp);
        if (node.type === 'footnote') resps.push(provenanceOf(node).resp);
        node.content?.forEach(walk);
      };
      walk(result.document.body);
      expect(resps.length).toBeGreaterThan(0);
      expect(new Set(resps)).toEqual(new Set([ARCHIVE_RESP]));
    });
  }
});
