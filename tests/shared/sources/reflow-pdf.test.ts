import { beforeAll, describe, expect, it } from 'vitest';
import { parsePdf } from '../../../electron/services/import/pdf/index';
import { DEFAULT_LIMITS, type ParsedDocument } from '../../../electron/services/import/types';
import { reflowPages, reflowedText } from '../../../shared/sources/reflow';
import { CASEWORK_HEADER, printCaseworkPdf } from '../../fixtures/casework-pdf';

/** The reflow of a real PDF: printed by Chromium with a running header and footer and hyphenated lines, read by the importer. */
describe('reflowPages on an imported PDF', () => {
  let doc: ParsedDocument;
  beforeAll(async () => {
    doc = await parsePdf({ bytes: new Uint8Array(await printCaseworkPdf(3)), fileName: 'casework.pdf', limits: DEFAULT_LIMITS });
  }, 120_000);

  it('shows no running header, footer or page number, and hides exactly those lines', () => {
    expect(doc.pages).toHaveLength(3);
    // The stored text keeps them, one line each per page.
    expect(doc.text.split(CASEWORK_HEADER)).toHaveLength(4);
    const reflow = reflowPages(doc.text, doc.pages!);
    const shown = reflowedText(doc.text, reflow, 0, doc.text.length);
    expect(shown).not.toContain(CASEWORK_HEADER);
    expect(shown).not.toMatch(/Page \d of 3/);
    expect(reflow.hidden.map((r) => doc.text.slice(r.start, r.end)).sort()).toEqual([CASEWORK_HEADER, CASEWORK_HEADER, CASEWORK_HEADER, 'Page 1 of 3', 'Page 2 of 3', 'Page 3 of 3'].sort());
  });

  it('joins the lines of a paragraph and the words hyphenated at their ends, keeping real compounds', () => {
    const reflow = reflowPages(doc.text, doc.pages!);
    const paragraphs = reflowedText(doc.text, reflow, 0, doc.text.length).split('\n\n');
    expect(paragraphs[0]).toBe('Port authority payments');
    expect(paragraphs[1]).toBe(
      'The port authority investigation found that payments routed through shell companies in Cyprus and Latvia reached officials of the harbour between 2016 and 2019, according to documents reviewed by reporters.',
    );
    expect(paragraphs.some((p) => p.includes('the well-known customs broker Yuancheng Group'))).toBe(true);
    // Every paragraph is one numbered paragraph of the report (or its title and opening).
    expect(paragraphs.slice(2).every((p, i) => p.startsWith(`${i + 1}. `))).toBe(true);
    // The stored text has hyphenated line ends; none is shown.
    expect(doc.text).toMatch(/\p{L}[-\u2010]\n\p{Ll}/u);
    expect(paragraphs.join(' ')).not.toMatch(/\p{L}[-\u2010] \p{Ll}/u);
  });
});
