import { describe, expect, it } from 'vitest';
import { Transform } from 'prosemirror-transform';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schema } from '../model/schema';
import { body, segment, text } from '../model/build';
import { emptyMeta, type PMJson } from '../model/document';
import { normaliseMeta } from '../model/meta-text';
import { importFile } from '../import';
import {
  commonEnds,
  compilePattern,
  countHits,
  expandReplacement,
  matchText,
  replaceInDocument,
  replaceTextHits,
  searchDocument,
  searchQuery,
  type SearchQueryInput,
} from './index';

const name = (value: string): PMJson[] => text(value, [{ type: 'name', attrs: { type: 'person' } }]);
const corrected = (value: string, original: string): PMJson[] => text(value, [{ type: 'correction', attrs: { original } }]);
const footnote = (value: string): PMJson => ({ type: 'footnote', attrs: { id: 'fn1' }, content: text(value) });

function compile(input: SearchQueryInput) {
  const compiled = compilePattern(searchQuery(input));
  if (!compiled.ok) throw new Error(compiled.error);
  return compiled;
}

function find(input: SearchQueryInput, doc: PMJson, meta = emptyMeta('')) {
  return searchDocument(schema.nodeFromJSON(doc), meta, compile(input));
}

function matches(input: SearchQueryInput, value: string): string[] {
  return matchText(compile(input).re, value).map((m) => m.text);
}

describe('compiling a pattern', () => {
  it('matches plain text literally, whatever regex characters it holds', () => {
    expect(matches({ pattern: 'a.b (c)' }, 'axb (c) a.b (c)')).toEqual(['a.b (c)']);
    expect(matches({ pattern: '[1]-2/3' }, 'see [1]-2/3')).toEqual(['[1]-2/3']);
  });

  it('ignores case unless asked, in Latin and beyond', () => {
    expect(matches({ pattern: 'kim' }, 'Kim KIM kim')).toHaveLength(3);
    expect(matches({ pattern: 'kim', caseSensitive: true }, 'Kim KIM kim')).toEqual(['kim']);
    expect(matches({ pattern: 'straße' }, 'STRASSE Straße')).toEqual(['Straße']);
  });

  it('finds whole words only, with Hangul as letters', () => {
    expect(matches({ pattern: 'Il', wholeWord: true }, 'Kim Il Sung, Ilyushin, IL')).toEqual(['Il', 'IL']);
    expect(matches({ pattern: '김일성', wholeWord: true }, '김일성 김일성동지 (김일성)')).toEqual(['김일성', '김일성']);
    expect(matches({ pattern: 'a|b', regex: true, wholeWord: true }, 'a ab b')).toEqual(['a', 'b']);
  });

  it('reports an invalid regular expression by name, and an empty pattern', () => {
    const bad = compilePattern(searchQuery({ pattern: '(Kim', regex: true }));
    expect(bad).toEqual({ ok: false, error: 'Not a valid regular expression: Unterminated group.' });
    const worse = compilePattern(searchQuery({ pattern: '[z-a]', regex: true }));
    expect(worse.ok).toBe(false);
    expect(!worse.ok && worse.error).toMatch(/^Not a valid regular expression: Range out of order/);
    expect(compilePattern({ pattern: '', regex: false, caseSensitive: false, wholeWord: false, scope: 'all' }).ok).toBe(false);
  });

  it('skips empty matches without looping, and steps over whole characters', () => {
    expect(matches({ pattern: '^', regex: true }, 'abc')).toEqual([]);
    expect(matches({ pattern: 'x*', regex: true }, 'axxb😀x')).toEqual(['xx', 'x']);
    expect(matches({ pattern: '.', regex: true }, '😀김')).toEqual(['😀', '김']);
    expect(matches({ pattern: '\\b', regex: true }, 'a b')).toEqual([]);
  });

  it('reads Unicode classes and Korean', () => {
    expect(matches({ pattern: '\\p{Script=Hangul}+', regex: true }, '김일성 동지, Kim')).toEqual(['김일성', '동지']);
    expect(matches({ pattern: '동지' }, '김일성 동지는')).toEqual(['동지']);
  });

  it('finds text typed in decomposed form (NFD) in composed text', () => {
    expect(matches({ pattern: '김'.normalize('NFD') }, '김일성')).toEqual(['김']);
  });
});

