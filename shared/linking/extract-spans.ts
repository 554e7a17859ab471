import type { CandidateType } from '../model/candidate';
import { INSTITUTION_CONNECTORS } from './extract-lexicon';
import type { Token } from './extract-tokens';
import {
  ADJECTIVE_CLASS,
  CLOSED_CLASS,
  COMMON,
  COUNTRY_ACRONYM,
  DEMONYM,
  FIRST_NAME,
  FUNCTION_WORD,
  IMPERATIVE,
  KNOWN_ORGANIZATION,
  KNOWN_PERSON,
  KNOWN_PLACE,
  MONTH_OR_DAY,
  NAME_PARTICLE,
  NOT_AN_ACRONYM,
  NOT_A_NAME_CLASS,
  ORGANIZATION_ROLE,
  ORGANIZATION_WORD,
  PERSON_ROLE,
  PLACE_OF_HEAD,
  PLACE_PREPOSITION,
  PLACE_WORD,
  PRONOUN,
  SURNAME,
  TITLE,
  TITLE_ABBREVIATION,
  gazetteerFlags,
} from './extract-words';

/** A name the text itself vouches for: typed, cleaned, with the offsets of what was written. */
export interface StrongSpan {
  start: number;
  end: number;
  /** Display form: "Ruben Gallego" even where the text says "Gallego, Ruben". */
  name: string;
  type: CandidateType;
  /** The type rests on firm evidence ("Bank" at the end, "port of" before, a first name) rather than a guess. */
  sure: boolean;
  /** Capitalised in the middle of a sentence of body text, where a capital means a name. */
  midSentence: boolean;
  /** On a line of code, markup or mail headers. */
  code: boolean;
}

/**
 * Capitalised words that prove nothing on their own: a sentence's first word
 * ("Milgram emphasized"), a heading, an all-caps line, a name nothing types
 * ("Cassara"). They count only as further occurrences of a name found
 * elsewhere (or of a person's surname), never as a new candidate.
 */
