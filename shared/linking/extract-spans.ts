import type { CandidateType } from '../model/candidate';
import {
  COUNTRY_ACRONYMS,
  FUNCTION_WORDS,
  INSTITUTION_CONNECTORS,
  MONTHS_AND_DAYS,
  NAME_PARTICLES,
  NOT_NAME_ACRONYMS,
  ORGANIZATION_WORDS,
  PLACE_HEADS,
  PLACE_WORDS,
  PRONOUNS,
  TITLE_ABBREVIATIONS,
  TITLES,
} from './extract-lexicon';
import type { Token } from './extract-tokens';
import { foldText } from './normalize';

/** A name the text itself vouches for: typed, cleaned, with the offsets of what was written. */
export interface StrongSpan {
  start: number;
  end: number;
  /** Display form: "Ruben Gallego" even where the text says "Gallego, Ruben". */
  name: string;
  type: CandidateType;
}

/**
 * Capitalised words that prove nothing on their own: a sentence's first word
 * ("Milgram emphasized"), a heading, an all-caps line, a name the tagger could
 * not type ("Cassara"). They count only as further occurrences of a name
 * found elsewhere (or of a person's surname), never as a new candidate.
 */
export interface WeakSpan {
  tokens: readonly { start: number; end: number }[];
}

export interface ChunkSpans {
  strong: StrongSpan[];
  weak: WeakSpan[];
}

/** Longer runs of capitalised words are headlines or title-case prose, not names. */
const MAX_RUN_TOKENS = 10;
const MAX_WORD_CHARS = 40;
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.&-]*$/u;
const ACRONYM = /^(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{Lu}&]{1,7})$/u;
const SPACES = /^[ \t\u00a0]{1,3}$/;
const PERIOD_SPACES = /^\.[ \t\u00a0]{1,3}$/;
const COMMA_SPACES = /^,[ \t\u00a0]{1,3}$/;

/** Abbreviations that continue a place name across their period: "St. Louis", "Mt. Hood". */
const PLACE_ABBREVIATIONS = new Set(['st', 'mt', 'ft', 'pt']);

const bare = (text: string) => foldText(text).replace(/\.$/, '');
const has = (token: Token, ...tags: string[]) => tags.some((tag) => token.tags.has(tag));

function isAcronym(token: Token): boolean {
  return ACRONYM.test(token.text) && !NOT_NAME_ACRONYMS.has(bare(token.text).replace(/\./g, ''));
}

/** "A" in "John A. Cassara": a single capital followed by a period. */
function isInitial(token: Token | undefined): boolean {
  return token !== undefined && /^\p{Lu}$/u.test(token.text) && PERIOD_SPACES.test(token.gapAfter);
}

function isTitle(token: Token): boolean {
  return TITLES.has(bare(token.text)) || (token.tags.has('Honorific') && !isAcronym(token));
}

/** Can this word be part of a name at all? */
function isNameWord(token: Token | undefined): token is Token {
  if (!token || token.text.length > MAX_WORD_CHARS || !NAME_WORD.test(token.text)) return false;
  if (isAcronym(token)) return true;
  const word = bare(token.text);
  if (PRONOUNS.has(word)) return false;
  if (FUNCTION_WORDS.has(word) && !has(token, 'Person', 'Place', 'Organization')) return false;
  // "May" is a month, but "Theresa May" is a person: only the tagger's reading in context can tell.
  const person = token.tags.has('Person') && !token.tags.has('Date');
  if ((MONTHS_AND_DAYS.has(word) || has(token, 'Month', 'WeekDay')) && !person) return false;
  // "D-Ariz" (a party and a state) is not a hyphenated name; "Felbab-Brown" and "Al-Assad" are.
  if (/^[^-]-/u.test(token.text)) return false;
  return !has(token, 'Pronoun', 'Determiner', 'Conjunction', 'Preposition', 'QuestionWord') || has(token, 'Person', 'Place', 'Organization');
}

/** The tagger (or the shape of the word) says what kind of name this is. */
function isTyped(token: Token): boolean {
  return has(token, 'Person', 'FirstName', 'LastName', 'Place', 'Organization', 'Honorific') || isAcronym(token);
}

/** Do `token` and the next word belong to one name, as far as the characters between them go? */
function joins(token: Token): boolean {
  if (token.possessive) return false;
  if (SPACES.test(token.gapAfter)) return true;
  const word = bare(token.text);
  const abbreviated = isInitial(token) || TITLE_ABBREVIATIONS.has(word) || PLACE_ABBREVIATIONS.has(word);
  return abbreviated && PERIOD_SPACES.test(token.gapAfter);
}

/**
 * Lower-case words allowed inside a name, given the word before them:
 * particles ("van Gogh") anywhere, "of"/"for"/"on" (and "of the") after an
 * institution or place head ("Department of the Treasury", "Gulf of Mexico").
 * Returns how many connector tokens follow `at`, or 0.
 */
