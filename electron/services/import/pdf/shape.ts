import { ImportError } from '../errors';

/**
 * What the PDF parser checks and adjusts on the bytes themselves, before
 * pdf.js sees them.
 */

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const PDF_HEADER = ascii('%PDF-');
const PDF_EOF = ascii('%%EOF');
/** Readers (Acrobat, pdf.js) accept a header anywhere in the first 1024 bytes: after mail headers, a MacBinary block, a BOM… */
export const HEADER_WINDOW = 1024;

export function indexOfBytes(haystack: Uint8Array, needle: readonly number[], from = 0, to = haystack.length): number {
  const first = needle[0]!;
  const end = Math.min(to, haystack.length) - needle.length;
  for (let i = haystack.indexOf(first, from); i >= 0 && i <= end; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

function lastIndexOfBytes(haystack: Uint8Array, needle: readonly number[]): number {
  const first = needle[0]!;
  for (let i = haystack.lastIndexOf(first, haystack.length - needle.length); i >= 0; i = i === 0 ? -1 : haystack.lastIndexOf(first, i - 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

export interface PdfShape {
  /** Whether the file ends with %%EOF somewhere (an updated file has several). Without, it may have been cut short. */
  hasEnd: boolean;
}

/** Refuses files that are not PDFs: no `%PDF-` in the first 1024 bytes. */
export function checkShape(bytes: Uint8Array, fileName: string): PdfShape {
  if (bytes.byteLength === 0) throw new ImportError('empty', `${fileName}: the file is empty`);
  if (indexOfBytes(bytes, PDF_HEADER, 0, HEADER_WINDOW + PDF_HEADER.length) < 0) {
    throw new ImportError('corrupt', `${fileName}: not a PDF — it has no PDF header, so it is damaged or another kind of file named .pdf`);
  }
  return { hasEnd: lastIndexOfBytes(bytes, PDF_EOF) >= 0 };
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/**
 * A PDF whose only encrypted part is its embedded files: an /Encrypt
 * dictionary (V 4 or 5) whose crypt filters for streams and strings are
 * /Identity (the default when absent), only /EFF naming a real one. The
 * pages need no password, but pdf.js 5 asks for one all the same. Such a
 * file is read with its /Encrypt entries renamed (same length, so every
 * offset still holds): the pages are read as they are stored, plain; the
 * embedded files, which Casebook does not import, stay encrypted.
 *
 * Returns the bytes to read, or null when the file is not of that kind.
 */
export function withoutAttachmentOnlyEncryption(bytes: Uint8Array): Uint8Array | null {
  const text = latin1(bytes);
  const refs = [...text.matchAll(/\/Encrypt\s+(\d+)\s+(\d+)\s+R/g)];
  if (refs.length === 0) return null;
  for (const [, num, gen] of refs) {
    const at = text.search(new RegExp(`(?:^|[^0-9])${num}\\s+${gen}\\s+obj\\b`));
    if (at < 0) return null;
    const end = text.indexOf('endobj', at);
    const dict = text.slice(at, end < 0 ? at + 4096 : end);
    const version = Number(/\/V\s+(\d+)/.exec(dict)?.[1] ?? 0);
    if (version < 4) return null; // before crypt filters, everything is encrypted
    const stmF = /\/StmF\s*\/(\w+)/.exec(dict)?.[1] ?? 'Identity';
    const strF = /\/StrF\s*\/(\w+)/.exec(dict)?.[1] ?? 'Identity';
    if (stmF !== 'Identity' || strF !== 'Identity') return null;
  }
  const copy = bytes.slice();
  // "/Encrypt" → "/NoCrypt": an unknown key, ignored by every reader.
  const replacement = ascii('/NoCrypt');
  for (const match of text.matchAll(/\/Encrypt(?=\s+\d+\s+\d+\s+R)/g)) copy.set(replacement, match.index);
  return copy;
}
