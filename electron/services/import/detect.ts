import { looksLikeZip, readZipDirectory, type ZipEntry } from './zip-guard';

/**
 * What a file is, from its bytes first and its name second. `reason`, for
 * unsupported files, is a sentence to follow "<file name>: ", e.g.
 * "report.pdf: this is a Windows program, not a document".
 */
export type DetectedFormat =
  | { kind: 'pdf' | 'docx' | 'html' | 'mhtml' | 'markdown' | 'text' | 'email' | 'image' }
  | { kind: 'unsupported'; reason: string };

/** How much of the start of a file the sniffers look at. */
const SNIFF_BYTES = 8 * 1024;

const unsupported = (reason: string): DetectedFormat => ({ kind: 'unsupported', reason });
const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = ascii('%PDF-');

const extensionOf = (fileName: string): string => {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
};

/**
 * Detects a file's format. Pure and fast: it reads the first few KB, and the
 * central directory of a zip. Magic bytes win over the extension: a PDF
 * named .txt is a PDF, a Windows program named .pdf is refused. A file with
 * no recognizable content but a .pdf or .docx name goes to that parser,
 * which reports it as damaged. Emptiness is the dispatcher's to judge.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): DetectedFormat {
  const ext = extensionOf(fileName);
  const binary = detectBinary(bytes, ext);
  if (binary) return binary;

  const head = bytes.subarray(0, SNIFF_BYTES);
  if (!isText(head)) {
    if (ext === 'pdf') return { kind: 'pdf' };
    if (ext === 'docx' || ext === 'docm' || ext === 'dotx') return { kind: 'docx' };
    return unsupported(UNKNOWN_BINARY[ext] ?? 'not a format Casebook reads (it is not text, PDF, Word, a web page or an email)');
  }

  const sample = decodeSample(head);
  const headers = readHeaderBlock(sample, bytes.length > head.length);
  const mhtml = headers !== null && looksLikeMhtml(headers);
  if (ext === 'eml') return { kind: 'email' };
  if (ext === 'mht' || ext === 'mhtml' || mhtml) return { kind: 'mhtml' };
  // A binary-format name on text content: let that parser say it is damaged.
  if (ext === 'pdf') return { kind: 'pdf' };
  if (ext === 'docx' || ext === 'docm' || ext === 'dotx') return { kind: 'docx' };
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return { kind: 'html' };
  if (MARKDOWN.has(ext)) return { kind: 'markdown' };
  if (headers !== null && looksLikeEmail(headers)) return { kind: 'email' };
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(sample)) return { kind: 'html' };
  return { kind: 'text' };
}

const MARKDOWN = new Set(['md', 'markdown', 'mdown', 'mkd', 'mkdn']);

/** Names of binary formats we know by extension when their content has no magic we recognize. */
const UNKNOWN_BINARY: Record<string, string> = {
  doc: 'Word 97–2003 .doc files are not supported; open it in Word and save as .docx',
  xls: 'Excel spreadsheets are not supported',
  xlsx: 'Excel spreadsheets are not supported',
  ppt: 'PowerPoint presentations are not supported',
  pptx: 'PowerPoint presentations are not supported',
  odt: 'OpenDocument text files are not supported; save as .docx',
  rtf: 'Rich Text Format files are not supported; save as .docx',
  exe: 'this is a Windows program, not a document',
};

function detectBinary(bytes: Uint8Array, ext: string): DetectedFormat | null {
  if (startsWith(bytes, PDF)) return { kind: 'pdf' };
  if (startsWith(bytes, ascii('MZ')) && (hasPeSignature(bytes) || !isText(bytes.subarray(0, 512)))) {
    return unsupported('this is a Windows program, not a document');
  }
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return unsupported('this is a program (Linux/ELF), not a document');
  const macho = [
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xcf, 0xfa, 0xed, 0xfe],
  ];
  if (macho.some((magic) => startsWith(bytes, magic))) return unsupported('this is a program (macOS), not a document');
  if (startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe])) return unsupported('this is a program (macOS universal binary or Java class), not a document');
  if (startsWith(bytes, ascii('#!'))) return null; // a script is text; it imports as text if the name allows
  if (looksLikeZip(bytes)) return detectZip(bytes, ext);
  if (startsWith(bytes, CFB)) return detectCompoundFile(ext);
  const image = detectImage(bytes);
  // Pictures of pages (scans, photos) are read by OCR.
  if (image === 'a PNG' || image === 'a JPEG' || image === 'a TIFF') return { kind: 'image' };
  if (image) return unsupported(`this is ${image} image; Casebook reads text from PNG, JPEG and TIFF pictures only — save it as one of those`);
  const media = detectMedia(bytes);
  if (media) return unsupported(`this is ${media} file; Casebook imports documents, not audio or video`);
  const archive = detectArchive(bytes);
  if (archive) return unsupported(`this is ${archive} archive; extract it and import the files inside`);
  if (startsWith(bytes, ascii('{\\rtf'))) return unsupported('Rich Text Format files are not supported; save as .docx');
  // Acrobat accepts a PDF header anywhere in the first 1024 bytes (after mail headers, MacBinary…).
  const pdfAt = indexOf(bytes.subarray(0, 1024 + PDF.length), PDF);
  if (pdfAt > 0 && (ext === 'pdf' || !isText(bytes.subarray(0, pdfAt)) || endsWithPdfTrailer(bytes))) return { kind: 'pdf' };
  return null;
}