function connectorLength(tokens: readonly Token[], at: number): number {
  const head = tokens[at];
  const connector = tokens[at + 1];
  if (!head || !connector || !joins(head) || !SPACES.test(connector.gapAfter)) return 0;
  if (NAME_PARTICLES.has(connector.text)) return isNameWord(tokens[at + 2]) ? 1 : 0;
  const headWord = bare(head.text);
  if (!INSTITUTION_CONNECTORS.has(connector.text)) return 0;
  if (!ORGANIZATION_WORDS.has(headWord) && !PLACE_HEADS.has(headWord)) return 0;
  if (isNameWord(tokens[at + 2])) return 1;
  const article = tokens[at + 2];
  return article?.text === 'the' && SPACES.test(article.gapAfter) && isNameWord(tokens[at + 3]) ? 2 : 0;
}

/** Maximal runs of name words (with initials and connectors inside), as [first, last] token indexes. */
function nameRuns(tokens: readonly Token[]): [number, number][] {
  const runs: [number, number][] = [];
  let index = 0;
  while (index < tokens.length) {
    if (!isNameWord(tokens[index]) && !isInitial(tokens[index])) {
      index += 1;
      continue;
    }
    const first = index;
    let last = index;
    for (;;) {
      const current = tokens[last]!;
      const next = tokens[last + 1];
      if (joins(current) && (isNameWord(next) || (isInitial(next) && isNameWord(tokens[last + 2])))) {
        last += 1;
        continue;
      }
      const skip = connectorLength(tokens, last);
      if (skip === 0) break;
      last += skip + 1;
    }
    runs.push([first, last]);
    index = last + 1;
  }
  return runs;
}

/** Text of tokens[first..last] as a display name, whitespace collapsed, "Inc." keeping its period. */
function displayOf(text: string, tokens: readonly Token[], first: number, last: number): { end: number; name: string } {
  const lastToken = tokens[last]!;
  const keepsPeriod = lastToken.tags.has('Abbreviation') && !isTitle(lastToken) && text[lastToken.end] === '.';
  const end = lastToken.end + (keepsPeriod ? 1 : 0);
  return { end, name: text.slice(tokens[first]!.start, end).replace(/\s+/g, ' ') };
}

