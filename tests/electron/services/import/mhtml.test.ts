import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../electron/services/import/errors';
import { decodeQuotedPrintable, parseMhtml } from '../../../../electron/services/import/html/mhtml';
import { DEFAULT_LIMITS } from '../../../../electron/services/import/types';
import { htmlText } from '../../../../shared/sources/html-text';
import { sanitizeHtml } from '../../../../shared/sources/sanitize';

const parse = (mhtml: string | Uint8Array, fileName = 'page.mhtml') =>
  parseMhtml({ bytes: typeof mhtml === 'string' ? Buffer.from(mhtml, 'latin1') : mhtml, fileName, limits: DEFAULT_LIMITS });
const body = (html: string) => new JSDOM(`<!doctype html><body>${html}`).window.document.body;

/** Quoted-printable as Chrome writes it: bytes outside printable ASCII and "=" escaped, lines cut at 76 with soft breaks. */
function quotedPrintable(bytes: Uint8Array): string {
  let out = '';
  let line = '';
  for (const byte of bytes) {
    const token = byte === 0x0a ? '\r\n' : (byte >= 0x20 && byte < 0x7f && byte !== 0x3d) ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (token === '\r\n') {
      out += `${line}\r\n`;
      line = '';
      continue;
    }
    if (line.length + token.length > 75) {
      out += `${line}=\r\n`;
      line = '';
    }
    line += token;
  }
  return out + line;
}

const STORY = `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Harbour café owner testifies | Example News</title>
<meta name="author" content="Jean Dupont">
<script>document.write("tracking")</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbour café owner testifies</h1>
<p>The owner of the café on the quay told the inquiry on Tuesday that she had been paid “consultancy fees” by two of the contractors, in cash, over three years. <a href="/documents/testimony.pdf">Read the testimony</a>.</p>
<p><img src="cid:photo-1@mhtml.blink" alt="The quay"><img src="https://news.example.com/img/quay.jpg"></p>
<p>She said the payments stopped when the port authority opened its internal review in January, and that she had kept receipts for every one of them, which she handed to investigators.</p>
</article><footer>© Example News</footer></body></html>`;

const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** An MHTML file as Chrome's "Save as… Webpage, single file" writes it: the page in quoted-printable, then a base64 image. */
function chromeMhtml(options: { eol?: string; pageLocation?: boolean } = {}): string {
  const eol = options.eol ?? '\r\n';
  const boundary = '----MultipartBoundary--Vh1c2W3nq8Zk6mT0pX----';
  return [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://news.example.com/world/2024/03/12/cafe-owner-testifies',
    'Subject: =?utf-8?Q?Harbour_caf=C3=A9_owner_testifies?=',
    'Date: Tue, 12 Mar 2024 09:15:02 -0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    '',
    '',
    `--${boundary}`,
    'Content-Type: text/html',
    'Content-ID: <frame-E1F2@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    ...(options.pageLocation === false ? [] : ['Content-Location: https://news.example.com/world/2024/03/12/cafe-owner-testifies?src=home']),
    '',
    quotedPrintable(new TextEncoder().encode(STORY)),
    `--${boundary}`,
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    'Content-ID: <photo-1@mhtml.blink>',
    'Content-Location: https://news.example.com/img/quay.jpg',
    '',
    PNG_BASE64,
    `--${boundary}--`,
    '',
  ].join('\r\n').replace(/\r\n/g, eol);
}