export interface WeakSpan {
  /** `midSentence`: the word is capitalised in the middle of a sentence of body text. */
  tokens: readonly { start: number; end: number; midSentence: boolean }[];
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

/** A company's abbreviated last word keeps its period in the name: "Hubei Chemical Co.". */
const ORGANIZATION_ABBREVIATIONS = new Set(['co', 'inc', 'ltd', 'corp', 'bros', 'llc', 'plc']);

/** Abbreviations that continue a place name across their period: "St. Louis", "Mt. Hood". */
const PLACE_ABBREVIATIONS = new Set(['st', 'mt', 'ft', 'pt']);

/** What the gazetteer knows a name as. */
const KNOWN_NAME = FIRST_NAME | SURNAME | KNOWN_PERSON | KNOWN_PLACE | KNOWN_ORGANIZATION;
const PARTS_OF_SPEECH_NEVER_NAMES = new Set(['PRON', 'DET', 'CCONJ', 'SCONJ', 'ADP']);

const is = (token: Token | undefined, flags: number) => token !== undefined && (token.flags & flags) !== 0;

/**
 * An all-caps word that reads as the acronym of a name (DEA, JCODE, CCP), not
 * a normative word (MUST, NOT), a format (MIME, XML), a label (NOTE) or a
 * word of the language shouted (AND, NEW). Country acronyms (US, UK) pass.
 */
function isAcronym(token: Token): boolean {
  if (!ACRONYM.test(token.text)) return false;
  if (is(token, COUNTRY_ACRONYM)) return true;
  return !is(token, NOT_AN_ACRONYM | CLOSED_CLASS | PRONOUN | FUNCTION_WORD | MONTH_OR_DAY);
}

/** "A" in "John A. Cassara": a single capital followed by a period. */
function isInitial(token: Token | undefined): boolean {
  return token !== undefined && /^\p{Lu}$/u.test(token.text) && PERIOD_SPACES.test(token.gapAfter);
}

const isTitle = (token: Token): boolean => is(token, TITLE | TITLE_ABBREVIATION) && !ACRONYM.test(token.text);

/** Can this word be part of a name at all? */
function isNameWord(token: Token | undefined): token is Token {
  if (!token) return false;
  // Most words are in lower case: answer them before any regular expression runs.
  const first = token.text.charCodeAt(0);
  if ((first >= 97 && first <= 122) || (first >= 48 && first <= 57)) return false;
  if (token.text.length > MAX_WORD_CHARS || !NAME_WORD.test(token.text)) return false;
  if (ACRONYM.test(token.text)) return isAcronym(token);
  if (is(token, PRONOUN)) return false;
  if (is(token, FUNCTION_WORD) && !is(token, KNOWN_NAME)) return false;
  if (is(token, MONTH_OR_DAY)) return false;
  // "D-Ariz" (a party and a state) is not a hyphenated name; "Felbab-Brown" and "Al-Assad" are;
  // "US-ASCII", "ISO-8859", "COVID-19" are codes.
  if (/^[^-]-/u.test(token.text) || /^[\p{Lu}\d]+(?:-[\p{Lu}\d]+)+$/u.test(token.text)) return false;
  // A capitalised "However" or "Their": a closed-class word alone, or as the tagger read it in context.
  if (is(token, CLOSED_CLASS) && !is(token, KNOWN_NAME)) return false;
  return !(is(token, COMMON) && PARTS_OF_SPEECH_NEVER_NAMES.has(token.pos));
}

/** Do `token` and the next word belong to one name, as far as the characters between them go? */
function joins(token: Token): boolean {
  if (token.possessive) return false;
  if (SPACES.test(token.gapAfter)) return true;
  const abbreviated = isInitial(token) || is(token, TITLE_ABBREVIATION) || PLACE_ABBREVIATIONS.has(token.bare);
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
  if (is(connector, NAME_PARTICLE) && connector.text === connector.bare) {
    if (isNameWord(tokens[at + 2])) return 1;
    // "Joris van der Linden", "Juan de la Cruz": two particles in a row.
    const second = tokens[at + 2];
    return is(second, NAME_PARTICLE) && second!.text === second!.bare && SPACES.test(second!.gapAfter) && isNameWord(tokens[at + 3]) ? 2 : 0;
  }
  if (!INSTITUTION_CONNECTORS.has(connector.text)) return 0;
  if (!is(head, ORGANIZATION_WORD) && !PLACE_HEADS_OF.has(head.bare)) return 0;
  if (isNameWord(tokens[at + 2])) return 1;
  const article = tokens[at + 2];
  return article?.text === 'the' && SPACES.test(article.gapAfter) && isNameWord(tokens[at + 3]) ? 2 : 0;
}

/** Words that may take "of" after them in a place name: "Gulf of Mexico", "Port of Manzanillo". */
const PLACE_HEADS_OF = new Set(['gulf', 'sea', 'bay', 'republic', 'kingdom', 'state', 'city', 'isle', 'island', 'cape', 'strait', 'province', 'county', 'port', 'district']);

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
    // "The Hague", "The Bahamas": a name the gazetteer only knows with its article.
    const article = tokens[first - 1];
    const withArticle = article?.text === 'The' && !article.sentenceStart && joins(article) && gazetteerFlags(`the ${tokens.slice(first, last + 1).map((t) => t.bare).join(' ')}`) !== 0;
    runs.push([withArticle ? first - 1 : first, last]);
    index = last + 1;
  }
  return runs;
}

/** Text of tokens[first..last] as a display name, whitespace collapsed, "Inc." and "Co." keeping their period. */
function displayOf(text: string, tokens: readonly Token[], first: number, last: number): { end: number; name: string } {
  const lastToken = tokens[last]!;
  const keepsPeriod = first < last && ORGANIZATION_ABBREVIATIONS.has(lastToken.bare) && text[lastToken.end] === '.';
  const end = lastToken.end + (keepsPeriod ? 1 : 0);
  return { end, name: text.slice(tokens[first]!.start, end).replace(/\s+/g, ' ') };
}

