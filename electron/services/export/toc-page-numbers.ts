import { TOC_DIGITS, TOC_PLACEHOLDER, type TocEntry } from '../../../shared/briefing/toc';
import { fontInfo, type FontInfo } from './pdf-fonts';
import type { PdfFile } from './pdf-file';
import { contentOps, type ContentOp } from './pdf-content';
import { PdfName, PdfRef, PdfString, PdfSyntaxError, serialize, type PdfDict, type PdfValue } from './pdf-syntax';

/**
 * Writes the contents page's numbers into a briefing printed once, with
 * placeholders (see shared/briefing/toc.ts): Chromium has no CSS
 * `target-counter()`, and printing a second time only to learn the numbers
 * doubled the export's time.
 *
 * Each placeholder is a run of tabular digits in the contents' own embedded
 * font, alone in its text object, right-aligned in a fixed-width cell; the
 * digits of the real number are written over it, right-aligned at the same
 * edge, in the same font, size and colour, inside the same marked content
 * (so the tagged structure still holds them). The glyphs come from a
 * "palette" the composer prints once per font weight (every digit, so the
 * embedded subset has them all); the palette is then removed from the page.
 * Digits are tabular, so nothing else on the line moves.
 *
 * Anything unexpected throws (`PdfSyntaxError` or `TocNumbersError`): the
 * service then numbers the contents by printing again, as it used to.
 */

export class TocNumbersError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TocNumbersError';
  }
}

interface Glyph {
  code: number;
  /** Horizontal position in text space of the block's first matrix. */
  x: number;
}

/** A text object (BT … ET) made only of font, matrix, move and show operators. */
interface TextBlock {
  start: number;
  end: number;
  fontName: string;
  fontRef: number;
  size: number;
  matrix: number[];
  glyphs: Glyph[];
  text: string;
}

interface PageScan {
  ref: PdfRef;
  contentsRef: PdfRef;
  data: Uint8Array;
  dict: PdfDict;
  blocks: TextBlock[];
}

/** The same PDF with each contents entry's page written in; throws when the PDF is not as expected. */
export function writeTocPageNumbers(pdf: PdfFile, toc: readonly TocEntry[], pageNumbers: Readonly<Record<string, number>>, paletteCount: number): Uint8Array {
  if (toc.length === 0) return pdf.bytes;
  const pages = pdf.pages();
  const firstChapter = Math.min(...toc.map((e) => pageNumbers[e.anchorId] ?? Infinity));
  if (!Number.isFinite(firstChapter)) throw new TocNumbersError('A contents entry has no page.');
  const fonts = new Map<number, FontInfo>();

  // The contents are printed before the first chapter (which starts a page).
  const scans: PageScan[] = [];
  for (let i = 0; i < firstChapter - 1 && i < pages.length; i++) scans.push(scanPage(pdf, pages[i]!, fonts));

  const blocks = scans.flatMap((scan, page) => scan.blocks.map((block) => ({ page, block })));
  const firstPlaceholder = blocks.findIndex(({ block }) => block.text === TOC_PLACEHOLDER);
  const palettes = blocks.slice(0, firstPlaceholder < 0 ? blocks.length : firstPlaceholder).filter(({ block }) => block.text === TOC_DIGITS);
  if (palettes.length !== paletteCount) throw new TocNumbersError(`Expected ${paletteCount} digit palettes, found ${palettes.length}.`);
  const digitCodes = new Map<number, number[]>();
  for (const { block } of palettes) digitCodes.set(block.fontRef, block.glyphs.map((g) => g.code));

  let placeholders = firstPlaceholder < 0 ? [] : blocks.slice(firstPlaceholder).filter(({ block }) => block.text === TOC_PLACEHOLDER);
  if (placeholders.length > toc.length) {
    // A title that reads like a placeholder: the real ones end at the right edge of the column.
    const rightEdge = (b: TextBlock) => b.matrix[4]! + b.matrix[0]! * (b.glyphs.at(-1)!.x + (fonts.get(b.fontRef)!.width(b.glyphs.at(-1)!.code) * b.size) / 1000);
    const edge = Math.max(...placeholders.map(({ block }) => rightEdge(block)));
    placeholders = placeholders.filter(({ block }) => Math.abs(rightEdge(block) - edge) < 0.75);
  }
  if (placeholders.length !== toc.length) throw new TocNumbersError(`Expected ${toc.length} page number placeholders, found ${placeholders.length}.`);

  const edits = new Map<number, { start: number; end: number; text: string }[]>();
  const edit = (page: number, e: { start: number; end: number; text: string }) => edits.set(page, [...(edits.get(page) ?? []), e]);
  for (const { page, block } of palettes) edit(page, { start: block.start, end: block.end, text: '' });
  placeholders.forEach(({ page, block }, i) => {
    const number = pageNumbers[toc[i]!.anchorId];
    if (number === undefined) throw new TocNumbersError(`No page for contents entry ${toc[i]!.anchorId}.`);
    const codes = digitCodes.get(block.fontRef);
    if (!codes) throw new TocNumbersError('A placeholder is in a font no palette was printed in.');
    edit(page, { start: block.start, end: block.end, text: numberBlock(block, fonts.get(block.fontRef)!, codes, number) });
  });

  const replaced = [...edits].map(([page, pageEdits]) => {
    const scan = scans[page]!;
    return { ref: scan.contentsRef, dict: scan.dict, data: spliced(scan.data, pageEdits) };
  });
  return pdf.withReplacedStreams(replaced);
}