describe('parseMhtml', () => {
  it('reads the page of a Chrome MHTML file through the saved-page pipeline', async () => {
    const parsed = await parse(chromeMhtml());
    expect(parsed.title).toBe('Harbour café owner testifies | Example News');
    expect(parsed.text).toMatch(/^The owner of the café on the quay told the inquiry on Tuesday that she had been paid “consultancy fees”/);
    expect(parsed.text).toMatch(/which she handed to investigators\.$/);
    expect(parsed.text).not.toMatch(/Home|World|tracking|Example News/);
    expect(parsed.metadata).toEqual({
      encoding: 'utf-8',
      url: 'https://news.example.com/world/2024/03/12/cafe-owner-testifies?src=home',
      author: 'Jean Dupont',
      savedAt: '2024-03-12T09:15:02.000Z',
    });
  });

  it('resolves links against the page’s Content-Location and drops images, cid: references included', async () => {
    const { html } = await parse(chromeMhtml());
    expect(Array.from(body(html!).querySelectorAll('a'), (a) => a.getAttribute('href'))).toEqual(['https://news.example.com/documents/testimony.pdf']);
    expect(html).not.toMatch(/<img|cid:|quay\.jpg|<script/);
  });

  it('keeps the invariant: sanitized html whose text is exactly text', async () => {
    const parsed = await parse(chromeMhtml());
    expect(sanitizeHtml(parsed.html!, new JSDOM('').window)).toBe(parsed.html);
    expect(htmlText(body(parsed.html!))).toBe(parsed.text);
  });

  it('falls back to Snapshot-Content-Location, and reads LF-only files', async () => {
    const parsed = await parse(chromeMhtml({ eol: '\n', pageLocation: false }));
    expect(parsed.metadata.url).toBe('https://news.example.com/world/2024/03/12/cafe-owner-testifies');
    expect(parsed.text).toContain('“consultancy fees”');
  });

  it('finds a base64 text/html part inside multipart/alternative, decoded by its charset', async () => {
    const page = Buffer.concat([Buffer.from('<html><head><title>Old page</title></head><body><p>'), Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94]), Buffer.from(' was written in Windows-1252.</p></body></html>')]);
    const mhtml = [
      'MIME-Version: 1.0',
      'Content-Location: https://old.example/page.htm',
      'Content-Type: multipart/related; boundary="outer"',
      '',
      'This is a multi-part message in MIME format.',
      '--outer',
      'Content-Type: multipart/alternative; boundary=inner',
      '',
      '--inner',
      'Content-Type: text/plain',
      '',
      'plain version, not this one',
      '--inner',
      'Content-Type: text/html; charset="windows-1252"',
      'Content-Transfer-Encoding: base64',
      '',
      page.toString('base64').replace(/.{60}/g, '$&\r\n'),
      '--inner--',
      '--outer--',
    ].join('\r\n');
    const parsed = await parse(mhtml, 'old.mht');
    expect(parsed).toMatchObject({ title: 'Old page', text: '“Café” was written in Windows-1252.', metadata: { encoding: 'windows-1252', url: 'https://old.example/page.htm' } });
  });

  it('rejects a file with no web page in it, or no MIME structure, as corrupt', async () => {
    const imageOnly = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n' + PNG_BASE64 + '\r\n--b--\r\n';
    for (const [content, message] of [
      [imageOnly, 'photo.mhtml: there is no web page in this MHTML file.'],
      ['MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n--b\r\n', 'photo.mhtml: the MHTML file is damaged (its parts have no boundary).'],
      ['Just some text\r\nover two lines', 'photo.mhtml: this is not a readable MHTML file (no MIME headers).'],
      ['x'.repeat(70_000), 'photo.mhtml: this is not a readable MHTML file (no MIME headers).'],
    ]) {
      const error = await parse(content!, 'photo.mhtml').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect(error).toMatchObject({ code: 'corrupt', message });
    }
  });

  it('reads a bare web page saved under an .mht name as the page it is', async () => {
    const parsed = await parse('<!DOCTYPE html><html><head><title>Bare</title></head><body><p>Plain HTML, not MIME.</p></body></html>', 'bare.mht');
    expect(parsed).toMatchObject({ title: 'Bare', text: 'Plain HTML, not MIME.' });
  });
});

describe('decodeQuotedPrintable', () => {
  const decode = (qp: string) => Buffer.from(decodeQuotedPrintable(qp)).toString('utf8');

  it('decodes escapes in either case, joins soft line breaks, keeps hard ones and stray "="', () => {
    expect(decode('caf=C3=A9 =e2=80=9cquoted=E2=80=9D')).toBe('café “quoted”');
    expect(decode('a long li=\r\nne, trailing blanks=  \r\n too, LF =\nonly')).toBe('a long line, trailing blanks too, LF only');
    expect(decode('line 1\r\nline 2')).toBe('line 1\r\nline 2');
    expect(decode('1 + 1 = 2, =ZZ, end=')).toBe('1 + 1 = 2, =ZZ, end');
  });
});
