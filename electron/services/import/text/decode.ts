import { ImportError } from '../errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Decodes a text file's bytes: a BOM (UTF-8, UTF-16LE, UTF-16BE) decides and
 * is stripped; otherwise valid UTF-8 is UTF-8 and anything else is read as
 * Windows-1252 (what "ANSI" text from Windows, and most Latin-1 labelled
 * files, really are). Newlines become "\n". Binary content is refused.
 */
export function decodeText(bytes: Uint8Array, fileName = 'This file'): DecodedText {
  let text: string;
  let encoding: TextEncodingName;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    rejectNul(bytes, fileName);
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3));
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    // NUL bytes are normal in UTF-16; a NUL character is not.
    text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(2));
    if (text.includes('\0')) throw binary(fileName);
  } else {
    rejectNul(bytes, fileName);
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      text = decodeWindows1252(bytes);
      encoding = 'windows-1252';
    }
  }
  assertNotBinary(text, fileName);
  return { text: normalizeNewlines(text), encoding };
}

/** "\r\n" and a lone "\r" (old Mac files) become "\n". */
export const normalizeNewlines = (text: string): string => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);

/**
 * The characters Windows-1252 puts at 0x80–0x9F (curly quotes, dashes, €…).
 * The five bytes it leaves undefined map to the C1 control of the same value,
 * as the WHATWG Encoding standard does.
 */
const CP1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Windows-1252 without TextDecoder: Node 20's `TextDecoder('windows-1252')`
 * decodes as ISO-8859-1 (0x93 becomes U+0093, not “), so we map 0x80–0x9F
 * ourselves. Latin-1 decoding by Buffer is a native one-pass copy.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_C1[c.charCodeAt(0) - 0x80]!));
}

/** Share of control characters above which a file is taken for binary. */
const MAX_CONTROL_RATIO = 0.05;

/**
 * Refuses text that is really binary: a NUL character, or more than 5 % C0/C1
 * control characters. Tab, newlines, form feed, vertical tab (FileMaker's line
 * break) and ESC (colored logs) are text.
 */
export function assertNotBinary(text: string, fileName: string): void {
  // At least one stray control (a DOS end-of-file mark) is fine in any file.
  const limit = Math.max(1, Math.floor(text.length * MAX_CONTROL_RATIO));
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c > 0x9f) continue;
    if (c === 0x09 || c === 0x0a || c === 0x0b || c === 0x0c || c === 0x0d || c === 0x1b) continue;
    if (c === 0) throw binary(fileName);
    if (++controls > limit) throw binary(fileName);
  }
}

function rejectNul(bytes: Uint8Array, fileName: string): void {
  if (bytes.indexOf(0) !== -1) throw binary(fileName);
}

const binary = (fileName: string) => new ImportError('unsupported', `${fileName}: this looks like a binary file, not text.`);
