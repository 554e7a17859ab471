import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Candidate, candidateScore, extractCandidates } from '../../../shared/linking/extract';
import { foldText } from '../../../shared/linking/normalize';

const article = readFileSync(fileURLToPath(new URL('../../../shared/seed/fentanyl-article.txt', import.meta.url)), 'utf8');
const found = extractCandidates(article);

const byName = (candidates: readonly Candidate[], name: string) => candidates.find((c) => c.key === foldText(name));
/** Words as names are compared: periods and apostrophes dropped, so "US" is a word of "U.S.". */
const words = (value: string) => foldText(value).replace(/[.'`]/g, '').split(/[^\p{L}\p{N}-]+/u).filter(Boolean);

/** Every occurrence is text naming the candidate: each of its words is one of the name's words. */
function expectOffsetsRight(text: string, candidates: readonly Candidate[]) {
  for (const candidate of candidates) {
    const nameWords = new Set(words(candidate.name));
    expect(candidate.occurrences.length).toBeGreaterThan(0);
    for (const { start, end } of candidate.occurrences) {
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(text.length);
      const written = text.slice(start, end);
      expect(written.trim()).toBe(written);
      for (const word of words(written)) expect(nameWords, `${written} in ${candidate.name}`).toContain(word);
    }
  }
}

describe('extractCandidates on the seed article', () => {
  it('finds the people it names, surnames counted with the full name', () => {
    for (const name of ['Anne Milgram', 'Merrick Garland', 'Wang Wenbin', 'Nancy Pelosi', 'Vanda Felbab-Brown']) {
      expect(byName(found, name)?.type, name).toBe('Person');
    }
    expect(byName(found, 'Anne Milgram')!.occurrences).toHaveLength(2); // "Anne Milgram", then "Milgram emphasized"
    expect(byName(found, 'Vanda Felbab-Brown')!.occurrences.length).toBeGreaterThanOrEqual(3);
    const cassara = found.find((c) => c.key.endsWith('cassara'));
    expect(cassara?.type).toBe('Person');
    expect(cassara!.occurrences.length).toBeGreaterThanOrEqual(3);
    expect(found.some((c) => c.key === 'brown' || c.key === 'milgram' || c.key === 'cassara')).toBe(false);
  });

  it('finds agencies and organisations, acronyms included', () => {
    for (const name of ['DEA', 'DOJ', 'CCP', 'Chinese Communist Party', 'House Appropriations Committee', 'Yuancheng Group']) {
      expect(byName(found, name)?.type, name).toBe('Organization');
    }
    expect(byName(found, 'CCP')!.occurrences.length).toBeGreaterThanOrEqual(10);
  });

  it('finds countries and cities, possessives stripped', () => {
    for (const name of ['Mexico', 'China', 'United States', 'Taiwan', 'Wuhan', 'Sinaloa', 'Jalisco']) {
      expect(byName(found, name)?.type, name).toBe('Place');
    }
    // "China’s Dual Enforcement Standard" and "controls China’s internet" are China.
    expect(byName(found, 'China')!.occurrences.length).toBeGreaterThanOrEqual(8);
    expect(found.some((c) => /['’]s$/u.test(c.name))).toBe(false);
  });

  it('proposes no pronoun, month, function word or sentence opener', () => {
    const never = ['he', 'she', 'it', 'they', 'we', 'us', 'i', 'may', 'march', 'april', 'august', 'monday', 'the', 'however', 'officials', 'prosecutors', 'fentanyl', 'president', 'also', 'in', 'on'];
    for (const key of never) expect(found.map((c) => c.key)).not.toContain(key);
    expect(found.some((c) => /^the\s/i.test(c.name))).toBe(false);
    expect(found.every((c) => c.name.length <= 80)).toBe(true);
  });

  it('gives offsets of what was written for every occurrence', () => {
    expectOffsetsRight(article, found);
    const us = byName(found, 'U.S.')!;
    expect(us.type).toBe('Place');
    expect(us.occurrences.map((o) => article.slice(o.start, o.end))).toContain('US'); // the headline's "US" is the body's "U.S."
  });

  it('sorts by the evidence score, then name', () => {
    const score = (c: Candidate) => candidateScore({ ...c.evidence, sources: 1 });
    for (let i = 1; i < found.length; i++) {
      const [a, b] = [found[i - 1]!, found[i]!];
      expect(score(a) > score(b) || (score(a) === score(b) && a.name.localeCompare(b.name, 'en') <= 0)).toBe(true);
    }
  });

  it('keys are folded names, unique', () => {
    for (const c of found) expect(c.key).toBe(foldText(c.name).replace(/\s+/g, ' ').trim());
    expect(new Set(found.map((c) => c.key)).size).toBe(found.length);
  });
});

describe('extractCandidates on names in other shapes', () => {
  it('turns "Last, First" round and merges it with "First Last"', () => {
    const text = 'Sen. Ruben Gallego spoke first. Witnesses: Gallego, Ruben (D-Ariz.); later Gallego left.';
    const result = extractCandidates(text);
    const gallego = byName(result, 'Ruben Gallego')!;
    expect(gallego.type).toBe('Person');
    expect(gallego.occurrences.map((o) => text.slice(o.start, o.end))).toEqual(['Ruben Gallego', 'Gallego, Ruben', 'Gallego']);
    expect(result.map((c) => c.key)).not.toContain('gallego');
    expectOffsetsRight(text, result);
  });

  it('drops possessives, leading "the" and titles', () => {
    const text = "Mexico's army and Mexico’s navy met the Sinaloa cartel. The Sinaloa Cartel denied it. Dr. Jane Doe and President Joe Biden spoke.";
    const result = extractCandidates(text);
    expect(byName(result, 'Mexico')!.occurrences.map((o) => text.slice(o.start, o.end))).toEqual(['Mexico', 'Mexico']);
    expect(byName(result, 'Sinaloa')?.type).toBe('Place'); // lower-case "cartel" is a description, not part of the name
    expect(byName(result, 'Sinaloa Cartel')?.type).toBe('Organization');
    expect(byName(result, 'Jane Doe')?.type).toBe('Person');
    expect(byName(result, 'Joe Biden')?.type).toBe('Person');
    expect(result.some((c) => /^(the|dr|president)\b/i.test(c.name))).toBe(false);
    expectOffsetsRight(text, result);
  });

  it('merges case and diacritic variants', () => {
    const text = 'José Gómez was arrested in Culiacán. Jose Gomez denied it.';
    const result = extractCandidates(text);
    const people = result.filter((c) => c.type === 'Person');
    expect(people).toHaveLength(1);
    expect(people[0]!.occurrences).toHaveLength(2);
  });

  it('leaves a surname shared by two people to neither', () => {
    const text = 'Anne Milgram met Paul Milgram in Boston. Later, Milgram said nothing.';
    const result = extractCandidates(text);
    expect(byName(result, 'Anne Milgram')!.occurrences).toHaveLength(1);
    expect(byName(result, 'Paul Milgram')!.occurrences).toHaveLength(1);
  });

  it('does not propose from all-caps headings, but counts names confirmed in the body', () => {
    const text = 'BREAKING NEWS: CARTEL BOSSES MEET IN SECRET\n\nMEXICO SEIZES RECORD HAUL\n\nOfficials in Mexico said the haul was large.';
    const result = extractCandidates(text);
    expect(result.map((c) => c.name)).toEqual(['Mexico']);
    expect(result[0]!.occurrences.map((o) => text.slice(o.start, o.end))).toEqual(['MEXICO', 'Mexico']);
  });

  it('keeps only titles, months and lone common words out', () => {
    const text = 'President. However, on Monday, May 5, They said The Officials would meet in June. He agreed.';
    expect(extractCandidates(text)).toEqual([]);
  });


});

describe('extractCandidates on hostile input', () => {
  it('never throws and returns sane offsets', () => {
    let seed = 7;
    let binary = '';
    for (let i = 0; i < 50_000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      binary += String.fromCharCode(seed % 65536);
    }
    const inputs = [
      '',
      ' \n\n\t ',
      binary,
      '\u0000\u0001\uD800\uDFFF\uFFFE Anne Milgram \uD83D',
      'A'.repeat(300_000),
      'x'.repeat(300_000),
      '😀 Ünïcödé 👩‍👩‍👧 '.repeat(2_000),
      'مرحبا بالعالم Anne Milgram שלום עולם '.repeat(200),
      'Mr. '.repeat(2_000),
      "'s 's ’s ".repeat(1_000),
    ];
    for (const input of inputs) {
      const result = extractCandidates(input);
      expect(Array.isArray(result)).toBe(true);
      for (const candidate of result) {
        for (const { start, end } of candidate.occurrences) {
          expect(0 <= start && start < end && end <= input.length).toBe(true);
        }
      }
    }
  }, 60_000); // about 2 s on a quiet machine; the margin is for a loaded CI box

  it('finds names in right-to-left and emoji-laden text at the right offsets', () => {
    const text = 'שלום 😀 Anne Milgram 👩‍👩‍👧 visited Mexico. مرحبا';
    const result = extractCandidates(text);
    expect(byName(result, 'Anne Milgram')).toBeDefined();
    expectOffsetsRight(text, result);
  });
});
