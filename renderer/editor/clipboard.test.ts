import { describe, expect, it } from 'vitest';
import { Slice } from 'prosemirror-model';
import { schema } from '../../shared/model/schema';
import { doc, en, fn, ins, ko, seg, wit } from './test-builders';
import { cleanText, inlineFromText, inlineSlice, sliceToText } from './clipboard';

describe('pasted text', () => {
  it('is normalised: NFC Hangul, line ends, no control or zero-width characters', () => {
    const decomposed = '한국'.normalize('NFD');
    expect(cleanText(`${decomposed}\r\nline\u200b two\u0007\tend`)).toBe('한국\nline two end');
  });

  it('becomes inline text, line breaks as hard breaks', () => {
    expect(inlineFromText(schema, 'one\ntwo').map((n) => n.type.name)).toEqual(['text', 'hard_break', 'text']);
  });
});

describe('pasted slices are always inline', () => {
  it('a copied cell gives its content, marks and footnotes kept', () => {
    const source = doc(seg(en('our ', ins('SED'), ' CC', fn('note')), wit('w'), ko()));
    const cell = source.child(0).child(0);
    const slice = source.slice(2, 2 + cell.content.size);
    const inline = inlineSlice(slice, schema);
    expect(inline.openStart).toBe(0);
    expect(inline.content.childCount).toBe(4);
    expect(inline.content.textBetween(0, 'our SED CC'.length)).toBe('our SED CC');
    expect(inline.content.child(1).marks[0].type.name).toBe('insertion');
    expect(inline.content.lastChild!.type.name).toBe('footnote');
  });

  it('copied rows give their text cells joined by line breaks, never their witness lines', () => {
    const source = doc(seg(en('first'), wit('w1'), ko('가')), seg(en('second'), wit('w2'), ko('나')));
    const inline = inlineSlice(source.slice(0, source.content.size), schema);
    const names: string[] = [];
    inline.content.forEach((n) => names.push(n.type.name === 'text' ? n.text! : n.type.name));
    expect(names).toEqual(['first', 'hard_break', '가', 'hard_break', 'second', 'hard_break', '나']);
  });

  it('gives pasted footnotes new ids (a copy is a new note)', () => {
    const note = schema.nodes.footnote.create({ id: 'fn1' }, schema.text('n'));
    const inline = inlineSlice(new Slice(schema.nodes.english.create(null, note).content, 0, 0), schema);
    expect(inline.content.firstChild!.attrs.id).not.toBe('fn1');
  });
});

describe('copied text for other programs', () => {
  it('draws insertions as brackets and leaves footnotes out', () => {
    const source = doc(seg(en('our ', ins('SED'), ' CC', fn('note')), wit(), ko()));
    expect(sliceToText(source.slice(2, 2 + source.child(0).child(0).content.size))).toBe('our [SED] CC');
  });

  it('separates copied cells by blank lines, without the witness', () => {
    const source = doc(seg(en('a'), wit('garbled'), ko('가')));
    expect(sliceToText(source.slice(0, source.content.size))).toBe('a\n\n가');
  });
});
