/**
 * Dates as people read them, from the ISO dates the model stores (`1960-08-30`,
 * `1960-08`, `1960`): the long form of editions and the short form of lists.
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** An ISO date for readers: `1960-08-30` → `30 August 1960`, `1960-08` → `August 1960`. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const name = month ? MONTHS[Number(month) - 1] : undefined;
  if (!name) return year;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

const SHORT_MONTHS = MONTHS.map((name) => name.slice(0, 3));

/**
 * An ISO date for a list: `1960-08-30` → `30 Aug 1960`, `1960-08` → `Aug 1960`,
 * `1960` → `1960`; `undated` when there is none.
 */
export function shortDate(iso: string): string {
  if (!iso) return 'undated';
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const name = month ? SHORT_MONTHS[Number(month) - 1] : undefined;
  if (!name) return year;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}
