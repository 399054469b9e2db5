import { describe, expect, it } from 'vitest';
import { findDate, parseDateLine } from './dates';

describe('reading dates', () => {
  it.each([
    ['August 30, 1960', '1960-08-30'],
    ['June 20, 1963', '1963-06-20'],
    ['30 August 1960', '1960-08-30'],
    ['Aug. 30, 1960', '1960-08-30'],
    ['3rd May 1961', '1961-05-03'],
    ['20. Juni 1963', '1963-06-20'],
    ['June 1963', '1963-06'],
    ['1963', '1963'],
    ['c. 1960', '1960'],
    ['1960-08-30', '1960-08-30'],
    ['  August 30, 1960.  ', '1960-08-30'],
  ])('reads the date line %j as %s', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it.each(['February 30, 1960', 'Pyongyang, 30 August 1960', 'Maybe 12, 1960', 'SED Central Committee', '2/20/137'])(
    'does not take %j as a date line',
    (line) => {
      expect(parseDateLine(line)).toBeNull();
    },
  );

  it('finds the first full date inside a text', () => {
    expect(findDate('"Note about a Conversation," August 30, 1960, History and Public Policy')).toBe('1960-08-30');
    expect(findDate('Pyongyang, 30 August 1960')).toBe('1960-08-30');
    expect(findDate('In May 1960 he visited; on 12 June 1961 he left.')).toBe('1960-05');
  });

  it('does not take a bare year or a lower-case "may" for a date inside a text', () => {
    expect(findDate('the plenum of 1959')).toBeNull();
    expect(findDate('they may 1960 be wrong')).toBeNull();
  });
});
