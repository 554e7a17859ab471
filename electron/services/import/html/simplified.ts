import { Tokenizer, TokenizerMode, type Token, type TokenHandler } from 'parse5';

/**
 * A large web page read in one streaming pass, without building a DOM: its
 * visible text as headings, paragraphs and preformatted blocks, and what its
 * <head> says (title, <meta>, canonical link, <base>).
 *
 * Why: jsdom, Readability and DOMPurify together read about 0.3 MB/s, so a
 * 5 MB page took half a minute. This reads tens of MB/s. The price is the
 * layout: no links, lists, tables or emphasis, and no picking out the
 * article from the rest of the page; the importer says so in the source's
 * metadata (see html/index.ts).
 *
 * Safe by construction: the HTML is made only of our own tags (h1–h6, p,
 * pre, br) around escaped text, with no attribute from the page. It is
 * also already what the sanitizer makes of it (sanitizeHtml leaves it as
 * it is: whitespace collapsed outside <pre>, nothing to remove), and
 * `text` is exactly what shared/sources/html-text.ts's walk gives on it,
 * so the reader maps citations as for any other source (the tests check
 * both). The tokenizer is parse5's, the one jsdom parses with, switched into
 * raw-text states as its tree builder does, so scripts, styles and comments
 * are read as browsers read them.
 */
export interface SimplifiedPage {
  html: string;
  text: string;
  /** <title>, first one. */
  title?: string;
  /** <meta content> by lower-cased property, name or itemprop; the first one wins (as html/index.ts's readMeta). */
  meta: Map<string, string>;
  canonical?: string;
  base?: string;
  /** The first <time datetime> inside <article> or <main>. */
  articleTime?: string;
  /** The first heading's text. */
  firstHeading?: string;
}

/** Elements whose content is not shown (or not ours to show), read as a whole. (<head> holds only tags and raw text.) */
const HIDDEN = new Set(['noscript', 'template', 'svg', 'math', 'select', 'object', 'datalist', 'dialog']);
/** Elements the tokenizer reads as raw text: switched as parse5's tree builder switches it. */
const RAW_TEXT: Record<string, number> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  textarea: TokenizerMode.RCDATA,
  title: TokenizerMode.RCDATA,
};
/** Elements that start and end a block of text (html-text.ts's BLOCKS, with cells, list parts and the like). */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'center', 'listing', 'plaintext', 'menu',
]);
const HEADING = /^h[1-6]$/;
/** HTML start tags that end an open <svg> or <math>, as the HTML parser ends foreign content on them. */
const BREAKOUT = new Set([
  'b', 'big', 'blockquote', 'body', 'br', 'center', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'embed', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'hr', 'i',
  'img', 'li', 'listing', 'menu', 'meta', 'nobr', 'ol', 'p', 'pre', 'ruby', 's', 'small', 'span', 'strong', 'strike', 'sub', 'sup', 'table', 'tt', 'u', 'ul', 'var',
]);

/** Escaped as the HTML serializer escapes text (the no-break space too), so the HTML is what sanitizing it would give back. */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
const oneLine = (value: string) => value.replace(/[\t\n\f\r ]+/g, ' ').trim();