function hasPeSignature(bytes: Uint8Array): boolean {
  if (bytes.length < 0x40) return false;
  const at = bytes[0x3c]! | (bytes[0x3d]! << 8) | (bytes[0x3e]! << 16) | (bytes[0x3f]! << 24);
  return at > 0 && startsWith(bytes, [0x50, 0x45, 0, 0], at);
}

function endsWithPdfTrailer(bytes: Uint8Array): boolean {
  return indexOf(bytes.subarray(Math.max(0, bytes.length - 1024)), ascii('%%EOF')) >= 0;
}

function detectZip(bytes: Uint8Array, ext: string): DetectedFormat {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch {
    if (ext === 'docx' || ext === 'docm' || ext === 'dotx') return { kind: 'docx' }; // the parser reports it damaged
    return unsupported('this is a damaged ZIP archive');
  }
  const names = new Set(entries.map((entry) => entry.name.toLowerCase()));
  if (names.has('word/document.xml')) return { kind: 'docx' };
  if (names.has('xl/workbook.xml')) return unsupported('Excel spreadsheets are not supported');
  if (names.has('ppt/presentation.xml')) return unsupported('PowerPoint presentations are not supported');
  const mimetype = zipMimetype(bytes, entries);
  if (mimetype === 'application/epub+zip') return unsupported('EPUB e-books are not supported');
  if (mimetype?.startsWith('application/vnd.oasis.opendocument.text')) return unsupported('OpenDocument text files are not supported; save as .docx');
  if (mimetype?.startsWith('application/vnd.oasis.opendocument.')) return unsupported('OpenDocument files are not supported');
  if (names.has('content.xml') && names.has('meta.xml')) return unsupported('OpenDocument files are not supported');
  if (names.has('[content_types].xml')) return unsupported('this Office file type is not supported (only Word .docx documents are)');
  return unsupported('this is a ZIP archive; extract it and import the files inside');
}

/** The stored "mimetype" entry of OpenDocument and EPUB files (first entry, uncompressed). */
function zipMimetype(bytes: Uint8Array, entries: readonly ZipEntry[]): string | undefined {
  const entry = entries.find((e) => e.name === 'mimetype');
  if (!entry || entry.method !== 0 || entry.compressedSize > 200) return undefined;
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length) return undefined;
  const start = at + 30 + (bytes[at + 26]! | (bytes[at + 27]! << 8)) + (bytes[at + 28]! | (bytes[at + 29]! << 8));
  return new TextDecoder('latin1').decode(bytes.subarray(start, start + entry.compressedSize)).trim();
}

function detectCompoundFile(ext: string): DetectedFormat {
  // A password-protected .docx is a compound file holding the encrypted package; the parser says so.
  if (ext === 'docx' || ext === 'docm' || ext === 'dotx') return { kind: 'docx' };
  if (ext === 'xls' || ext === 'xlsx') return unsupported('Excel spreadsheets are not supported');
  if (ext === 'ppt' || ext === 'pptx') return unsupported('PowerPoint presentations are not supported');
  if (ext === 'msg') return unsupported('Outlook .msg files are not supported; save the message as .eml and import that');
  if (ext === 'doc' || ext === 'dot') return unsupported('Word 97–2003 .doc files are not supported; open it in Word and save as .docx');
  return unsupported('this is a Microsoft Office 97–2003 file, which is not supported; save it as .docx');
}

function detectImage(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'a PNG';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'a JPEG';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'a GIF';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'a WebP';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'a TIFF';
  if (startsWith(bytes, ascii('BM')) && bytes.length >= 26 && bytes[6] === 0 && bytes[7] === 0 && bytes[8] === 0 && bytes[9] === 0) return 'a BMP';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return 'an icon';
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (/^(?:heic|heix|heim|heis|mif1|msf1|avif)$/.test(brand)) return 'a HEIC/AVIF';
  }
  return null;
}

