import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../electron/services/import/detect';

const bytes = (...parts: (string | number[] | Uint8Array)[]): Uint8Array => {
  const chunks = parts.map((p) => (typeof p === 'string' ? strToU8(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};
const padded = (head: number[] | string, length = 2048, fill = 0) => {
  const start = typeof head === 'string' ? strToU8(head) : Uint8Array.from(head);
  const out = new Uint8Array(Math.max(length, start.length)).fill(fill);
  out.set(start);
  return out;
};
const kind = (data: Uint8Array, name: string) => detectFormat(data, name).kind;
const reason = (data: Uint8Array, name: string) => {
  const result = detectFormat(data, name);
  expect(result.kind).toBe('unsupported');
  return result.kind === 'unsupported' ? result.reason : '';
};

/** A DOS stub with e_lfanew pointing at a PE signature, as a real .exe starts. */
function windowsExe(): Uint8Array {
  const exe = padded([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff], 1024);
  exe[0x3c] = 0x80;
  exe.set([0x50, 0x45, 0x00, 0x00, 0x4c, 0x01], 0x80);
  exe.set(strToU8('This program cannot be run in DOS mode.'), 0x4e);
  return exe;
}

const PDF = bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const DOCX = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), '_rels/.rels': strToU8('<Relationships/>'), 'word/document.xml': strToU8('<w:document/>') });

