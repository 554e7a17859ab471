import { describe, expect, it } from 'vitest';
import { cleanQuote, reflowedText, reflowPages, type Reflow } from '../../../shared/sources/reflow';
import type { TextRange } from '../../../shared/model/source';

/** A PDF's stored text as the importer writes it: one line per printed line, a blank line between pages. */
function paged(pages: string[][]): { text: string; pages: TextRange[] } {
  let text = '';
  const ranges: TextRange[] = [];
  pages.forEach((lines, i) => {
    if (i > 0) text += '\n\n';
    const start = text.length;
    text += lines.join('\n');
    ranges.push({ start, end: text.length });
  });
  return { text, pages: ranges };
}

/** What the reflowed view shows: each paragraph's pieces with their joiners, whitespace as the browser collapses it. */
function shown(text: string, reflow: Reflow): string[] {
  return reflow.blocks.map((b) => b.pieces.map((p) => p.joiner + text.slice(p.start, p.end)).join('').replace(/\s+/g, ' '));
}

const HEADER = 'Harbour Investigations — Confidential draft';
const PLACES = ['Cyprus', 'Latvia', 'Riga', 'Limassol', 'Tallinn'];
/** Two paragraphs of a page, in words of its own (real pages do not repeat their body text). */
const body = (n: number) => [
  `The ${PLACES[n]} paragraph opens here and runs across several printed lines`,
  `of the page, as reports from ${PLACES[n]} do, until it reaches the end of all`,
  `it says about ${PLACES[n]}.`,
  `A second ${PLACES[n]} paragraph follows on the next line with words that fill`,
  `its line and the ${PLACES[n]} line.`,
];

describe('reflowPages', () => {
  it('leaves out running headers, footers and page numbers that repeat on most pages', () => {
    const doc = paged([1, 2, 3, 4].map((n) => [HEADER, ...body(n), `Page ${n} of 4`]));
    const reflow = reflowPages(doc.text, doc.pages);
    const all = shown(doc.text, reflow).join('\n');
    expect(all).not.toContain('Confidential draft');
    expect(all).not.toMatch(/Page \d of 4/);
    expect(reflow.hidden.map((r) => doc.text.slice(r.start, r.end))).toEqual([1, 2, 3, 4].flatMap((n) => [HEADER, `Page ${n} of 4`]));
  });

  it('finds a header whatever order the lines came in, and bare or roman page numbers', () => {
    const doc = paged([
      [...body(1), HEADER, '1'],
      ['ii', ...body(2), HEADER],
      [...body(3), '3', HEADER],
    ]);
    const reflow = reflowPages(doc.text, doc.pages);
    expect(reflow.hidden.map((r) => doc.text.slice(r.start, r.end))).toEqual([HEADER, '1', 'ii', HEADER, '3', HEADER]);
  });

  it('hides nothing in a one-page document, and no body line that repeats away from the page edges', () => {
    const single = paged([[HEADER, ...body(1), 'Page 1 of 1']]);
    expect(reflowPages(single.text, single.pages).hidden).toEqual([]);
    const middle = 'The same sentence in the middle.';
    const doc = paged([1, 2, 3].map((n) => [...body(n), middle, ...body(n + 1)]));
    expect(shown(doc.text, reflowPages(doc.text, doc.pages)).join('\n')).toContain(middle);
  });

  it('joins lines into paragraphs and breaks after a short line that ends a sentence', () => {
    const doc = paged([body(1)]);
    expect(shown(doc.text, reflowPages(doc.text, doc.pages))).toEqual([
      body(1).slice(0, 3).join(' '),
      body(1).slice(3).join(' '),
    ]);
  });

  it('starts a paragraph at a heading and at a list item', () => {
    const doc = paged([
      [
        'Port authority payments',
        'The investigation found that payments routed through shell companies',
        'reached officials between 2016 and 2019 according to the documents.',
        '• a first item that is long enough to look like a line of its own',
        '• a second item',
        '2. a numbered item',
      ],
    ]);
    expect(shown(doc.text, reflowPages(doc.text, doc.pages))).toEqual([
      'Port authority payments',
      'The investigation found that payments routed through shell companies reached officials between 2016 and 2019 according to the documents.',
      '• a first item that is long enough to look like a line of its own',
      '• a second item',
      '2. a numbered item',
    ]);
  });

  it('joins a word hyphenated at a line end, keeping a compound the text writes with a hyphen', () => {
    const doc = paged([
      [
        'The well-known brokers said the investigation of the port inves-',
        'tigation continued through accountants and regulators who were well-',
        'known to the inspectors of the harbour and its many ware‐',
        'houses, and a soft hyphen\u00ad',
        'here.',
      ],
    ]);
    const reflow = reflowPages(doc.text, doc.pages);
    expect(shown(doc.text, reflow)).toEqual([
      'The well-known brokers said the investigation of the port investigation continued through accountants and regulators who were well-known to the inspectors of the harbour and its many warehouses, and a soft hyphenhere.',
    ]);
  });

  it('carries a paragraph across a page break, past the footer and the next header', () => {
    const doc = paged([
      [HEADER, 'The payments were routed through shell companies in Cyprus and Latvia and', 'then reached the port authority through a broker in', 'Page 1 of 3'],
      [HEADER, 'Riga, who kept the receipts in a ledger the reporters have seen in full', 'and in order.', 'Page 2 of 3'],
      [HEADER, 'A last page.', 'Page 3 of 3'],
    ]);
    const reflow = reflowPages(doc.text, doc.pages);
    expect(shown(doc.text, reflow)).toEqual([
      'The payments were routed through shell companies in Cyprus and Latvia and then reached the port authority through a broker in Riga, who kept the receipts in a ledger the reporters have seen in full and in order.',
      'A last page.',
    ]);
    expect(reflow.blocks[0]!.page).toBe(1);
    expect(reflow.blocks[1]!.page).toBe(3);
  });

  it('keeps every piece a range of the stored text, in order, and hides nothing but running lines and joined hyphens', () => {
    const doc = paged([1, 2, 3].map((n) => [HEADER, ...body(n), `The ${PLACES[n]} inves-`, `tigation ends in ${PLACES[n]}.`, ...body(n + 1), `${n}`]));
    const reflow = reflowPages(doc.text, doc.pages);
    let at = 0;
    const covered: boolean[] = new Array<boolean>(doc.text.length).fill(false);
    for (const block of reflow.blocks) {
      for (const piece of block.pieces) {
        expect(piece.start).toBeGreaterThanOrEqual(at);
        expect(piece.end).toBeGreaterThan(piece.start);
        for (let i = piece.start; i < piece.end; i++) covered[i] = true;
        at = piece.end;
      }
    }
    for (const r of reflow.hidden) for (let i = r.start; i < r.end; i++) covered[i] = true;
    // What is neither shown nor a running line: line breaks between pieces, and the hyphens joined back.
    const rest = [...doc.text].filter((_, i) => !covered[i]).join('').replace(/\s/g, '');
    expect(rest).toBe('---');
  });
});

