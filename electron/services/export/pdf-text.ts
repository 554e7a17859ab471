import { scanContent } from './pdf-content';
import type { PdfFile } from './pdf-file';
import { fontInfo, type FontInfo } from './pdf-fonts';
import { dictName, PdfName, PdfRef, PdfString, PdfSyntaxError, type PdfValue } from './pdf-syntax';

/**
 * Each page's text as a reader extracts it: every string a text-showing
 * operator (Tj, TJ, ', ") draws, decoded through its font's ToUnicode map,
 * with a space where the pen jumps further than the previous glyph's width
 * and a line break between text objects. This is what the briefing's
 * redaction check reads back; it reads a 100-page briefing in a fraction of
 * the time pdf.js takes, because it never parses a font program.
 *
 * It refuses (throws) what it cannot read completely: a font without a
 * ToUnicode map, a glyph the map does not cover, text inside form XObjects,
 * inline images. The caller then
 * reads the PDF with pdf.js instead.
 */
export function readPageTexts(pdf: PdfFile): string[] {
  const fonts = new Map<number, FontInfo>();
  return pdf.pages().map((ref) => pageText(pdf, ref, fonts));
}

/** A jump this much wider than the previous glyph (in font size units) reads as a space, as pdf.js and poppler read it. */
const SPACE_GAP = 0.15;

function pageText(pdf: PdfFile, ref: PdfRef, fonts: Map<number, FontInfo>): string {
  const page = pdf.dict(ref);
  const resources = pdf.dict(page?.get('Resources'));
  const fontDict = pdf.dict(resources?.get('Font'));
  const xobjects = pdf.dict(resources?.get('XObject'));
  const fontOf = (name: string): FontInfo => {
    const r = fontDict?.get(name);
    if (!(r instanceof PdfRef)) throw new PdfSyntaxError(`Font ${name} is not an indirect object.`);
    let info = fonts.get(r.num);
    if (!info) fonts.set(r.num, (info = fontInfo(pdf, r)));
    return info;
  };

  let contents = pdf.resolve(page?.get('Contents'));
  if (contents === undefined) return '';
  if (!Array.isArray(contents)) contents = [page!.get('Contents')!];
  const parts: Uint8Array[] = [];
  for (const c of contents) {
    const stream = pdf.stream(c);
    if (!stream) throw new PdfSyntaxError('A page content stream is missing.');
    parts.push(stream.data, new Uint8Array([0x0a]));
  }
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (data.set(p, at), at + p.length), 0);

  let text = '';
  let font: FontInfo | undefined;
  let size = 0;
  // The text line matrix [a b c d e f], and how far the text has advanced along the line since it was set.
  let line = [1, 0, 0, 1, 0, 0];
  let advance = 0;
  // Where the last shown text ended on the page; undefined after a move to another line of unknown place.
  let lastEnd: { x: number; y: number } | undefined;
  const breakLine = () => {
    if (text.length > 0 && !text.endsWith('\n')) text += '\n';
  };
  const space = () => {
    const last = text.charCodeAt(text.length - 1);
    if (text.length > 0 && last !== 0x20 && last !== 0x0a) text += ' ';
  };
  const setLine = (m: PdfValue[]) => {
    if (m.length !== 6 || !m.every((v) => typeof v === 'number')) throw new PdfSyntaxError('Bad text matrix.');
    line = m as number[];
    advance = 0;
  };
  /**
   * Shows a string. Where it starts decides what separates it from the text
   * before: nothing when it continues the same run (Chromium starts a new
   * text object at each font change, even inside a word), a space after a
   * gap, a line break on another line.
   */
  const show = (s: PdfValue | undefined) => {
    if (!(s instanceof PdfString)) throw new PdfSyntaxError('A text operator shows no string.');
    if (!font) throw new PdfSyntaxError('Text is shown before a font is chosen.');
    const [a, b, c, , e, f] = line as [number, number, number, number, number, number];
    const straight = b === 0 && c === 0;
    const x = e + a * advance;
    if (!straight || !lastEnd || Math.abs(f - lastEnd.y) > 0.5) breakLine();
    else if (x - lastEnd.x > SPACE_GAP * size * Math.abs(a) || x < lastEnd.x - size * Math.abs(a)) space();
    const { bytes } = s;
    for (let i = 0; i + font.codeBytes <= bytes.length; i += font.codeBytes) {
      const code = font.codeBytes === 2 ? bytes[i]! * 256 + bytes[i + 1]! : bytes[i]!;
      const unicode = font.toUnicode.get(code);
      // A glyph whose text this map does not give: pdf.js may still read it from the font program.
      if (unicode === undefined) throw new PdfSyntaxError('A glyph has no Unicode mapping.');
      text += unicode;
      advance += (font.width(code) * size) / 1000;
    }
    lastEnd = straight ? { x: e + a * advance, y: f } : undefined;
  };
  const nextLine = () => {
    // T* and the quote operators move by the leading, which is not tracked: the next text starts a new line.
    advance = 0;
    lastEnd = undefined;
  };

  scanContent(data, (op, operands) => {
    switch (op) {
      case 'BT':
        setLine([1, 0, 0, 1, 0, 0]);
        return;
      case 'Tf': {
        const [name, s] = operands;
        if (!(name instanceof PdfName) || typeof s !== 'number') throw new PdfSyntaxError('Bad Tf.');
        font = fontOf(name.name);
        size = Math.abs(s);
        return;
      }
      case 'Tm':
        setLine(operands);
        return;
      case 'Td':
      case 'TD': {
        const [tx, ty] = operands;
        if (typeof tx !== 'number' || typeof ty !== 'number') throw new PdfSyntaxError('Bad Td.');
        const [a, b, c, d, e, f] = line as [number, number, number, number, number, number];
        setLine([a, b, c, d, e + a * tx + c * ty, f + b * tx + d * ty]);
        return;
      }
      case 'T*':
        nextLine();
        return;
      case 'Tj':
        show(operands[0]);
        return;
      case "'":
        nextLine();
        show(operands[0]);
        return;
      case '"':
        nextLine();
        show(operands[2]);
        return;
      case 'TJ': {
        const items = operands[0];
        if (!Array.isArray(items)) throw new PdfSyntaxError('Bad TJ.');
        for (const item of items) {
          if (typeof item === 'number') advance -= (item * size) / 1000;
          else show(item);
        }
        return;
      }
      case 'Do': {
        const [name] = operands;
        const xobject = name instanceof PdfName ? xobjects?.get(name.name) : undefined;
        const subtype = dictName(pdf.stream(xobject)?.dict, 'Subtype');
        if (subtype !== 'Image') throw new PdfSyntaxError('A form XObject may hold text this reader does not follow.');
        return;
      }
      default:
    }
  });
  return text;
}
