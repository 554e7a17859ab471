/** Markdown source text from plain strings: nothing a user typed can become markup. */

/** Characters CommonMark gives meaning to anywhere in a line; each is escaped with a backslash. */
const INLINE_SPECIAL = /[\\`*_[\]<>|~&!]/g;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Text for inside a paragraph: newlines become spaces, markup characters are escaped. */
export function escapeInline(text: string): string {
  return text.replace(CONTROL, '').replace(/\s*\n\s*/g, ' ').replace(INLINE_SPECIAL, '\\$&');
}

/** Escapes what would start a heading, quote, list or rule if it began a line. */
export function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A link target: angle-bracketed, with whatever could end it percent-encoded. */
export function linkDestination(href: string): string {
  return `<${href.replace(/[\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`)}>`;
}

/** Prefixes every line (blockquotes, list continuation); blank lines get the trimmed prefix. */
export function prefixLines(text: string, first: string, rest: string = first): string {
  return text
    .split('\n')
    .map((line, i) => {
      const prefix = i === 0 ? first : rest;
      return line === '' ? prefix.trimEnd() : prefix + line;
    })
    .join('\n');
}
