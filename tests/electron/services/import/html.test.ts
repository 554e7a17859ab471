import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../electron/services/import/errors';
import { parseHtml, sanitizeForReader } from '../../../../electron/services/import/html';
import { DEFAULT_LIMITS, type ParsedDocument } from '../../../../electron/services/import/types';
import { htmlText } from '../../../../shared/sources/html-text';
import { sanitizeHtml } from '../../../../shared/sources/sanitize';

const encode = (html: string) => new TextEncoder().encode(html);
const parse = (bytes: Uint8Array, fileName = 'page.html') => parseHtml({ bytes, fileName, limits: DEFAULT_LIMITS });
const body = (html: string) => new JSDOM(`<!doctype html><body>${html}`).window.document.body;
const savedFrom = (url: string) => `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->`;

/** The contract every HTML-producing parser keeps: html is sanitizeHtml's output (a fixed point of it) and text is exactly its walked text. */
function expectInvariant(parsed: ParsedDocument): void {
  const { window } = new JSDOM('');
  expect(sanitizeHtml(parsed.html!, window)).toBe(parsed.html);
  expect(htmlText(body(parsed.html!))).toBe(parsed.text);
}

/** A news article as a browser saves it: the story between a header with navigation and an ad, a sidebar, a newsletter box and a footer. */
const NEWS_PAGE = `<!DOCTYPE html>
${savedFrom('https://news.example.com/2024/03/12/port-authority-contracts.html?utm_source=feed')}
<html lang="en">
<head>
<meta charset="utf-8">
<title>Port authority awarded contracts to director’s relatives | The Example Tribune</title>
<meta property="og:title" content="Port authority awarded contracts to director’s relatives">
<meta property="og:url" content="https://news.example.com/p/8812">
<meta property="og:site_name" content="The Example Tribune">
<link rel="canonical" href="/2024/03/12/port-authority-contracts">
<meta name="author" content="Maria Okafor">
<meta property="article:published_time" content="2024-03-12T08:30:00Z">
<link rel="stylesheet" href="/static/site.css">
<script src="https://ads.example.net/tag.js"></script>
<script>window.dataLayer = [{ section: "investigations" }];</script>
</head>
<body class="article-page">
<header class="site-header">
  <a class="logo" href="/">The Example Tribune</a>
  <nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  <div class="ad ad-banner" id="ad-top">ADVERTISEMENT · Subscribe now for only $1 a week!</div>
</header>
<main id="content">
<article class="story">
  <h1 class="headline">Port authority awarded contracts to director’s relatives</h1>
  <p class="byline">By <a rel="author" href="/authors/maria-okafor">Maria Okafor</a> · <time datetime="2024-03-12T08:30:00Z">March 12, 2024</time></p>
  <div class="story-body">
    <p>The regional port authority awarded at least eleven maintenance contracts worth €4.8 million to companies owned by relatives of its former director, according to <a href="../../documents/contracts.pdf">procurement records</a> obtained by the Tribune.</p>
    <p>The contracts, signed between 2019 and 2023, were never put out to public tender. Three of the companies were registered at the same address in the harbour district, the <a href="https://registry.example.org/company/40211">company registry</a> shows, and two had no employees when they won their first contract.</p>
    <h2>Who got the money</h2>
    <p>The largest sums went to Harbor Logistics Ltd, whose sole shareholder is the director’s brother-in-law, and to Quayside Services, run by his nephew. Both companies said they had done nothing wrong.</p>
    <table>
      <caption>Contracts by company, 2019–2023</caption>
      <thead><tr><th>Company</th><th>Contracts</th><th>Total</th></tr></thead>
      <tbody>
        <tr><td>Harbor Logistics Ltd</td><td>5</td><td>€2.9m</td></tr>
        <tr><td>Quayside Services</td><td>4</td><td>€1.4m</td></tr>
        <tr><td>Dockline Maintenance</td><td>2</td><td>€0.5m</td></tr>
      </tbody>
    </table>
    <h2>What the documents show</h2>
    <p>Internal emails show that the procurement office raised concerns at least twice. The documents reveal:</p>
    <ul>
      <li>an invoice for dredging work that the port’s own logs do not record;</li>
      <li>two contracts signed on a Sunday, when the office was closed;</li>
      <li>a payment of €310,000 approved by the director alone, above his authority.</li>
    </ul>
    <p>The former director, who left the authority in January, did not respond to repeated requests for comment. The authority said it had <a href="mailto:press@port.example.org">opened an internal review</a> and would cooperate with prosecutors.</p>
  </div>
</article>
<aside class="related">
  <h3>Related stories</h3>
  <ul><li><a href="/2024/02/01/mayor-resigns">Mayor resigns over housing scandal</a></li><li><a href="/2024/01/15/budget">City budget gap widens</a></li></ul>
</aside>
<div class="newsletter-signup"><p>Get the Tribune Briefing in your inbox every morning.</p><form action="/subscribe"><input type="email" name="email"><button>Sign up</button></form></div>
</main>
<footer class="site-footer"><p>© 2024 The Example Tribune. All rights reserved.</p><p><a href="/privacy">Privacy policy</a> · <a href="/terms">Terms of use</a></p></footer>
</body>
</html>`;

