/**
 * English names of the languages TEI headers name by code (`de`, `deu`, `ger`), for
 * a document's `originalLanguage` when the header gives only the code.
 */
const NAMES: Record<string, string> = {
  de: 'German',
  deu: 'German',
  ger: 'German',
  en: 'English',
  eng: 'English',
  ko: 'Korean',
  kor: 'Korean',
  ru: 'Russian',
  rus: 'Russian',
  fr: 'French',
  fra: 'French',
  fre: 'French',
  zh: 'Chinese',
  zho: 'Chinese',
  chi: 'Chinese',
  ja: 'Japanese',
  jpn: 'Japanese',
  pl: 'Polish',
  pol: 'Polish',
  cs: 'Czech',
  ces: 'Czech',
  cze: 'Czech',
  hu: 'Hungarian',
  hun: 'Hungarian',
  ro: 'Romanian',
  ron: 'Romanian',
  rum: 'Romanian',
  bg: 'Bulgarian',
  bul: 'Bulgarian',
  sq: 'Albanian',
  sqi: 'Albanian',
  alb: 'Albanian',
  mn: 'Mongolian',
  mon: 'Mongolian',
  vi: 'Vietnamese',
  vie: 'Vietnamese',
  es: 'Spanish',
  spa: 'Spanish',
  it: 'Italian',
  ita: 'Italian',
  la: 'Latin',
  lat: 'Latin',
  nl: 'Dutch',
  nld: 'Dutch',
  dut: 'Dutch',
};

/** `German` for `de`, `de-AT` or `deu`; the code itself when unknown. */
export function languageName(code: string): string {
  const primary = code.trim().toLowerCase().split('-')[0];
  return NAMES[primary] ?? code.trim();
}
