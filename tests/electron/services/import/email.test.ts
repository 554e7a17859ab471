import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../electron/services/import/detect';
import { parseEmail } from '../../../../electron/services/import/email';
import { DEFAULT_LIMITS, type ParsedDocument } from '../../../../electron/services/import/types';
import { importBytes } from '../../../../electron/services/import/index';
import { htmlText } from '../../../../shared/sources/html-text';

/** A message as a mail client writes it: CRLF line ends. */
const eml = (lines: string[]) => new TextEncoder().encode(lines.join('\r\n'));
const b64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64').replace(/(.{76})/g, '$1\r\n');
const parse = (bytes: Uint8Array, fileName = 'message.eml') => parseEmail({ bytes, fileName, limits: DEFAULT_LIMITS });

function expectInvariant(doc: ParsedDocument) {
  expect(doc.html).toBeDefined();
  const body = new JSDOM(`<!doctype html><body>${doc.html}</body>`).window.document.body;
  expect(htmlText(body)).toBe(doc.text);
}

const HEADERS = [
  'Return-Path: <jane@example.org>',
  'Received: from mail.example.org by mx.example.com; Thu, 04 Mar 2021 10:15:02 +0100',
  'From: "Jane Roe" <jane@example.org>',
  'To: desk@example.com, "Bob Smith" <bob@example.com>',
  'Cc: Team: a@example.com, b@example.com;',
  'Subject: Shipment schedule',
  'Date: Thu, 04 Mar 2021 10:15:00 +0100',
  'Message-ID: <abc123@example.org>',
  'MIME-Version: 1.0',
];