describe('detectFormat: magic bytes', () => {
  it('finds a PDF by its header, whatever its name', () => {
    expect(kind(PDF, 'scan.pdf')).toBe('pdf');
    expect(kind(PDF, 'notes.txt')).toBe('pdf');
    expect(kind(PDF, 'no-extension')).toBe('pdf');
    expect(kind(PDF, 'page.html')).toBe('pdf');
  });

  it('accepts a PDF header within the first 1024 bytes after junk', () => {
    const prefixed = bytes(new Array(300).fill(0x00), PDF);
    expect(kind(prefixed, 'weird.bin')).toBe('pdf');
    // …but not a text file that merely mentions "%PDF-" in passing.
    expect(kind(bytes('Notes on the header: every file starts with %PDF-1.7 and so on.\n'), 'notes.txt')).toBe('text');
  });

  it('refuses a renamed Windows program', () => {
    expect(reason(windowsExe(), 'report.pdf')).toBe('this is a Windows program, not a document');
    expect(kind(windowsExe(), 'report.docx')).toBe('unsupported');
    expect(kind(windowsExe(), 'report.txt')).toBe('unsupported');
    // A text that happens to start with "MZ" is still text.
    expect(kind(bytes('MZ is the signature of DOS programs.\n'), 'notes.txt')).toBe('text');
  });

  it('refuses other programs', () => {
    expect(reason(padded([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), 'tool.pdf')).toMatch(/program \(Linux\/ELF\)/);
    expect(reason(padded([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), 'tool.docx')).toMatch(/program \(macOS\)/);
    expect(kind(padded([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2]), 'app')).toBe('unsupported');
  });

  it('sends PNG, JPEG and TIFF pictures to OCR, whatever their name', () => {
    expect(kind(padded([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'scan.png')).toBe('image');
    expect(kind(padded([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), 'evidence.pdf')).toBe('image');
    expect(kind(padded([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), 'fax')).toBe('image');
    expect(kind(padded([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]), 'fax.tif')).toBe('image');
  });

  it('refuses other images, audio and video with a plain reason', () => {
    const cases: [number[] | string, RegExp][] = [
      ['GIF89a\x01\x00\x01\x00', /GIF image/],
      ['RIFF\x24\x00\x00\x00WEBPVP8 ', /WebP image; .*PNG, JPEG and TIFF/],
      ['ID3\x04\x00\x00\x00\x00\x00', /MP3 audio/],
      ['RIFF\x24\x00\x00\x00WAVEfmt ', /WAV audio/],
      ['OggS\x00\x02', /Ogg/],
      [[0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d], /MP4\/QuickTime/],
      [[0x1a, 0x45, 0xdf, 0xa3, 0x9f], /Matroska\/WebM/],
    ];
    for (const [head, expected] of cases) expect(reason(padded(head), 'evidence.pdf')).toMatch(expected);
  });

  it('refuses other archives and asks to extract them', () => {
    expect(reason(padded([0x1f, 0x8b, 0x08, 0]), 'bundle.docx')).toMatch(/gzip archive; extract it/);
    expect(reason(padded('Rar!\x1a\x07\x01\x00'), 'x.pdf')).toMatch(/RAR archive/);
    expect(reason(padded([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), 'x')).toMatch(/7-Zip archive/);
  });
});

describe('detectFormat: zip-based files', () => {
  it('finds a DOCX by word/document.xml in its central directory, whatever its name', () => {
    expect(kind(DOCX, 'letter.docx')).toBe('docx');
    expect(kind(DOCX, 'letter.zip')).toBe('docx');
    expect(kind(DOCX, 'letter')).toBe('docx');
  });

  it('names the other zip-based formats it refuses', () => {
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    const pptx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'ppt/presentation.xml': strToU8('<p/>') });
    const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<c/>'), 'meta.xml': strToU8('<m/>') });
    const epub = zipSync({ mimetype: [strToU8('application/epub+zip'), { level: 0 }], 'META-INF/container.xml': strToU8('<c/>') });
    const plain = zipSync({ 'a.txt': strToU8('a'), 'b.pdf': PDF });
    expect(reason(xlsx, 'budget.docx')).toBe('Excel spreadsheets are not supported');
    expect(reason(pptx, 'deck.pptx')).toBe('PowerPoint presentations are not supported');
    expect(reason(odt, 'letter.odt')).toMatch(/OpenDocument text/);
    expect(reason(epub, 'book.epub')).toMatch(/EPUB/);
    expect(reason(plain, 'bundle.zip')).toBe('this is a ZIP archive; extract it and import the files inside');
  });

  it('sends a damaged zip named .docx to the DOCX parser (which calls it corrupt)', () => {
    expect(kind(DOCX.subarray(0, DOCX.length - 30), 'cut.docx')).toBe('docx');
    expect(reason(DOCX.subarray(0, DOCX.length - 30), 'cut.zip')).toMatch(/damaged ZIP/);
  });
});

describe('detectFormat: compound files (OLE)', () => {
  const cfb = padded([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 4096);
  it('sends a compound file named .docx to the DOCX parser (encrypted OOXML)', () => {
    expect(kind(cfb, 'secret.docx')).toBe('docx');
  });
  it('refuses legacy Office files with advice', () => {
    expect(reason(cfb, 'old.doc')).toBe('Word 97–2003 .doc files are not supported; open it in Word and save as .docx');
    expect(reason(cfb, 'mail.msg')).toMatch(/save the message as \.eml/);
    expect(reason(cfb, 'sheet.xls')).toMatch(/Excel/);
    expect(reason(cfb, 'mystery')).toMatch(/Office 97–2003/);
  });
});

describe('detectFormat: text formats', () => {
  const email = bytes(
    'Return-Path: <a@example.org>\r\nReceived: from x by y; Thu, 4 Mar 2021 10:00:00 +0000\r\nFrom: A <a@example.org>\r\nTo: b@example.org\r\n',
    'Subject: Hello\r\nDate: Thu, 4 Mar 2021 10:00:00 +0000\r\nMessage-ID: <1@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nBody\r\n',
  );
  const mhtml = bytes(
    'From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/article\r\nSubject: Article\r\nDate: Thu, 4 Mar 2021 10:00:00 -0000\r\n',
    'MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--abc"\r\n\r\n------MultipartBoundary--abc\r\nContent-Type: text/html\r\n\r\n<html></html>\r\n',
  );

  it('finds email by its headers or its .eml name', () => {
    expect(kind(email, 'message.eml')).toBe('email');
    expect(kind(email, 'message.txt')).toBe('email');
    expect(kind(email, 'message')).toBe('email');
    expect(kind(bytes('Just a note.\n'), 'note.eml')).toBe('email');
  });

  it('tells MHTML from an HTML email with inline images (both multipart/related)', () => {
    expect(kind(mhtml, 'article.mhtml')).toBe('mhtml');
    expect(kind(mhtml, 'article')).toBe('mhtml');
    expect(kind(mhtml, 'article.html')).toBe('mhtml');
    const ieMht = bytes('From: <Saved by Windows Internet Explorer 8>\r\nSubject: Page\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="b"\r\n\r\n--b\r\n');
    expect(kind(ieMht, 'page.mht')).toBe('mhtml');
    expect(kind(ieMht, 'page')).toBe('mhtml');
    const relatedEmail = bytes(String.fromCharCode(...email).replace('Content-Type: text/plain', 'Content-Type: multipart/related; boundary="r"'));
    expect(kind(relatedEmail, 'message')).toBe('email');
    expect(kind(relatedEmail, 'message.eml')).toBe('email');
  });

  it('finds HTML by name or by a doctype/html tag', () => {
    expect(kind(bytes('<p>fragment</p>'), 'page.html')).toBe('html');
    expect(kind(bytes('<p>fragment</p>'), 'page.htm')).toBe('html');
    expect(kind(bytes('\ufeff<!DOCTYPE html>\n<html><body>x</body></html>'), 'page')).toBe('html');
    expect(kind(bytes('  <!-- saved --> <HTML lang="en"><body>x</body></HTML>'), 'saved.txt')).toBe('html');
  });

  it('finds Markdown by name, even when it starts like headers or HTML', () => {
    expect(kind(bytes('# Title\n\nText.\n'), 'notes.md')).toBe('markdown');
    expect(kind(bytes('# Title\n'), 'notes.markdown')).toBe('markdown');
    expect(kind(bytes('From: me\nTo: you\nReceived: no\n\n# x'), 'notes.md')).toBe('markdown');
    expect(kind(bytes('<html>\n'), 'notes.md')).toBe('markdown');
  });

  it('takes decodable text as text: UTF-8, UTF-16 with a BOM, Windows-1252', () => {
    expect(kind(bytes('Shipments through 武汉, café.\n'), 'notes.txt')).toBe('text');
    expect(kind(bytes('plain words'), 'README')).toBe('text');
    expect(kind(bytes([0xff, 0xfe], Array.from(Buffer.from('Hi 武汉', 'utf16le'))), 'utf16.txt')).toBe('text');
    expect(kind(bytes([0x93, 0x51, 0x75, 0x6f, 0x74, 0x65, 0x94, 0x20, 0x80, 0x35]), 'cp1252.txt')).toBe('text');
    // Headers that are not an email's (a metadata block) do not make an email.
    expect(kind(bytes('Title: Notes\nDate: 2021-03-04\n\nBody'), 'notes.txt')).toBe('text');
  });

  it('sends text with a binary format name to that parser, which calls it damaged', () => {
    expect(kind(bytes('not really a pdf'), 'fake.pdf')).toBe('pdf');
    expect(kind(bytes('not really a docx'), 'fake.docx')).toBe('docx');
  });
});

describe('detectFormat: unknown binary', () => {
  const random = (() => {
    let seed = 7;
    return Uint8Array.from({ length: 8192 }, () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    });
  })();

  it('sends random bytes named .pdf or .docx to that parser (corrupt), refuses the rest', () => {
    expect(kind(random, 'random.pdf')).toBe('pdf');
    expect(kind(random, 'random.docx')).toBe('docx');
    expect(reason(random, 'random.txt')).toMatch(/not a format Casebook reads/);
    expect(reason(random, 'random.bin')).toMatch(/not a format Casebook reads/);
    expect(reason(random, 'old.doc')).toMatch(/Word 97–2003/);
  });

  it('is fast on a large file (looks at the head only)', () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const started = performance.now();
    expect(kind(big, 'big.txt')).toBe('text');
    expect(performance.now() - started).toBeLessThan(100);
  });
});