describe('parseHtml: a saved news page', () => {
  it('keeps the story and drops navigation, ads, sidebar, newsletter box and footer', async () => {
    const { text } = await parse(encode(NEWS_PAGE));
    expect(text).toMatch(/^The regional port authority awarded at least eleven maintenance contracts/);
    expect(text).toMatch(/and would cooperate with prosecutors\.$/);
    for (const boilerplate of ['Home', 'Politics', 'ADVERTISEMENT', 'Subscribe now', 'Related stories', 'Mayor resigns', 'Tribune Briefing', 'Sign up', 'All rights reserved', 'Privacy policy', 'dataLayer']) {
      expect(text).not.toContain(boilerplate);
    }
  });

  it('keeps title, canonical URL, author, date and site name', async () => {
    const parsed = await parse(encode(NEWS_PAGE));
    expect(parsed.title).toBe('Port authority awarded contracts to director’s relatives');
    expect(parsed.metadata).toEqual({
      encoding: 'utf-8',
      // The relative canonical link, resolved against the address the page was saved from.
      url: 'https://news.example.com/2024/03/12/port-authority-contracts',
      author: 'Maria Okafor',
      date: '2024-03-12T08:30:00Z',
      siteName: 'The Example Tribune',
    });
  });

  it('keeps structure: headings, a table with caption and header cells, lists, links', async () => {
    const { html, text } = await parse(encode(NEWS_PAGE));
    const story = body(html!);
    expect(Array.from(story.querySelectorAll('h2'), (h) => h.textContent)).toEqual(['Who got the money', 'What the documents show']);
    expect(story.querySelector('table caption')?.textContent).toBe('Contracts by company, 2019–2023');
    expect(Array.from(story.querySelectorAll('th'), (th) => th.textContent)).toEqual(['Company', 'Contracts', 'Total']);
    expect(story.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(story.querySelectorAll('ul > li')).toHaveLength(3);
    expect(text).toContain('Company\tContracts\tTotal\n\nHarbor Logistics Ltd\t5\t€2.9m');
    expect(text).toContain('Who got the money\n\nThe largest sums went to');
  });

  it('makes relative links absolute against the page address, and keeps mailto', async () => {
    const { html } = await parse(encode(NEWS_PAGE));
    const links = Array.from(body(html!).querySelectorAll('a'), (a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['procurement records', 'https://news.example.com/2024/documents/contracts.pdf'],
      ['company registry', 'https://registry.example.org/company/40211'],
      ['opened an internal review', 'mailto:press@port.example.org'],
    ]);
  });

  it('keeps the invariant: sanitized html whose text is exactly text', async () => {
    expectInvariant(await parse(encode(NEWS_PAGE)));
  });
});

describe('parseHtml: metadata from what the page states', () => {
  const article = (head: string, inner = '') =>
    encode(`<html><head>${head}</head><body><article><h1>Headline</h1>${inner}<p>${'Some words of the story that make it long enough to be an article. '.repeat(6)}</p></article></body></html>`);

  it('takes the URL from og:url without a canonical link, then from the saved-from comment, else none', async () => {
    expect((await parse(article('<meta property="og:url" content="https://a.example/story">'))).metadata.url).toBe('https://a.example/story');
    expect((await parse(encode(`${savedFrom('https://b.example/x.html')}${new TextDecoder().decode(article(''))}`))).metadata.url).toBe('https://b.example/x.html');
    expect((await parse(article(''))).metadata.url).toBeUndefined();
  });

  it('never keeps a URL that is not http(s)', async () => {
    const parsed = await parse(article('<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="file:///etc/passwd">'));
    expect(parsed.metadata.url).toBeUndefined();
  });

  it('falls back to <title>, article:author, meta date, then the article’s <time datetime>', async () => {
    const first = await parse(article('<title> Plain   title </title><meta property="article:author" content="Jane Roe"><meta name="date" content="2021-06-01">'));
    expect(first.title).toBe('Plain title');
    expect(first.metadata).toMatchObject({ author: 'Jane Roe', date: '2021-06-01' });
    const second = await parse(article('<title>T</title>', '<p>Filed <time datetime="2020-05-05T10:00">5 May</time></p>'));
    expect(second.metadata.date).toBe('2020-05-05T10:00');
  });

  it('leaves out what the page does not state', async () => {
    const parsed = await parse(encode('<p>Just a paragraph of text, no head at all.</p>'));
    expect(parsed.title).toBeUndefined();
    expect(parsed.metadata).toEqual({ encoding: 'utf-8' });
  });
});

describe('parseHtml: links', () => {
  const withLinks = (prefix: string, head = '') =>
    encode(`${prefix}<html><head>${head}</head><body><p>See <a href="doc.pdf">the report</a>, <a href="#notes">the notes</a> and <a href="//cdn.example/x">the mirror</a>.</p></body></html>`);

  it('resolves against the page address, honouring <base href>', async () => {
    const plain = await parse(withLinks(savedFrom('https://site.example/a/page.html')));
    expect(plain.html).toContain('href="https://site.example/a/doc.pdf"');
    expect(plain.html).toContain('href="https://cdn.example/x"');
    expect(plain.html).toContain('href="#notes"');
    const based = await parse(withLinks(savedFrom('https://site.example/a/page.html'), '<base href="/files/">'));
    expect(based.html).toContain('href="https://site.example/files/doc.pdf"');
  });

  it('keeps the text of a relative link but not its href when the page address is unknown', async () => {
    const parsed = await parse(withLinks(''));
    expect(parsed.text).toBe('See the report, the notes and the mirror.');
    expect(parsed.html).toContain('<a>the report</a>');
    expect(parsed.html).toContain('<a>the mirror</a>');
    expectInvariant(parsed);
  });
});

describe('parseHtml: decoding', () => {
  const paragraph = (...bytes: number[]) => [...encode('<p>'), ...bytes, ...encode('</p>')];

  it('respects <meta charset> and http-equiv charsets, Latin-1 meaning Windows-1252', async () => {
    const quoted = [0x93, 0x43, 0x61, 0x66, 0xe9, 0x94]; // “Café” in Windows-1252
    const meta = await parse(new Uint8Array([...encode('<meta charset="windows-1252">'), ...paragraph(...quoted)]));
    expect(meta).toMatchObject({ text: '“Café”', metadata: { encoding: 'windows-1252' } });
    const httpEquiv = await parse(new Uint8Array([...encode('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'), ...paragraph(...quoted)]));
    expect(httpEquiv).toMatchObject({ text: '“Café”', metadata: { encoding: 'windows-1252' } });
  });

  it('decodes other declared charsets the runtime knows (Shift_JIS)', async () => {
    const parsed = await parse(new Uint8Array([...encode('<meta charset="Shift_JIS">'), ...paragraph(0x93, 0xfa, 0x96, 0x7b)]));
    expect(parsed).toMatchObject({ text: '日本', metadata: { encoding: 'shift_jis' } });
  });

  it('defaults to UTF-8 and falls back to Windows-1252 when the bytes are not UTF-8', async () => {
    expect((await parse(encode('<p>Zoë 北京</p>'))).text).toBe('Zoë 北京');
    expect(await parse(new Uint8Array(paragraph(0x93, 0x68, 0x69, 0x94)))).toMatchObject({ text: '“hi”', metadata: { encoding: 'windows-1252', encodingSource: 'detected' } });
  });

  it('lets a BOM win over the declared charset', async () => {
    const parsed = await parse(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('<meta charset="windows-1252"><p>Zoë</p>')]));
    expect(parsed).toMatchObject({ text: 'Zoë', metadata: { encoding: 'utf-8' } });
  });
});