function detectMedia(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ascii('ID3'))) return 'an MP3 audio';
  // An MPEG audio frame sync (but not a UTF-16 byte order mark, FF FE).
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0 && (bytes[1]! & 0x06) !== 0 && bytes[1] !== 0xfe && bytes[1] !== 0xff && !isText(bytes.subarray(0, 512))) {
    return 'an MP3 audio';
  }
  if (startsWith(bytes, ascii('OggS'))) return 'an Ogg audio/video';
  if (startsWith(bytes, ascii('fLaC'))) return 'a FLAC audio';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WAVE'), 8)) return 'a WAV audio';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('AVI '), 8)) return 'an AVI video';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'a Matroska/WebM video';
  if (startsWith(bytes, ascii('ftyp'), 4)) return 'an MP4/QuickTime audio or video';
  if (startsWith(bytes, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])) return 'a Windows Media';
  return null;
}

function detectArchive(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x1f, 0x8b])) return 'a gzip';
  if (startsWith(bytes, ascii('7z'), 0) && startsWith(bytes, [0xbc, 0xaf, 0x27, 0x1c], 2)) return 'a 7-Zip';
  if (startsWith(bytes, ascii('Rar!\x1a\x07'))) return 'a RAR';
  if (startsWith(bytes, [0x42, 0x5a, 0x68]) && bytes.length > 4 && bytes[3]! >= 0x31 && bytes[3]! <= 0x39 && !isText(bytes.subarray(0, 512))) return 'a bzip2';
  if (startsWith(bytes, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'an XZ';
  if (startsWith(bytes, [0x28, 0xb5, 0x2f, 0xfd])) return 'a Zstandard';
  if (startsWith(bytes, ascii('ustar'), 257)) return 'a tar';
  return null;
}

function indexOf(haystack: Uint8Array, needle: readonly number[]): number {
  const first = needle[0]!;
  for (let i = haystack.indexOf(first); i >= 0 && i + needle.length <= haystack.length; i = haystack.indexOf(first, i + 1)) {
    if (startsWith(haystack, needle, i)) return i;
  }
  return -1;
}

/**
 * Whether bytes look like text in some 8-bit or UTF encoding: a BOM, or no
 * NUL and almost no control characters other than tab, newlines, form feed
 * and escape.
 */
function isText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  let control = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i]!;
    if (b === 0) return false;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) control += 1;
  }
  return control <= bytes.length / 100;
}

function decodeSample(head: Uint8Array): string {
  if (startsWith(head, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (startsWith(head, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(head.subarray(2));
  // Latin-1 keeps ASCII headers and tags readable whatever the real encoding is.
  return new TextDecoder(startsWith(head, [0xef, 0xbb, 0xbf]) ? 'utf-8' : 'latin1').decode(head).replace(/^\uFEFF/, '');
}

/**
 * The RFC 822 header block at the top of the sample, as lower-cased name →
 * value (folded lines joined), or null if the text does not start with one.
 */
function readHeaderBlock(sample: string, truncated: boolean): Map<string, string> | null {
  const lines = sample.split(/\r?\n/);
  // A message saved from an mbox file starts with its "From sender date" line.
  if (lines.length > 1 && /^From \S+/.test(lines[0]!) && /^[!-9;-~]+:/.test(lines[1]!)) lines.shift();
  const headers = new Map<string, string>();
  let last: string | undefined;
  let stray = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line === '') break;
    if (truncated && i === lines.length - 1) break; // possibly cut off by the sample
    const match = /^([!-9;-~]+):[ \t]?(.*)$/.exec(line);
    if (match) {
      last = match[1]!.toLowerCase();
      if (!headers.has(last)) headers.set(last, match[2]!);
      continue;
    }
    if (!last) return null;
    // An indented line continues the header above; so does, in a sloppy mailer's output, the odd unindented one.
    if (!/^[ \t]/.test(line) && ++stray > MAX_STRAY_LINES) return null;
    headers.set(last, `${headers.get(last)} ${line.trim()}`);
  }
  if (headers.size === 0 || stray * 2 > headers.size) return null;
  return headers;
}

/** Unindented lines a header block may have that are not headers (continuations a mailer forgot to indent). */
const MAX_STRAY_LINES = 3;

const MAIL_HEADERS = ['from', 'to', 'cc', 'subject', 'date', 'received', 'message-id', 'return-path', 'delivered-to', 'mime-version', 'reply-to', 'content-type'];

function looksLikeEmail(headers: Map<string, string>): boolean {
  const known = MAIL_HEADERS.filter((name) => headers.has(name)).length;
  const anchored = ['from', 'received', 'message-id', 'return-path', 'delivered-to'].some((name) => headers.has(name));
  return anchored && known >= 2;
}

/**
 * A saved web page (MHTML) has a mail-like header block with MIME-Version
 * and a multipart/related body, but none of the headers a sent message
 * carries (an HTML email with inline images is also multipart/related).
 */
function looksLikeMhtml(headers: Map<string, string>): boolean {
  if (!headers.has('mime-version') || !/^\s*multipart\/related\b/i.test(headers.get('content-type') ?? '')) return false;
  if (headers.has('snapshot-content-location')) return true;
  return !['to', 'received', 'message-id', 'delivered-to', 'return-path'].some((name) => headers.has(name));
}
