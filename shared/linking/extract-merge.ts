import type { CandidateType } from '../model/candidate';
import { FUNCTION_WORDS, MONTHS_AND_DAYS, NAME_SUFFIXES, PRONOUNS, TITLES } from './extract-lexicon';
import type { ChunkSpans } from './extract-spans';
import { candidateScore } from './extract-score';
import { foldText } from './normalize';

export interface Occurrence {
  start: number;
  end: number;
}

/** How much the document vouches for a name: what the review queue ranks by. */
export interface Evidence {
  /** Occurrences, weak ones (a sentence's first word, a heading) included. */
  mentions: number;
  /** Occurrences capitalised in the middle of a sentence of body text. */
  midSentence: number;
}

export interface MergedCandidate {
  name: string;
  type: CandidateType;
  key: string;
  occurrences: Occurrence[];
  evidence: Evidence;
}

/** Longest run of weak words tried as one name: "U.S. House" in "FORMER U.S. HOUSE SPEAKER". */
const MAX_WEAK_WORDS = 6;

/**
 * What makes two mentions the same name: folded (case, diacritics, curly
 * quotes), periods and apostrophes gone ("U.S." = "US"), and a person's
 * middle initials dropped ("John A. Cassara" = "John Cassara").
 */
const matchKeys = new Map<string, string>();

/** matchKey, remembered: the same names come back thousands of times in a long document. */
function cachedMatchKey(name: string): string {
  let key = matchKeys.get(name);
  if (key === undefined) {
    if (matchKeys.size > 100_000) matchKeys.clear();
    key = matchKey(name);
    matchKeys.set(name, key);
  }
  return key;
}