describe('parseHtml: what real pages need', () => {
  const READABILITY = join(process.cwd(), 'tests/fixtures/html/readability');
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

  it('finds the whole article of Readability’s firefox-nightly-blog test page, not its newsletter box', async () => {
    const source = await readFile(join(READABILITY, 'firefox-nightly-blog/source.html'));
    const expected = words(new JSDOM(await readFile(join(READABILITY, 'firefox-nightly-blog/expected.html'), 'utf8')).window.document.body.textContent ?? '');
    const parsed = await parse(new Uint8Array(source), 'nightly.html');
    const have = new Set(words(parsed.text));
    expect(expected.length).toBeGreaterThan(1000);
    expect(expected.filter((w) => have.has(w)).length / expected.length).toBeGreaterThanOrEqual(0.95);
    // And not the whole page around it.
    expect(words(parsed.text).length).toBeLessThan(expected.length * 1.3);
    expectInvariant(parsed);
  }, 60_000);

  it('keeps the whole page when Readability settles on a box that is a small part of it', async () => {
    // Readability scores paragraphs, not list items: on a page whose findings are a list, it picks the newsletter box.
    const findings = Array.from({ length: 40 }, (_, i) => `<li>Finding ${i + 1}: the shipment records show that container ${1000 + i} left the port of Riga without a customs declaration.</li>`).join('');
    const page = `<html><body><main><h1>Findings</h1><ul>${findings}</ul></main><div class="box"><p>Sign up to our newsletter to get the latest investigations in your inbox every morning, with analysis from our reporters, editors, researchers, and lawyers, and exclusive documents, leaked files, court records, and interviews you will not find anywhere else, free of charge, forever.</p><p>We never share your address, we never sell your data, and you can leave at any time, with one click, from any message, on any device, in any language.</p></div></body></html>`;
    const parsed = await parse(encode(page));
    expect(parsed.text).toContain('Finding 1: the shipment records show that container 1000 left the port of Riga');
    expect(parsed.text).toContain('Finding 40:');
    expectInvariant(parsed);
  });

  it('reads bytes that are valid UTF-8 as UTF-8, whatever the <meta charset> says (Readability’s qq page)', async () => {
    const page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>新闻</title></head><body><article><p>记者获得了有关该交易的文件。资金经由塞浦路斯流入部长兄弟拥有的银行，公司拒绝置评。</p></article></body></html>';
    const parsed = await parse(encode(page));
    expect(parsed.text).toBe('记者获得了有关该交易的文件。资金经由塞浦路斯流入部长兄弟拥有的银行，公司拒绝置评。');
    expect(parsed.metadata.encoding).toBe('utf-8');
  });

  it('still believes a <meta charset> when the bytes are not UTF-8', async () => {
    const page = '<html><head><meta charset="gb2312"></head><body><p>记者获得了有关该交易的文件。</p></body></html>';
    const parsed = await parse(new Uint8Array(iconv.encode(page, 'gb2312')));
    expect(parsed).toMatchObject({ text: '记者获得了有关该交易的文件。', metadata: { encoding: 'gbk', encodingSource: 'declared' } });
  });

  it('guesses the encoding of a page that declares none (Windows-1251), and says it guessed', async () => {
    const text = 'Журналисты получили документы о сделке. Деньги ушли через Кипр в банк, который принадлежит брату министра.';
    const parsed = await parse(new Uint8Array(iconv.encode(`<html><body><p>${text}</p></body></html>`, 'windows-1251')));
    expect(parsed).toMatchObject({ text, metadata: { encoding: 'windows-1251', encodingSource: 'detected' } });
  });

  it('decodes with the encoding the user chose', async () => {
    const parsed = await parseHtml({ bytes: new Uint8Array(iconv.encode('<p>Привет</p>', 'koi8-r')), fileName: 'a.html', limits: DEFAULT_LIMITS, encoding: 'koi8-r' });
    expect(parsed).toMatchObject({ text: 'Привет', metadata: { encoding: 'koi8-r', encodingSource: 'chosen' } });
  });
});

