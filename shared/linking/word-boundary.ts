import { foldCodePoint } from './fold-char';

/**
 * Word boundaries for the linker. The rule: where an alias begins (or ends)
 * with a letter or digit, the text just before (after) the match must not be
 * a letter or digit, so "DEA" is not found in "IDEA" nor in "DEAs", while
 * "DEA's", "(DEA)" and "DEA." are found. An alias edge that is punctuation
 * ("U.S.", "$53.4 million") needs nothing on that side.
 *
 * Letters of scripts written without spaces between words (Han, kana, Thai,
 * Lao, Khmer, Myanmar) never need a boundary and never block one, or a
 * Chinese name could not be found inside a Chinese sentence.
 *
 * "The text just before" is the nearest character that folds to something:
 * combining marks fold to nothing and are looked through.
 */
export function joinsWords(codePoint: number): boolean {
  if (codePoint < 0x80) return (codePoint >= 0x30 && codePoint <= 0x39) || ((codePoint | 0x20) >= 0x61 && (codePoint | 0x20) <= 0x7a);
  const char = String.fromCodePoint(codePoint);
  return LETTER_OR_DIGIT.test(char) && !UNSPACED_SCRIPT.test(char);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UNSPACED_SCRIPT = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

// Per BMP code unit, filled on first use: COMPUTED | (EMPTY or FIRST_JOINS | LAST_JOINS).
const COMPUTED = 1;
const EMPTY = 2;
const FIRST_JOINS = 4;
const LAST_JOINS = 8;
const bmpKinds = new Uint8Array(0x10000);

function kindOf(codePoint: number): number {
  if (codePoint < 0x10000) {
    const known = bmpKinds[codePoint]!;
    if (known !== 0) return known;
  }
  const folded = foldCodePoint(codePoint);
  let kind = COMPUTED;
  if (folded.length === 0) kind |= EMPTY;
  else {
    if (joinsWords(folded.codePointAt(0)!)) kind |= FIRST_JOINS;
    const last = folded.codePointAt(folded.length - 1)!;
    const lastPoint = last >= 0xdc00 && last <= 0xdfff && folded.length >= 2 ? folded.codePointAt(folded.length - 2)! : last;
    if (joinsWords(lastPoint)) kind |= LAST_JOINS;
  }
  if (codePoint < 0x10000) bmpKinds[codePoint] = kind;
  return kind;
}

/** Does the folded text just before `pos` end with a letter or digit that joins words? */
export function wordCharBefore(text: string, pos: number): boolean {
  if (pos === 0) return false;
  const before = text.charCodeAt(pos - 1);
  if (before < 0x80) return joinsWords(before);
  let i = pos;
  while (i > 0) {
    let codePoint = text.charCodeAt(i - 1);
    i--;
    if (codePoint >= 0xdc00 && codePoint <= 0xdfff && i > 0) {
      const high = text.charCodeAt(i - 1);
      if (high >= 0xd800 && high <= 0xdbff) {
        codePoint = (high - 0xd800) * 0x400 + (codePoint - 0xdc00) + 0x10000;
        i--;
      }
    }
    const kind = kindOf(codePoint);
    if ((kind & EMPTY) === 0) return (kind & LAST_JOINS) !== 0;
  }
  return false;
}

/** Does the folded text from `pos` begin with a letter or digit that joins words? */
export function wordCharAt(text: string, pos: number): boolean {
  if (pos >= text.length) return false;
  const at = text.charCodeAt(pos);
  if (at < 0x80) return joinsWords(at);
  let i = pos;
  while (i < text.length) {
    const codePoint = text.codePointAt(i)!;
    const kind = kindOf(codePoint);
    if ((kind & EMPTY) === 0) return (kind & FIRST_JOINS) !== 0;
    i += codePoint > 0xffff ? 2 : 1;
  }
  return false;
}

/**
 * `pos` moved past characters that fold to nothing (combining marks,
 * variation selectors): they belong to the character before them, so a match
 * ending there takes them along and `text.slice(start, end)` keeps its accents.
 */
export function skipEmptyFolds(text: string, pos: number): number {
  if (pos >= text.length || text.charCodeAt(pos) < 0x80) return pos;
  let i = pos;
  while (i < text.length) {
    const codePoint = text.codePointAt(i)!;
    if ((kindOf(codePoint) & EMPTY) === 0) break;
    i += codePoint > 0xffff ? 2 : 1;
  }
  return i;
}
