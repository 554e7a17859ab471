import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPdfParser, parsePdf } from '../../../../electron/services/import/pdf/index';
import { DEFAULT_LIMITS, type ParseInput } from '../../../../electron/services/import/types';
import { onePagePdf, stream, textContent } from '../../../fixtures/make-pdf';

/**
 * What real PDFs hold beyond their printed text, and the quirks of real
 * files: form fields and comments, glyph codes as spaces, a header after
 * junk, a missing end marker, attachments-only encryption. Files from
 * pdf.js's test corpus are in tests/fixtures/pdf/pdfjs/ (Apache-2.0); the
 * others are written object by object (tests/fixtures/make-pdf.ts).
 */
const PDFJS = join(process.cwd(), 'tests/fixtures/pdf/pdfjs');
const pdfjsFixture = async (name: string) => new Uint8Array(await readFile(join(PDFJS, name)));
const input = (bytes: Uint8Array, fileName = 'doc.pdf'): ParseInput => ({ bytes, fileName, limits: DEFAULT_LIMITS });
/** Without OCR: these files have text, and the tests are about reading it. */
const parseWithoutOcr = createPdfParser({ ocr: false, workerScript: null });
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** A filled certificate: a text field (with its appearance), a checkbox, a text box, a sticky note with its pop-up, a stamp, a link. */
function filledForm(options: { printed?: string[] } = {}) {
  return onePagePdf({
    content: textContent(options.printed ?? ['Certificate of insurance', 'Name of the insured:']),
    annots: [6, 8, 9, 11, 12, 13, 14],
    acroForm: '<< /Fields [6 0 R 8 0 R] >>',
    extra: [
      // 6: a text field, its tooltip the label people read.
      '<< /Type /Annot /Subtype /Widget /FT /Tx /T (insured_name) /TU (Name of the insured) /V (Margaret Holloway) /Rect [220 690 500 710] /F 4 /P 3 0 R /DA (/F1 12 Tf 0 g) /AP << /N 7 0 R >> >>',
      stream('/Type /XObject /Subtype /Form /BBox [0 0 280 20] /Resources << /Font << /F1 4 0 R >> >>', '/Tx BMC BT /F1 12 Tf 2 5 Td (Margaret Holloway) Tj ET EMC'),
      // 8: a ticked checkbox.
      '<< /Type /Annot /Subtype /Widget /FT /Btn /T (premium_paid) /TU (Premium paid) /V /Yes /AS /Yes /Rect [72 650 86 664] /F 4 /P 3 0 R /AP << /N << /Yes 10 0 R /Off 10 0 R >> >> >>',
      // 9: a text box typed on the page.
      '<< /Type /Annot /Subtype /FreeText /Rect [72 600 400 620] /F 4 /Contents (Checked against the ledger) /T (Inspector Ruiz) /DA (/F1 10 Tf 0 g) >>',
      stream('/Type /XObject /Subtype /Form /BBox [0 0 14 14]', '0 0 14 14 re S'),
      // 11: a sticky note, 12 its pop-up (which repeats it).
      '<< /Type /Annot /Subtype /Text /Rect [420 600 440 620] /F 4 /Contents (Call the broker on Monday) /T (J. Okafor) /Popup 12 0 R >>',
      '<< /Type /Annot /Subtype /Popup /Rect [450 500 600 600] /Parent 11 0 R /Contents (Call the broker on Monday) >>',
      // 13: a stamp with a comment; 14: a link, which says nothing.
      '<< /Type /Annot /Subtype /Stamp /Rect [300 400 500 450] /F 4 /Name /Approved /Contents (Approved for payment) /T (Clerk) >>',
      '<< /Type /Annot /Subtype /Link /Rect [72 300 200 320] /A << /S /URI /URI (https://example.org/) >> >>',
    ],
  });
}