describe('parseHtml: fallbacks and failures', () => {
  it('uses the sanitized <body> when Readability finds no article', async () => {
    const parsed = await parse(encode('<title>Links</title><body><aside><p>Only an aside, <b>bold</b> and <a href="https://x.example/">a link</a>.</p></aside></body>'));
    expect(parsed.text).toBe('Only an aside, bold and a link.');
    expect(parsed.html).toContain('<b>bold</b>');
    expectInvariant(parsed);
  });

  it('keeps preformatted text verbatim and collapses other whitespace', async () => {
    const parsed = await parse(encode('<article><h2>Log</h2><pre>  indented\n    more   spaces</pre><p>after    the\n   log</p></article>'));
    expect(parsed.text).toBe('Log\n\n  indented\n    more   spaces\n\nafter the log');
    expectInvariant(parsed);
  });

  it('rejects a page with no text as empty, naming the file', async () => {
    const error = await parse(encode('<html><body><img src="photo.jpg"><script>var x = 1;</script></body></html>'), 'photo.html').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'empty', message: 'photo.html: there is no readable text in this page.' });
  });

  it('rejects binary content named .html', async () => {
    const error = await parse(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), 'setup.html').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unsupported' });
  });
});

describe('sanitizeForReader', () => {
  it('reaches the sanitizer’s fixed point when unwrapping leaves a tree the parser would not build', () => {
    // <object> is a parser scope boundary, so <p><object><div> nests; once <object> is unwrapped, <p><div> re-parses differently.
    const { html, text } = sanitizeForReader('<p>one<object><div>two</div></object>three</p><pre>\n\nfour</pre>', new JSDOM('').window);
    expect(sanitizeHtml(html, new JSDOM('').window)).toBe(html);
    expect(text).toBe(htmlText(body(html)));
    expect(text).toBe('one\n\ntwo\n\nthree\n\nfour');
  });

  it('reaches it when a removed element leaves two runs of whitespace that merge on parsing', () => {
    const { html, text } = sanitizeForReader('<p>five <script>x()</script> six</p>', new JSDOM('').window);
    expect(html).toBe('<p>five six</p>');
    expect(text).toBe('five six');
  });
});