describe('replacement templates', () => {
  const m = (pattern: string, input: string) => matchText(compile({ pattern, regex: true }).re, input)[0];
  it('expands groups, names, the match and the sides in regex mode', () => {
    const hit = m('(Kim) (?<mid>I+)', 'x Kim II y');
    expect(expandReplacement('$1 [$<mid>] $& $$ $9', hit, 'x Kim II y', true)).toBe('Kim [II] Kim II $ $9');
    expect(expandReplacement('<$`|$\'>', hit, 'x Kim II y', true)).toBe('<x | y>');
    expect(expandReplacement('$10', m('(a)', 'a'), 'a', true)).toBe('a0');
  });
  it('is literal in plain mode', () => {
    expect(expandReplacement('$1 $&', m('(a)', 'a'), 'a', false)).toBe('$1 $&');
  });
});

describe('finding in a document', () => {
  const doc = body([
    segment({ english: [...text('Comrade '), ...name('Kim II'), ...text(' Sung said'), footnote('Kim II Sung, see the note.')], witness: ['.KIM xx'], korean: text('김일성 동지는') }),
    segment({ english: text('Nothing here'), korean: text('김일성') }),
  ]);
  const meta = { ...emptyMeta('About Kim II Sung'), summary: 'Kim II Sung and Kim', date: '1963-06-20' };

  it('finds matches across mark boundaries, with positions that read back the match', () => {
    const node = schema.nodeFromJSON(doc);
    const hits = searchDocument(node, meta, compile({ pattern: 'Kim II Sung', scope: 'english' }));
    expect(hits).toHaveLength(1);
    expect(node.textBetween(hits[0].from, hits[0].to)).toBe('Kim II Sung');
    expect(hits[0].place).toMatchObject({ kind: 'text', column: 'english', note: false, segment: 0 });
    expect(hits[0].before).toBe('Comrade ');
    expect(hits[0].after).toBe(' said');
  });

  it('reads only the parts of its scope', () => {
    const where = (scope: SearchQueryInput['scope']) => find({ pattern: 'kim', scope }, doc, meta).map((h) => h.place.kind === 'meta' ? h.place.field : h.place.kind === 'witness' ? 'witness' : h.place.note ? 'note' : h.place.column);
    expect(where('english')).toEqual(['english']);
    expect(where('notes')).toEqual(['note']);
    expect(where('witness')).toEqual(['witness']);
    expect(where('meta')).toEqual(['title', 'summary', 'summary']);
    expect(where('all')).toEqual(['title', 'summary', 'summary', 'english', 'note', 'witness']);
    expect(find({ pattern: '김일성', scope: 'korean' }, doc)).toHaveLength(2);
    expect(find({ pattern: '김일성', scope: 'english' }, doc)).toHaveLength(0);
  });

  it('does not join the text on the two sides of a footnote or a gap', () => {
    const split = body([segment({ english: [...text('Kim'), footnote('x'), ...text(' Il'), { type: 'gap', attrs: { reason: 'illegible', quantity: 1 } }, ...text('Sung')] })]);
    expect(find({ pattern: 'Kim Il', scope: 'english' }, split)).toHaveLength(0);
    expect(find({ pattern: 'IlSung', scope: 'english' }, split)).toHaveLength(0);
    expect(find({ pattern: 'Il', scope: 'english' }, split)).toHaveLength(1);
  });

  it('counts hits per part', () => {
    expect(countHits(find({ pattern: 'kim' }, doc, meta))).toEqual({ total: 6, english: 1, korean: 0, original: 0, notes: 1, witness: 1, meta: 3 });
  });
});