describe('reflowedText (a quote as the reflowed view reads it)', () => {
  const doc = paged([
    [HEADER, 'The payments were routed through shell companies in Cyprus and Latvia and', 'then reached the port authority through a broker inves-', 'Page 1 of 2'],
    [HEADER, 'tigated by the police, who kept the receipts and the accounts of the port in', 'a ledger.', 'A new paragraph.', 'Page 2 of 2'],
  ]);
  const reflow = reflowPages(doc.text, doc.pages);

  it('reads a quote across a line break, a hyphen, a footer and a header as one paragraph', () => {
    const start = doc.text.indexOf('shell companies');
    const end = doc.text.indexOf(', who kept');
    expect(reflowedText(doc.text, reflow, start, end)).toBe('shell companies in Cyprus and Latvia and then reached the port authority through a broker investigated by the police');
  });

  it('keeps paragraphs apart, and cuts at the range inside a piece', () => {
    const start = doc.text.indexOf('accounts');
    const end = doc.text.indexOf('paragraph.') + 'paragraph'.length;
    expect(reflowedText(doc.text, reflow, start, end)).toBe('accounts of the port in a ledger.\n\nA new paragraph');
  });

  it('reads a range of hidden text as its own words', () => {
    const start = doc.text.indexOf('Confidential');
    expect(reflowedText(doc.text, reflow, start, start + 'Confidential draft'.length)).toBe('Confidential draft');
  });
});

describe('cleanQuote', () => {
  it('makes one paragraph of a quote taken across line breaks, joining hyphenated words', () => {
    expect(cleanQuote('payments routed through shell com-\npanies in  Cyprus\nand Latvia')).toBe('payments routed through shell companies in Cyprus and Latvia');
    expect(cleanQuote('the inves\u2010\ntigation')).toBe('the investigation');
  });

  it('keeps a hyphen the quote writes elsewhere, a hyphen before a capital, and paragraphs', () => {
    expect(cleanQuote('well-known brokers, well-\nknown to all')).toBe('well-known brokers, well-known to all');
    expect(cleanQuote('Sino-\nAmerican trade')).toBe('Sino- American trade');
    expect(cleanQuote('First paragraph\nends.\n\nSecond one.')).toBe('First paragraph ends.\n\nSecond one.');
  });
});
