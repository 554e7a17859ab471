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

/**
 * Keys an entity is found by when typing: the whole folded name and alias,
 * and each word of them, so "@milg" and "@anne" both find Anne Milgram.
 */
export function searchKeysFor(names: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    const folded = foldText(name).trim();
    if (!folded) continue;
    keys.add(folded);
    for (const word of folded.split(/[^\p{L}\p{N}]+/u)) if (word) keys.add(word);
  }
  return [...keys];
}
