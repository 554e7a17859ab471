/**
 * The entity linker: finds every mention of every entity name or alias in a
 * text, in one pass, with offsets into the original text. Pure TypeScript
 * with no Node APIs, so it runs in a Web Worker and in tests alike.
 *
 * Semantics
 * - Matching ignores case, diacritics, NFKC differences (full-width letters,
 *   ligatures), curly vs straight quotes and the kind of dash, exactly as
 *   `foldText` does; a run of whitespace in the text (newlines, NBSP…)
 *   matches one space in an alias.
 * - `start`/`end` are UTF-16 offsets into the text given to `find`:
 *   `text.slice(start, end)` is the surface that matched, including any
 *   combining marks on its last letter. A match covers whole characters:
 *   "inancial" is not found inside "ﬁnancial" (whose "ﬁ" folds to "fi").
 * - Word boundaries (see word-boundary.ts): an alias edge that is a letter or
 *   digit needs a non-letter/digit (or the text's edge) next to it, so "DEA"
 *   is found in "DEA's" and "(DEA)" but not in "IDEA" or "DEAs"; a
 *   punctuation edge ("U.S.", "$53.4 million") needs nothing, so "U.S." is
 *   found in "U.S.A." but not in "BU.S.". Han, kana, Thai, Lao, Khmer and
 *   Myanmar letters need no boundary (those scripts have no spaces).
 * - Overlaps: leftmost wins, then longest ("Sinaloa cartel" over "Sinaloa");
 *   the results never overlap and are sorted by start.
 * - Several entities with the same alias (after folding): one match per
 *   entity for that span, in the order the entities were first given. The
 *   ambiguity is data; the caller decides.
 * - Entries whose alias is empty, blank or folds to nothing are ignored, and
 *   so are repeats of an (entity, folded alias) pair.
 */
import { automatonBytes, buildAutomaton, type Automaton } from './automaton';
import { foldAlias } from './fold-char';
import { createTextClassTable, scanText, type PatternEdges } from './scan';
import { joinsWords } from './word-boundary';

export interface LinkerEntry {
  entityId: string;
  alias: string;
}

export interface LinkMatch {
  entityId: string;
  start: number;
  end: number;
}

export interface Linker {
  find(text: string): LinkMatch[];
  /** Distinct folded aliases. */
  readonly size: number;
}

/** Figures for benchmarks and diagnostics. */
export interface LinkerStats {
  patterns: number;
  states: number;
  /** States with a full transition row; the rest search their children. */
  denseStates: number;
  alphabet: number;
  typedArrayBytes: number;
}

export interface LinkerOptions {
  /**
   * Memory for full transition rows (default 32 MB); states beyond it search
   * their children instead, slower but smaller. Tests set it low to exercise
   * that path.
   */
  denseBudgetBytes?: number;
}

export function createLinker(entries: readonly LinkerEntry[], options: LinkerOptions = {}): Linker & { readonly stats: LinkerStats } {
  const patterns: string[] = [];
  const owners: string[][] = [];
  const patternIds = new Map<string, number>();
  const seen = new Set<string>();
  for (const { entityId, alias } of entries) {
    if (typeof alias !== 'string') continue;
    const key = foldAlias(alias);
    if (key === '') continue;
    const pair = `${entityId}\u0000${key}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    let id = patternIds.get(key);
    if (id === undefined) {
      id = patterns.length;
      patternIds.set(key, id);
      patterns.push(key);
      owners.push([]);
    }
    owners[id]!.push(entityId);
  }
  return new AutomatonLinker(buildAutomaton(patterns, options.denseBudgetBytes), patternEdges(patterns), owners);
}

class AutomatonLinker implements Linker {
  /** Original code unit → class, shared by every `find` on this linker. */
  private readonly table = createTextClassTable();

  constructor(
    private readonly automaton: Automaton,
    private readonly edges: PatternEdges,
    private readonly owners: readonly (readonly string[])[],
  ) {}

  get size(): number {
    return this.owners.length;
  }

  get stats(): LinkerStats {
    const a = this.automaton;
    const bytes = automatonBytes(a) + this.table.byteLength + this.edges.needsBoundaryBefore.byteLength * 2;
    return { patterns: this.size, states: a.stateCount, denseStates: a.denseCount, alphabet: a.alphabetSize, typedArrayBytes: bytes };
  }

  find(text: string): LinkMatch[] {
    if (this.owners.length === 0 || text.length === 0) return [];
    const chosen = scanText(this.automaton, this.edges, this.table, text);
    const matches: LinkMatch[] = [];
    for (let i = 0; i < chosen.length; i++) {
      const start = chosen.start(i);
      const end = chosen.end(i);
      for (const entityId of this.owners[chosen.pattern(i)]!) matches.push({ entityId, start, end });
    }
    return matches;
  }
}

function patternEdges(patterns: readonly string[]): PatternEdges {
  const needsBoundaryBefore = new Uint8Array(patterns.length);
  const needsBoundaryAfter = new Uint8Array(patterns.length);
  patterns.forEach((pattern, id) => {
    const lastUnit = pattern.charCodeAt(pattern.length - 1);
    const last = lastUnit >= 0xdc00 && lastUnit <= 0xdfff && pattern.length > 1 ? pattern.codePointAt(pattern.length - 2)! : lastUnit;
    needsBoundaryBefore[id] = joinsWords(pattern.codePointAt(0)!) ? 1 : 0;
    needsBoundaryAfter[id] = joinsWords(last) ? 1 : 0;
  });
  return { needsBoundaryBefore, needsBoundaryAfter };
}

export { foldText, nameKeysFor, searchKeysFor } from './normalize';
export { snippetAround } from './snippet';
export { foldAlias } from './fold-char';