export function simplifyPage(markup: string): SimplifiedPage {
  const htmlParts: string[] = [];
  const textParts: string[] = [];
  const meta = new Map<string, string>();
  const page: Omit<SimplifiedPage, 'html' | 'text' | 'meta'> = {};

  // The block being read: its kind, and its lines (a <br> starts a new one).
  let kind: 'p' | 'pre' | `h${number}` = 'p';
  let line = '';
  let lines: string[] = [];
  let preDepth = 0;
  let hidden = 0;
  let hiddenTag = '';
  let rawTag = '';
  let rawText = '';
  let inArticle = 0;

  const endLine = () => {
    const trimmed = kind === 'pre' ? line : oneLine(line);
    if (trimmed) lines.push(trimmed);
    line = '';
  };
  const endBlock = () => {
    if (kind === 'pre') {
      // The parser drops the newlines that open a <pre>, and the text walk would keep trailing ones as extra breaks.
      const text = line.replace(/^\n+/, '').replace(/[\t\n\f\r ]+$/, '');
      line = '';
      if (text) {
        htmlParts.push(`<pre>${escapeHtml(text)}</pre>`);
        textParts.push(text);
      }
      lines = [];
      return;
    }
    endLine();
    if (lines.length) {
      htmlParts.push(`<${kind}>${lines.map(escapeHtml).join('<br>')}</${kind}>`);
      textParts.push(lines.join('\n'));
      if (HEADING.test(kind) && page.firstHeading === undefined) page.firstHeading = lines.join(' ');
    }
    lines = [];
  };
  const startBlock = (next: typeof kind) => {
    endBlock();
    kind = next;
  };

  const attribute = (token: Token.TagToken, name: string) => token.attrs.find((a) => a.name === name)?.value;
  const readHeadTag = (token: Token.TagToken) => {
    if (token.tagName === 'meta') {
      const content = attribute(token, 'content')?.trim();
      if (!content) return;
      for (const name of ['property', 'name', 'itemprop']) {
        const key = attribute(token, name)?.trim().toLowerCase();
        if (key && !meta.has(key)) meta.set(key, content);
      }
    } else if (token.tagName === 'link') {
      const rel = attribute(token, 'rel')?.toLowerCase().split(/\s+/) ?? [];
      const href = attribute(token, 'href');
      if (page.canonical === undefined && href && rel.includes('canonical')) page.canonical = href;
    } else if (token.tagName === 'base') {
      const href = attribute(token, 'href');
      if (page.base === undefined && href) page.base = href;
    }
  };

  const handler: TokenHandler = {
    onStartTag(token) {
      const tag = token.tagName;
      if (tag === 'meta' || tag === 'link' || tag === 'base') readHeadTag(token);
      if (tag === 'time' && inArticle > 0 && page.articleTime === undefined) {
        const datetime = attribute(token, 'datetime')?.trim();
        if (datetime) page.articleTime = oneLine(datetime);
      }
      const foreign = hidden > 0 && (hiddenTag === 'svg' || hiddenTag === 'math');
      if (foreign && BREAKOUT.has(tag)) {
        // The page forgot to close its <svg>/<math>: the parser would leave it here, and so do we.
        hidden = 0;
        tokenizer.inForeignNode = false;
      }
      const raw = RAW_TEXT[tag];
      // (Inside <svg> and <math>, <style> and <script> are ordinary elements, read as text by nobody.)
      if (raw !== undefined && !token.selfClosing && !(hidden > 0 && tokenizer.inForeignNode)) {
        tokenizer.state = raw as typeof tokenizer.state;
        rawTag = tag;
        rawText = '';
        return;
      }
      if (hidden > 0) {
        if (tag === hiddenTag && !token.selfClosing) hidden += 1;
        return;
      }
      if (HIDDEN.has(tag) && !token.selfClosing) {
        hidden = 1;
        hiddenTag = tag;
        tokenizer.inForeignNode = tag === 'svg' || tag === 'math';
        return;
      }
      if (tag === 'article' || tag === 'main') inArticle += 1;
      if (tag === 'br') {
        if (kind === 'pre') line += '\n';
        else endLine();
      } else if (tag === 'pre' || tag === 'listing') {
        preDepth += 1;
        if (preDepth === 1) startBlock('pre');
      } else if (tag === 'plaintext') {
        startBlock('pre');
        preDepth += 1;
        tokenizer.state = TokenizerMode.PLAINTEXT as typeof tokenizer.state;
      } else if (preDepth === 0 && BLOCKS.has(tag)) {
        startBlock(HEADING.test(tag) ? (tag as `h${number}`) : 'p');
      } else if (preDepth === 0 && (tag === 'img' || tag === 'input') && line && !/[\t\n\f\r ]$/.test(line)) {
        // Replaced elements stand between words.
        line += ' ';
      }
    },
    onEndTag(token) {
      const tag = token.tagName;
      if (rawTag) {
        if (tag === rawTag) {
          if (tag === 'title' && page.title === undefined) page.title = oneLine(rawText);
          rawTag = '';
        }
        return;
      }
      if (hidden > 0) {
        if (tag === hiddenTag) {
          if (--hidden === 0) tokenizer.inForeignNode = false;
          return;
        }
        if (!(tokenizer.inForeignNode && (tag === 'p' || tag === 'br'))) return;
        // </p> and </br> end foreign content too, then count as in HTML.
        hidden = 0;
        tokenizer.inForeignNode = false;
      }
      if ((tag === 'article' || tag === 'main') && inArticle > 0) inArticle -= 1;
      if (tag === 'pre' || tag === 'listing') {
        if (preDepth > 0 && --preDepth === 0) startBlock('p');
      } else if (tag === 'br') {
        // </br> is read as <br>.
        if (kind === 'pre') line += '\n';
        else endLine();
      } else if (preDepth === 0 && BLOCKS.has(tag)) {
        startBlock('p');
      }
    },
    onCharacter(token) {
      if (rawTag) {
        if (rawTag === 'title') rawText += token.chars;
        return;
      }
      if (hidden === 0) line += token.chars;
    },
    onWhitespaceCharacter(token) {
      if (rawTag) {
        if (rawTag === 'title') rawText += token.chars;
        return;
      }
      if (hidden === 0) line += kind === 'pre' ? token.chars : ' ';
    },
    onNullCharacter() {},
    onComment() {},
    onDoctype() {},
    onEof() {
      endBlock();
    },
  };
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: false }, handler);
  tokenizer.write(markup, true);
  return { html: htmlParts.join(''), text: textParts.join('\n\n'), meta, ...page };
}

/**
 * The size of a page's markup without what never shows (scripts, styles,
 * inline SVG, comments): what decides between the full reading (a DOM,
 * Readability) and the simplified one. A saved article with megabytes of
 * inline scripts is still read in full.
 */
export function visibleMarkupSize(markup: string): number {
  let hiddenLength = 0;
  for (const match of markup.matchAll(/<(script|style|svg)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi)) hiddenLength += match[0].length;
  return markup.length - hiddenLength;
}