export function matchKey(name: string): string {
  const words = foldText(name).replace(/[.'`,]/g, '').split(/\s+/).filter(Boolean);
  // "Hubei Amarvel Biotech Co., Ltd." is "Hubei Amarvel Biotech".
  while (words.length > 2 && LEGAL_FORMS.has(words[words.length - 1]!)) words.pop();
  const full = words.filter((w) => w.length > 1);
  return (full.length >= 2 ? full : words).join(' ');
}

/** A company's legal form, written or not after its name. */
const LEGAL_FORMS = new Set(['co', 'ltd', 'inc', 'llc', 'corp', 'plc', 'limited', 'gmbh', 'ag', 'sa', 'srl', 'bv', 'nv', 'llp', 'lp', 'pte', 'pty']);

/** The folded name, as nameKeysFor folds entity names: what the store compares against. */
const storeKey = (name: string) => foldText(name).replace(/\s+/g, ' ').trim();

interface Group {
  occurrences: Map<number, number>;
  types: Map<CandidateType, number>;
  names: Map<string, number>;
  /** Starts of occurrences capitalised mid-sentence in body text. */
  midSentence: Set<number>;
  /** Occurrences on lines of code or markup. */
  code: number;
}

/** A type read from firm evidence outweighs three guesses. */
const SURE_VOTE = 3;

function mostVoted<T>(votes: Map<T, number>, preferred: readonly T[] = []): T | undefined {
  let best: T | undefined;
  let bestCount = 0;
  for (const [value, count] of votes) {
    const tieWon = count === bestCount && best !== undefined && preferred.includes(value) && (!preferred.includes(best) || preferred.indexOf(value) < preferred.indexOf(best));
    if (count > bestCount || tieWon) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/**
 * When a name's mentions vote equally ("paid to Amara Okafor", a place by its
 * preposition; "Amara Okafor confirmed", a person by its shape), a name of
 * several words is more often a person's, a single word more often a place.
 */
const tieOrder = (key: string): readonly CandidateType[] => (key.includes(' ') ? ['Person', 'Organization', 'Place'] : ['Place', 'Organization', 'Person']);

const vote = <T>(votes: Map<T, number>, value: T, weight = 1) => votes.set(value, (votes.get(value) ?? 0) + weight);

const ALL_CAPS_NAME = /^[\p{Lu}.&]+$/u;

/** Names that are never a candidate, whatever a text makes of them: "May", "He", "The", "President". */
function isNeverAName(name: string): boolean {
  if (/^[\p{Lu}.&]+$/u.test(name) && /\p{Lu}.*\p{Lu}/u.test(name)) return false; // an acronym: "US" is not "us"
  const key = storeKey(name).replace(/\.$/, '');
  if (PRONOUNS.has(key) || MONTHS_AND_DAYS.has(key) || FUNCTION_WORDS.has(key) || TITLES.has(key)) return true;
  return (name.match(/\p{L}/gu)?.length ?? 0) < 2;
}

/**
 * Collects the spans of every chunk and turns them into candidates once the
 * whole document has been read: weak words and bare surnames can only be
 * resolved against the names found anywhere in it.
 */
export class CandidateCollector {
  private readonly groups = new Map<string, Group>();
  private readonly weak: ChunkSpans['weak'] = [];

  add(spans: ChunkSpans): void {
    for (const span of spans.strong) {
      const key = cachedMatchKey(span.name);
      if (!key) continue;
      let group = this.groups.get(key);
      if (!group) {
        group = { occurrences: new Map(), types: new Map(), names: new Map(), midSentence: new Set(), code: 0 };
        this.groups.set(key, group);
      }
      if (group.occurrences.has(span.start)) continue;
      group.occurrences.set(span.start, span.end);
      vote(group.types, span.type, span.sure ? SURE_VOTE : 1);
      vote(group.names, span.name);
      if (span.midSentence) group.midSentence.add(span.start);
      if (span.code) group.code += 1;
    }
    this.weak.push(...spans.weak);
  }

  /**
   * Surname → the one person of the document with that surname. A surname
   * shared by two people ("Anne Milgram", "Paul Milgram") maps to no one:
   * "Milgram" alone could be either, so it is left out rather than guessed.
   */
  private surnames(): Map<string, Group> {
    const owners = new Map<string, Group | null>();
    for (const [key, group] of this.groups) {
      const words = key.split(' ');
      if (words.length < 2 || mostVoted(group.types, tieOrder(key)) !== 'Person') continue;
      while (words.length > 2 && NAME_SUFFIXES.has(words[words.length - 1]!)) words.pop();
      const surname = words[words.length - 1]!;
      owners.set(surname, owners.has(surname) && owners.get(surname) !== group ? null : group);
    }
    const unique = new Map<string, Group>();
    for (const [surname, group] of owners) if (group) unique.set(surname, group);
    return unique;
  }

  /** A lone surname the tagger called a person ("Obama") joins the full name when only one person has it. */
  private foldSurnamesIntoPeople(surnames: Map<string, Group>): void {
    for (const [key, group] of this.groups) {
      const owner = surnames.get(key);
      if (!owner || owner === group || mostVoted(group.types, tieOrder(key)) !== 'Person') continue;
      for (const [start, end] of group.occurrences) owner.occurrences.set(start, end);
      for (const start of group.midSentence) owner.midSentence.add(start);
      this.groups.delete(key);
    }
  }

  /** Weak words count where they spell a name found elsewhere, longest match first. */
  private resolveWeak(text: string, surnames: Map<string, Group>): void {
    for (const { tokens } of this.weak) {
      let index = 0;
      while (index < tokens.length) {
        let matched = 0;
        for (let length = Math.min(MAX_WEAK_WORDS, tokens.length - index); length >= 1 && !matched; length--) {
          const start = tokens[index]!.start;
          const end = tokens[index + length - 1]!.end;
          const key = matchKey(text.slice(start, end));
          const group = this.groups.get(key) ?? (length === 1 ? surnames.get(key) : undefined);
          if (group) {
            if (!group.occurrences.has(start)) {
              group.occurrences.set(start, end);
              if (tokens[index]!.midSentence) group.midSentence.add(start);
            }
            matched = length;
          }
        }
        index += matched || 1;
      }
    }
  }

  /**
   * An all-caps name seen mostly on lines of code, markup or mail headers
   * ("MIME-Version:", "<XML>") is syntax there, not a name.
   */
  private static mostlyCode(name: string, group: Group): boolean {
    return ALL_CAPS_NAME.test(name) && group.code * 2 >= group.occurrences.size;
  }

  /** The candidates, best evidence first (candidateScore), then by name. */
  candidates(text: string): MergedCandidate[] {
    const surnames = this.surnames();
    this.foldSurnamesIntoPeople(surnames);
    this.resolveWeak(text, surnames);
    const byKey = new Map<string, MergedCandidate>();
    for (const group of this.groups.values()) {
      const name = mostVoted(group.names);
      const type = mostVoted(group.types, tieOrder(storeKey(name ?? '')));
      if (!name || !type || isNeverAName(name) || CandidateCollector.mostlyCode(name, group)) continue;
      const key = storeKey(name);
      const occurrences = [...group.occurrences].map(([start, end]) => ({ start, end }));
      const existing = byKey.get(key);
      if (existing) {
        existing.occurrences.push(...occurrences);
        existing.evidence.mentions += occurrences.length;
        existing.evidence.midSentence += group.midSentence.size;
      } else {
        byKey.set(key, { name, type, key, occurrences, evidence: { mentions: occurrences.length, midSentence: group.midSentence.size } });
      }
    }
    const result = [...byKey.values()];
    for (const candidate of result) candidate.occurrences.sort((a, b) => a.start - b.start);
    const score = (c: MergedCandidate) => candidateScore({ ...c.evidence, sources: 1 });
    return result.sort((a, b) => score(b) - score(a) || a.name.localeCompare(b.name, 'en'));
  }
}
