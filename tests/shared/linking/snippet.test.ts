import { describe, expect, it } from 'vitest';
import { snippetAround } from '../../../shared/linking/snippet';

const words = (n: number, prefix = 'w') => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');
const before = words(40, 'before');
const after = words(40, 'after');
const text = `${before} Anne Milgram ${after}`;
const start = text.indexOf('Anne Milgram');
const end = start + 'Anne Milgram'.length;

/** The snippet without its ellipses, as the words it shows. */
const body = (snippet: string) => snippet.replace(/^… /, '').replace(/ …$/, '');
const wordsOf = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

describe('snippetAround', () => {
  it('contains the range', () => {
    expect(snippetAround(text, start, end)).toContain('Anne Milgram');
    expect(snippetAround(text, start, end, 5)).toContain('Anne Milgram');
  });

  it('keeps about `radius` characters either side', () => {
    const snippet = snippetAround(text, start, end, 30);
    expect(snippet.length).toBeLessThanOrEqual(30 + 'Anne Milgram'.length + 30 + 4);
    expect(snippet.length).toBeGreaterThan('Anne Milgram'.length + 20);
  });

  it('cuts only at word boundaries', () => {
    const all = wordsOf(text);
    for (const radius of [7, 13, 30, 55, 80]) {
      for (const w of body(snippetAround(text, start, end, radius)).split(' ')) expect(all.has(w), `radius ${radius}: “${w}”`).toBe(true);
    }
  });

  it('shows ellipses on both sides when cut on both sides, and is read in order', () => {
    const snippet = snippetAround(text, start, end, 30);
    expect(snippet.startsWith('… ')).toBe(true);
    expect(snippet.endsWith(' …')).toBe(true);
    expect(text).toContain(body(snippet));
  });

  it('has no ellipses when the whole text fits', () => {
    expect(snippetAround('Anne Milgram said so.', 0, 12)).toBe('Anne Milgram said so.');
    expect(snippetAround(text, start, end, 10_000)).toBe(text);
  });

  it('has no leading ellipsis for a range at the very start', () => {
    const snippet = snippetAround(text, 0, 'before0'.length, 20);
    expect(snippet.startsWith('before0 ')).toBe(true);
    expect(snippet.endsWith(' …')).toBe(true);
  });

  it('has no trailing ellipsis for a range at the very end', () => {
    const snippet = snippetAround(text, text.length - 'after39'.length, text.length, 20);
    expect(snippet.endsWith(' after39')).toBe(true);
    expect(snippet.startsWith('… ')).toBe(true);
  });

  it('collapses runs of whitespace and newlines into single spaces', () => {
    const messy = 'Working theory:\n\n  the   cartels\tin\n Sinaloa   and Jalisco.\n\n';
    const s = messy.indexOf('Sinaloa');
    expect(snippetAround(messy, s, s + 7)).toBe('Working theory: the cartels in Sinaloa and Jalisco.');
  });

  it('handles an empty range and an empty text', () => {
    expect(snippetAround('', 0, 0)).toBe('');
    expect(snippetAround('one two three', 4, 4)).toBe('one two three');
  });

  // Note text separates blocks with "\n\n" and hard breaks with "\n": a list of
  // short items has no spaces at all near the cut.
  it('cuts at word boundaries when words are separated by newlines, not spaces', () => {
    const list = `${words(30, 'item').replace(/ /g, '\n\n')}\n\nWuhan\n\n${words(30, 'next').replace(/ /g, '\n\n')}`;
    const s = list.indexOf('Wuhan');
    const all = wordsOf(list);
    const snippet = snippetAround(list, s, s + 5, 20);
    expect(snippet).toContain('Wuhan');
    for (const w of body(snippet).split(' ')) expect(all.has(w), `“${w}” in ${JSON.stringify(snippet)}`).toBe(true);
  });
});