describe('replacing', () => {
  function replaceAll(doc: PMJson, input: SearchQueryInput, replacement: string, asCorrection = false) {
    const node = schema.nodeFromJSON(doc);
    const hits = searchDocument(node, null, compile(input), replacement);
    const tr = new Transform(node);
    const outcome = replaceTextHits(tr, hits, { asCorrection });
    return { doc: tr.doc, outcome, steps: tr.steps.length };
  }
  const englishOf = (doc: ReturnType<typeof schema.nodeFromJSON>) => doc.child(0).child(0);

  it('keeps the marks of the text it replaces, changing only what differs', () => {
    const doc = body([segment({ english: [...text('Comrade '), ...name('Kim II'), ...text(' Sung')] })]);
    const { doc: after } = replaceAll(doc, { pattern: 'Kim II Sung' }, 'Kim Il Sung');
    const english = englishOf(after);
    expect(english.textContent).toBe('Comrade Kim Il Sung');
    // The name mark still covers "Kim Il".
    const named: string[] = [];
    english.forEach((child) => child.marks.some((m) => m.type.name === 'name') && named.push(child.text ?? ''));
    expect(named.join('')).toBe('Kim Il');
  });

  it('replaces inside a mark with text carrying that mark', () => {
    const doc = body([segment({ english: [...text('a '), ...name('Puzanov'), ...text(' b')] })]);
    const english = englishOf(replaceAll(doc, { pattern: 'Puzanov' }, 'Pusanov').doc);
    expect(english.child(1).text).toBe('Pusanov');
    expect(english.child(1).marks.map((m) => m.type.name)).toEqual(['name']);
  });

  it('makes each replacement a correction keeping the source reading', () => {
    const doc = body([segment({ english: text('Kim II Sung met Kim II Sung.') })]);
    const { doc: after, outcome } = replaceAll(doc, { pattern: 'Kim II Sung' }, 'Kim Il Sung', true);
    expect(outcome.replaced).toBe(2);
    const english = englishOf(after);
    expect(english.textContent).toBe('Kim Il Sung met Kim Il Sung.');
    const corrections: [string, string][] = [];
    english.forEach((child) => {
      const mark = child.marks.find((m) => m.type.name === 'correction');
      if (mark) corrections.push([child.text ?? '', mark.attrs.original as string]);
    });
    expect(corrections).toEqual([
      ['Kim Il Sung', 'Kim II Sung'],
      ['Kim Il Sung', 'Kim II Sung'],
    ]);
  });

  it('correcting a corrected reading keeps the first source reading; giving it back removes the correction', () => {
    const doc = body([segment({ english: [...text('Comrade '), ...corrected('Kim Ii Sung', 'Kim II Sung')] })]);
    const once = replaceAll(doc, { pattern: 'Ii', caseSensitive: true }, 'Il', true).doc;
    const english = englishOf(once);
    expect(english.textContent).toBe('Comrade Kim Il Sung');
    expect(english.child(1).marks[0].attrs.original).toBe('Kim II Sung');
    const back = englishOf(replaceAll(once.toJSON() as PMJson, { pattern: 'Kim Il Sung' }, 'Kim II Sung', true).doc);
    expect(back.textContent).toBe('Comrade Kim II Sung');
    back.forEach((child) => expect(child.marks).toEqual([]));
  });

  it('replaces regex matches with their groups, Korean included, every match in one transform', () => {
    const doc = body([segment({ english: text('1960D 8 30'), korean: text('김일성동지 김일성동지') })]);
    const { doc: after } = replaceAll(doc, { pattern: '(김일성)(동지)', regex: true, scope: 'korean' }, '$1 $2');
    expect(after.child(0).child(2).textContent).toBe('김일성 동지 김일성 동지');
  });

  it('replaces in footnotes and leaves the witness alone', () => {
    const doc = body([segment({ english: [...text('Kim'), footnote('Kim again')], witness: ['KIM'] })]);
    const { doc: after, outcome } = replaceAll(doc, { pattern: 'kim' }, 'Pak');
    expect(after.child(0).child(0).child(0).text).toBe('Pak');
    expect(after.child(0).child(0).child(1).textContent).toBe('Pak again');
    expect(after.child(0).child(1).attrs.lines).toEqual(['KIM']);
    expect(outcome.replaced).toBe(2);
    expect(outcome.skipped.map((s) => s.reason)).toEqual(['the witness is read-only']);
  });

  it('skips a hit whose text changed since the search', () => {
    const doc = body([segment({ english: text('Kim II Sung') })]);
    const node = schema.nodeFromJSON(doc);
    const hits = searchDocument(node, null, compile({ pattern: 'II' }), 'Il');
    const tr = new Transform(node);
    tr.insert(hits[0].from + 1, schema.text('X'));
    expect(replaceTextHits(tr, hits).skipped).toHaveLength(1);
  });

  it('keeps surrogate pairs whole when trimming the common ends', () => {
    expect(commonEnds('a😀b', 'a😁b')).toEqual({ start: 1, end: 1 });
    expect(commonEnds('abc', 'abc')).toEqual({ start: 3, end: 0 });
    expect(commonEnds('aXa', 'a')).toEqual({ start: 1, end: 0 });
  });

  it('deletes when the replacement is empty', () => {
    const doc = body([segment({ english: text('the the cat') })]);
    expect(englishOf(replaceAll(doc, { pattern: 'the ', wholeWord: false }, '').doc).textContent).toBe('cat');
  });
});