/** "Joint Criminal Opioid Darknet Enforcement (JCODE)": the acronym's letters come from the words, in order. */
function definesAcronym(tokens: readonly Token[], first: number, last: number): boolean {
  const next = tokens[last + 1];
  if (!next || !ACRONYM.test(next.text) || !/^\s*\($/.test(tokens[last]!.gapAfter) || !next.gapAfter.startsWith(')')) return false;
  const letters = next.text.replace(/[^\p{Lu}]/gu, '');
  const initials = tokens.slice(first, last + 1).map((t) => t.text[0]!.toUpperCase());
  if (letters[letters.length - 1] !== initials[initials.length - 1]) return false;
  let at = 0;
  for (const initial of initials) if (initial === letters[at]) at += 1;
  return at === letters.length;
}

/**
 * What the lower-case words just before a run say about it: "port of
 * Manzanillo" (a place for sure), "in Wuhan" (a place, unless a possessive
 * follows: "in Milgram's view"), "to"/"from" (a place if nothing else says
 * otherwise: people are sent things too).
 */
function placeCue(tokens: readonly Token[], first: number, last: number): 'port-of' | 'in' | 'to' | undefined {
  const before = tokens[first - 1];
  if (!before || before.text !== before.bare || !SPACES.test(before.gapAfter)) return undefined;
  if (before.bare === 'of') {
    const head = tokens[first - 2];
    return head && is(head, PLACE_OF_HEAD) && head.text === head.bare && SPACES.test(head.gapAfter) ? 'port-of' : undefined;
  }
  if (!is(before, PLACE_PREPOSITION) || tokens[last]!.possessive) return undefined;
  return before.bare === 'in' ? 'in' : 'to';
}

/**
 * A lower-case noun just before the name ("the newspaper De Volkskrant",
 * "her lawyer, Sophie Martens") says what kind of name it is.
 */
function roleCue(tokens: readonly Token[], first: number): CandidateType | undefined {
  const before = tokens[first - 1];
  if (!before || before.text !== before.bare || !/^,?[ \t\u00a0]{1,3}$/.test(before.gapAfter)) return undefined;
  if (is(before, ORGANIZATION_ROLE)) return 'Organization';
  if (is(before, PERSON_ROLE)) return 'Person';
  return undefined;
}

interface Typed {
  type: CandidateType;
  sure: boolean;
}

interface RunContext {
  text: string;
  tokens: readonly Token[];
  out: ChunkSpans;
}

const isMidSentence = (token: Token) => !token.sentenceStart && token.line === 'body' && !token.code;

function weak(context: RunContext, first: number, last: number): void {
  if (first > last) return;
  context.out.weak.push({ tokens: context.tokens.slice(first, last + 1).map((t) => ({ start: t.start, end: t.end, midSentence: isMidSentence(t) })) });
}

function strong(context: RunContext, first: number, last: number, typed: Typed): void {
  const { end, name } = displayOf(context.text, context.tokens, first, last);
  const head = context.tokens[first]!;
  context.out.strong.push({
    start: head.start,
    end,
    name,
    type: typed.type,
    sure: typed.sure,
    midSentence: isMidSentence(head),
    code: head.code,
  });
}

const sure = (type: CandidateType): Typed => ({ type, sure: true });
const guess = (type: CandidateType): Typed => ({ type, sure: false });

function typeOfWord(context: RunContext, index: number): Typed | undefined {
  const head = context.tokens[index]!;
  if (isAcronym(head)) return sure(is(head, COUNTRY_ACRONYM | KNOWN_PLACE) ? 'Place' : 'Organization');
  // "American", "Calif.": a people's adjective or a clipped word is not something a case tracks.
  if (is(head, DEMONYM) || /\.$/.test(head.text)) return undefined;
  if (is(head, KNOWN_PLACE)) return sure('Place');
  if (is(head, KNOWN_ORGANIZATION)) return sure('Organization');
  if (is(head, KNOWN_PERSON)) return sure('Person');
  const cue = placeCue(context.tokens, index, index);
  if (cue === 'port-of') return sure('Place');
  if (head.sentenceStart) return undefined;
  if (cue === 'in' && !is(head, COMMON | FIRST_NAME)) return sure('Place');
  if (cue === 'to' && !is(head, COMMON | FIRST_NAME | SURNAME)) return guess('Place');
  // A lone first name ("Will", "Mark") is too often an ordinary word; a surname is a person's.
  if (is(head, SURNAME) && !is(head, FIRST_NAME | COMMON)) return guess('Person');
  if (head.entity) return guess(head.entity);
  return undefined;
}

/** What kind of name tokens[first..last] is, and how sure the text makes it, or undefined when nothing says. */
function typeOfRun(context: RunContext, first: number, last: number, person: boolean): Typed | undefined {
  const { tokens } = context;
  const all = tokens.slice(first, last + 1);
  const names = all.filter((t) => isNameWord(t) && !isInitial(t));
  const head = names[0];
  if (!head) return undefined;
  if (person) return sure('Person');
  if (all.length > 1) {
    const phrase = gazetteerFlags(all.map((t) => t.bare).join(' '));
    if (phrase & KNOWN_ORGANIZATION) return sure('Organization');
    if (phrase & KNOWN_PLACE) return sure('Place');
    if (phrase & KNOWN_PERSON) return sure('Person');
  }
  if (names.length === 1) return typeOfWord(context, tokens.indexOf(head));
  if (names.every((t) => is(t, DEMONYM))) return undefined;
  const lastName = names[names.length - 1]!;
  const connectorHeads = all.filter((_, i) => INSTITUTION_CONNECTORS.has(all[i + 1]?.text ?? ''));
  if (isIndustry(names)) return undefined;
  if (is(lastName, ORGANIZATION_WORD) || connectorHeads.some((t) => is(t, ORGANIZATION_WORD))) return sure('Organization');
  if (names.every((t) => is(t, KNOWN_PLACE))) return sure('Place');
  if (is(lastName, PLACE_WORD) || connectorHeads.some((t) => PLACE_HEADS_OF.has(t.bare))) return sure('Place');
  const cue = placeCue(tokens, first, last);
  if (cue === 'port-of') return sure('Place');
  const role = roleCue(tokens, first);
  if (role) return sure(role);
  if (is(head, FIRST_NAME) && !is(head, KNOWN_PLACE)) return sure('Person');
  // "Wen Jiahui": a Chinese surname first, then a given name no dictionary has.
  if (names.length === 2 && is(head, SURNAME) && !is(lastName, COMMON | KNOWN_NAME)) return sure('Person');
  if (is(lastName, SURNAME) && !is(lastName, KNOWN_PLACE)) return sure('Person');
  // "Joris van der Linden": a lower-case particle inside a name is a person's.
  if (all.some((t) => is(t, NAME_PARTICLE) && t.text === t.bare)) return sure('Person');
  if (cue === 'in') return sure('Place');
  if (cue === 'to' && !names.some((t) => is(t, FIRST_NAME | SURNAME))) return guess('Place');
  if (definesAcronym(tokens, first, last)) return sure('Organization');
  const entity = names.find((t) => t.entity)?.entity;
  if (entity) return guess(entity);
  if (names.some((t) => is(t, KNOWN_PLACE))) return guess('Place');
  // Two or three capitalised words no dictionary knows as words: most often a person. (At a
  // sentence's start the second word's capital still proves a name.)
  if (names.length <= 3 && looksLikeAPersonsName(names)) return guess('Person');
  return undefined;
}

/**
 * Words no dictionary has as an ordinary word, save perhaps one that is not
 * the last ("Vanda Felbab-Brown"): "Pacific Meridian" and "Golden Lotus"
 * are made of words of the language, "Tomasz Wielgosz" is not.
 */
function looksLikeAPersonsName(names: readonly Token[]): boolean {
  if (names.some((t) => ACRONYM.test(t.text) || is(t, NOT_A_NAME_CLASS | ADJECTIVE_CLASS))) return false;
  const common = names.filter((t) => is(t, COMMON));
  return common.length === 0 || (common.length === 1 && common[0] !== names[names.length - 1]);
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

/** Does the run after a title read as a person's name ("Anne Milgram"), not an office ("Trade Office")? */
function looksLikeAPersonAfterTitle(tokens: readonly Token[], from: number, last: number): boolean {
  const rest = tokens.slice(from, last + 1);
  if (rest.length > 4 || rest.every((t) => ACRONYM.test(t.text))) return false;
  return !is(rest[rest.length - 1], ORGANIZATION_WORD | PLACE_WORD);
}

/**
 * "RFC 2045", "ISO 9001", "US-ASCII", "UTF-8": an acronym with a number after
 * it, or hyphened to another capitalised code, designates a document or a
 * standard, not something a case tracks.
 */
function isDesignation(context: RunContext, first: number, last: number): boolean {
  const { tokens, text } = context;
  const lastToken = tokens[last]!;
  const next = tokens[last + 1];
  if (first === last && ACRONYM.test(lastToken.text) && next && SPACES.test(lastToken.gapAfter) && /^\d/.test(next.text)) return true;
  const head = tokens[first]!;
  return (text[lastToken.end] === '-' && /[\p{Lu}\d]/u.test(text[lastToken.end + 1] ?? '')) || (text[head.start - 1] === '-' && /[\p{Lu}\d]/u.test(text[head.start - 2] ?? ''));
}

/** Emits one run as a typed name, or as weak words when the text does not vouch for it. */
function emitRun(context: RunContext, first: number, last: number, person = false): void {
  const { tokens } = context;
  const head = tokens[first]!;
  if (head.line === 'shouting' || last - first + 1 > MAX_RUN_TOKENS) return weak(context, first, last);
  if (!person && first === last && ACRONYM.test(head.text) && isDesignation(context, first, last)) return;

  if (!person) {
    // Titles: "U.S. Attorney General Merrick Garland" → "U.S." + "Merrick Garland" (a person).
    const titleAt = titleStart(tokens, first, last);
    if (titleAt !== -1) {
      let after = titleAt;
      while (after <= last && isTitle(tokens[after]!)) after += 1;
      // A title with no name after it is no one; one before a name says the name is a person's.
      if (after > last || looksLikeAPersonAfterTitle(tokens, after, last)) {
        emitTitlePrefix(context, first, titleAt - 1);
        if (after <= last) emitRun(context, after, last, true);
        return;
      }
    }
    // "Check Pacific Meridian Bank", "Officials Anne Milgram": an instruction's verb or a sentence's
    // capitalised first word is not part of the name after it.
    if (head.sentenceStart && first < last && !is(head, KNOWN_NAME)) {
      const opener = is(head, IMPERATIVE | NOT_A_NAME_CLASS) || (is(head, COMMON) && !is(head, ADJECTIVE_CLASS) && is(tokens[first + 1], FIRST_NAME));
      if (opener) {
        weak(context, first, first);
        return emitRun(context, first + 1, last);
      }
    }
  }

  const typed = typeOfRun(context, first, last, person);
  // In a title-case heading every word is capitalised: only firm evidence counts there.
  if (typed && (head.line === 'body' || typed.sure)) return strong(context, first, last, typed);
  if (head.line === 'heading' && !person && cutAtOrganizationWord(context, first, last)) return;
  weak(context, first, last);
}

/** Words of a trade, not of a name: "Chinese Pharmaceutical", "Mexican Shipping" name an industry. */
const INDUSTRY_WORDS = new Set([
  'pharmaceutical', 'pharmaceuticals', 'pharma', 'chemical', 'chemicals', 'biotech', 'biotechnology', 'trading', 'logistics', 'shipping',
  'freight', 'technology', 'technologies', 'tech', 'manufacturing', 'mining', 'energy', 'media', 'banking', 'industrial', 'industries',
  'electronics', 'textiles', 'garments', 'petroleum', 'import', 'export', 'imports', 'exports',
]);

/** A people's adjective and trade words only ("Chinese Pharmaceutical"): an industry, not an organisation. */
function isIndustry(names: readonly Token[]): boolean {
  return names.some((t) => is(t, DEMONYM)) && names.every((t) => is(t, DEMONYM) || INDUSTRY_WORDS.has(t.bare));
}

/** "Golden Lotus Trading Expands Into Asia" (a heading): the organisation ends at its company word. */
function cutAtOrganizationWord(context: RunContext, first: number, last: number): boolean {
  for (let index = last - 1; index > first; index--) {
    if (!is(context.tokens[index], ORGANIZATION_WORD)) continue;
    if (isIndustry(context.tokens.slice(first, index + 1))) return false;
    strong(context, first, index, sure('Organization'));
    weak(context, index + 1, last);
    return true;
  }
  return false;
}

/** "Gallego, Ruben" (and "Gallego, Ruben A."): a surname, a comma, then a first name and nothing more. */
function invertedName(context: RunContext, surname: [number, number], given: [number, number]): boolean {
  const { tokens } = context;
  const [sFirst, sLast] = surname;
  const [gFirst, gLast] = given;
  if (gFirst !== sLast + 1 || !COMMA_SPACES.test(tokens[sLast]!.gapAfter)) return false;
  if (tokens[sFirst]!.line !== 'body' || tokens[sLast]!.possessive || sLast - sFirst > 1) return false;
  const surnameTokens = tokens.slice(sFirst, sLast + 1);
  if (surnameTokens.some((t) => is(t, KNOWN_PLACE | KNOWN_ORGANIZATION | DEMONYM | COMMON) || ACRONYM.test(t.text) || isTitle(t) || !isNameWord(t))) return false;
  const givenTokens = tokens.slice(gFirst, gLast + 1);
  const [firstName, ...initials] = givenTokens;
  return !!firstName && is(firstName, FIRST_NAME) && initials.length <= 1 && initials.every((t) => isInitial(t));
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
      const head = tokens[run[0]]!;
      context.out.strong.push({
        start: head.start,
        end: given.end,
        name: `${given.name} ${surname}`,
        type: 'Person',
        sure: true,
        midSentence: !head.sentenceStart && !head.code,
        code: head.code,
      });
      index += 1;
      continue;
    }
    emitRun(context, run[0], run[1]);
  }
  return context.out;
}
