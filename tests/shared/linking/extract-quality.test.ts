import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../shared/linking/extract';
import { labelledTexts, measure } from '../../fixtures/extraction/quality';

/**
 * Precision and recall on the hand-labelled texts of tests/fixtures/extraction
 * (their true names are in labels.json), so a rule change that costs names or
 * lets noise back in fails here. docs/extraction-notes.md has the figures.
 */
describe('extraction quality on the labelled texts', () => {
  const results = labelledTexts().map((labelled) => ({ labelled, quality: measure(labelled, extractCandidates(labelled.text)) }));

  it('finds the names the issue found missing, and none of the noise it found', () => {
    const report = results.find((r) => r.labelled.file === 'field-report.txt')!;
    const found = extractCandidates(report.labelled.text);
    const typeOf = (name: string) => found.find((c) => c.name === name)?.type;
    expect(typeOf('Manzanillo')).toBe('Place');
    expect(typeOf('Lázaro Cárdenas')).toBe('Place');
    expect(typeOf('Hubei Amarvel Biotech')).toBe('Organization');
    expect(typeOf('Golden Lotus Trading')).toBe('Organization');
    expect(typeOf('Wen Jiahui')).toBe('Person');
    const technical = extractCandidates(results.find((r) => r.labelled.file === 'technical-note.txt')!.labelled.text).map((c) => c.name);
    for (const noise of ['MIME', 'XML', 'NOT', 'MUST', 'SHOULD', 'MAY', 'SHALL', 'JSON', 'PDF', 'HTML', 'US', 'US-ASCII']) expect(technical).not.toContain(noise);
    expect(found.map((c) => c.name)).not.toContain('Check Pacific Meridian Bank');
  });

  it('keeps precision and recall high on every text', () => {
    for (const { labelled, quality } of results) {
      expect(quality.precision, `${labelled.file}: ${quality.falsePositives.join('; ')}`).toBeGreaterThanOrEqual(0.95);
      expect(quality.recall, `${labelled.file}: ${quality.missed.join('; ')}`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('uses a gazetteer that is what its generator writes', () => {
    expect(() => execFileSync(process.execPath, ['scripts/make-gazetteer.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
