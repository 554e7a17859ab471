/**
 * What the extractor knows about a word on its own, as bit flags: the word
 * lists of extract-lexicon.ts, the gazetteer of names, and, for capitalised
 * words, what the tagger's lexicon makes of the word in lower case. Computed
 * once per distinct word and cached, so a 10 MB document costs a lookup per
 * word, not a fold and a dozen set probes.
 */
import * as data from './extract-gazetteer-data';
import {
  COUNTRY_ACRONYMS,
  FORMAT_NAMES,
  FUNCTION_WORDS,
  IMPERATIVES,
  MONTHS_AND_DAYS,
  NAME_PARTICLES,
  NORMATIVE_WORDS,
  NOT_NAME_ACRONYMS,
  ORGANIZATION_ROLES,
  ORGANIZATION_WORDS,
  PERSON_ROLES,
  PLACE_OF_HEADS,
  PLACE_PREPOSITIONS,
  PLACE_WORDS,
  PRONOUNS,
  TITLE_ABBREVIATIONS,
  TITLES,
} from './extract-lexicon';
import type { Pos, Tagger } from './extract-tagger';
import { foldText } from './normalize';

export const FIRST_NAME = 1 << 0;
export const SURNAME = 1 << 1;
/** A well-known person's name ("Obama"), from the gazetteer. */
export const KNOWN_PERSON = 1 << 2;
export const KNOWN_PLACE = 1 << 3;
export const KNOWN_ORGANIZATION = 1 << 4;
export const DEMONYM = 1 << 5;
export const TITLE = 1 << 6;
export const TITLE_ABBREVIATION = 1 << 7;
export const MONTH_OR_DAY = 1 << 8;
export const FUNCTION_WORD = 1 << 9;
export const PRONOUN = 1 << 10;
/** Last word of an organisation's name: "Bank", "Biotech", "Trading". */
export const ORGANIZATION_WORD = 1 << 11;
/** Last word of a place's name: "River", "Province". */
export const PLACE_WORD = 1 << 12;
/** A word of the language (the tagger's lexicon knows it in lower case), not a proper noun. */
export const COMMON = 1 << 13;
/** Alone, in lower case, a verb, adverb or function word: never the first word of a name. */
export const NOT_A_NAME_CLASS = 1 << 14;
/** Normative words, labels, formats, and short words that are no acronym of a name. */
export const NOT_AN_ACRONYM = 1 << 15;
export const IMPERATIVE = 1 << 16;
export const PLACE_PREPOSITION = 1 << 17;
export const PLACE_OF_HEAD = 1 << 18;
export const NAME_PARTICLE = 1 << 19;
export const COUNTRY_ACRONYM = 1 << 20;
/** Alone, in lower case, an adjective ("Golden"): may open a company's name. */
export const ADJECTIVE_CLASS = 1 << 21;
/** Alone, in lower case, a word of a closed class (MUST, NOT, AND, ALL): shouted, never an acronym. */
export const CLOSED_CLASS = 1 << 22;

/** A lower-case noun saying an organisation's name follows: "the newspaper De Volkskrant". */
export const ORGANIZATION_ROLE = 1 << 23;
/** A lower-case noun saying a person's name follows: "her lawyer, Sophie Martens". */
export const PERSON_ROLE = 1 << 24;

const NOT_NAME_CLASSES: ReadonlySet<Pos> = new Set(['VERB', 'ADV', 'AUX', 'ADP', 'DET', 'PRON', 'CCONJ', 'SCONJ', 'PART', 'INTJ']);
const CLOSED_CLASSES: ReadonlySet<Pos> = new Set(['AUX', 'ADP', 'DET', 'PRON', 'CCONJ', 'SCONJ', 'PART', 'INTJ']);