describe('parseEmail', () => {
  it('imports a plain-text message: headers as metadata, paragraphs kept', async () => {
    const doc = await parse(
      eml([...HEADERS, 'Content-Type: text/plain; charset=utf-8', '', 'Hello,', 'the crates leave on Monday.', '', '', 'Regards,', 'Jane <jane@example.org>', '']),
    );
    expect(doc.title).toBe('Shipment schedule');
    expect(doc.metadata).toEqual({
      from: 'Jane Roe <jane@example.org>',
      to: 'desk@example.com, Bob Smith <bob@example.com>',
      cc: 'Team: a@example.com, b@example.com;',
      date: '2021-03-04T09:15:00.000Z',
      subject: 'Shipment schedule',
      messageId: '<abc123@example.org>',
    });
    expect(doc.text).toBe('Hello,\nthe crates leave on Monday.\n\nRegards,\nJane <jane@example.org>');
    expect(doc.html).toBe('<p>Hello,<br>the crates leave on Monday.</p><p>Regards,<br>Jane &lt;jane@example.org&gt;</p>');
    expect(doc.attachments).toBeUndefined();
    expectInvariant(doc);
  });

  it('prefers the HTML part of multipart/alternative, sanitized', async () => {
    const html = [
      '<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>',
      '<h2>Manifest</h2><p>Crates: <b>12</b> <img src="https://tracker.example/pixel.gif" width=1> arriving.</p>',
      '<ul><li>Port of 武汉</li><li>Café Noir</li></ul>',
      '<p><a href="javascript:alert(2)">open</a> <a href="https://example.org/doc" target="_blank" onclick="x()">registry</a></p>',
      '<svg onload="alert(3)"><circle/></svg><iframe src="https://evil.example"></iframe>',
      '<form><math><mglyph><style></form><img src onerror=alert(4)>',
      '</body></html>',
    ].join('');
    const doc = await parse(
      eml([
        ...HEADERS,
        'Content-Type: multipart/alternative; boundary="ALT"',
        '',
        '--ALT',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        b64('Manifest\nCrates: 12 arriving.'),
        '--ALT',
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        b64(html),
        '--ALT--',
        '',
      ]),
    );
    const dom = new JSDOM(`<body>${doc.html}</body>`).window.document;
    expect(dom.querySelectorAll('script, style, img, svg, iframe, form, math, mglyph').length).toBe(0);
    expect(Array.from(dom.querySelectorAll('*')).flatMap((el) => el.getAttributeNames()).filter((n) => n.startsWith('on') || n === 'target' || n === 'src')).toEqual([]);
    expect(doc.html).not.toMatch(/javascript:|tracker\.example|evil\.example/);
    expect(doc.html).toContain('<h2>Manifest</h2>');
    expect(doc.html).toContain('<a href="https://example.org/doc" rel="noopener noreferrer nofollow">registry</a>');
    expect(doc.text.split('\n\n').slice(0, 4)).toEqual(['Manifest', 'Crates: 12 arriving.', 'Port of 武汉', 'Café Noir']);
    expect(doc.text).toContain('open registry');
    expect(doc.text).not.toContain('alert');
    expectInvariant(doc);
  });

  it('decodes quoted-printable and base64 bodies in their charsets', async () => {
    const qp = await parse(
      eml([
        'From: a@example.org',
        'Subject: qp',
        'Content-Type: text/plain; charset=iso-8859-1',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Le caf=E9 de la gare, une tr=E8s longue ligne qui continue apr=E8s un saut =',
        'doux, et =3D signe.',
        '',
      ]),
    );
    expect(qp.text).toBe('Le café de la gare, une très longue ligne qui continue après un saut doux, et = signe.');
    expectInvariant(qp);

    const base64 = await parse(
      eml(['From: a@example.org', 'Subject: b64', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', b64('货物经武汉转运。\nZoë signed.'), '']),
    );
    expect(base64.text).toBe('货物经武汉转运。\nZoë signed.');
    expectInvariant(base64);

    const windows1252 = await parse(
      eml(['From: a@example.org', 'Subject: cp1252', 'Content-Type: text/plain; charset=windows-1252', 'Content-Transfer-Encoding: quoted-printable', '', '=93Quoted=94 =80 5', '']),
    );
    expect(windows1252.text).toBe('“Quoted” € 5');
  });

  it('decodes encoded-word headers', async () => {
    const subject = '武汉港 – report';
    const doc = await parse(
      eml([
        'From: =?ISO-8859-1?Q?Ana=EFs_Dubois?= <anais@example.fr>',
        'To: =?UTF-8?B?546L5Lyf?= <wang@example.cn>',
        `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
        'Date: Fri, 5 Mar 2021 08:00:00 GMT',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Body.',
        '',
      ]),
    );
    expect(doc.title).toBe(subject);
    expect(doc.metadata.subject).toBe(subject);
    expect(doc.metadata.from).toBe('Anaïs Dubois <anais@example.fr>');
    expect(doc.metadata.to).toBe('王伟 <wang@example.cn>');
    expect(doc.metadata.date).toBe('2021-03-05T08:00:00.000Z');
  });

  it('returns attachments as files and drops inline cid: images', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const doc = await parse(
      eml([
        ...HEADERS,
        'Content-Type: multipart/mixed; boundary="MIX"',
        '',
        '--MIX',
        'Content-Type: multipart/related; boundary="REL"',
        '',
        '--REL',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>See the logo <img src="cid:logo@x"> and the files.</p>',
        '--REL',
        'Content-Type: image/png',
        'Content-ID: <logo@x>',
        'Content-Disposition: inline; filename="logo.png"',
        'Content-Transfer-Encoding: base64',
        '',
        b64(png),
        '--REL--',
        '--MIX',
        'Content-Type: text/plain; charset=utf-8; name="notes.txt"',
        'Content-Disposition: attachment; filename="notes.txt"',
        'Content-Transfer-Encoding: base64',
        '',
        b64('Crate 7 was opened in Wuhan.\n'),
        '--MIX',
        'Content-Type: application/pdf; name="=?UTF-8?Q?r=C3=A9sum=C3=A9.pdf?="',
        'Content-Disposition: attachment; filename*=UTF-8\'\'..%2F..%2Fr%C3%A9sum%C3%A9.pdf',
        'Content-Transfer-Encoding: base64',
        '',
        b64(pdf),
        '--MIX',
        'Content-Type: application/pdf',
        'Content-Disposition: attachment',
        'Content-Transfer-Encoding: base64',
        '',
        b64(pdf),
        '--MIX--',
        '',
      ]),
    );
    expect(doc.text).toBe('See the logo and the files.');
    expect(doc.html).toBe('<p>See the logo and the files.</p>');
    expectInvariant(doc);
    expect(doc.attachments!.map((a) => a.fileName)).toEqual(['notes.txt', 'résumé.pdf', 'attachment-3.pdf']);
    expect(new TextDecoder().decode(doc.attachments![0]!.bytes)).toBe('Crate 7 was opened in Wuhan.\n');
    expect(doc.attachments![1]!.bytes).toEqual(pdf);
    expect(doc.attachments![1]!.bytes).toBeInstanceOf(Uint8Array);
  });

  it('falls back to the plain text when the HTML part has no text', async () => {
    const doc = await parse(
      eml([
        'From: a@example.org',
        'Subject: pictures',
        'Content-Type: multipart/alternative; boundary="A"',
        '',
        '--A',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Only words here.',
        '--A',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<html><body><img src="https://example.org/a.png"></body></html>',
        '--A--',
        '',
      ]),
    );
    expect(doc.text).toBe('Only words here.');
    expectInvariant(doc);
  });

  it('falls back to the plain text when the HTML part is a frameset document, instead of calling the email damaged', async () => {
    const message = (html: string, withText: boolean) =>
      eml([
        'From: a@example.org',
        'Subject: framed',
        'Content-Type: multipart/alternative; boundary="A"',
        '',
        ...(withText ? ['--A', 'Content-Type: text/plain; charset=utf-8', '', 'The words of the message.'] : []),
        '--A',
        'Content-Type: text/html; charset=utf-8',
        '',
        html,
        '--A--',
        '',
      ]);
    const doc = await parse(message('<div><frameset><frame src="https://tracker.example/t.gif"></frameset></div>', true));
    expect(doc.text).toBe('The words of the message.');
    expectInvariant(doc);
    // Through the dispatcher: imported, not refused as damaged.
    const source = await importBytes(message('<div><frameset>', true), 'framed.eml');
    expect(source.text).toBe('The words of the message.');
    expect(source.html).toBe('<p>The words of the message.</p>');
    // With no text part there is nothing to read: "empty", the honest answer, not "corrupt".
    await expect(importBytes(message('<div><frameset>', false), 'framed.eml')).rejects.toMatchObject({ code: 'empty' });
  });

  it('names a message without a subject, and skips a date it cannot read', async () => {
    const doc = await parse(eml(['From: a@example.org', 'Date: not a date', 'Content-Type: text/plain', '', 'x', '']));
    expect(doc.title).toBe('(no subject)');
    expect(doc.metadata.date).toBeUndefined();
    expect(doc.metadata.subject).toBeUndefined();
  });

  it('has no html when the message has no body', async () => {
    const doc = await parse(eml(['From: a@example.org', 'Subject: empty', '', '']));
    expect(doc.text).toBe('');
    expect(doc.html).toBeUndefined();
  });

  it('calls an empty file empty', async () => {
    await expect(parse(new Uint8Array(0), 'x.eml')).rejects.toMatchObject({ code: 'empty' });
  });
});

describe('parseEmail: what real mail looks like', () => {
  const attachment = (name: string, type: string, content: string | Uint8Array) => [
    '--M',
    `Content-Type: ${type}; name="${name}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="${name}"`,
    '',
    b64(content),
  ];
  const onlyAttachments = eml([
    ...HEADERS,
    'Content-Type: multipart/mixed; boundary="M"',
    '',
    ...attachment('contract.doc', 'application/msword', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(500)])),
    ...attachment('note.txt', 'text/plain', 'Pay on delivery.'),
    '--M--',
    '',
  ]);

  it('imports a message whose body is only attachments: its headers and its attachments listed, the readable ones as children', async () => {
    const source = await importBytes(onlyAttachments, 'forwarded.eml');
    expect(source.format).toBe('email');
    expect(source.text).toBe(
      [
        'From: Jane Roe <jane@example.org>',
        'To: desk@example.com, Bob Smith <bob@example.com>',
        'Cc: Team: a@example.com, b@example.com;',
        'Date: 2021-03-04T09:15:00.000Z',
        'Subject: Shipment schedule',
        '',
        'This message has no text; it came with 2 attachments:',
        'contract.doc (application/msword, 508 bytes)',
        'note.txt (text/plain, 16 bytes)',
      ].join('\n'),
    );
    expect(source.metadata).toMatchObject({ attachments: 'contract.doc, note.txt', skippedAttachments: 'contract.doc (unsupported)' });
    expect(source.children?.map((c) => [c.fileName, c.text])).toEqual([['note.txt', 'Pay on delivery.']]);
  });

  it('imports mailparser’s base64encodedroot.eml, whose whole body is a PNG', async () => {
    const bytes = new Uint8Array(await readFile(join(process.cwd(), 'tests/fixtures/email/mailparser/base64encodedroot.eml')));
    const doc = await parse(bytes, 'base64encodedroot.eml');
    expect(doc.text).toMatch(/^From: test@example\.com\n\nThis message has no text; it came with one attachment:\nscreenshot\.png \(image\/png, \d+ bytes\)$/);
    expect(doc.attachments?.map((a) => a.fileName)).toEqual(['screenshot.png']);
    expectInvariant(doc);
  });

  it('tolerates an mbox "From " line before the headers, and headers a mailer folded without indenting', async () => {
    const message = eml([
      'From jane@example.org Thu Mar  4 10:15:02 2021',
      'From: "Jane Roe" <jane@example.org>',
      'To: desk@example.com,',
      'bob@example.com',
      'Subject: Shipment schedule for the',
      'port of Riga',
      'Date: Thu, 04 Mar 2021 10:15:00 +0100',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'The crates leave on Monday.',
      '',
    ]);
    const doc = await parse(message);
    expect(doc.metadata).toMatchObject({ from: 'Jane Roe <jane@example.org>', to: 'desk@example.com, bob@example.com', subject: 'Shipment schedule for the port of Riga' });
    expect(doc.text).toBe('The crates leave on Monday.');
    // And a file with no extension is taken for what it is.
    expect(detectFormat(message, 'message')).toEqual({ kind: 'email' });
  });

  it('reads a multipart message whose parts use another boundary than the one it declares (SpamScope’s mail_malformed_3)', async () => {
    const doc = await parse(
      eml([
        'From: "El Punto" <sender@example.com>',
        'Subject: Ahorre Dinero',
        'MIME-Version: 1.0',
        'Content-Type: multipart/alternative;',
        '\tboundary="--=_HsWzsKVZkho"',
        '',
        '----=_GlSzQZUbRbpVOpy',
        'Content-Type: text/html;',
        'Content-Transfer-Encoding: base64',
        '',
        b64('<html><body><p>Ahorre dinero en su recibo de luz.</p></body></html>'),
        '',
        // As the real file: the part is closed with yet another boundary, never with its own.
        '----=_1wyyTH1wPm--',
        '',
      ]),
    );
    expect(doc.text).toBe('Ahorre dinero en su recibo de luz.');
  });
});

