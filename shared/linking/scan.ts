import { STATE_MASK, stateOf, step, type Automaton } from './automaton';
import { foldCodePoint, isSpaceUnit } from './fold-char';
import { LeftmostLongest } from './leftmost-longest';
import { skipEmptyFolds, wordCharAt, wordCharBefore } from './word-boundary';

/**
 * Markers in a text class table, above every alphabet class. A table maps
 * each original UTF-16 code unit straight to the class of its fold
 * (whitespace to the space class), so the common character costs one read;
 * the markers send the rest to slower paths.
 */
const UNKNOWN = 0xffff; // not looked at yet
const SKIP = 0xfffe; // folds to nothing (a combining mark)
const SLOW = 0xfffd; // folds to several units, or a surrogate
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
  return classOfFoldedUnit(automaton, folded.charCodeAt(0));
}

function classOfFoldedUnit(automaton: Automaton, unit: number): number {
  return isSpaceUnit(unit) ? automaton.spaceClass : automaton.classOfUnit[unit]!;
}

export interface PatternEdges {
  /** Per pattern: 1 when its first character is a letter or digit, so it needs a word boundary before. */
  readonly needsBoundaryBefore: Uint8Array;
  readonly needsBoundaryAfter: Uint8Array;
}

/**
 * Runs the automaton over `text` and returns the chosen matches (pattern
 * ids with UTF-16 offsets into `text`), leftmost-longest, sorted by start.
 * The loop keeps nothing but the state: where a match starts is worked out
 * afterwards, for the few positions that end a pattern (see `matchStart`).
 */
export function scanText(automaton: Automaton, edges: PatternEdges, table: Uint16Array, text: string): LeftmostLongest {
  const chosen = new LeftmostLongest();
  const { delta, alphabetSize } = automaton;
  const denseRows = automaton.denseCount * alphabetSize;
  let row = 0; // the current state as `rowOf` gives it
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    const cls = table[unit]!;
    if (cls >= FIRST_MARKER) {
      if (cls === UNKNOWN) {
        table[unit] = classifyUnit(automaton, unit);
        i--;
      } else if (cls === SLOW) {
        // Several folded units from one character (a ligature, an astral
        // code point): feed them one by one; only the last may end a match.
        const codePoint = text.codePointAt(i)!;
        const units = foldCodePoint(codePoint);
        const charEnd = i + (codePoint > 0xffff ? 2 : 1);
        for (let u = 0; u < units.length; u++) {
          const next = step(automaton, stateOf(automaton, row), classOfFoldedUnit(automaton, units.charCodeAt(u)));
          row = next & STATE_MASK;
          if (next < 0 && u === units.length - 1) report(automaton, edges, table, text, chosen, stateOf(automaton, row), charEnd);
        }
        i = charEnd - 1;
      }
      continue; // SKIP: folds to nothing, the state stays
    }
    const next = row < denseRows ? delta[row + cls]! : step(automaton, stateOf(automaton, row), cls);
    if (next < 0) {
      row = next & STATE_MASK;
      report(automaton, edges, table, text, chosen, stateOf(automaton, row), i + 1);
    } else {
      row = next;
    }
  }
  return chosen;
}

/** Offers the patterns ending at `state`, whose last original character ends at `end`, to `chosen`. */
function report(automaton: Automaton, edges: PatternEdges, table: Uint16Array, text: string, chosen: LeftmostLongest, state: number, end: number): void {
  const { outHead, outPattern, fail, patternLength } = automaton;
  const extendedEnd = skipEmptyFolds(text, end);
  const wordFollows = wordCharAt(text, extendedEnd);
  for (let s = outHead[state]!; s >= 0; s = outHead[fail[s]!]!) {
    const pattern = outPattern[s]!;
    if (wordFollows && edges.needsBoundaryAfter[pattern] === 1) continue;
    const start = matchStart(automaton, table, text, end, patternLength[pattern]!);
    if (start < 0) continue;
    if (edges.needsBoundaryBefore[pattern] === 1 && wordCharBefore(text, start)) continue;
    chosen.offer(start, extendedEnd, pattern);
  }
}

/**
 * Where a match of `foldedLength` folded units ending at `end` starts in the
 * original text: walks back over original characters counting the units
 * they fold to, as the scan saw them (marks count none, a whitespace run
 * counts one). -1 when the count runs out inside a character that folds to
 * several units ("i" inside "ﬁ"): a match must cover whole characters.
 */
function matchStart(automaton: Automaton, table: Uint16Array, text: string, end: number, foldedLength: number): number {
  const spaceClass = automaton.spaceClass;
  let need = foldedLength;
  let laterWasSpace = false;
  let pos = end;
  while (need > 0 && pos > 0) {
    const unit = text.charCodeAt(pos - 1);
    let cls = table[unit]!;
    // The scan classifies a surrogate pair by its high half only.
    if (cls === UNKNOWN) cls = table[unit] = classifyUnit(automaton, unit);
    if (cls < FIRST_MARKER) {
      pos--;
      const isSpace = cls === spaceClass && spaceClass !== 0;
      if (!(isSpace && laterWasSpace)) need--;
      laterWasSpace = isSpace;
      continue;
    }
    if (cls === SKIP) {
      pos--;
      continue;
    }
    const high = unit >= 0xdc00 && unit <= 0xdfff && pos >= 2 ? text.charCodeAt(pos - 2) : 0;
    pos -= high >= 0xd800 && high <= 0xdbff ? 2 : 1;
    const units = foldCodePoint(text.codePointAt(pos)!);
    for (let u = units.length - 1; u >= 0; u--) {
      if (need === 0) return -1;
      const isSpace = isSpaceUnit(units.charCodeAt(u));
      if (!(isSpace && laterWasSpace)) need--;
      laterWasSpace = isSpace;
    }
  }
  return need === 0 ? pos : -1;
}