function gazetteer(): Map<string, number> {
  const map = new Map<string, number>();
  const add = (list: string, flag: number) => {
    for (const entry of list.split(' ')) if (entry) map.set(entry.replace(/_/g, ' '), (map.get(entry.replace(/_/g, ' ')) ?? 0) | flag);
  };
  add(data.FIRST_NAMES, FIRST_NAME);
  add(data.SURNAMES, SURNAME);
  add(data.PEOPLE, KNOWN_PERSON);
  add(data.PLACES, KNOWN_PLACE);
  add(data.ORGANIZATIONS, KNOWN_ORGANIZATION);
  add(data.DEMONYMS, DEMONYM);
  return map;
}

const GAZETTEER = gazetteer();

/** Gazetteer flags of a folded name of one or more words ("hong kong", "wuhan"). */
export const gazetteerFlags = (folded: string): number => GAZETTEER.get(folded) ?? 0;

/** The folded word without a trailing period: how every list is keyed. */
export const bareWord = (text: string): string => foldText(text).replace(/\.$/, '');

const CAPITAL = /^\p{Lu}/u;
const MAX_CACHE = 200_000;

/**
 * Flags per written word, for one tagger (the lower-case lookups are the
 * tagger's). The cache is cleared when it grows past MAX_CACHE words, so a
 * document of random tokens cannot grow it without bound.
 */
export class WordBook {
  private readonly cache = new Map<string, { bare: string; flags: number }>();

  constructor(private readonly tagger: Tagger) {}

  lookup(text: string): { bare: string; flags: number } {
    const cached = this.cache.get(text);
    if (cached) return cached;
    if (this.cache.size >= MAX_CACHE) this.cache.clear();
    const bare = bareWord(text);
    const plain = bare.replace(/\./g, '');
    let flags = gazetteerFlags(bare);
    if (TITLES.has(bare)) flags |= TITLE;
    if (TITLE_ABBREVIATIONS.has(bare)) flags |= TITLE_ABBREVIATION;
    if (MONTHS_AND_DAYS.has(bare)) flags |= MONTH_OR_DAY;
    if (FUNCTION_WORDS.has(bare)) flags |= FUNCTION_WORD;
    if (PRONOUNS.has(bare)) flags |= PRONOUN;
    if (ORGANIZATION_WORDS.has(bare)) flags |= ORGANIZATION_WORD;
    if (PLACE_WORDS.has(bare)) flags |= PLACE_WORD;
    if (IMPERATIVES.has(bare)) flags |= IMPERATIVE;
    if (PLACE_PREPOSITIONS.has(bare)) flags |= PLACE_PREPOSITION;
    if (PLACE_OF_HEADS.has(bare)) flags |= PLACE_OF_HEAD;
    if (NAME_PARTICLES.has(bare)) flags |= NAME_PARTICLE;
    if (ORGANIZATION_ROLES.has(bare)) flags |= ORGANIZATION_ROLE;
    if (PERSON_ROLES.has(bare)) flags |= PERSON_ROLE;
    if (COUNTRY_ACRONYMS.has(plain)) flags |= COUNTRY_ACRONYM;
    if (NORMATIVE_WORDS.has(plain) || FORMAT_NAMES.has(plain) || NOT_NAME_ACRONYMS.has(plain)) flags |= NOT_AN_ACRONYM;
    if (CAPITAL.test(text) && /\p{L}/u.test(plain)) {
      const alone = this.tagger.classify(plain);
      if (alone.known && alone.pos !== 'PROPN') flags |= COMMON;
      if (alone.known && NOT_NAME_CLASSES.has(alone.pos)) flags |= NOT_A_NAME_CLASS;
      if (alone.known && alone.pos === 'ADJ') flags |= ADJECTIVE_CLASS;
      if (alone.known && CLOSED_CLASSES.has(alone.pos)) flags |= CLOSED_CLASS;
    }
    // "Felbab-Brown": a double-barrelled surname is a surname if one of its halves is.
    if (bare.includes('-') && bare.split('-').some((part) => gazetteerFlags(part) & SURNAME)) flags |= SURNAME;
    const entry = { bare, flags };
    this.cache.set(text, entry);
    return entry;
  }
}
