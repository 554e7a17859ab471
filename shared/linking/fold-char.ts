import { foldText } from './normalize';

/**
 * Folding one code point at a time, so the linker can match on folded text
 * while its offsets still point into the original.
 *
 * Per code point this is `foldText` itself, so the two agree: NFKC then NFD
 * equals NFKD, which decomposes each code point on its own; the only
 * reordering NFKD does is among combining marks, and those are removed. The
 * one context-sensitive step is lower-casing a final capital sigma to "ς"
 * (foldText("ΟΔΟΣ") is "οδος"), so here both sigmas fold to "σ": text and
 * aliases go through this same function and still compare alike.
 */
export function foldCodePoint(codePoint: number): string {
  let folded = foldCache.get(codePoint);
  if (folded === undefined) {
    folded = foldText(String.fromCodePoint(codePoint)).replace(/ς/g, 'σ');
    foldCache.set(codePoint, folded);
  }
  return folded;
}

const foldCache = new Map<number, string>();

/** Whitespace as `\s` sees it: a run of these in text matches one space in an alias. */
export function isSpaceUnit(unit: number): boolean {
  return SPACE.test(String.fromCharCode(unit));
}

const SPACE = /\s/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * An alias as the automaton stores it: folded, every whitespace run one
 * space, trimmed. The same key `nameKeysFor` gives, with "ς" as "σ".
 * Empty when the alias folds to nothing.
 */
export function foldAlias(alias: string): string {
  // Plain ASCII folds to itself lower-cased, which spares the per-character
  // work when building from 100,000 aliases.
  if (PRINTABLE_ASCII.test(alias)) return alias.toLowerCase().replace(/ {2,}/g, ' ').trim();
  let out = '';
  for (let i = 0; i < alias.length; ) {
    const codePoint = alias.codePointAt(i)!;
    out += foldCodePoint(codePoint);
    i += codePoint > 0xffff ? 2 : 1;
  }
  return out.replace(/\s+/g, ' ').trim();
}
