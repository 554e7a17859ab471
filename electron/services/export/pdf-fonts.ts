import { parseToUnicode } from './pdf-cmap';
import type { PdfFile } from './pdf-file';
import { dictName, PdfSyntaxError, type PdfRef } from './pdf-syntax';

/** What reading text from a font needs: its codes' text and advances. */
export interface FontInfo {
  /** Bytes per character code: 2 for Identity-H Type 0 fonts, 1 for simple fonts. */
  codeBytes: 1 | 2;
  /** Character code → text, from the font's ToUnicode map. */
  toUnicode: Map<number, string>;
  /** Glyph advance in thousandths of the font size, by character code. */
  width: (code: number) => number;
}

/**
 * A font's ToUnicode map and widths. Chromium embeds every font as Type 0
 * with Identity-H codes; simple fonts with a ToUnicode map are read too.
 * A font without a ToUnicode map is refused: its text cannot be read back.
 */
export function fontInfo(pdf: PdfFile, ref: PdfRef): FontInfo {
  const font = pdf.dict(ref);
  if (!font) throw new PdfSyntaxError('A font is missing.');
  const toUnicode = pdf.stream(font.get('ToUnicode'));
  if (!toUnicode) throw new PdfSyntaxError('A font has no ToUnicode map.');
  const widths = new Map<number, number>();
  let fallback = 1000;
  if (dictName(font, 'Subtype') === 'Type0') {
    if (dictName(font, 'Encoding') !== 'Identity-H') throw new PdfSyntaxError('A Type 0 font is not Identity-H.');
    const descendants = pdf.resolve(font.get('DescendantFonts'));
    const cid = Array.isArray(descendants) ? pdf.dict(descendants[0]) : undefined;
    if (!cid) throw new PdfSyntaxError('A Type 0 font has no descendant font.');
    const dw = pdf.resolve(cid.get('DW'));
    if (typeof dw === 'number') fallback = dw;
    const w = pdf.resolve(cid.get('W'));
    if (Array.isArray(w)) {
      for (let i = 0; i < w.length; ) {
        const first = pdf.resolve(w[i]);
        const next = pdf.resolve(w[i + 1]);
        if (typeof first !== 'number') throw new PdfSyntaxError('Bad W array.');
        if (Array.isArray(next)) {
          next.forEach((v, k) => widths.set(first + k, Number(pdf.resolve(v))));
          i += 2;
        } else {
          const value = pdf.resolve(w[i + 2]);
          if (typeof next !== 'number' || typeof value !== 'number') throw new PdfSyntaxError('Bad W array.');
          for (let c = first; c <= next; c++) widths.set(c, value);
          i += 3;
        }
      }
    }
    return { codeBytes: 2, toUnicode: parseToUnicode(toUnicode.data), width: (code) => widths.get(code) ?? fallback };
  }
  const firstChar = pdf.resolve(font.get('FirstChar'));
  const list = pdf.resolve(font.get('Widths'));
  if (typeof firstChar === 'number' && Array.isArray(list)) list.forEach((v, k) => widths.set(firstChar + k, Number(pdf.resolve(v))));
  return { codeBytes: 1, toUnicode: parseToUnicode(toUnicode.data), width: (code) => widths.get(code) ?? fallback };
}
