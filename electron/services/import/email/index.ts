import type { WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';
import PostalMime, { type Address, type Attachment, type Email, type Mailbox } from 'postal-mime';
import { htmlText } from '../../../../shared/sources/html-text';
import { sanitizeHtml } from '../../../../shared/sources/sanitize';
import { cancelledError, ImportError } from '../errors';
import type { FormatParser, ParsedDocument } from '../types';

/**
 * An .eml message: the headers become metadata (from, to, cc, date, subject,
 * messageId), the subject the title, the body the text. An HTML body is
 * sanitized (remote images, cid: images, scripts and styles go); a
 * plain-text-only body is rendered as paragraphs with line breaks, so the
 * reader keeps its structure. Either way `text` is htmlText of `html`.
 * Attachments are returned as files; the dispatcher imports the ones it
 * reads as linked child sources. Inline images (cid:) are dropped.
 */
export const parseEmail: FormatParser = async ({ bytes, fileName, signal, onProgress }) => {
  const cancelled = () => cancelledError(fileName);
  if (signal?.aborted) throw cancelled();
  if (bytes.length === 0) throw new ImportError('empty', `${fileName}: the file is empty`);

  let email: Email;
  const repaired = repairHeaders(bytes);
  try {
    email = await PostalMime.parse(repaired, { attachmentEncoding: 'arraybuffer' });
    // A multipart message whose parts use another boundary than the one it declares (spam tools do this): try the one they use.
    if (!email.html && !email.text && email.attachments.length === 0) {
      const rebounded = withBoundaryInUse(repaired);
      if (rebounded) email = await PostalMime.parse(rebounded, { attachmentEncoding: 'arraybuffer' });
    }
  } catch (error) {
    throw new ImportError('corrupt', `${fileName}: the email is damaged and could not be read`, { cause: error });
  }
  if (signal?.aborted) throw cancelled();
  onProgress?.(0.5);

  const window = domWindow();
  let html = '';
  if (email.html?.trim()) html = sanitize(fixC1(email.html), window);
  let text = html ? htmlText(parseBody(html, window)) : '';
  // An HTML part with no text (only images, say) but a real plain-text part: use the plain text.
  if (!text.trim() && email.text?.trim()) {
    html = sanitize(plainTextToHtml(fixC1(email.text)), window);
    text = htmlText(parseBody(html, window));
  }

  const subject = clean(fixC1(email.subject));
  const metadata: Record<string, string> = {};
  const put = (key: string, value: string | undefined) => {
    if (value) metadata[key] = value;
  };
  put('from', formatAddresses(email.from ? [email.from] : undefined));
  put('to', formatAddresses(email.to));
  put('cc', formatAddresses(email.cc));
  put('date', isoDate(email.date));
  put('subject', subject);
  put('messageId', clean(email.messageId));

  const files = email.attachments.filter((attachment) => !isInlineImage(attachment));
  const attachments = files.map((attachment, index) => ({ fileName: attachmentName(attachment, index), bytes: contentBytes(attachment.content), type: attachment.mimeType }));
  if (attachments.length) put('attachments', clean(attachments.map((a) => a.fileName).join(', '))?.slice(0, 2000));

  // A message whose only content is a file is still a message: who sent what to whom, and when. Its text
  // says so, and lists what came with it. (One with neither text nor files stays empty.)
  if (!text.trim() && attachments.length > 0) {
    html = sanitize(plainTextToHtml(headerSummary(metadata, attachments)), window);
    text = htmlText(parseBody(html, window));
  }

  onProgress?.(1);
  const parsed: ParsedDocument = { title: subject ?? '(no subject)', text, metadata };
  if (html && text) parsed.html = html;
  if (attachments.length > 0) parsed.attachments = attachments.map(({ fileName: name, bytes: content }) => ({ fileName: name, bytes: content }));
  return parsed;
};

/** The lines a message without text shows: its headers, then its attachments with their type and size. */
function headerSummary(metadata: Record<string, string>, attachments: { fileName: string; bytes: Uint8Array; type: string }[]): string {
  const lines: string[] = [];
  for (const [key, label] of [['from', 'From'], ['to', 'To'], ['cc', 'Cc'], ['date', 'Date'], ['subject', 'Subject']] as const) {
    if (metadata[key]) lines.push(`${label}: ${metadata[key]}`);
  }
  const intro = `This message has no text; ${attachments.length === 1 ? 'it came with one attachment' : `it came with ${attachments.length} attachments`}:`;
  const body = [intro, ...attachments.map((a) => `${a.fileName} (${a.type || 'unknown type'}, ${formatSize(a.bytes.byteLength)})`)];
  return [lines.join('\n'), body.join('\n')].filter(Boolean).join('\n\n');
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Headers longer than this are not a message's headers: left as they are. */
const MAX_HEADER_BYTES = 256 * 1024;

/**
 * The message with its header block made readable:
 * - an mbox "From " line before the headers (a message saved from an mbox
 *   file, or the first of several) is dropped;
 * - a line in the headers that is not a header and not indented is a
 *   continuation a mailer forgot to indent ("To: a@x.org,\r\nb@x.org"), and
 *   is indented, so the header keeps it.
 * The body is untouched.
 */
export function repairHeaders(bytes: Uint8Array): Uint8Array {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, MAX_HEADER_BYTES)).toString('latin1');
  const end = /\r?\n\r?\n/.exec(head);
  if (!end) return bytes;
  const lines = head.slice(0, end.index).split(/\r?\n/);
  let changed = false;
  if (lines.length > 1 && /^From \S/.test(lines[0]!)) {
    lines.shift();
    changed = true;
  }
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^[ \t]/.test(line) || /^[!-9;-~]+:/.test(line)) continue;
    lines[i] = ` ${line}`;
    changed = true;
  }
  if (!changed) return bytes;
  const repaired = Buffer.from(lines.join('\r\n'), 'latin1');
  return new Uint8Array(Buffer.concat([repaired, Buffer.from(bytes.buffer, bytes.byteOffset + end.index, bytes.byteLength - end.index)]));
}

