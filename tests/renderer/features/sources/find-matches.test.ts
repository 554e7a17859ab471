import { describe, expect, it } from 'vitest';
import { MAX_FIND_MATCHES, findMatches } from '../../../../renderer/features/sources/find/find-matches';

const found = (text: string, query: string, skip = [] as { start: number; end: number }[]) => findMatches(text, query, skip).matches.map((r) => text.slice(r.start, r.end));

describe('findMatches (find within a document)', () => {
  it('finds every occurrence, ignoring case', () => {
    expect(found('Golden Lotus and GOLDEN lotus, goldenrod', 'golden lotus')).toEqual(['Golden Lotus', 'GOLDEN lotus']);
  });

  it('finds words across a line break and a word hyphenated at a line end', () => {
    const text = 'shell\ncompanies in Cyprus; the inves-\ntigation and the inves\u2010\n tigation';
    expect(found(text, 'shell companies')).toEqual(['shell\ncompanies']);
    expect(found(text, 'investigation')).toEqual(['inves-\ntigation', 'inves\u2010\n tigation']);
  });

  it('takes what is typed literally, and finds nothing for nothing', () => {
    expect(found('costs $53.4 (million) or 5314', '$53.4 (million)')).toEqual(['$53.4 (million)']);
    expect(found('a.b axb', 'a.b')).toEqual(['a.b']);
    expect(findMatches('text', '   ').matches).toEqual([]);
  });

  it('leaves out matches in text the view does not show', () => {
    const text = 'Confidential draft\nThe report.\nConfidential draft\nMore.';
    const second = text.lastIndexOf('Confidential');
    expect(found(text, 'confidential', [{ start: 0, end: 18 }])).toEqual(['Confidential']);
    expect(findMatches(text, 'confidential', [{ start: 0, end: 18 }]).matches[0]!.start).toBe(second);
  });

  it('stops counting at a limit', () => {
    const result = findMatches('ab '.repeat(MAX_FIND_MATCHES + 5), 'ab');
    expect(result.matches).toHaveLength(MAX_FIND_MATCHES);
    expect(result.capped).toBe(true);
  });
});
