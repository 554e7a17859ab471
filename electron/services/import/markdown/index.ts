import { JSDOM, VirtualConsole } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { ImportError } from '../errors';
import { sanitizeForReader, throwIfCancelled } from '../html';
import { decodeText, encodingMetadata } from '../text/decode';
import type { FormatParser } from '../types';

/**
 * Raw HTML in Markdown is shown as text, never rendered (`html: false`);
 * bare URLs become links. markdown-it itself refuses javascript:, vbscript:,
 * file: and most data: links; the sanitizer has the last word.
 */
const markdown = new MarkdownIt({ html: false, linkify: true });

/**
 * Markdown (.md, .markdown): YAML front matter is cut off first (its simple
 * `key: value` pairs become metadata), the rest rendered by markdown-it,
 * sanitized, and the text computed from the sanitized HTML. Title: the front
 * matter's `title`, else the first h1.
 */
export const parseMarkdown: FormatParser = async ({ bytes, fileName, signal, onProgress, encoding: chosen }) => {
  throwIfCancelled(signal, fileName);
  const decoded = decodeText(bytes, fileName, chosen);
  const source = decoded.text;
  const { body, data } = splitFrontMatter(source);
  const rendered = markdown.render(body);
  onProgress?.(0.5);
  throwIfCancelled(signal, fileName);

  const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() });
  try {
    const { html, text, body: parsed } = sanitizeForReader(rendered, window);
    if (!text) throw new ImportError('empty', `${fileName}: there is no text in it to import.`);
    const h1 = parsed.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
    const title = data.title || h1;
    onProgress?.(1);
    return { ...(title ? { title } : {}), text, html, metadata: { ...data, ...encodingMetadata(decoded) } };
  } finally {
    window.close();
  }
};

/**
 * Cuts a YAML front matter block (`---` on the first line, up to a line of
 * `---` or `...`) off the Markdown. Only top-level scalar `key: value` pairs
 * are kept, quotes and trailing comments removed; lists, maps and block
 * scalars are skipped (we do not ship a YAML parser for metadata). An
 * unclosed block is not front matter: the text stays as written.
 */
export function splitFrontMatter(source: string): { body: string; data: Record<string, string> } {
  const data: Record<string, string> = {};
  const opening = /^---[ \t]*\n/.exec(source);
  if (!opening) return { body: source, data };
  const closing = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = source.slice(opening[0].length);
  const close = closing.exec(rest);
  if (!close) return { body: source, data };
  const block = rest.slice(0, close.index);
  for (const line of block.split('\n')) {
    const pair = /^([A-Za-z_][\w.-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (!pair) continue;
    const value = scalar(pair[2]!);
    if (value) data[pair[1]!] = value;
  }
  const afterClose = rest.indexOf('\n', close.index);
  return { body: afterClose === -1 ? '' : rest.slice(afterClose + 1), data };
}

/** A plain or quoted YAML scalar, or '' for anything structured (lists, maps, block scalars, anchors). */
function scalar(raw: string): string {
  const value = raw.trim();
  if (!value || /^[[{|>&*!]/.test(value)) return '';
  const quoted = /^(["'])(.*)\1(?:\s+#.*)?$/.exec(value);
  if (quoted) return quoted[1] === "'" ? quoted[2]!.replace(/''/g, "'") : quoted[2]!.replace(/\\(["\\])/g, '$1');
  return value.replace(/\s+#.*$/, '').trim();
}
