/**
 * Where each character of a page's pdf.js text items sits in the page's
 * stored text. The importer made the stored text from the same items
 * (electron/services/import/pdf/pdfjs.ts `pageText`): their strings in order,
 * with a space or line break added between items and whitespace collapsed,
 * control characters dropped. So every character that is not whitespace is
 * found again, in order; whitespace maps where the stored text kept it.
 *
 * The alignment is checked, not assumed: a character that is not where it
 * should be (a document imported by another version of the importer, pdf.js
 * reading a font differently) gives null, and the page is then not mapped —
 * the reader marks nothing on it rather than the wrong words.
 */

/** Item characters `[itemOffset, itemOffset + length)` of item `item` are stored text `[textOffset, textOffset + length)` of the page, character for character. */
export interface ItemRun {
  item: number;
  itemOffset: number;
  textOffset: number;
  length: number;
}

/** Collapsed or dropped by the importer's normalisation: whitespace and control characters. */
const DROPPABLE = /[\s\u0000-\u0008\u000e-\u001f\u007f\u0085]/;
const WHITESPACE = /[\s\u0085]/;

export function alignItems(strs: readonly string[], pageText: string): ItemRun[] | null {
  const runs: ItemRun[] = [];
  let cursor = 0;
  let run: ItemRun | null = null;
  const map = (item: number, itemOffset: number) => {
    if (run && run.item === item && run.itemOffset + run.length === itemOffset && run.textOffset + run.length === cursor) run.length += 1;
    else runs.push((run = { item, itemOffset, textOffset: cursor, length: 1 }));
    cursor += 1;
  };
  for (let item = 0; item < strs.length; item++) {
    const str = strs[item]!;
    for (let i = 0; i < str.length; i++) {
      const c = str[i]!;
      if (pageText[cursor] === c) {
        map(item, i);
        continue;
      }
      if (DROPPABLE.test(c)) continue;
      // Skip what the importer put between items (a space, a line break) or kept of a longer run.
      while (cursor < pageText.length && WHITESPACE.test(pageText[cursor]!)) cursor += 1;
      if (pageText[cursor] !== c) return null;
      map(item, i);
    }
  }
  for (; cursor < pageText.length; cursor++) if (!WHITESPACE.test(pageText[cursor]!)) return null;
  return runs;
}
