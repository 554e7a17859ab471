import { PdfKeyword, PdfLexer, PdfString, PdfSyntaxError, type PdfValue } from './pdf-syntax';

/**
 * A font's ToUnicode CMap (ISO 32000-1 §9.10.3) as character code → text:
 * how a reader (and we) tell which glyph a content stream shows. Codes are
 * read as big-endian integers of their bytes (two bytes for Identity-H).
 */
export function parseToUnicode(data: Uint8Array): Map<number, string> {
  const map = new Map<number, string>();
  const lexer = new PdfLexer(data);
  const code = (v: PdfValue | PdfKeyword): number => {
    if (!(v instanceof PdfString)) throw new PdfSyntaxError('A CMap code is not a string.');
    let n = 0;
    for (const b of v.bytes) n = n * 256 + b;
    return n;
  };
  const text = (v: PdfValue | PdfKeyword): string => {
    if (!(v instanceof PdfString) || v.bytes.length % 2 !== 0) throw new PdfSyntaxError('A CMap destination is not UTF-16.');
    let s = '';
    for (let i = 0; i < v.bytes.length; i += 2) s += String.fromCharCode(v.bytes[i]! * 256 + v.bytes[i + 1]!);
    return s;
  };
  const isKeyword = (v: PdfValue | PdfKeyword, word: string) => v instanceof PdfKeyword && v.word === word;
  while (!lexer.atEnd) {
    const v = lexer.value();
    if (isKeyword(v, 'beginbfchar')) {
      for (let src = lexer.value(); !isKeyword(src, 'endbfchar'); src = lexer.value()) map.set(code(src), text(lexer.value()));
    } else if (isKeyword(v, 'beginbfrange')) {
      for (let lo = lexer.value(); !isKeyword(lo, 'endbfrange'); lo = lexer.value()) {
        const from = code(lo);
        const to = code(lexer.value());
        const dst = lexer.value();
        if (to - from > 0xffff || to < from) throw new PdfSyntaxError('A CMap range is out of bounds.');
        if (Array.isArray(dst)) dst.forEach((d, i) => map.set(from + i, text(d)));
        else {
          // The destination's last UTF-16 unit counts up through the range.
          const first = text(dst);
          const head = first.slice(0, -1);
          const last = first.charCodeAt(first.length - 1);
          for (let c = from; c <= to; c++) map.set(c, head + String.fromCharCode(last + (c - from)));
        }
      }
    }
  }
  return map;
}
