import { ImportError } from '../errors';
import { decodeWith, encodingName, guessEncoding, sniffUtf16, sniffUtf32, xmlDeclaredEncoding } from './encoding';

/**
 * The metadata a source records about its encoding: `encoding`, and
 * `encodingSource` when the encoding was not certain from the bytes
 * (guessed, declared by the file, or chosen by the user), so the library
 * can show it and offer to read the file again with another one.
 */
export function encodingMetadata(decoded: Pick<DecodedText, 'encoding' | 'source'>): Record<string, string> {
  return decoded.source === 'bom' || decoded.source === 'valid-utf-8' ? { encoding: decoded.encoding } : { encoding: decoded.encoding, encodingSource: decoded.source };
}

/** How the encoding was settled: a byte order mark, valid UTF-8, the detector's guess, the file's own label, or the user's choice. */
export type EncodingSource = 'bom' | 'valid-utf-8' | 'detected' | 'declared' | 'chosen';

export interface DecodedText {
  text: string;
  /** Lower-case encoding name (WHATWG's where it has one): "utf-8", "windows-1251", "shift_jis"… */
  encoding: string;
  source: EncodingSource;
}

/**
 * Decodes a text file's bytes:
 * - `chosen` (the user's pick for this file) wins;
 * - a BOM (UTF-8, UTF-16LE/BE, UTF-32LE/BE) decides and is stripped;
 * - UTF-16 or UTF-32 without a BOM is recognized by its NUL bytes;
 * - valid UTF-8 (ASCII included) is UTF-8;
 * - an XML file's declared encoding is believed;
 * - anything else is the detector's best guess (chardet: Windows-1251,
 *   KOI8-R, ISO-8859-7, Shift_JIS, GB18030…), Windows-1252 when it has none.
 * Newlines become "\n". Binary content is refused with ImportError('unsupported').
 *
 * Large files: for UTF-8 and the byte encodings, where a control byte or CR
 * is never part of a multi-byte character, the binary check and newline
 * normalization work on the bytes (one scan, one copy only if there is a
 * CR), and the string is built once by a native decoder.
 */
export function decodeText(bytes: Uint8Array, fileName = 'This file', chosen?: string): DecodedText {
  if (chosen !== undefined) return decodeChosen(bytes, fileName, chosen);
  const unicode = unicodeBom(bytes) ?? sniffUtf32(bytes) ?? sniffUtf16(bytes);
  if (unicode) return decodeWide(bytes, fileName, unicode, unicodeBom(bytes) ? 'bom' : 'detected');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const unix = checkedUnixBytes(body, fileName);
  if (bom) return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(unix), encoding: 'utf-8', source: 'bom' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(unix), encoding: 'utf-8', source: 'valid-utf-8' };
  } catch {
    // An XML file says what it is in; a web page's <meta> is html/index.ts's to read.
    const declared = xmlDeclaredEncoding(body);
    if (declared && !/^(?:utf|ucs)-?(?:8|16|32)/i.test(declared)) {
      const decoded = decodeDeclared(body, fileName, declared);
      if (decoded) return decoded;
    }
    const guess = guessEncoding(body)?.name ?? 'windows-1252';
    const text = decodeWith(unix, guess, decodeWindows1252);
    assertNotBinary(text, fileName);
    return { text, encoding: guess, source: 'detected' };
  }
}

/** Decodes bytes in an encoding the file declares (a web page's charset), as decodeText would with that choice. */
export function decodeDeclared(bytes: Uint8Array, fileName: string, label: string): DecodedText | undefined {
  const name = encodingName(label);
  if (!name) return undefined;
  return { ...decodeChosen(bytes, fileName, name), source: 'declared' };
}

type WideEncoding = 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

function unicodeBom(bytes: Uint8Array): WideEncoding | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes[2] === 0 && bytes[3] === 0 && bytes.length >= 4 ? 'utf-32le' : 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return 'utf-32be';
  return undefined;
}

/** UTF-16 or UTF-32 text (BOM stripped if there is one). NUL bytes are normal there; NUL characters are not (assertNotBinary). */
function decodeWide(bytes: Uint8Array, fileName: string, encoding: WideEncoding, source: EncodingSource): DecodedText {
  const raw = encoding.startsWith('utf-16') ? new TextDecoder(encoding).decode(bytes) : decodeWith(bytes, encoding, decodeWindows1252);
  const text = normalizeNewlines(raw.replace(/^\uFEFF/, ''));
  assertNotBinary(text, fileName);
  return { text, encoding, source };
}

