/**
 * Language tags: the one place a language name as stored in a document's
 * metadata (`German`) becomes a BCP 47 tag (`de`), for TEI, HTML and the
 * editor's `lang` attributes.
 */
const LANGUAGE_TAGS: Record<string, string> = {
  english: 'en',
  german: 'de',
  korean: 'ko',
  russian: 'ru',
  chinese: 'zh',
  japanese: 'ja',
  french: 'fr',
  polish: 'pl',
  czech: 'cs',
  hungarian: 'hu',
  romanian: 'ro',
  bulgarian: 'bg',
  albanian: 'sq',
  mongolian: 'mn',
  vietnamese: 'vi',
  spanish: 'es',
  italian: 'it',
};

/** BCP 47 tag for a language name (`German` → `de`); `und` when unknown. */
export function languageTag(name: string): string {
  const key = name.trim().toLowerCase();
  if (/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(name.trim()) && !LANGUAGE_TAGS[key]) return name.trim();
  return LANGUAGE_TAGS[key] ?? 'und';
}
