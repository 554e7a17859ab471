import chardet from 'chardet';
import iconv from 'iconv-lite';
import { encodingName } from './encoding-names';

export { encodingName, isKnownEncoding } from './encoding-names';

/**
 * Legacy text encodings: naming them, guessing them from the bytes, and
 * decoding them. Text that is not Unicode is still common in what people
 * import: Windows "ANSI" files in Cyrillic, Greek or Central European code
 * pages, KOI8-R mail archives, Shift_JIS and GB2312 pages.
 *
 * Guessing is chardet's (byte-frequency models per language, as in
 * Mozilla's detector); decoding is iconv-lite's, or TextDecoder's for the
 * few encodings iconv-lite lacks. Windows-1252 goes through our own table
 * (decode.ts): Node's TextDecoder gets 0x80–0x9F wrong.
 */

/** How much of a file the detector reads: enough for its statistics, bounded for a 200 MB file. */
const SAMPLE_BYTES = 256 * 1024;
/** How much of it each candidate decoding is scored on. */
const SCORING_BYTES = 48 * 1024;

/**
 * Decodes bytes in a named legacy encoding (not UTF-8/16: decode.ts handles
 * those). The caller passes a name from encodingName.
 */
export function decodeWith(bytes: Uint8Array, name: string, windows1252: (bytes: Uint8Array) => string): string {
  if (name === 'windows-1252') return windows1252(bytes);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const iconvName = ICONV_NAMES[name] ?? name;
  if (iconv.encodingExists(iconvName)) return iconv.decode(buffer, iconvName, { stripBOM: false });
  return new TextDecoder(name).decode(bytes);
}

/** WHATWG names iconv-lite spells otherwise. */
const ICONV_NAMES: Record<string, string> = { 'x-mac-cyrillic': 'maccyrillic' };

export interface Guess {
  /** An encodingName. */
  name: string;
  /** chardet's confidence, 0–100 (0 for an encoding it did not propose). */
  confidence: number;
}

/**
 * Single-byte encodings tried besides chardet's proposals: chardet (a port
 * of ICU's detector) often ranks ISO-8859-1 first for Cyrillic, Greek or
 * Hebrew text inside markup, and never proposes some (IBM866, Mac
 * Cyrillic). Western first: what an unlabelled file most often is.
 */
const ALSO_TRY = [
  'windows-1252', 'windows-1250', 'iso-8859-2', 'windows-1251', 'koi8-r', 'iso-8859-5', 'ibm866', 'x-mac-cyrillic', 'ibm855',
  'windows-1253', 'iso-8859-7', 'windows-1255', 'iso-8859-8', 'windows-1256', 'iso-8859-6', 'windows-1254', 'windows-1257', 'windows-874',
];

const MULTI_BYTE = new Set(['shift_jis', 'euc-jp', 'iso-2022-jp', 'gb18030', 'gbk', 'big5', 'euc-kr']);

/**
 * The most likely legacy encoding of bytes that are not valid UTF-8, or
 * undefined when none decodes them cleanly. Each candidate (chardet's, and
 * the common single-byte ones) decodes a sample, which is scored for how
 * much it reads like words (see plausibility): decoding Cyrillic as
 * Windows-1252 gives "Ïðèâåò", letters that no language writes that way;
 * and, for Latin letters, how well one language's alphabet covers them
 * (alphabetFit): Polish read as ISO-8859-2 rather than Windows-1250 has
 * Czech "š" among its "ł" and "ż".
 * Among the candidates that read best, chardet's ranking decides (it tells
 * Windows-1250 from Windows-1252, which read alike); on a tie Windows-1252.
 */
