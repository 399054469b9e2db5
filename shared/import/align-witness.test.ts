import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignWitness } from './align-witness';

/** Filler English of n words. */
const words = (n: number, seed = 'comrade') =>
  Array.from({ length: n }, (_, i) => `${seed}${i % 7 ? '' : ','}`).join(' ');
/** Garbled-looking witness of about n characters, without Latin words or digits that could be evidence. */
const garble = (n: number) => Array.from({ length: n }, (_, i) => '|\\( @]}`'[i % 8]).join('');

describe('aligning witness lines with English rows', () => {
  it('aligns the 1960 heading lines by surviving codes, dates, brackets and length', () => {
    const english = [
      'SED Central Committee',
      'Department of International Relations',
      'Archival Signature: SAPMO-BA, DY 30, IV 2/20/137',
      '[GDR Embassy in DPRK]',
      'Pyongyang, 30 August 1960',
      'about a Conversation in the Soviet Embassy with Comrade Puzanov',
    ];
    const witness = ['|| Y', '8 : SAPMO-BA, DY 30, IV 2/20/137', '[ |Tm ]', '1960D 8 30|', '( xx @X T]'];
    // The witness has an extra blank line after `|| Y`, where the Korean line for the department vanished.
    expect(alignWitness(english, witness, { blankBefore: [0, 2, 1, 1, 1] })).toEqual([0, 2, 3, 4, 5]);
  });

  it('leaves rows without witness where the witness has fewer lines than the English has rows', () => {
    const english = [
      'Report of 12 May 1961',
      'Ministry of Foreign Affairs',
      `${words(60)} in 1958 the plant 4711 was built.`,
      `${words(80, 'delegation')} and so on.`,
    ];
    const witness = ['1961D 5 12|', `${garble(50)} 1958 ${garble(10)} 4711 ${garble(6)}.`];
    expect(alignWitness(english, witness)).toEqual([0, 2]);
  });

  it('gives one row several lines where the witness has more lines than the English has rows', () => {
    const english = [`${words(40)} in 1956 and 1957.`, `${words(40, 'ambassador')} in 1961 and 1962.`];
    const witness = [`${garble(20)} 1956`, `${garble(20)} 1957`, `${garble(20)} 1961`, `${garble(20)} 1962`];
    expect(alignWitness(english, witness)).toEqual([0, 0, 1, 1]);
  });

  it('places lines without any evidence by their length', () => {
    const english = ['Top Secret', words(30), words(150)];
    const witness = [garble(3), garble(33), garble(165)];
    expect(alignWitness(english, witness)).toEqual([0, 1, 2]);
  });

  it('keeps a line without evidence between the lines whose evidence pins them', () => {
    const english = [
      'Berlin, 20 June 1963',
      'Information about the policy',
      words(50),
      `${words(50)} in 1962 there were 78 cases.`,
    ];
    const witness = ['1963D 6 20|', garble(55), `${garble(50)} 1962 ${garble(4)} 78`];
    expect(alignWitness(english, witness)).toEqual([0, 2, 3]);
  });

  it('prefers the earlier rows for a witness that stops before the English does', () => {
    const english = ['A heading line', words(100), words(100), words(100)];
    expect(alignWitness(english, [garble(4), garble(110)])).toEqual([0, 1]);
  });

  it('handles no lines, no rows and a single row', () => {
    expect(alignWitness(['a'], [])).toEqual([]);
    expect(alignWitness([], ['x', 'y'])).toEqual([-1, -1]);
    expect(alignWitness(['only row'], ['x', 'y', 'z'])).toEqual([0, 0, 0]);
  });

  it('never drops, duplicates or reorders a witness line (property)', () => {
    const line = fc.string({ maxLength: 40 });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.array(line, { maxLength: 25 }), (rows, lines) => {
        const owner = alignWitness(rows, lines);
        expect(owner).toHaveLength(lines.length);
        for (let i = 0; i < owner.length; i++) {
          expect(owner[i]).toBeGreaterThanOrEqual(i ? owner[i - 1] : 0);
          expect(owner[i]).toBeLessThan(rows.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('aligns a thousand rows with a thousand lines quickly', () => {
    const english = Array.from({ length: 1000 }, (_, i) => `${words(20 + (i % 30))} item ${1000 + i}.`);
    const witness = english.map((_, i) => `${garble(22 + (i % 30))} ${1000 + i}`);
    const start = performance.now();
    const owner = alignWitness(english, witness);
    const elapsed = performance.now() - start;
    expect(owner).toEqual(english.map((_, i) => i));
    expect(elapsed).toBeLessThan(2000);
  });

  it('follows anchors through a large input whose witness stops early (banded search)', () => {
    const english = Array.from({ length: 3000 }, (_, i) => `${words(15 + (i % 10))} number ${10000 + i}.`);
    const witness = english.slice(0, 300).map((_, i) => `${garble(16 + (i % 10))} ${10000 + i}`);
    expect(alignWitness(english, witness)).toEqual(witness.map((_, i) => i));
  });

  it('follows the lengths through a large input without any shared token (banded search)', () => {
    const sizes = Array.from({ length: 1500 }, (_, i) => [3, 40, 12, 90, 25][i % 5]);
    const english = sizes.map((n) => words(n));
    const witness = sizes.map((n) => garble(Math.round(n * 1.1)));
    const owner = alignWitness(english, witness);
    const right = owner.filter((row, i) => row === i).length;
    expect(right / owner.length).toBeGreaterThan(0.95);
  });
});
