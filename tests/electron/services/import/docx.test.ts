import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseDocx } from '../../../../electron/services/import/docx';
import { ImportError } from '../../../../electron/services/import/errors';
import { DEFAULT_LIMITS, type ImportLimits, type ParsedDocument } from '../../../../electron/services/import/types';
import { htmlText } from '../../../../shared/sources/html-text';

// ---------------------------------------------------------------------------
// DOCX fixtures, written as Word lays a package out (no docx-writing library
// is installed): content types, package and document relationships, styles
// with built-in heading names, numbering, an external hyperlink, core
// properties.

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text: string, bold = false) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const p = (inner: string, style?: string, num?: { id: number; level: number }) =>
  `<w:p>${style || num ? `<w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${num ? `<w:numPr><w:ilvl w:val="${num.level}"/><w:numId w:val="${num.id}"/></w:numPr>` : ''}</w:pPr>` : ''}${inner}</w:p>`;
const cell = (text: string) => `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>${p(run(text))}</w:tc>`;
const table = (rows: string[][]) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>${rows
    .map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`)
    .join('')}</w:tbl>`;

const FULL_BODY = [
  p(run('Shipments through 武汉'), 'Heading1'),
  p(`${run('The café on the corner kept a ledger. See ')}<w:hyperlink r:id="rIdLink1">${run('the registry')}</w:hyperlink>${run(' for details.')}`),
  p(run('Findings'), 'Heading2'),
  p(run('First crate'), 'ListParagraph', { id: 1, level: 0 }),
  p(run('Second crate', true), 'ListParagraph', { id: 1, level: 0 }),
  p(run('Step one'), 'ListParagraph', { id: 2, level: 0 }),
  table([
    ['Date', 'Weight'],
    ['2021-03-04', '12 kg'],
  ]),
  p(run('Signed, Zoë.')),
].join('');

interface Fixture {
  body?: string;
  core?: string | null;
  extra?: Record<string, string>;
  level?: 0 | 6 | 9;
}

const CORE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Port ledger, 2021</dc:title><dc:subject>Shipping records</dc:subject><dc:creator>Anaïs Dubois</dc:creator>
<cp:lastModifiedBy>王伟</cp:lastModifiedBy>
<dcterms:created xsi:type="dcterms:W3CDTF">2021-03-04T09:15:00Z</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">2021-03-05T17:00:00+01:00</dcterms:modified>
</cp:coreProperties>`;

function docxFiles({ body = FULL_BODY, core = CORE, extra = {} }: Fixture = {}): Record<string, string> {
  return {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${R_NS}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${R_NS}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="${R_NS}/numbering" Target="numbering.xml"/>
<Relationship Id="rIdLink1" Type="${R_NS}/hyperlink" Target="https://registry.example.org/ledger?id=7" TargetMode="External"/>
<Relationship Id="rIdBad" Type="${R_NS}/hyperlink" Target="javascript:alert(1)" TargetMode="External"/>
<Relationship Id="rIdImg" Type="${R_NS}/image" Target="media/image1.png"/>
</Relationships>`,
    'word/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>`,
    'word/numbering.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W_NS}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
    ...(core === null ? {} : { 'docProps/core.xml': core }),
    ...extra,
  };
}

function makeDocx(fixture: Fixture = {}, binary: Zippable = {}): Uint8Array {
  const files: Zippable = { ...binary };
  for (const [name, xml] of Object.entries(docxFiles(fixture))) files[name] = strToU8(xml);
  return zipSync(files, { level: fixture.level ?? 6 });
}

const limits = (overrides: Partial<ImportLimits> = {}): ImportLimits => ({ ...DEFAULT_LIMITS, ...overrides });
const parse = (bytes: Uint8Array, fileName = 'ledger.docx', overrides: Partial<ImportLimits> = {}) =>
  parseDocx({ bytes, fileName, limits: limits(overrides) });