describe('PDF form fields and annotations', () => {
  it('imports filled fields, text boxes, notes and stamps into the page text, each marked as what it is', async () => {
    const doc = await parseWithoutOcr(input(filledForm()));
    expect(doc.text).toBe(
      [
        'Certificate of insurance',
        'Name of the insured:',
        '[Form field “Name of the insured”] Margaret Holloway',
        '[Form field “Premium paid”] ☒',
        '[Text box, Inspector Ruiz] Checked against the ledger',
        '[Note, J. Okafor] Call the broker on Monday',
        '[Stamp, Clerk] Approved for payment',
      ].join('\n'),
    );
    expect(doc.pages).toEqual([{ start: 0, end: doc.text.length }]);
    expect(doc.metadata.annotations).toBe('5');
  });

  it('imports a file whose only text is in its fields, instead of calling it a scan', async () => {
    const doc = await parseWithoutOcr(input(filledForm({ printed: [] })));
    expect(doc.text.split('\n')[0]).toBe('[Form field “Name of the insured”] Margaret Holloway');
    // With OCR on (the default), the blank page adds nothing and the fields are still there.
    const withOcr = await parsePdf(input(filledForm({ printed: [] })));
    expect(withOcr.text).toBe(doc.text);
  }, 120_000);

  it('does not repeat a field whose value the page already prints (a flattened form)', async () => {
    const doc = await parseWithoutOcr(input(filledForm({ printed: ['Certificate of insurance', 'Name of the insured: Margaret Holloway'] })));
    expect(doc.text).not.toContain('[Form field “Name of the insured”]');
    expect(doc.text).toContain('[Note, J. Okafor] Call the broker on Monday');
  });

  it('keeps the words of pdf.js’s issue18036.pdf, whose text is nearly all in one form field', async () => {
    const doc = await parseWithoutOcr(input(await pdfjsFixture('issue18036.pdf'), 'issue18036.pdf'));
    expect(doc.text).toContain('[Form field “cert_content_0”] This certificate or verification of insurance is not an insurance policy');
    expect(doc.text).toContain('This Certificate cancels and supersedes any previously issued Certificates.');
    // The printed text alone is 6 words ("SAV CERT - 4/12/2024"); the field holds 87 more.
    expect(words(doc.text).length).toBeGreaterThan(90);
  });
});

describe('PDF text quality', () => {
  it('reads control characters used as spaces as spaces (as in pdf.js’s TAMReview.pdf), and drops text that is nothing but glyph codes', async () => {
    const doc = await parseWithoutOcr(input(onePagePdf({ content: textContent(['Perceived\\002Ease\\002of\\002Use', '\\002\\003\\004\\005\\003\\006\\004\\007', 'Actual\\002System\\002Use']) })));
    expect(doc.text).toBe('Perceived Ease of Use\nActual System Use');
  });

  it('accepts a %PDF- header after junk in the first 1024 bytes', async () => {
    const junk = 'From: scanner@example.org\r\nSubject: scan\r\n\r\n'.padEnd(900, '.');
    const doc = await parseWithoutOcr(input(onePagePdf({ content: textContent(['Ledger page one']), junk })));
    expect(doc.text).toBe('Ledger page one');
  });

  it('accepts a file without %%EOF when pdf.js reads every page', async () => {
    const bytes = onePagePdf({ content: textContent(['The end marker is missing']), withoutEnd: true });
    expect(Buffer.from(bytes).includes('%%EOF')).toBe(false);
    const doc = await parseWithoutOcr(input(bytes, 'no-end.pdf'));
    expect(doc.text).toBe('The end marker is missing');
  });

  it('opens a PDF whose only encrypted part is its attachment (pdf.js’s encrypted-attachment.pdf)', async () => {
    const doc = await parseWithoutOcr(input(await pdfjsFixture('encrypted-attachment.pdf'), 'encrypted-attachment.pdf'));
    expect(doc.text).toBe('Example');
  });

  it('never ends a message with pdf.js’s own wording, which it keeps for the log', async () => {
    const bytes = Buffer.from(onePagePdf({ content: textContent(['x']) }));
    // The catalog reference points nowhere: pdf.js says "Invalid Root reference."
    const broken = new Uint8Array(Buffer.from(bytes.toString('latin1').replace('/Root 1 0 R', '/Root 9 0 R'), 'latin1'));
    const error = await parseWithoutOcr(input(broken, 'broken.pdf')).then(
      () => null,
      (e: unknown) => e as { code: string; message: string; detail?: string },
    );
    expect(error).toMatchObject({ code: 'corrupt', message: 'broken.pdf: damaged PDF — its structure could not be read' });
    expect(error!.detail).toMatch(/Root/);
  });
});