/** Decodes with the user's encoding (a label, checked): what they pick when the guess was wrong. */
function decodeChosen(bytes: Uint8Array, fileName: string, label: string): DecodedText {
  const name = encodingName(label);
  if (!name) throw new ImportError('unsupported', `${fileName}: "${label}" is not a text encoding Casebook knows.`);
  if (name === 'utf-16le' || name === 'utf-16be' || name === 'utf-32le' || name === 'utf-32be') return decodeWide(bytes, fileName, name, 'chosen');
  if (name === 'utf-8') {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(checkedUnixBytes(body, fileName)), encoding: name, source: 'chosen' };
  }
  const text = decodeWith(checkedUnixBytes(bytes, fileName), name, decodeWindows1252);
  assertNotBinary(text, fileName);
  return { text, encoding: name, source: 'chosen' };
}

/** The bytes with Unix newlines, after refusing binary content (NUL bytes, many control bytes). */
function checkedUnixBytes(body: Uint8Array, fileName: string): Uint8Array {
  const { controls, hasCr } = scanBytes(body, fileName);
  if (controls > controlLimit(body.length)) throw binary(fileName);
  return hasCr ? unixNewlines(body) : body;
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
const CP1252_CHUNK = 1 << 20;

/**
 * Windows-1252 without TextDecoder: Node 20's `TextDecoder('windows-1252')`
 * decodes as ISO-8859-1 (0x93 becomes U+0093, not “). Bytes are mapped to
 * UTF-16 code units a megabyte at a time and decoded natively.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(Math.min(bytes.length, CP1252_CHUNK));
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CP1252_CHUNK) {
    const end = Math.min(start + CP1252_CHUNK, bytes.length);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      units[i - start] = b >= 0x80 && b < 0xa0 ? CP1252_C1[b - 0x80]! : b;
    }
    parts.push(Buffer.from(units.buffer, 0, (end - start) * 2).toString('utf16le'));
  }
  return parts.join('');
}

/** Share of control characters above which a file is taken for binary. */
const MAX_CONTROL_RATIO = 0.05;
/** At least one stray control (a DOS end-of-file mark) is fine in any file. */
const controlLimit = (length: number) => Math.max(1, Math.floor(length * MAX_CONTROL_RATIO));

/**
 * C0 controls and DEL that text does not use. Tab, LF, VT (FileMaker's line
 * break), FF, CR and ESC (colored logs) are text. C1 controls (U+0080–U+009F)
 * are not counted: Windows-1252 text wrongly converted to UTF-8 is full of
 * them, and is still text.
 */
const isStrayControl = (c: number) => (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b) || c === 0x7f;

/** Refuses decoded text that is really binary: a NUL, or more than 5 % stray control characters. */
export function assertNotBinary(text: string, fileName: string): void {
  const limit = controlLimit(text.length);
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c !== 0x7f) continue;
    if (c === 0) throw binary(fileName);
    if (isStrayControl(c) && ++controls > limit) throw binary(fileName);
  }
}

/** One pass over UTF-8/Windows-1252 bytes: NUL (binary at once), stray controls, and whether there is a CR. */
function scanBytes(bytes: Uint8Array, fileName: string): { controls: number; hasCr: boolean } {
  if (bytes.indexOf(0) !== -1) throw binary(fileName);
  let controls = 0;
  let hasCr = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x20 && b !== 0x7f) continue;
    if (b === 0x0d) hasCr = true;
    else if (isStrayControl(b)) controls++;
  }
  return { controls, hasCr };
}

/** CRLF and lone CR to LF, on bytes where CR and LF are never part of a multi-byte character. */
function unixNewlines(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x0d) {
      out[n++] = b;
    } else {
      out[n++] = 0x0a;
      if (bytes[i + 1] === 0x0a) i++;
    }
  }
  return out.subarray(0, n);
}

const binary = (fileName: string) => new ImportError('unsupported', `${fileName}: this looks like a binary file, not text.`);
