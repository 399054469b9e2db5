/**
 * Document ids: readable slugs made from the date and title, unique in a project.
 */

/** Lowercase ASCII slug of `text`, at most `max` characters, cut at a word boundary. */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return (dash > max / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/** An id for a document with `date` and `title` that is not in `taken`. */
export function documentIdFor(date: string, title: string, taken: ReadonlySet<string>): string {
  const base = slugify([date, title].filter(Boolean).join(' ')) || 'document';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
