import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { emission, garble, garbleChar, garbleFragment, garbleLine, SPACE, splitLines, VANISHES } from './garble';

const examples: [string, string][] = [
  ['1960년 8월 30일', '1960D 8 30|'],
  ['독일통일사회당 중앙위원회', '|| Y'],
  ['문서 출처: SAPMO-BA, DY 30, IV 2/20/137', '8 : SAPMO-BA, DY 30, IV 2/20/137'],
  ['[평양 주재 독일민주공화국 대사관]', '[ |Tm ]'],
  ['소련 대사관에서 푸자노프 동지와의 대화록', '( xx @X T]'],
  ['푸자노프 동지는 구두로 소련공산당 중앙위원회 회의의 몇 가지 정보를 제공했다.', 'xx lP\\ ( Y XX | .'],
  ['조선로동당의', 'p \\X'],
  ['부카레스트', 't'],
];

describe('garble', () => {
  it.each(examples)('turns %s into the witness of korean-witness.md', (restoration, witness) => {
    expect(garble(restoration)).toBe(witness);
  });

  it('keeps the low byte of syllables named in the model document', () => {
    expect(garbleChar('년')).toBe('D');
    expect(garbleChar('월')).toBe('');
    expect(garbleChar('일')).toBe('|');
    expect(garbleChar('푸')).toBe('x');
    expect(garbleChar('노')).toBe('x');
    expect(garbleChar('자')).toBe('');
    expect(garbleChar('프')).toBe('');
  });

  it('turns a syllable whose low byte is 0x20 into a space that collapses with its neighbours', () => {
    expect(emission('선'.charCodeAt(0))).toBe(SPACE);
    expect(garble('조선 로동당의')).toBe('p \\X');
    expect(garble('선거')).toBe('p');
    expect(garbleFragment('조선')).toBe('p ');
  });

  it('treats non-Hangul characters by the same low-byte rule', () => {
    expect(garbleChar('\u201C')).toBe(''); // “ = U+201C, low byte 0x1C
    expect(garbleChar('\u00B7')).toBe(''); // · = U+00B7
    expect(garbleChar('\u3001')).toBe(''); // 、= U+3001
    expect(garbleChar('\u2020')).toBe(' '); // † = U+2020, low byte 0x20
    expect(garbleChar('\u5B57')).toBe('W'); // 字 = U+5B57
    expect(emission(0x7f)).toBe(VANISHES);
  });

  it('keeps line breaks, turns CRLF and CR into LF and trims each line', () => {
    expect(garble('  일  \r\n월\r년 ')).toBe('|\n\nD');
    expect(splitLines('a\r\nb\nc\rd')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('collapses tabs and form feeds as HTML white space', () => {
    expect(garble('a\t\tb\fc')).toBe('a b c');
  });

  it('leaves no trace of a word that vanishes completely, not even a double space', () => {
    expect(garble('일 자자 일')).toBe('| |');
    expect(garble('자 일')).toBe('|');
  });
});

describe('garble on the real witness of the 1960 seed', () => {
  const seed = readFileSync(join(__dirname, '../../resources/samples/1960-08-30-puzanov-conversation.txt'), 'utf8');
  const witness = seed.slice(seed.indexOf('Korean HTML\n') + 'Korean HTML\n'.length).split('\n');

  it('finds every witness line a fixed point, as a real garble output must be', () => {
    expect(witness.filter((l) => l.trim()).length).toBeGreaterThan(3);
    for (const line of witness) expect(garble(line)).toBe(line);
  });
});

const hangul = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
const ascii = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
const mixedChar = fc.oneof(
  { weight: 6, arbitrary: hangul },
  { weight: 2, arbitrary: ascii },
  { weight: 2, arbitrary: fc.constantFrom(' ', ' ', '\t', '\n', '\r\n', '선', '·', '“', '\u00a0') },
);
const text = fc.array(mixedChar, { maxLength: 80 }).map((a) => a.join(''));

describe('garble properties', () => {
  it('outputs only printable ASCII and line feeds', () => {
    fc.assert(fc.property(text, (t) => /^[\x20-\x7e\n]*$/.test(garble(t))));
  });

  it('never leaves double spaces or spaces at the edges of a line', () => {
    fc.assert(
      fc.property(text, (t) =>
        garble(t)
          .split('\n')
          .every((l) => !l.includes('  ') && l === l.trim()),
      ),
    );
  });

  it('preserves the number of lines', () => {
    fc.assert(fc.property(text, (t) => garble(t).split('\n').length === splitLines(t).length));
  });

  it('is idempotent: a witness garbles to itself', () => {
    fc.assert(fc.property(text, (t) => garble(garble(t)) === garble(t)));
  });

  it('keeps every ASCII non-space character of the input, in order', () => {
    fc.assert(
      fc.property(text, (t) => {
        const kept = t.replace(/[^\x21-\x7e]/g, '');
        const out = garble(t).replace(/[^\x21-\x7e]/g, '');
        let i = 0;
        for (const ch of out) if (ch === kept[i]) i++;
        return i === kept.length;
      }),
    );
  });

  it('is the concatenation of per-character survivors, collapsed', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hangul, ascii), { maxLength: 40 }), (chars) => {
        const t = chars.join('');
        const expected = chars.map(garbleChar).join('').replace(/ +/g, ' ').trim();
        return garbleLine(t) === expected;
      }),
    );
  });

  it('commutes with joining lines', () => {
    fc.assert(fc.property(text, text, (a, b) => garble(`${a}\n${b}`) === `${garble(a)}\n${garble(b)}`));
  });
});
