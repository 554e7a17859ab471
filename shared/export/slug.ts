/**
 * Slugs for anchors and file names: ASCII letters, digits and hyphens only,
 * so they are safe in a URL fragment, an HTML id and a file name on every
 * system, whatever the title they come from.
 */
export function slugify(text: string, fallback: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** Names Windows refuses for a file whatever its extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Hands out slugs that are unique among those it has handed out ("name", "name-2", …). */
export function uniqueSlugs(taken: Iterable<string> = []) {
  const used = new Set(taken);
  return (text: string, fallback: string): string => {
    let base = slugify(text, fallback);
    if (RESERVED.test(base)) base = `${base}-${fallback}`;
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  };
}

/** One unique anchor per row (`entity-fentanyl`, `source-the-article`), stable for a given list. */
export function anchorsFor<T extends { id: string }>(rows: readonly T[], prefix: string, name: (row: T) => string): Map<string, string> {
  const next = uniqueSlugs();
  return new Map(rows.map((row) => [row.id, `${prefix}-${next(name(row), prefix === 'entity' ? 'unnamed' : 'untitled')}`]));
}
