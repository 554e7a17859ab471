/**
 * Folding used wherever names are compared: NFKC, then diacritics removed,
 * curly quotes and apostrophes made straight, lower case. "Vanda Felbab‑Brown"
 * and "vanda felbab-brown" fold alike.
 */
export function foldText(value: string): string {
  return value
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase();
}

/** The whole folded names and aliases: what "starts with the query" means for a name. */
export function nameKeysFor(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => foldText(n).replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

/**
 * Every key an entity is found by when typing: the whole folded names and
 * aliases, each whitespace-separated token ("felbab-brown") and each word of
 * it ("felbab", "brown"), so "@milg", "@anne" and "@felbab-b" all find.
 */
export function searchKeysFor(names: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const folded of nameKeysFor(names)) {
    keys.add(folded);
    for (const token of folded.split(' ')) {
      const trimmed = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (trimmed) keys.add(trimmed);
      for (const word of token.split(/[^\p{L}\p{N}]+/u)) if (word) keys.add(word);
    }
  }
  return [...keys];
}
