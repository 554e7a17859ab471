import { ImportError } from '../errors';
import type { FormatParser } from '../types';
import { decodeText, encodingMetadata } from './decode';

/** A first line at least this long is a paragraph, not a title. */
const MAX_TITLE_LENGTH = 120;

/**
 * Plain text: decoded (see decodeText), trailing whitespace at the very end
 * trimmed, otherwise kept as is so offsets match the file. No HTML. Works on
 * the one string (no per-line or per-character arrays), so a 50 MB file costs
 * a few copies of its text and nothing more.
 */
export const parseText: FormatParser = async ({ bytes, fileName, signal, onProgress, encoding: chosen }) => {
  if (signal?.aborted) throw new ImportError('cancelled', `${fileName}: import cancelled.`);
  const decoded = decodeText(bytes, fileName, chosen);
  const text = decoded.text.trimEnd();
  if (text.length === 0) throw new ImportError('empty', `${fileName}: there is no text in it to import.`);
  onProgress?.(1);
  const title = firstLineTitle(text);
  return { ...(title ? { title } : {}), text, metadata: encodingMetadata(decoded) };
};

/** The first non-blank line, trimmed, if it is short enough to be a title. */
export function firstLineTitle(text: string): string | undefined {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trim();
    if (line) return line.length < MAX_TITLE_LENGTH ? line : undefined;
    start = end + 1;
  }
  return undefined;
}