/**
 * The message with its top Content-Type boundary replaced by the one its
 * body really uses (the first "--boundary" line that comes back), or null
 * when it has no such line or already uses its own.
 */
function withBoundaryInUse(bytes: Uint8Array): Uint8Array | null {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const end = /\r?\n\r?\n/.exec(raw);
  if (!end) return null;
  const header = raw.slice(0, end.index);
  const declared = /^content-type:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/im.exec(header);
  if (!declared || !/multipart\//i.test(declared[0])) return null;
  const body = raw.slice(end.index);
  const first = /^--([!-~]{1,100}?)[ \t]*\r?$/m.exec(body);
  if (!first) return null;
  const boundary = first[1]!.replace(/--$/, '');
  if (new RegExp(`boundary\\s*=\\s*"?${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?`, 'i').test(declared[0])) return null;
  let fixedBody = body;
  if (!body.includes(`--${boundary}`, first.index + first[0].length)) {
    // Used once: it still opens a part when headers follow it. The message then closes with yet another boundary
    // (SpamScope's mail_malformed_3), or never; that last closing line becomes this one's, so it is not read as content.
    const after = body.slice(first.index + first[0].length).replace(/^\r?\n/, '');
    if (!/^content-[\w-]+:/i.test(after)) return null;
    const close = /^--[!-~]{1,100}--[ \t]*\r?$(?![\s\S]*^--[!-~])/m.exec(body);
    if (close && close.index > first.index) fixedBody = `${body.slice(0, close.index)}--${boundary}--${body.slice(close.index + close[0].length)}`;
  }
  const fixedType = `Content-Type: ${/multipart\/[\w-]+/i.exec(declared[0])![0]}; boundary="${boundary}"`;
  const fixed = header.slice(0, declared.index) + fixedType + header.slice(declared.index + declared[0].length);
  return new Uint8Array(Buffer.from(fixed + fixedBody, 'latin1'));
}

/** The <body> of `html`, parsed as a document (jsdom's innerHTML fragment parsing is quadratic). */
function parseBody(html: string, window: JSDOM['window']): HTMLElement {
  return new window.DOMParser().parseFromString(`<!doctype html><html><head></head><body>${html}</body></html>`, 'text/html').body;
}

let sharedWindow: JSDOM['window'] | undefined;
/** One jsdom window for sanitizing; it never loads resources or runs scripts. */
function domWindow(): JSDOM['window'] {
  sharedWindow ??= new JSDOM('').window;
  return sharedWindow;
}

/**
 * sanitizeHtml twice: when it removes an element between two spaces ("a <img> b"),
 * the two text nodes are whitespace-normalized separately and the output has two
 * spaces; the second pass parses them as one text node and collapses them. On
 * sanitized input a pass changes nothing else.
 */
function sanitize(dirty: string, window: JSDOM['window']): string {
  const once = sanitizeHtml(dirty, window as unknown as WindowLike);
  // Leading and trailing whitespace is no text (htmlText skips it), so trimming keeps the invariant.
  return sanitizeHtml(once, window as unknown as WindowLike).trim();
}

/** Windows-1252's characters for bytes 0x80–0x9F (undefined ones stay as they are). */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Node's TextDecoder (20.18.3+, 22.13+; nodejs/node#56542, #60888) decodes
 * windows-1252, and the iso-8859-1/latin1/us-ascii labels the Encoding
 * Standard maps to it, as plain Latin-1: bytes 0x80–0x9F come out as C1
 * control characters instead of “ ” – — € ™ … postal-mime decodes bodies with
 * it. C1 controls never belong in mail text, so they are mapped back to what
 * a browser shows for those bytes.
 */
export function fixC1(value: string): string;
export function fixC1(value: string | undefined): string | undefined;
export function fixC1(value: string | undefined): string | undefined {
  if (!value || !/[\u0080-\u009f]/.test(value)) return value;
  return value.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
}

const clean = (value: string | undefined): string | undefined => {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
};

const escapeHtml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Blank lines separate paragraphs; single newlines stay line breaks. */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${paragraph.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
}

function formatAddresses(addresses: Address[] | undefined): string | undefined {
  if (!addresses?.length) return undefined;
  const mailbox = (m: Mailbox) => {
    const name = clean(fixC1(m.name));
    const address = clean(m.address);
    if (name && address && name !== address) return `${name} <${address}>`;
    return address ?? name ?? '';
  };
  const parts = addresses.map((a) => (a.group ? `${clean(a.name) ?? ''}: ${a.group.map(mailbox).join(', ')};` : mailbox(a)));
  return clean(parts.filter(Boolean).join(', '));
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** An image the HTML body shows by Content-ID, not a file the sender attached. */
function isInlineImage(attachment: Attachment): boolean {
  if (!attachment.mimeType.startsWith('image/')) return false;
  if (attachment.related) return true;
  return Boolean(attachment.contentId) && attachment.disposition !== 'attachment';
}

const EXTENSIONS: Record<string, string> = {
  'text/plain': '.txt',
  'text/html': '.html',
  'text/markdown': '.md',
  'application/pdf': '.pdf',
  'message/rfc822': '.eml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
};

/** The attachment's own name, reduced to a plain file name; a made-up one if it has none. */
function attachmentName(attachment: Attachment, index: number): string {
  const base = (attachment.filename ?? '').replace(/[\u0000-\u001f\u007f]/g, '').split(/[\\/]/).pop()?.trim() ?? '';
  if (base && base !== '.' && base !== '..') return base;
  return `attachment-${index + 1}${EXTENSIONS[attachment.mimeType] ?? ''}`;
}

function contentBytes(content: Attachment['content']): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  if (content instanceof Uint8Array) return content;
  return new Uint8Array(content);
}
