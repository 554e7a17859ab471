import { describe, expect, it } from 'vitest';
import { extractCandidates, type ExtractProgress } from '../../../shared/linking/extract';
import { mixedCorpus } from '../../fixtures/extraction/corpus';

/** A name that appears nowhere but in the document's last sentence. */
const ENDING = '\n\nThe last drum was signed for by Xiomara Brandvold-Quetzal in Ushuaia.';

describe('extraction reads a whole document', () => {
  it('finds a name that appears only at the very end of a 5 MB document, and reports its progress', () => {
    const text = mixedCorpus(5 * 1024 * 1024) + ENDING;
    const progress: ExtractProgress[] = [];
    const found = extractCandidates(text, { onProgress: (p) => progress.push(p) });

    const person = found.find((c) => c.name === 'Xiomara Brandvold-Quetzal');
    expect(person?.type).toBe('Person');
    expect(person?.occurrences).toEqual([{ start: text.lastIndexOf('Xiomara'), end: text.lastIndexOf('Quetzal') + 'Quetzal'.length }]);
    expect(found.find((c) => c.name === 'Ushuaia')?.type).toBe('Place');

    // Read in slices, to the last character.
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.every((p, i) => p.total === text.length && (i === 0 || p.done >= progress[i - 1]!.done))).toBe(true);
    expect(progress[progress.length - 1]).toEqual({ done: text.length, total: text.length });
  }, 120_000);
});
