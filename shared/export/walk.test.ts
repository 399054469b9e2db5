import { describe, expect, it } from 'vitest';
import { insertion, text } from '../model/build';
import { buildInline, footnotesIn, isEmptyInline, readable, textOf } from './walk';

const name = (ref: string) => ({ type: 'name', attrs: { type: 'person', ref } });
const ins = { type: 'insertion', attrs: { kind: 'clarification' } };

describe('the inline walker', () => {
  it('turns a run of text nodes sharing a mark into one mark node', () => {
    const tree = buildInline([...text('a '), ...text('b', [ins]), ...text('c', [ins, name('x')]), ...text(' d')]);
    expect(tree).toEqual([
      { type: 'text', text: 'a ' },
      {
        type: 'mark',
        mark: { type: 'insertion', kind: 'clarification' },
        children: [
          { type: 'text', text: 'b' },
          {
            type: 'mark',
            mark: { type: 'name', nameType: 'person', ref: 'x' },
            children: [{ type: 'text', text: 'c' }],
          },
        ],
      },
      { type: 'text', text: ' d' },
    ]);
  });

  it('nests marks in schema order whatever order the JSON lists them in', () => {
    const tree = buildInline(text('Kim', [name('k'), { type: 'correction', attrs: { original: 'Kirn' } }]));
    expect(tree[0]).toMatchObject({ type: 'mark', mark: { type: 'correction', original: 'Kirn' } });
    expect((tree[0] as { children: unknown[] }).children[0]).toMatchObject({ mark: { type: 'name', ref: 'k' } });
  });

  it('keeps two different insertions in a row apart', () => {
    const tree = buildInline([...insertion('a', 'variant'), ...insertion('b', 'expansion')]);
    expect(tree).toHaveLength(2);
  });

  it('numbers footnotes in document order and builds their content without numbers', () => {
    let n = 0;
    const tree = buildInline(
      [
        { type: 'footnote', attrs: { id: 'f1' }, content: text('one') },
        ...text(' x '),
        { type: 'footnote', attrs: { id: 'f2' }, content: [...text('two '), ...insertion('more')] },
      ],
      () => ++n,
    );
    const notes = footnotesIn(tree);
    expect(notes.map((note) => [note.id, note.n])).toEqual([
      ['f1', 1],
      ['f2', 2],
    ]);
    expect(textOf(notes[1].content)).toBe('two more');
  });

  it('reads gaps, unclear text and breaks', () => {
    const tree = buildInline([
      { type: 'gap', attrs: { reason: 'illegible', quantity: 3 } },
      { type: 'hard_break' },
      { type: 'unclear', attrs: { reason: 'faded' }, content: text('maybe') },
    ]);
    expect(textOf(tree)).toBe('□□□\nmaybe');
    expect(isEmptyInline(tree)).toBe(false);
    expect(isEmptyInline([])).toBe(true);
  });

  it('shows control characters as their pictures for reading formats', () => {
    expect(readable('a\u001bb\rc\td\ne')).toBe('a\u241bb\u240dc\td\ne');
    expect(readable('x\uD800y')).toBe('x\uFFFDy');
    expect(readable('한국어 😀')).toBe('한국어 😀');
  });
});