export function guessEncoding(bytes: Uint8Array): Guess | undefined {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const cut = sample.length < bytes.length;
  const proposed = chardet
    .analyse(sample)
    .map((match) => ({ name: encodingName(match.name), confidence: match.confidence }))
    // UTF-8 and ASCII cannot be right (the bytes are not valid UTF-8); UTF-16/32 without a BOM are decode.ts's to spot.
    .filter((match): match is Guess => match.name !== undefined && !/^utf-|^us-ascii$/.test(match.name) && match.confidence > 0);
  // chardet's multi-byte detectors (Shift_JIS, EUC-JP, GB18030, Big5, EUC-KR) are reliable when sure, and such text is never single-byte.
  const sure = proposed[0];
  if (sure && sure.confidence >= 90 && MULTI_BYTE.has(sure.name) && decodeSample(sample, sure.name, cut) !== undefined) return sure;
  // On a tie with the top, Windows-1252 first.
  const top = proposed[0]?.confidence ?? 0;
  const ranked = [...proposed.filter((m) => m.name === 'windows-1252' && m.confidence >= top), ...proposed];
  const candidates: Guess[] = [];
  for (const guess of [...ranked, ...ALSO_TRY.map((name) => ({ name, confidence: 0 }))]) {
    if (!candidates.some((c) => c.name === guess.name)) candidates.push(guess);
  }
  let best = -1;
  const scored: { guess: Guess; score: number; words: number }[] = [];
  // Scoring reads less than the detector: a few thousand words tell.
  const scoring = sample.subarray(0, SCORING_BYTES);
  for (const guess of candidates) {
    const text = decodeSample(scoring, guess.name, cut || scoring.length < sample.length);
    if (text === undefined) continue;
    const { score: wordScore, words } = readability(text);
    const score = wordScore * (0.5 + 0.5 * alphabetFit(text));
    scored.push({ guess, score, words });
    best = Math.max(best, score);
  }
  const eligible = scored.filter(({ score }) => score >= best - 0.02);
  // Non-ASCII bytes that are only punctuation to Windows-1252 (curly quotes, dashes, €): "ANSI" text, whatever chardet makes of so little.
  const western = eligible.find(({ guess, words }) => guess.name === 'windows-1252' && words === 0);
  // Candidates are in preference order (chardet's, then ALSO_TRY): the first that reads (nearly) as well as the best.
  return (western ?? eligible[0])?.guess;
}

/** The sample decoded, or undefined if it does not decode cleanly (see decodesCleanly). */
function decodeSample(sample: Uint8Array, name: string, cut: boolean): string | undefined {
  let text: string;
  try {
    text = decodeWith(sample, name, (b) => windows1252Sample(b));
  } catch {
    return undefined;
  }
  const at = text.indexOf('\uFFFD');
  if (at >= 0 && !(cut && at >= text.length - 2 && text.indexOf('\uFFFD', at + 1) < 0)) return undefined;
  return text;
}

/** Windows-1252 for scoring (decode.ts has the real one; this keeps the two modules apart). */
const CP1252 = Uint16Array.from({ length: 256 }, (_, b) => (b >= 0x80 && b < 0xa0 ? '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'.charCodeAt(b - 0x80) : b));
function windows1252Sample(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = CP1252[bytes[i]!]!;
  return Buffer.from(units.buffer).toString('utf16le');
}

const SCRIPTS = [
  // Chinese, Japanese and Korean run words together, in mixed scripts, with their own punctuation.
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u2000-\u206f\u2100-\u27bf\u3000-\u303f\u30fb\u30fc\u3200-\u33ff\uff01-\uffef]+$/u,
  /^[\p{Script=Latin}\p{M}]+$/u, /^[\p{Script=Cyrillic}\p{M}]+$/u, /^[\p{Script=Greek}\p{M}]+$/u, /^[\p{Script=Hebrew}\p{M}]+$/u, /^[\p{Script=Arabic}\p{M}\u0640]+$/u, /^[\p{Script=Thai}\p{M}]+$/u];

/** The accented letters of the languages the single-byte Latin code pages serve (lower case). */
const ALPHABETS = [
  'àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿœšžß', // Western (Windows-1252, ISO-8859-1/15)
  'ąćęłńóśźż', // Polish
  'áčďéěíňóřšťúůýž', // Czech
  'áäčďéíĺľňóôŕšťúýž', // Slovak
  'áéíóöőúüű', // Hungarian
  'čćđšž', // Slovene, Croatian, Bosnian
  'ăâîșțşţ', // Romanian
  'çğıİöşüâîû', // Turkish
  'ąčęėįšųūž', // Lithuanian
  'āčēģīķļņšūž', // Latvian
  'äöõšüž', // Estonian
].map((letters) => new Set(letters));

/**
 * How well one language's alphabet covers the accented Latin letters of
 * decoded text, 0..1 (1 when it has none): the share of their occurrences
 * in the alphabet that covers most of them.
 */
