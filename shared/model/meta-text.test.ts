import { describe, expect, it } from 'vitest';
import { emptyMeta, metaSchema, validateDocumentFile, DOCUMENT_SCHEMA_VERSION, type DocumentMeta, type PMJson } from './document';
import {
  hasMarks,
  metaTextSchema,
  normaliseMeta,
  plainOfRich,
  rebaseRich,
  richField,
  richFromJson,
  richJsonOf,
  richOfPlain,
  withRichField,
} from './meta-text';
import { body, segment, text } from './build';

const SUMMARY = "Criticisms are made about Kim II Sung's personality cult.";

/** The summary with `Kim II Sung` corrected to `Kim Il Sung`, as the editor stores it. */
function correctedSummary(resp = 'edab1', when = '2025-01-02'): PMJson {
  return {
    type: 'field',
    content: [
      { type: 'text', text: 'Criticisms are made about ' },
      { type: 'text', text: 'Kim Il Sung', marks: [{ type: 'correction', attrs: { original: 'Kim II Sung', resp, when } }] },
      { type: 'text', text: "'s personality cult." },
    ],
  };
}

function file(meta: Record<string, unknown>) {
  return {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    id: 'doc-1',
    meta: { title: 'A report', date: '1963-06-20', ...meta },
    body: body([segment({ english: text('Fine.') })]),
  };
}

describe('metadata text that can be corrected', () => {
  it('derives the plain string from the rich form and keeps the source reading in the mark', () => {
    const parsed = validateDocumentFile(file({ summary: 'stale text', rich: { summary: correctedSummary() } }));
    // A stale plain string is the plain writer's edit: the rich form follows it (see rebase tests);
    // with the plain string matching, the plain is exactly the rich form's text.
    const ok = validateDocumentFile(file({ summary: SUMMARY.replace('II', 'Il'), rich: { summary: correctedSummary() } }));
    expect(parsed.ok && ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.value.meta.summary).toBe("Criticisms are made about Kim Il Sung's personality cult.");
    const node = richFromJson(ok.value.meta.rich!.summary!);
    const marks = node.child(1).marks;
    expect(marks.map((m) => [m.type.name, m.attrs.original, m.attrs.resp, m.attrs.when])).toEqual([['correction', 'Kim II Sung', 'edab1', '2025-01-02']]);
  });

  it('round-trips through JSON: rich form in, the same rich form and its plain text out', () => {
    const meta = withRichField(emptyMeta('T'), 'summary', richFromJson(correctedSummary()));
    expect(meta.summary).toBe("Criticisms are made about Kim Il Sung's personality cult.");
    const again = metaSchema.parse(JSON.parse(JSON.stringify(meta)));
    expect(again).toEqual(meta);
    expect(richField(again, 'summary').toJSON()).toEqual(correctedSummary());
  });

  it('loads old documents without a rich form unchanged', () => {
    const parsed = validateDocumentFile(file({ summary: SUMMARY }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.meta.summary).toBe(SUMMARY);
    expect('rich' in parsed.value.meta).toBe(false);
    expect(richField(parsed.value.meta, 'summary').toJSON()).toEqual({ type: 'field', content: [{ type: 'text', text: SUMMARY }] });
  });

  it('rejects an invalid rich form with an error naming the field', () => {
    const badMark = correctedSummary();
    badMark.content![1].marks = [{ type: 'correction', attrs: { original: 'Kim II Sung', when: 'yesterday' } }];
    const cases: [unknown, RegExp][] = [
      [{ summary: { type: 'doc', content: [] } }, /meta\.rich\.summary: .*summary.*"field" node/],
      [{ summary: badMark }, /meta\.rich\.summary: .*when must be an ISO date/],
      [{ title: { type: 'field', content: [{ type: 'footnote', content: [] }] } }, /meta\.rich\.title: the corrected text of title is not valid/],
      [{ date: { type: 'field', content: [] } }, /meta\.rich\.date: date cannot hold corrections/],
      [{ summary: { type: 'field', content: [{ type: 'text', text: 'x', marks: [{ type: 'name' }] }] } }, /meta\.rich\.summary/],
      [{ summary: 'Kim Il Sung' }, /meta\.rich\.summary/],
    ];
    for (const [rich, error] of cases) {
      const parsed = validateDocumentFile(file({ rich }));
      expect(parsed.ok, JSON.stringify(rich)).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(error);
    }
  });

  it('drops a rich form that holds no marks, so the file is stored as before', () => {
    const meta = normaliseMeta({ ...emptyMeta('T'), summary: 'plain', rich: { summary: { type: 'field', content: [{ type: 'text', text: 'plain' }] } } });
    expect(meta).toEqual({ ...emptyMeta('T'), summary: 'plain' });
    const undone = withRichField(withRichField(emptyMeta('T'), 'summary', richFromJson(correctedSummary())), 'summary', richOfPlain(SUMMARY));
    expect(undone.rich).toBeUndefined();
    expect(undone.summary).toBe(SUMMARY);
  });

  it('follows a plain-text edit: marks outside the changed text are kept, the change is unmarked', () => {
    const stored = withRichField(emptyMeta('T'), 'summary', richFromJson(correctedSummary()));
    // A find and replace in plain text: `Criticisms` → `Complaints`.
    const replaced: DocumentMeta = { ...stored, summary: stored.summary.replace('Criticisms', 'Complaints') };
    const next = metaSchema.parse(replaced);
    expect(next.summary).toBe("Complaints are made about Kim Il Sung's personality cult.");
    const node = richField(next, 'summary');
    expect(plainOfRich(node)).toBe(next.summary);
    expect(node.child(1).text).toBe('Kim Il Sung');
    expect(node.child(1).marks[0].attrs.original).toBe('Kim II Sung');
    // Replacing the corrected words themselves leaves no mark: the rich form goes.
    const gone = metaSchema.parse({ ...stored, summary: 'Something else entirely.' });
    expect(gone.rich).toBeUndefined();
    expect(gone.summary).toBe('Something else entirely.');
  });

  it('keeps line breaks as \\n, one character per position', () => {
    const node = richOfPlain('one\ntwo');
    expect(plainOfRich(node)).toBe('one\ntwo');
    expect(node.content.size).toBe('one\ntwo'.length);
    const rebased = rebaseRich(node, 'one\nthree');
    expect(plainOfRich(rebased)).toBe('one\nthree');
    expect(hasMarks(rebased)).toBe(false);
  });

  it('never splits a surrogate pair when it rebases', () => {
    const mark = metaTextSchema.marks.correction.create({ original: 'x' });
    const node = metaTextSchema.nodes.field.create(null, [metaTextSchema.text('a😀'), metaTextSchema.text('b', [mark])]);
    const rebased = rebaseRich(node, 'a😁b');
    expect(plainOfRich(rebased)).toBe('a😁b');
    expect(rebased.lastChild?.text).toBe('b');
    expect(rebased.lastChild?.marks[0].attrs.original).toBe('x');
  });

  it('gives exporters the rich form only where it has marks', () => {
    expect(richJsonOf(emptyMeta('T'), 'summary')).toBeNull();
    const meta = withRichField({ ...emptyMeta('T') }, 'summary', richFromJson(correctedSummary()));
    expect(richJsonOf(meta, 'summary')).toEqual(correctedSummary());
    expect(richJsonOf(meta, 'title')).toBeNull();
  });
});
