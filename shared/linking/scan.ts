import { STATE_MASK, step, type Automaton } from './automaton';
import { foldCodePoint, isSpaceUnit } from './fold-char';
import { LeftmostLongest } from './leftmost-longest';
import { skipEmptyFolds, wordCharAt, wordCharBefore } from './word-boundary';

/**
 * Markers in a text class table, above every alphabet class. A table maps
 * each original UTF-16 code unit straight to the class of its fold, so the
 * common character costs one read; the markers send the rest to slower paths.
 */
const UNKNOWN = 0xffff; // not looked at yet
const SKIP = 0xfffe; // folds to nothing (a combining mark)
const SPACE = 0xfffd; // whitespace: runs collapse to one space
const SLOW = 0xfffc; // folds to several units, or a surrogate
const FIRST_MARKER = SLOW;

/** A per-linker table from original code unit to class, filled as units are first seen. */
export function createTextClassTable(): Uint16Array {
  return new Uint16Array(0x10000).fill(UNKNOWN);
}

function classifyUnit(automaton: Automaton, unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return SLOW;
  const folded = foldCodePoint(unit);
  if (folded.length === 0) return SKIP;
  if (folded.length > 1) return SLOW;
  const foldedUnit = folded.charCodeAt(0);
  return isSpaceUnit(foldedUnit) ? SPACE : automaton.classOfUnit[foldedUnit]!;
}

export interface PatternEdges {
  /** Per pattern: 1 when its first character is a letter or digit, so it needs a word boundary before. */
  readonly needsBoundaryBefore: Uint8Array;
  readonly needsBoundaryAfter: Uint8Array;
}

/**
 * Runs the automaton over `text` and returns the chosen matches (pattern
 * ids with UTF-16 offsets into `text`), leftmost-longest, sorted by start.
 *
 * Offsets: `ring` remembers, for the last folded units, the offset of the
 * original character each came from; a match of folded length L ending at
 * folded position k starts where unit k - L came from. A match must cover
 * whole original characters: one that starts or ends inside the expansion
 * of a single character ("f" inside "ﬁ") is dropped.
 */
export function scanText(automaton: Automaton, edges: PatternEdges, table: Uint16Array, text: string): LeftmostLongest {
  const chosen = new LeftmostLongest();
  const { delta, alphabetSize, denseCount, outHead, outPattern, fail, patternLength } = automaton;
  const { needsBoundaryBefore, needsBoundaryAfter } = edges;
  const spaceClass = automaton.classOfUnit[0x20]!;
  let ringSize = 4;
  while (ringSize < automaton.maxPatternLength + 2) ringSize *= 2;
  const ring = new Int32Array(ringSize);
  const ringMask = ringSize - 1;

  let state = 0;
  let folded = 0; // folded units consumed so far
  let previousWasSpace = false;

  /** Reports the patterns ending at `atState`, whose last original character ends at `end`. */
  const report = (atState: number, end: number): void => {
    let extendedEnd = -1;
    for (let s = outHead[atState]!; s >= 0; s = outHead[fail[s]!]!) {
      const pattern = outPattern[s]!;
      const startUnit = folded - patternLength[pattern]!;
      const start = ring[startUnit & ringMask]!;
      if (startUnit > 0 && ring[(startUnit - 1) & ringMask] === start) continue; // starts inside a character
      if (extendedEnd < 0) extendedEnd = skipEmptyFolds(text, end);
      if (needsBoundaryBefore[pattern] === 1 && wordCharBefore(text, start)) continue;
      if (needsBoundaryAfter[pattern] === 1 && wordCharAt(text, extendedEnd)) continue;
      chosen.offer(start, extendedEnd, pattern);
    }
  };

  const length = text.length;
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    let cls = table[unit]!;
    if (cls >= FIRST_MARKER) {
      if (cls === SPACE) {
        if (previousWasSpace) continue;
        previousWasSpace = true;
        cls = spaceClass;
      } else if (cls === SKIP) {
        continue;
      } else if (cls === UNKNOWN) {
        table[unit] = classifyUnit(automaton, unit);
        i--;
        continue;
      } else {
        // Several folded units from one character (a ligature, an astral
        // code point): feed them one by one; only the last may end a match.
        let codePoint = unit;
        if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
          const low = text.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) codePoint = (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        }
        const units = foldCodePoint(codePoint);
        const charEnd = i + (codePoint > 0xffff ? 2 : 1);
        for (let u = 0; u < units.length; u++) {
          const foldedUnit = units.charCodeAt(u);
          let unitClass: number;
          if (isSpaceUnit(foldedUnit)) {
            if (previousWasSpace) continue;
            previousWasSpace = true;
            unitClass = spaceClass;
          } else {
            previousWasSpace = false;
            unitClass = automaton.classOfUnit[foldedUnit]!;
          }
          ring[folded & ringMask] = i;
          folded++;
          const next = step(automaton, state, unitClass);
          state = next & STATE_MASK;
          if (next < 0 && u === units.length - 1) report(state, charEnd);
        }
        i = charEnd - 1;
        continue;
      }
    } else {
      previousWasSpace = false;
    }
    ring[folded & ringMask] = i;
    folded++;
    const next = state < denseCount ? delta[state * alphabetSize + cls]! : step(automaton, state, cls);
    if (next < 0) {
      state = next & STATE_MASK;
      report(state, i + 1);
    } else {
      state = next;
    }
  }
  return chosen;
}