/** "Joint Criminal Opioid Darknet Enforcement (JCODE)": the acronym's letters come from the words, in order. */
function definesAcronym(tokens: readonly Token[], first: number, last: number): boolean {
  const next = tokens[last + 1];
  if (!next || !isAcronym(next) || !/^\s*\($/.test(tokens[last]!.gapAfter) || !next.gapAfter.startsWith(')')) return false;
  const letters = next.text.replace(/[^\p{Lu}]/gu, '');
  const initials = tokens.slice(first, last + 1).map((t) => t.text[0]!.toUpperCase());
  if (letters[letters.length - 1] !== initials[initials.length - 1]) return false;
  let at = 0;
  for (const initial of initials) if (initial === letters[at]) at += 1;
  return at === letters.length;
}

interface RunContext {
  text: string;
  tokens: readonly Token[];
  out: ChunkSpans;
}

function weak(context: RunContext, first: number, last: number): void {
  if (first <= last) context.out.weak.push({ tokens: context.tokens.slice(first, last + 1) });
}

function strong(context: RunContext, first: number, last: number, type: CandidateType): void {
  const { end, name } = displayOf(context.text, context.tokens, first, last);
  context.out.strong.push({ start: context.tokens[first]!.start, end, name, type });
}

/** What kind of name tokens[first..last] is, or undefined when nothing says. */
function typeOfRun(context: RunContext, first: number, last: number, person: boolean): CandidateType | undefined {
  const all = context.tokens.slice(first, last + 1);
  const names = all.filter((t) => isNameWord(t) && !isInitial(t));
  const head = names[0];
  if (!head) return undefined;
  if (person) return 'Person';
  if (names.length === 1) {
    if (isAcronym(head)) return COUNTRY_ACRONYMS.has(bare(head.text).replace(/\./g, '')) || head.tags.has('Place') ? 'Place' : 'Organization';
    if (head.sentenceStart && !isTyped(head)) return undefined;
    // "American", "Calif.": a people's adjective or a clipped word is not something a case tracks.
    if (has(head, 'Demonym', 'Abbreviation')) return undefined;
    if (head.tags.has('Place')) return 'Place';
    if (head.tags.has('Organization')) return 'Organization';
    // A lone first name ("Will", "Mark") is too often an ordinary word.
    if (has(head, 'LastName') || (head.tags.has('Person') && !head.tags.has('FirstName'))) return 'Person';
    return undefined;
  }
  if (names.every((t) => t.tags.has('Demonym'))) return undefined;
  const lastWord = bare(names[names.length - 1]!.text);
  const connectorHeads = all.filter((t, i) => INSTITUTION_CONNECTORS.has(all[i + 1]?.text ?? '')).map((t) => bare(t.text));
  if (ORGANIZATION_WORDS.has(lastWord) || connectorHeads.some((w) => ORGANIZATION_WORDS.has(w)) || names.some((t) => t.tags.has('Organization'))) {
    return 'Organization';
  }
  if (names.every((t) => t.tags.has('Place'))) return 'Place';
  if (head.tags.has('FirstName')) return 'Person';
  if (names.some((t) => t.tags.has('Place')) || PLACE_WORDS.has(lastWord) || connectorHeads.some((w) => PLACE_HEADS.has(w))) return 'Place';
  if (names.some((t) => has(t, 'Person', 'LastName'))) return 'Person';
  if (definesAcronym(context.tokens, first, last)) return 'Organization';
  return undefined;
}

/** The first title in a run, unless it follows a connector ("Department of Justice"), or -1. */
function titleStart(tokens: readonly Token[], first: number, last: number): number {
  for (let index = first; index <= last; index++) {
    const previous = tokens[index - 1];
    if (isTitle(tokens[index]!) && (index === first || isNameWord(previous))) return index;
  }
  return -1;
}

/** What precedes a title ("U.S." in "U.S. Attorney General"): an acronym stands alone, anything else is weak. */
function emitTitlePrefix(context: RunContext, first: number, last: number): void {
  if (first === last && isAcronym(context.tokens[first]!)) emitRun(context, first, last);
  else weak(context, first, last);
}

/** Emits one run as a typed name, or as weak words when the text does not vouch for it. */
function emitRun(context: RunContext, first: number, last: number, person = false): void {
  const { tokens } = context;
  const line = tokens[first]!.line;
  if (line === 'shouting' || last - first + 1 > MAX_RUN_TOKENS) return weak(context, first, last);

  // Titles: "U.S. Attorney General Merrick Garland" → "U.S." + "Merrick Garland" (a person).
  if (!person) {
    const titleAt = titleStart(tokens, first, last);
    if (titleAt !== -1) {
      let after = titleAt;
      while (after <= last && isTitle(tokens[after]!)) after += 1;
      const lastTitle = tokens[after - 1]!;
      const rest = tokens.slice(after, last + 1);
      const personCue =
        rest.some((t) => has(t, 'Person', 'FirstName', 'LastName')) ||
        lastTitle.tags.has('Honorific') ||
        TITLE_ABBREVIATIONS.has(bare(lastTitle.text));
      // A title with no name after it is no one; one before a name says the name is a person's.
      if (after > last || personCue) {
        emitTitlePrefix(context, first, titleAt - 1);
        if (after <= last) emitRun(context, after, last, true);
        return;
      }
    }
    // "Officials Anne Milgram": a sentence's capitalised first word before a first name is not part of it.
    const head = tokens[first]!;
    if (head.sentenceStart && !isTyped(head) && first < last && tokens[first + 1]!.tags.has('FirstName')) {
      weak(context, first, first);
      return emitRun(context, first + 1, last);
    }
  }

  const type = typeOfRun(context, first, last, person);
  // In a title-case heading every word is capitalised: only a person's full name, or one word the
  // tagger knows as a place, organisation or acronym ("CCP", "China"), is evidence there.
  const trusted = line === 'body' || (type === 'Person' && last > first) || (first === last && type !== 'Person' && type !== undefined);
  if (type && trusted) strong(context, first, last, type);
  else weak(context, first, last);
}

/** "Gallego, Ruben" (and "Gallego, Ruben A."): a surname, a comma, then a first name and nothing more. */
function invertedName(context: RunContext, surname: [number, number], given: [number, number]): boolean {
  const { tokens } = context;
  const [sFirst, sLast] = surname;
  const [gFirst, gLast] = given;
  if (gFirst !== sLast + 1 || !COMMA_SPACES.test(tokens[sLast]!.gapAfter)) return false;
  if (tokens[sFirst]!.line !== 'body' || tokens[sLast]!.possessive || sLast - sFirst > 1) return false;
  const surnameTokens = tokens.slice(sFirst, sLast + 1);
  if (surnameTokens.some((t) => has(t, 'Place', 'Organization', 'Demonym') || isAcronym(t) || isTitle(t) || !isNameWord(t))) return false;
  const givenTokens = tokens.slice(gFirst, gLast + 1);
  const [firstName, ...initials] = givenTokens;
  return !!firstName && firstName.tags.has('FirstName') && initials.length <= 1 && initials.every((t) => isInitial(t));
}

/** Names and weak words of one chunk's tokens; `text` is the whole document. */
export function spansOf(tokens: readonly Token[], text: string): ChunkSpans {
  const context: RunContext = { text, tokens, out: { strong: [], weak: [] } };
  const runs = nameRuns(tokens);
  for (let index = 0; index < runs.length; index++) {
    const run = runs[index]!;
    const next = runs[index + 1];
    if (next && invertedName(context, run, next)) {
      const surname = displayOf(text, tokens, run[0], run[1]).name;
      const given = displayOf(text, tokens, next[0], next[1]);
      context.out.strong.push({ start: tokens[run[0]]!.start, end: given.end, name: `${given.name} ${surname}`, type: 'Person' });
      index += 1;
      continue;
    }
    emitRun(context, run[0], run[1]);
  }
  return context.out;
}
