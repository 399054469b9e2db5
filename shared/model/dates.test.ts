import { describe, expect, it } from 'vitest';
import { formatDate, shortDate } from './dates';
import { languageTag } from './language';

describe('dates for people', () => {
  it('writes the long form for editions', () => {
    expect(formatDate('1960-08-30')).toBe('30 August 1960');
    expect(formatDate('1963-06')).toBe('June 1963');
    expect(formatDate('1963')).toBe('1963');
  });

  it('writes the short form for lists, and says when there is no date', () => {
    expect(shortDate('1960-08-30')).toBe('30 Aug 1960');
    expect(shortDate('1963-06')).toBe('Jun 1963');
    expect(shortDate('1963')).toBe('1963');
    expect(shortDate('')).toBe('undated');
    expect(shortDate('spring 1961')).toBe('spring 1961');
  });
});

describe('languageTag', () => {
  it('tags a language name, keeps a tag as given, and says und for an unknown name', () => {
    expect(languageTag(' German ')).toBe('de');
    expect(languageTag('ru')).toBe('ru');
    expect(languageTag('Klingon')).toBe('und');
  });
});