describe('replacing in a stored document', () => {
  const sample = readFileSync(join(__dirname, '../../resources/samples/1963-06-20-kwp-policy-information.txt'));
  const imported = importFile({ name: '1963.txt', bytes: new Uint8Array(sample) });
  if (!imported.ok) throw new Error(imported.error);
  const { meta, body: doc } = imported.document;

  it('finds the three Kim II Sung slips of the 1963 sample, body and summary', () => {
    const hits = find({ pattern: 'Kim II Sung', caseSensitive: true }, doc, meta);
    expect(hits.map((h) => (h.place.kind === 'meta' ? h.place.field : h.place.kind))).toEqual(['summary', 'text', 'text']);
  });

  it('replaces as corrections in the body and in the summary, each keeping the source reading and saying who made it', () => {
    const stamp = { resp: 'ed1', when: '2026-12-05' };
    const result = replaceInDocument({ meta, body: doc }, searchQuery({ pattern: 'Kim II Sung', caseSensitive: true }), 'Kim Il Sung', { asCorrection: true, stamp });
    expect(result.replaced).toBe(3);
    expect(result.skipped).toEqual([]);
    expect(find({ pattern: 'Kim II Sung', caseSensitive: true }, result.body, result.meta)).toHaveLength(0);
    // The summary's plain string reads corrected; its rich form keeps the source reading, stamped.
    expect(result.meta.summary).toContain('Kim Il Sung');
    const marks = JSON.stringify(result.meta.rich?.summary);
    expect(marks).toContain('"original":"Kim II Sung"');
    expect(marks).toContain('"resp":"ed1"');
    expect(normaliseMeta(result.meta)).toEqual(result.meta);
    const bodyCorrections = JSON.stringify(result.body).match(/"type":"correction","attrs":\{[^}]*\}/g) ?? [];
    expect(bodyCorrections.filter((m) => m.includes('"original":"Kim II Sung"') && m.includes('"resp":"ed1"') && m.includes('"when":"2026-12-05"'))).toHaveLength(2);
    const again = replaceInDocument({ meta, body: doc }, searchQuery({ pattern: 'Kim II Sung', caseSensitive: true }), 'Kim Il Sung');
    expect(again.replaced).toBe(3);
    expect(again.meta.summary).toContain('Kim Il Sung');
    expect(again.meta.rich).toBeUndefined();
    expect(() => schema.nodeFromJSON(again.body).check()).not.toThrow();
  });

  it('as a correction, leaves a plain metadata field alone and says why', () => {
    const signed = { ...meta, signature: 'Kim II Sung papers' };
    const result = replaceInDocument({ meta: signed, body: doc }, searchQuery({ pattern: 'Kim II Sung', caseSensitive: true, scope: 'meta' }), 'Kim Il Sung', { asCorrection: true });
    expect(result.skipped.map((s) => s.reason)).toEqual(['the signature field is plain text and cannot keep a correction’s source reading']);
    expect(result.meta.signature).toBe('Kim II Sung papers');
    expect(result.replaced).toBe(1);
  });

  it('refuses an invalid pattern', () => {
    expect(() => replaceInDocument({ meta, body: doc }, searchQuery({ pattern: '(', regex: true }), 'x')).toThrow(/Unterminated group/);
  });
});
