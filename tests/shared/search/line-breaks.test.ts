import { describe, expect, it } from 'vitest';
import { findPhrase, phrasePattern } from '../../../shared/search/phrase';
import { buildSnippet } from '../../../shared/search/snippet';

/** A PDF's stored text: one line per printed line, words hyphenated at some line ends. */
const TEXT = 'The payments were routed through shell\ncompanies in Cyprus and Latvia, the inves-\ntigation found.';
const marked = (snippet: { text: string; highlights: [number, number][] }) => snippet.highlights.map(([s, e]) => snippet.text.slice(s, e));

describe('search across printed line breaks', () => {
  it('finds a phrase across a line break and across a word hyphenated at a line end', () => {
    expect(findPhrase(phrasePattern(['shell', 'companies']), TEXT).ranges.map(([s, e]) => TEXT.slice(s, e))).toEqual(['shell\ncompanies']);
    expect(findPhrase(phrasePattern(['the', 'investigation', 'found']), TEXT).ranges.map(([s, e]) => TEXT.slice(s, e))).toEqual(['the inves-\ntigation found']);
    // Only at a line end: a hyphen inside a line is no line break.
    expect(findPhrase(phrasePattern(['investigation']), 'the inves-tigation').found).toBe(false);
  });

  it('marks a phrase that crosses a line break as one phrase, and the jump goes to all of it', () => {
    const phrase = findPhrase(phrasePattern(['shell', 'companies']), TEXT).ranges;
    const { snippet, match } = buildSnippet(TEXT, 0, TEXT.length, new Set(['shell', 'companies']), phrase);
    expect(marked(snippet)).toEqual(['shell companies']);
    expect(TEXT.slice(...match!)).toBe('shell\ncompanies');
  });

  it('marks the words of a query that stand together in the text as one phrase, across a line break too', () => {
    const { snippet, match } = buildSnippet(TEXT, 0, TEXT.length, new Set(['shell', 'companies', 'latvia']));
    expect(marked(snippet)).toEqual(['shell companies', 'Latvia']);
    expect(TEXT.slice(...match!)).toBe('shell\ncompanies');
  });
});