async function rejection(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => {
      throw new Error('expected an ImportError');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

/** The invariant: text is exactly what the shared walker reads from the HTML, parsed afresh. */
function expectInvariant(doc: ParsedDocument) {
  expect(doc.html).toBeDefined();
  const body = new JSDOM(`<!doctype html><html><body>${doc.html}</body></html>`).window.document.body;
  expect(htmlText(body)).toBe(doc.text);
}

/** Sets the uncompressed size a zip's central directory and local header declare for one entry. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  for (let at = 0; at + 46 < out.length; at += 1) {
    const sig = view.getUint32(at, true);
    const isCentral = sig === 0x02014b50;
    const isLocal = sig === 0x04034b50;
    if (!isCentral && !isLocal) continue;
    const nameAt = at + (isCentral ? 46 : 30);
    const nameLength = view.getUint16(at + (isCentral ? 28 : 26), true);
    if (nameLength !== nameBytes.length || !nameBytes.every((b, i) => out[nameAt + i] === b)) continue;
    view.setUint32(at + (isCentral ? 24 : 22), size, true);
  }
  return out;
}

// ---------------------------------------------------------------------------
// A minimal compound file (CFB v3, 512-byte sectors): the container Office
// uses for password-protected OOXML ("EncryptionInfo" + "EncryptedPackage"
// streams) and for legacy .doc ("WordDocument").

function makeCompoundFile(streams: { name: string; data: Uint8Array }[]): Uint8Array {
  const SECTOR = 512;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const FAT = 0xfffffffd;
  const dataSectors = streams.map((s) => Math.max(1, Math.ceil(s.data.length / SECTOR)));
  const totalSectors = 2 + dataSectors.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(SECTOR * (1 + totalSectors));
  const view = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(24, 0x3e, true);
  view.setUint16(26, 3, true);
  view.setUint16(28, 0xfffe, true);
  view.setUint16(30, 9, true);
  view.setUint16(32, 6, true);
  view.setUint32(44, 1, true); // FAT sectors
  view.setUint32(48, 1, true); // first directory sector
  view.setUint32(56, 4096, true); // mini stream cutoff
  view.setUint32(60, END, true);
  view.setUint32(68, END, true);
  for (let i = 0; i < 109; i += 1) view.setUint32(76 + 4 * i, i === 0 ? 0 : FREE, true);
  const sectorAt = (n: number) => SECTOR * (n + 1);
  // FAT (sector 0)
  const fat = (index: number, value: number) => view.setUint32(sectorAt(0) + 4 * index, value, true);
  for (let i = 0; i < SECTOR / 4; i += 1) fat(i, FREE);
  fat(0, FAT);
  fat(1, END);
  // Directory (sector 1): root, then one stream each, chained as right siblings.
  const entry = (index: number, name: string, type: number, start: number, size: number, child: number, right: number) => {
    const at = sectorAt(1) + 128 * index;
    for (let i = 0; i < name.length; i += 1) view.setUint16(at + 2 * i, name.charCodeAt(i), true);
    view.setUint16(at + 64, 2 * (name.length + 1), true);
    out[at + 66] = type;
    out[at + 67] = 1; // black
    view.setUint32(at + 68, FREE, true);
    view.setUint32(at + 72, right, true);
    view.setUint32(at + 76, child, true);
    view.setUint32(at + 116, start, true);
    view.setUint32(at + 120, size, true);
  };
  entry(0, 'Root Entry', 5, END, 0, 1, FREE);
  let next = 2;
  streams.forEach((stream, i) => {
    const start = next;
    for (let s = 0; s < dataSectors[i]!; s += 1) {
      fat(start + s, s === dataSectors[i]! - 1 ? END : start + s + 1);
    }
    out.set(stream.data, sectorAt(start));
    entry(i + 1, stream.name, 2, start, stream.data.length, FREE, i + 2 <= streams.length ? i + 2 : FREE);
    next += dataSectors[i]!;
  });
  return out;
}

// ---------------------------------------------------------------------------

describe('parseDocx', () => {
  it('keeps headings, lists, tables and links, sanitized, with exact text', async () => {
    const doc = await parse(makeDocx());
    const html = doc.html!;
    expect(html).toContain('<h1>Shipments through 武汉</h1>');
    expect(html).toContain('<h2>Findings</h2>');
    expect(html).toMatch(/<ul><li>First crate<\/li><li><strong>Second crate<\/strong><\/li><\/ul>/);
    expect(html).toMatch(/<ol><li>Step one<\/li><\/ol>/);
    expect(html).toMatch(/<table>.*<td>Date<\/td><td>Weight<\/td>.*<\/table>/);
    expect(html).toContain('<a href="https://registry.example.org/ledger?id=7" rel="noopener noreferrer nofollow">the registry</a>');
    expect(doc.text).toBe(
      [
        'Shipments through 武汉',
        'The café on the corner kept a ledger. See the registry for details.',
        'Findings',
        'First crate',
        'Second crate',
        'Step one',
        'Date\tWeight',
        '2021-03-04\t12 kg',
        'Signed, Zoë.',
      ].join('\n\n'),
    );
    expectInvariant(doc);
  });

  it('reads a very long document by the simplified path: headings and paragraphs, inert, exact text, and says so', async () => {
    const line = 'The broker paid the harbour master in cash and kept no invoice for the second shipment of precursors. ';
    const body = Array.from({ length: 6000 }, (_, i) => p(run(`${i}: ${line}${line}`))).join('');
    const doc = await parse(makeDocx({ body }));
    expect(doc.metadata.simplified).toMatch(/^This document is long \(\d+\.\d MB as HTML\), so its layout was simplified/);
    expect(doc.text.startsWith(`0: ${line}${line}`.trim())).toBe(true);
    expect(doc.text.split('\n\n')).toHaveLength(6000);
    expect(doc.html).toMatch(/^<p>0: The broker/);
    expect(doc.html).not.toMatch(/<a|<script|on\w+=/);
    expectInvariant(doc);
  }, 120_000);

  it('reads core properties as metadata, dates in ISO form', async () => {
    const doc = await parse(makeDocx());
    expect(doc.title).toBe('Port ledger, 2021');
    expect(doc.metadata).toEqual({
      title: 'Port ledger, 2021',
      author: 'Anaïs Dubois',
      subject: 'Shipping records',
      lastModifiedBy: '王伟',
      created: '2021-03-04T09:15:00.000Z',
      modified: '2021-03-05T16:00:00.000Z',
      date: '2021-03-04T09:15:00.000Z',
    });
  });

  it('takes the first heading as title when the properties have none', async () => {
    const doc = await parse(makeDocx({ core: null }));
    expect(doc.title).toBe('Shipments through 武汉');
    expect(doc.metadata).toEqual({});
    const untitled = await parse(makeDocx({ core: null, body: p(run('Just a line.')) }));
    expect(untitled.title).toBeUndefined();
    expect(untitled.text).toBe('Just a line.');
  });

  it('reads a document stored without compression and one at maximum compression alike', async () => {
    const a = await parse(makeDocx({ level: 0 }));
    const b = await parse(makeDocx({ level: 9 }));
    expect(a.text).toBe(b.text);
    expect(a.html).toBe(b.html);
  });

  it('drops images and scripts, and links that are not http(s) or mailto', async () => {
    const image = `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Picture 1" descr="a photo"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
    const body = [
      p(`${run('Before ')}${image}${run(' after.')}`),
      p(`<w:hyperlink r:id="rIdBad">${run('click me')}</w:hyperlink>`),
      p(run('<script>alert(1)</script><img src=x onerror=alert(2)>')),
    ].join('');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const doc = await parse(makeDocx({ body }, { 'word/media/image1.png': png }));
    const dom = new JSDOM(`<body>${doc.html}</body>`).window.document;
    expect(dom.querySelectorAll('img, script').length).toBe(0);
    expect(dom.querySelector('a')!.hasAttribute('href')).toBe(false);
    expect(Array.from(dom.querySelectorAll('*')).flatMap((el) => el.getAttributeNames()).filter((name) => name.startsWith('on'))).toEqual([]);
    expect(doc.html).not.toMatch(/javascript:|data:/i);
    expect(doc.html).toContain('click me');
    expect(doc.text).toBe('Before after.\n\nclick me\n\n<script>alert(1)</script><img src=x onerror=alert(2)>');
    expectInvariant(doc);
  });

  it('does not expand entities or read external files named in core.xml', async () => {
    const core = `<?xml version="1.0"?><!DOCTYPE cp:coreProperties [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>&x;&b;</dc:title></cp:coreProperties>`;
    const doc = await parse(makeDocx({ core }));
    expect(JSON.stringify(doc.metadata)).not.toContain('root:');
    expect(doc.metadata.title ?? '').not.toContain('aaaaaaaaaa');
    expect(doc.text).toContain('Shipments');
  });

  it('reports progress and honours cancellation', async () => {
    const fractions: number[] = [];
    await parseDocx({ bytes: makeDocx(), fileName: 'a.docx', limits: limits(), onProgress: (f) => fractions.push(f) });
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(parseDocx({ bytes: makeDocx(), fileName: 'a.docx', limits: limits(), signal: controller.signal }));
    expect(error.code).toBe('cancelled');
  });
});

describe('parseDocx: comments and underline (mammoth’s own test documents)', () => {
  const MAMMOTH = join(process.cwd(), 'tests/fixtures/docx/mammoth');
  const fixture = async (name: string) => new Uint8Array(await readFile(join(MAMMOTH, name)));

  it('imports Word comments with their author, date and the text they mark', async () => {
    const doc = await parseDocx({ bytes: await fixture('comments.docx'), fileName: 'comments.docx', limits: DEFAULT_LIMITS });
    expect(doc.text).toBe(
      ['Ouch.', 'Comments', '[Comment, Michael Williamson, 2016-07-03, on “Ouch”] A tachyon walks into a bar.', '[Comment, Michael Williamson, 2016-07-03] Fin.'].join('\n\n'),
    );
    expect(doc.metadata.comments).toBe('2');
    expect(htmlText(new JSDOM(`<!doctype html><body>${doc.html}`).window.document.body)).toBe(doc.text);
  });

  it('keeps underlining', async () => {
    const doc = await parseDocx({ bytes: await fixture('underline.docx'), fileName: 'underline.docx', limits: DEFAULT_LIMITS });
    expect(doc.html).toBe('<p><strong>The <u>Sunset</u> Tree</strong></p>');
  });
});

describe('parseDocx on bad input', () => {
  it('calls random bytes named .docx corrupt', async () => {
    let seed = 42;
    const random = Uint8Array.from({ length: 20_000 }, () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    });
    const error = await rejection(parse(random, 'random.docx'));
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/^random\.docx: /);
  });

  it('calls a truncated .docx corrupt', async () => {
    const docx = makeDocx();
    const error = await rejection(parse(docx.subarray(0, Math.floor(docx.length * 0.7)), 'cut.docx'));
    expect(error.code).toBe('corrupt');
  });

  it('calls a zip that is not a Word document corrupt', async () => {
    const zip = zipSync({ 'notes.txt': strToU8('hello') });
    expect((await rejection(parse(zip, 'notes.docx'))).code).toBe('corrupt');
    const broken = makeDocx({ body: '<w:p><w:r><w:t>unclosed' });
    expect((await rejection(parse(broken, 'broken.docx'))).code).toBe('corrupt');
  });

  it('reports a password-protected document (a compound file) as encrypted', async () => {
    const cfb = makeCompoundFile([
      { name: 'EncryptionInfo', data: Uint8Array.from({ length: 200 }, (_, i) => i) },
      { name: 'EncryptedPackage', data: Uint8Array.from({ length: 3000 }, (_, i) => (i * 31) & 0xff) },
    ]);
    const error = await rejection(parse(cfb, 'secret.docx'));
    expect(error.code).toBe('encrypted');
    expect(error.message).toBe('secret.docx: password-protected Word document — remove the password and import again');
    // Bare compound-file magic is treated the same way.
    const bare = new Uint8Array(1024);
    bare.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await rejection(parse(bare, 'bare.docx'))).code).toBe('encrypted');
  });

  it('says a Word 97–2003 file renamed .docx is a .doc', async () => {
    const doc = makeCompoundFile([{ name: 'WordDocument', data: new Uint8Array(1000) }]);
    const error = await rejection(parse(doc, 'old.docx'));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('Word 97–2003');
  });

  it('calls an empty file empty', async () => {
    expect((await rejection(parse(new Uint8Array(0), 'nothing.docx'))).code).toBe('empty');
  });

  it('refuses a docx bomb whose directory declares too much', async () => {
    const bomb = declareSize(makeDocx({}, { 'word/media/image1.png': new Uint8Array(100) }), 'word/media/image1.png', 0xfffffff0);
    const error = await rejection(parse(bomb, 'bomb.docx'));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('bomb.docx: the document expands to more than 500 MB — it may be a zip bomb');
  });

  it('stops a docx bomb that lies about its size while inflating it', async () => {
    // 8 MB of document XML that deflates to ~8 KB, declared as 4 KB.
    const padding = `<w:p><w:r><w:t>${' '.repeat(8 * 1024 * 1024)}</w:t></w:r></w:p>`;
    const liar = declareSize(makeDocx({ body: padding, level: 9 }), 'word/document.xml', 4096);
    expect(liar.length).toBeLessThan(200 * 1024);
    const error = await rejection(parse(liar, 'liar.docx'));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/^liar\.docx: the document expands to more than .* — it may be a zip bomb$/);
  });

  it('refuses a docx with more parts than allowed', async () => {
    const extra = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`customXml/item${i}.xml`, '<x/>']));
    const error = await rejection(parse(makeDocx({ extra }), 'many.docx', { maxZipEntries: 20 }));
    expect(error.code).toBe('too-large');
  });
});
