/**
 * Dates as the archive writes them (`August 30, 1960`, `30 August 1960`,
 * `June 1963`, `1963`) to ISO (`1960-08-30`, `1963-06`, `1963`).
 */

const MONTHS = new Map<string, number>(
  Object.entries({
    january: 1,
    february: 2,
    march: 3,
    april: 4,
    may: 5,
    june: 6,
    july: 7,
    august: 8,
    september: 9,
    october: 10,
    november: 11,
    december: 12,
    jan: 1,
    feb: 2,
    mar: 3,
    apr: 4,
    jun: 6,
    jul: 7,
    aug: 8,
    sep: 9,
    sept: 9,
    oct: 10,
    nov: 11,
    dec: 12,
    // German, the language of many originals.
    januar: 1,
    februar: 2,
    märz: 3,
    maerz: 3,
    mai: 5,
    juni: 6,
    juli: 7,
    oktober: 10,
    dezember: 12,
  }),
);

/** Month number (1–12) of an English or German month name or abbreviation. */
export function monthNumber(name: string): number | undefined {
  return MONTHS.get(name.toLowerCase().replace(/\.$/, ''));
}

const MONTH = '\\b([A-Z][A-Za-zä]{2,8})\\.?';
const DAY = '\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?';
const YEAR = '(\\d{4})';

const patterns: { re: RegExp; parts: (m: RegExpExecArray) => [string, string | undefined, string | undefined] }[] = [
  // 1960-08-30, 1960-08
  { re: /(\d{4})-(\d{2})(?:-(\d{2}))?/, parts: (m) => [m[1], m[2], m[3]] },
  // August 30, 1960
  { re: new RegExp(`${MONTH}\\s+${DAY},?\\s+${YEAR}`), parts: (m) => [m[3], m[1], m[2]] },
  // 30 August 1960
  { re: new RegExp(`${DAY}\\s+${MONTH},?\\s+${YEAR}`), parts: (m) => [m[3], m[2], m[1]] },
  // August 1960
  { re: new RegExp(`${MONTH},?\\s+${YEAR}`), parts: (m) => [m[2], m[1], undefined] },
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function toIso(year: string, month: string | undefined, day: string | undefined): string | null {
  const y = Number(year);
  if (y < 1000 || y > 2999) return null;
  if (month === undefined) return year;
  const m = /^\d+$/.test(month) ? Number(month) : monthNumber(month);
  if (!m || m < 1 || m > 12) return null;
  if (day === undefined) return `${year}-${pad(m)}`;
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > daysInMonth) return null;
  return `${year}-${pad(m)}-${pad(d)}`;
}

/**
 * The ISO date of a line that is nothing but a date (`August 30, 1960`,
 * `# June 20, 1963` after its marker is removed, `c. 1960`), or null.
 */
export function parseDateLine(line: string): string | null {
  const value = line
    .trim()
    .replace(/^(?:c\.|ca\.|circa)\s*/i, '')
    .replace(/[.,;]$/, '')
    .trim();
  if (/^\d{4}$/.test(value)) return toIso(value, undefined, undefined);
  for (const { re, parts } of patterns) {
    const m = new RegExp(`^${re.source}$`).exec(value);
    if (m) return toIso(...parts(m));
  }
  return null;
}

/**
 * The first date written out with at least a month and a year anywhere in a text
 * (a citation, a heading such as `Pyongyang, 30 August 1960`), or null. Bare
 * years are not taken: a paragraph is full of them.
 */
export function findDate(text: string): string | null {
  let best: { index: number; iso: string } | null = null;
  for (const { re, parts } of patterns) {
    const global = new RegExp(re.source, 'g');
    for (let m = global.exec(text); m; m = global.exec(text)) {
      const iso = toIso(...parts(m));
      if (iso && (!best || m.index < best.index)) best = { index: m.index, iso };
      if (iso) break;
    }
  }
  return best?.iso ?? null;
}