/** The text object showing `number` right-aligned where the placeholder ended, in its font, size and matrix. */
function numberBlock(block: TextBlock, font: FontInfo, digitCodes: number[], number: number): string {
  const last = block.glyphs.at(-1)!;
  const end = last.x + (font.width(last.code) * block.size) / 1000;
  const codes = String(number)
    .split('')
    .map((d) => digitCodes[d.charCodeAt(0) - 48]!);
  const advances = codes.map((c) => (font.width(c) * block.size) / 1000);
  const start = end - advances.reduce((a, b) => a + b, 0);
  const [a, b, c, d, e, f] = block.matrix as [number, number, number, number, number, number];
  const lines = ['BT', `${serialize(new PdfName(block.fontName))} ${num(block.size)} Tf`, `${[a, b, c, d, e + a * start, f + b * start].map(num).join(' ')} Tm`];
  codes.forEach((code, i) => {
    const show = `<${code.toString(16).padStart(4, '0')}> Tj`;
    lines.push(i === 0 ? show : `${num(advances[i - 1]!)} 0 Td ${show}`);
  });
  lines.push('ET');
  return lines.join('\n');
}

const num = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1e5) / 1e5));

function spliced(data: Uint8Array, edits: { start: number; end: number; text: string }[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const e of [...edits].sort((x, y) => x.start - y.start)) {
    parts.push(data.subarray(at, e.start), enc.encode(e.text));
    at = e.end;
  }
  parts.push(data.subarray(at));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

function scanPage(pdf: PdfFile, ref: PdfRef, fonts: Map<number, FontInfo>): PageScan {
  const page = pdf.dict(ref);
  let contents = page?.get('Contents');
  const list = pdf.resolve(contents);
  if (Array.isArray(list)) {
    if (list.length !== 1) throw new TocNumbersError('A contents page has several content streams.');
    contents = list[0];
  }
  if (!(contents instanceof PdfRef)) throw new TocNumbersError('A contents page has no content stream.');
  const stream = pdf.stream(contents);
  if (!stream) throw new TocNumbersError('A contents page has no content stream.');
  const fontDict = pdf.dict(pdf.dict(page?.get('Resources'))?.get('Font'));
  const fontRefOf = (name: string): number => {
    const r = fontDict?.get(name);
    if (!(r instanceof PdfRef)) throw new TocNumbersError(`Font ${name} is not an indirect object.`);
    if (!fonts.has(r.num)) {
      const info = fontInfo(pdf, r);
      if (info.codeBytes !== 2) throw new TocNumbersError(`Font ${name} is not a Type 0 font.`);
      fonts.set(r.num, info);
    }
    return r.num;
  };
  return { ref, contentsRef: contents, data: stream.data, dict: stream.dict, blocks: textBlocks(contentOps(stream.data), fontRefOf, fonts) };
}

const isNumbers = (values: PdfValue[], n: number): values is number[] => values.length === n && values.every((v) => typeof v === 'number');

/**
 * The text objects of a content stream. Only objects made of Tf, Tm, Td and
 * Tj with hexadecimal strings are kept as blocks (Chromium writes every run
 * of text that way); others are skipped, since no placeholder is among them.
 */
function textBlocks(ops: ContentOp[], fontRefOf: (name: string) => number, fonts: Map<number, FontInfo>): TextBlock[] {
  const blocks: TextBlock[] = [];
  // The font is graphics state: it carries over from one text object to the next.
  let fontName: string | undefined;
  let size = 0;
  let current: (Omit<TextBlock, 'end' | 'text' | 'fontName' | 'fontRef' | 'size'> & { simple: boolean; line: number; matrixSet: boolean }) | undefined;
  for (const op of ops) {
    if (op.operator === 'BT') {
      current = { start: op.start, matrix: [1, 0, 0, 1, 0, 0], glyphs: [], simple: true, line: 0, matrixSet: false };
      continue;
    }
    if (op.operator === 'Tf') {
      const [name, s] = op.operands;
      if (!(name instanceof PdfName) || typeof s !== 'number') throw new PdfSyntaxError('Bad Tf.');
      fontName = name.name;
      size = s;
      continue;
    }
    if (!current) continue;
    switch (op.operator) {
      case 'Tm':
        if (!isNumbers(op.operands, 6) || current.glyphs.length > 0 || op.operands[1] !== 0 || op.operands[2] !== 0) current.simple = false;
        else {
          current.matrix = op.operands;
          current.matrixSet = true;
        }
        break;
      case 'Td':
        if (!isNumbers(op.operands, 2) || op.operands[1] !== 0) current.simple = false;
        else current.line += op.operands[0]!;
        break;
      case 'Tj': {
        const [s] = op.operands;
        if (!(s instanceof PdfString) || !s.hex || s.bytes.length !== 2) current.simple = false;
        else current.glyphs.push({ code: s.bytes[0]! * 256 + s.bytes[1]!, x: current.line });
        break;
      }
      case 'ET': {
        if (current.simple && current.matrixSet && fontName && current.glyphs.length > 0) {
          const fontRef = fontRefOf(fontName);
          const map = fonts.get(fontRef)!.toUnicode;
          const text = current.glyphs.map((g) => map.get(g.code) ?? '\uFFFD').join('');
          blocks.push({ start: current.start, end: op.end, fontName, fontRef, size, matrix: current.matrix, glyphs: current.glyphs, text });
        }
        current = undefined;
        break;
      }
      default:
        current.simple = false;
    }
  }
  return blocks;
}