export function alphabetFit(text: string): number {
  const counts = new Map<string, number>();
  let total = 0;
  for (const match of text.matchAll(/[\u00c0-\u024f]/g)) {
    // "İ" lower-cases to two characters ("i" and a combining dot): it stands for itself.
    const lower = match[0].toLowerCase();
    const letter = lower.length === 1 ? lower : match[0];
    counts.set(letter, (counts.get(letter) ?? 0) + 1);
    total++;
  }
  if (total === 0) return 1;
  let best = 0;
  for (const alphabet of ALPHABETS) {
    let covered = 0;
    for (const [letter, n] of counts) if (alphabet.has(letter)) covered += n;
    best = Math.max(best, covered);
  }
  return best / total;
}

/**
 * How much decoded text reads like words, 0..1: of the words with a
 * non-ASCII character, the share that are letters of one script, in lower
 * case, Capitalized or ALL CAPS. A wrong single-byte decoding fails that:
 * symbols inside words ("³" for Polish "ł"), scripts mixed within a word,
 * or case at random ("ÏðÈâÅò"). Text without such words scores 1.
 */
export function plausibility(text: string): number {
  return readability(text).score;
}

/** plausibility's score, and how many words with a non-ASCII character it judged. */
function readability(text: string): { score: number; words: number } {
  let total = 0;
  let good = 0;
  for (const token of text.split(/[\s\d!-/:-@[-`{-~\u00a0¡«·»¿\u2010-\u2027\u060c\u061b\u061f\u066a-\u066d]+/u)) {
    // Punctuation, symbols and numbers around a word are not part of it ("“Café”", "5€"); inside one they are a sign of a wrong decoding.
    const word = token.replace(/^[\p{P}\p{S}\p{N}]+|[\p{P}\p{S}\p{N}]+$/gu, '');
    if (!/[^\x00-\x7f]/.test(word)) continue;
    total++;
    if (!SCRIPTS.some((script) => script.test(word))) continue;
    // Character by character: "İstanbul".toLowerCase() is longer than the word.
    const letters = [...word];
    const upper = (c: string) => c !== c.toLowerCase();
    if (letters.slice(1).every((c) => !upper(c)) || letters.every((c) => c === c.toUpperCase())) good++;
  }
  return { score: total === 0 ? 1 : good / total, words: total };
}

/**
 * UTF-16 without a byte order mark, by its NUL bytes: text in Latin
 * scripts has a zero high byte in most code units, so one of the two byte
 * positions is mostly NUL and the other almost never, and the units with a
 * zero high byte are printable (ASCII, Latin-1 letters, tabs and newlines;
 * in a binary file they are anything). Returns the byte order, or undefined.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, 64 * 1024) & ~1;
  if (length < 16) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const units = length / 2;
  const order = oddZeros >= units * 0.4 && evenZeros <= units * 0.02 ? 'utf-16le' : evenZeros >= units * 0.4 && oddZeros <= units * 0.02 ? 'utf-16be' : undefined;
  if (!order) return undefined;
  const low = order === 'utf-16le' ? 0 : 1;
  let ascii = 0;
  let printable = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i + 1 - low] !== 0) continue;
    const c = bytes[i + low]!;
    ascii++;
    if ((c >= 0x20 && c < 0x7f) || c >= 0xa0 || c === 0x09 || c === 0x0a || c === 0x0d) printable++;
  }
  return printable >= ascii * 0.98 ? order : undefined;
}

/** UTF-32 without a byte order mark: three zero bytes in every four for Latin text, the same way round throughout. */
export function sniffUtf32(bytes: Uint8Array): 'utf-32le' | 'utf-32be' | undefined {
  const length = Math.min(bytes.length, 64 * 1024) & ~3;
  if (length < 16) return undefined;
  let le = true;
  let be = true;
  for (let i = 0; i < length && (le || be); i += 4) {
    // Code points stop at U+10FFFF: the top byte is always zero, the next at most 0x10.
    if (bytes[i + 3] !== 0 || bytes[i + 2]! > 0x10) le = false;
    if (bytes[i] !== 0 || bytes[i + 1]! > 0x10) be = false;
  }
  if (le === be) return undefined;
  return le ? 'utf-32le' : 'utf-32be';
}

/** The encoding an XML file declares on its first line (`<?xml version="1.0" encoding="windows-1251"?>`). */
export function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 256)).toString('latin1');
  return /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([\w.:+-]+)["']/.exec(head)?.[1];
}
