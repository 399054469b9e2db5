import { describe, expect, it } from 'vitest';
import { importFile } from './import-file';
import { fixtures, insertionsIn, rowsOf, validate } from './fixtures';
import { columnOf, plainText, segmentsOf } from '../model/build';
import type { ImportedDocument, PMJson } from '../model/document';

function imported(name: string, text: string): ImportedDocument {
  const result = importFile({ name, bytes: new TextEncoder().encode(text) });
  if (!result.ok) throw new Error(result.error);
  return result.document;
}

/** Each footnote's text, in document order, with the English text before it. */
function footnotesOf(doc: ImportedDocument): { before: string; note: string }[] {
  const out: { before: string; note: string }[] = [];
  for (const seg of segmentsOf(doc.body)) {
    let before = '';
    for (const node of columnOf(seg, 'english')?.content ?? []) {
      if (node.type === 'footnote') out.push({ before, note: plainText(node.content as PMJson[]) });
      else before += node.text ?? '';
    }
  }
  return out;
}

describe('an archive HTML page with contents, footnotes and credits', () => {
  const doc = imported(fixtures.footnotes.name, fixtures.footnotes.text);

  it('makes rows of the translation only: not the contents list, the notes or the credits', () => {
    expect(rowsOf(doc).map((r) => r.english)).toEqual([
      'SED Central Committee',
      'Department of International Relations',
      'Berlin, 20 June 1963',
      'Information about the policy of the Korean Workers Party',
      "Most important domestic events during the two recent months were the 6th Plenum of the KWP between 13 and 15 May 1963 and the 2nd Session of the Supreme People's Assembly (SPA) between 9 and 11 May 1963.",
      'Talks in the Foreign Ministry and with Korean officials show that the DPRK is currently unwilling to support the GDR 7-Point-Program to solve the German question.',
      'Korean conversation partners are very reserved in political discussions.',
    ]);
    expect(validate(doc).ok).toBe(true);
  });

  it('turns <sup><a href="#fn1"> and Word\'s <a href="#_ftn3"><sup>[3]</sup></a> calls into footnotes holding their notes', () => {
    expect(footnotesOf(doc)).toEqual([
      { before: expect.stringMatching(/the 6th Plenum of the KWP$/), note: "The 6th Plenum of the 4th Central Committee of the Korean Workers' Party." },
      { before: expect.stringMatching(/Supreme People's Assembly \(SPA\)$/), note: "The Supreme People's Assembly, the DPRK's legislature." },
      { before: expect.stringMatching(/support the GDR 7-Point-Program$/), note: "Walter Ulbricht's program for a German confederation, announced in 1963." },
    ]);
    // The call's [3] is not an editor's insertion; [GDR] and [to solve ...] are.
    expect(insertionsIn(doc)).toBe(2);
  });

  it('reads credits, citation and translator into the metadata', () => {
    expect(doc.meta).toMatchObject({
      title: 'Information About the Policy of the Korean Workers Party from the East German Embassy',
      date: '1963-06-20',
      credits: 'This document was made possible with support from ROK Ministry of Unification',
      originalLanguage: 'German',
      translator: 'Bernd Schaefer',
    });
    expect(doc.meta.citation).toMatch(/^"Information About the Policy .*Translated for NKIDP by Bernd Schaefer/);
  });
});

describe('archive HTML pages without version markers', () => {
  const page = (body: string) => `<!DOCTYPE html><html><body>${body}</body></html>`;

  it('keeps a plain contents list, a notes heading and the credits out of the rows', () => {
    const doc = imported(
      'page.html',
      page(
        '<h1>A Report</h1><h2>Contents</h2><ul><li>Translation - English</li><li>Original Scan</li></ul>' +
          '<p>The report says what it says.<sup><a href="#fn1" id="r1">1</a></sup> And more.</p>' +
          '<h3>Notes</h3><ol><li id="fn1">A note, with [brackets]. <a href="#r1">↩</a></li></ol>' +
          '<h2>Credits</h2><p>This document was made possible with support from the Foundation</p>',
      ),
    );
    expect(rowsOf(doc).map((r) => r.english)).toEqual(['A Report', 'The report says what it says. And more.']);
    expect(footnotesOf(doc)).toEqual([{ before: 'The report says what it says.', note: 'A note, with brackets.' }]);
    expect(doc.meta.credits).toBe('This document was made possible with support from the Foundation');
  });

  it('leaves links that are not footnote calls as text', () => {
    const doc = imported(
      'page.html',
      page('<p>See <a href="#part2">part 2</a> and chapter <a href="#c">[x y]</a>.</p><h2 id="part2">Part 2</h2><p id="c">Text.</p>'),
    );
    expect(rowsOf(doc).map((r) => r.english)).toEqual(['See part 2 and chapter x y.', 'Part 2', 'Text.']);
    expect(footnotesOf(doc)).toEqual([]);
  });

  it('drops the page\'s own U+FFFC, which marks calls inside the importer', () => {
    const doc = imported('page.html', page('<p>odd \uFFFC1\uFFFC text<sup><a href="#n">1</a></sup></p><p id="n">note</p>'));
    expect(rowsOf(doc).map((r) => r.english)).toEqual(['odd 1 text']);
    expect(footnotesOf(doc)).toEqual([{ before: 'odd 1 text', note: 'note' }]);
  });
});
