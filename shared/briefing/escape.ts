/**
 * Text into HTML. Every string the composer writes goes through one of
 * these: model text is untrusted (titles and notes come from users and from
 * imported files), and the printing window must never meet markup in it.
 */

// Control characters other than tab and newline have no business in print and
// some (NUL) confuse HTML parsers.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function escapeText(value: string): string {
  return value.replace(CONTROL, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** CSS needs no markup: dropping every "<" means nothing in it can close its style element. */
export function cssText(css: string | undefined): string {
  return (css ?? '').replace(/</g, '');
}
