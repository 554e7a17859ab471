import { ImportError } from '../errors';
import type { FormatParser } from '../types';
import { decodeHtml, parseWebPage, throwIfCancelled } from './index';

/**
 * MHTML (.mhtml, .mht): a MIME multipart/related message holding the page
 * and its resources, as Chrome ("Save as… single file") and old IE write it.
 * We read the MIME structure ourselves, take the first text/html part, and
 * run the saved-page pipeline on it with the part's Content-Location (or the
 * message's Snapshot-Content-Location) as the page's address. No other part
 * is ever decoded or resolved: images are dropped by the sanitizer anyway,
 * and a cid: link is not a link we keep.
 */
export const parseMhtml: FormatParser = async ({ bytes, fileName, signal, onProgress, encoding: chosen }) => {
  throwIfCancelled(signal, fileName);
  // One char per byte: MIME structure is ASCII, bodies are decoded back to bytes.
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  // A bare web page saved with an .mht name: read it as the page it is.
  if (/^(?:\xef\xbb\xbf)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(raw.slice(0, 4096))) {
    const { html, encoding, source } = decodeHtml(bytes, fileName, undefined, chosen);
    return parseWebPage({ html, fileName, encoding, encodingSource: source, signal, onProgress });
  }
  const message = readEntity(raw, fileName);
  if (!message.headers.has('content-type')) throw notMime(fileName);
  const part = findHtmlPart(message, fileName, 0);
  if (!part) throw new ImportError('corrupt', `${fileName}: there is no web page in this MHTML file.`);

  const { html, encoding, source } = decodeHtml(decodeBody(part), fileName, parameter(part.headers.get('content-type'), 'charset'), chosen);
  const location = [part.headers.get('content-location'), message.headers.get('snapshot-content-location'), message.headers.get('content-location')]
    .find((candidate) => candidate && /^https?:\/\//i.test(candidate));
  const parsed = parseWebPage({ html, fileName, encoding, encodingSource: source, location, signal, onProgress });
  const savedAt = message.headers.get('date');
  if (savedAt && !Number.isNaN(Date.parse(savedAt))) parsed.metadata.savedAt = new Date(savedAt).toISOString();
  return parsed;
};

interface MimeEntity {
  /** Lower-cased names; the first occurrence wins; folded lines unfolded. */
  headers: Map<string, string>;
  /** The body as a byte string (one char per byte), still transfer-encoded. */
  body: string;
}

/** Header blocks longer than this are not MIME headers. */
const MAX_HEADER_CHARS = 64 * 1024;
/** multipart/related inside multipart/alternative… is followed this deep. */
const MAX_DEPTH = 4;

/** Splits a MIME entity into its headers and body at the first empty line. */
function readEntity(raw: string, fileName: string): MimeEntity {
  const headers = new Map<string, string>();
  let name = '';
  let value = '';
  const flush = () => {
    if (name && !headers.has(name)) headers.set(name, value.trim());
    name = '';
  };
  let pos = 0;
  let ended = false;
  while (pos < raw.length) {
    let end = raw.indexOf('\n', pos);
    if (end === -1) end = raw.length;
    const line = raw.slice(pos, raw[end - 1] === '\r' ? end - 1 : end);
    pos = end + 1;
    if (pos > MAX_HEADER_CHARS) throw notMime(fileName);
    if (line === '') {
      ended = true;
      break;
    }
    if ((line.startsWith(' ') || line.startsWith('\t')) && name) {
      value += ` ${line.trim()}`;
      continue;
    }
    flush();
    const colon = line.indexOf(':');
    if (colon > 0) {
      name = line.slice(0, colon).trim().toLowerCase();
      value = line.slice(colon + 1);
    }
  }
  flush();
  return { headers, body: ended ? raw.slice(pos) : '' };
}

const notMime = (fileName: string) => new ImportError('corrupt', `${fileName}: this is not a readable MHTML file (no MIME headers).`);

/** Depth-first, the first part whose type is text/html. */
function findHtmlPart(entity: MimeEntity, fileName: string, depth: number): MimeEntity | undefined {
  const contentType = entity.headers.get('content-type') ?? 'text/plain';
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html') return entity;
  if (!type.startsWith('multipart/') || depth >= MAX_DEPTH) return undefined;
  const boundary = parameter(contentType, 'boundary');
  if (!boundary) throw new ImportError('corrupt', `${fileName}: the MHTML file is damaged (its parts have no boundary).`);
  for (const raw of splitMultipart(entity.body, boundary)) {
    const found = findHtmlPart(readEntity(raw, fileName), fileName, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** A parameter of a structured header: `multipart/related; boundary="----abc"` → `----abc`. */
function parameter(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const pattern = /;\s*([\w.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/g;
  for (let match = pattern.exec(header); match; match = pattern.exec(header)) {
    if (match[1]!.toLowerCase() === name) return match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3];
  }
  return undefined;
}

/**
 * The bodies between `--boundary` lines, up to `--boundary--` (RFC 2046).
 * The line break before a delimiter belongs to the delimiter. A missing close
 * delimiter (a truncated file) ends the last part at the end of the file.
 */
function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let at = findDelimiter(body, delimiter, 0);
  while (at !== -1 && !body.startsWith('--', at + delimiter.length)) {
    const lineEnd = body.indexOf('\n', at + delimiter.length);
    if (lineEnd === -1) break;
    const start = lineEnd + 1;
    const next = findDelimiter(body, delimiter, start);
    let end = next === -1 ? body.length : next;
    if (next !== -1 && end > start && body[end - 1] === '\n') end -= 1;
    if (next !== -1 && end > start && body[end - 1] === '\r') end -= 1;
    parts.push(body.slice(start, end));
    at = next;
  }
  return parts;
}

/** Index of a delimiter line (at a line start, followed by "--", whitespace or the line end), or -1. */
function findDelimiter(body: string, delimiter: string, from: number): number {
  for (let at = body.indexOf(delimiter, from); at !== -1; at = body.indexOf(delimiter, at + 1)) {
    if (at !== 0 && body[at - 1] !== '\n') continue;
    const next = body[at + delimiter.length];
    if (next === undefined || next === '\r' || next === '\n' || next === ' ' || next === '\t' || body.startsWith('--', at + delimiter.length)) return at;
  }
  return -1;
}

/** The part's bytes after undoing its Content-Transfer-Encoding. */
function decodeBody(part: MimeEntity): Uint8Array {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').trim().toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body, 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body);
  return Buffer.from(part.body, 'latin1');
}

/** RFC 2045 quoted-printable: `=XX` is a byte, `=` at a line end is a soft break; a stray `=` is kept. */
export function decodeQuotedPrintable(input: string): Uint8Array {
  const out = new Uint8Array(input.length);
  let n = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c !== 0x3d) {
      out[n++] = c;
      continue;
    }
    const high = hexValue(input.charCodeAt(i + 1));
    const low = hexValue(input.charCodeAt(i + 2));
    if (high >= 0 && low >= 0) {
      out[n++] = high * 16 + low;
      i += 2;
      continue;
    }
    // Soft line break, allowing the trailing blanks some writers leave before it.
    let j = i + 1;
    while (input[j] === ' ' || input[j] === '\t') j++;
    if (input[j] === '\r' && input[j + 1] === '\n') j++;
    if (input[j] === '\n') {
      i = j;
      continue;
    }
    if (j >= input.length) break;
    out[n++] = c;
  }
  return out.subarray(0, n);
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}
