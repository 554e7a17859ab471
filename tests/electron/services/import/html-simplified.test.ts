import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseHtml, parseWebPage, sanitizeForReader, SIMPLIFY_ABOVE_CHARS } from '../../../../electron/services/import/html';
import { simplifyPage, visibleMarkupSize } from '../../../../electron/services/import/html/simplified';
import { DEFAULT_LIMITS } from '../../../../electron/services/import/types';
import { htmlText } from '../../../../shared/sources/html-text';

/**
 * Large pages, read in one streaming pass (html/simplified.ts). What must
 * hold: the HTML is inert and already sanitized (a fixed point of the
 * reader's sanitizer), its text is what the reader's walk gives on it, and
 * the source says its layout was simplified.
 */

/** The text contract every source keeps: sanitizing changes nothing, and the walk over the HTML gives `text`. */
function expectTextContract(html: string, text: string): void {
  const { window } = new JSDOM('');
  expect(sanitizeForReader(html, window).html).toBe(html);
  expect(htmlText(new JSDOM(`<!doctype html><body>${html}`).window.document.body)).toBe(text);
}

const TRICKY: [name: string, markup: string, text: string][] = [
  ['paragraphs and headings, whitespace collapsed', '<h1>  Harbour\n report </h1><p>The  vessel\tleft\nRiga.</p><div>Second <b>bold</b> block</div>', 'Harbour report\n\nThe vessel left Riga.\n\nSecond bold block'],
  ['line breaks inside a block', '<p>Line one<br>  line two <br><br>line three<br></p>', 'Line one\nline two\nline three'],
  ['entities decoded, then escaped again', '<p>AT&amp;T &lt;b&gt; 5 &gt; 3 &copy; &nbsp;x</p>', 'AT&T <b> 5 > 3 © \u00a0x'],
  ['scripts, styles, comments, templates, noscript, svg left out', '<p>a</p><script>document.write("<p>no</p>")</script><style>p{}</style><!-- <p>no</p> --><template><p>no</p></template><noscript><p>no</p></noscript><svg><text>no</text></svg><p>b</p>', 'a\n\nb'],
  ['a script that holds a closing tag', '<p>before</p><script>var s = "</p><p>not text";</script><p>after</p>', 'before\n\nafter'],
  ['preformatted text kept as it is', '<pre>\n  indented\n\tline  two\n</pre><p>next</p>', '  indented\n\tline  two\n\nnext'],
  ['table cells as blocks', '<table><tr><td>Name</td><td>Jones</td></tr><tr><th>Date</th><td>4 May</td></tr></table>', 'Name\n\nJones\n\nDate\n\n4 May'],
  ['links and inline elements keep their words, not their markup', '<p>See <a href="javascript:alert(1)">the <em>filing</em></a>, page<img src=x onerror=alert(1)>two.</p>', 'See the filing, page two.'],
  ['a title in the head is not text', '<html><head><title>Page title</title><meta name="author" content="J. Doe"></head><body><p>Body</p></body></html>', 'Body'],
  ['no </head>, no <body>: the text is still read', '<head><title>T</title><p>Body text', 'Body text'],
  ['textarea and select left out', '<p>a</p><textarea><p>no</p></textarea><select><option>no</option></select><p>b</p>', 'a\n\nb'],
  ['an <svg> or <math> left open ends where the HTML parser ends it', '<p>a</p><svg><text>no</text><p>b</p><math><mi>no</mi></p><p>c</p>', 'a\n\nb\n\nc'],
  ['control characters and null bytes', '<p>a\u0000b\u0001c</p>', 'ab\u0001c'],
];

describe('simplifyPage', () => {
  it.each(TRICKY)('%s', (_name, markup, text) => {
    const page = simplifyPage(markup);
    expect(page.text).toBe(text);
    expectTextContract(page.html, page.text);
  });

  it('reads what the head says', () => {
    const page = simplifyPage(
      '<head><title> The  title </title><meta property="og:title" content="OG title"><meta name="author" content="Ann Lee"><meta name="author" content="Second"><link rel="alternate canonical" href="https://example.org/a"><base href="https://example.org/"></head><body><article><time datetime="2024-05-04">4 May</time><h2>Heading</h2><p>x</p></article></body>',
    );
    expect(page.title).toBe('The title');
    expect(page.meta.get('og:title')).toBe('OG title');
    expect(page.meta.get('author')).toBe('Ann Lee');
    expect(page.canonical).toBe('https://example.org/a');
    expect(page.base).toBe('https://example.org/');
    expect(page.articleTime).toBe('2024-05-04');
    expect(page.firstHeading).toBe('Heading');
  });

  it('counts only the markup that shows when deciding what is large', () => {
    const script = `<script>${'x'.repeat(5000)}</script>`;
    expect(visibleMarkupSize(`<p>abc</p>${script}<!-- ${'c'.repeat(100)} --><style>${'s'.repeat(100)}</style>`)).toBe('<p>abc</p>'.length);
  });
});

describe('parseHtml on a large page', () => {
  const PROSE = 'The council approved the harbour budget after a long debate about dredging costs. ';
  const large = `<!doctype html><html><head><meta charset="utf-8"><title>Minutes</title><meta name="author" content="Clerk"></head><body><h1>Minutes</h1>${`<p>${PROSE.repeat(10)}<a href="https://example.org/">link</a></p>`.repeat(Math.ceil(SIMPLIFY_ABOVE_CHARS / (PROSE.length * 10)) + 10)}</body></html>`;

  it('reads it by the simplified path, and says so in the metadata', async () => {
    const parsed = await parseHtml({ bytes: new TextEncoder().encode(large), fileName: 'minutes.html', limits: DEFAULT_LIMITS });
    expect(parsed.title).toBe('Minutes');
    expect(parsed.metadata.author).toBe('Clerk');
    expect(parsed.metadata.simplified).toMatch(/^This page is large \(1\.\d MB of markup\), so its layout was simplified/);
    expect(parsed.html).toMatch(/^<h1>Minutes<\/h1><p>The council/);
    expect(parsed.html).not.toContain('<a');
    expect(parsed.text.startsWith(`Minutes\n\n${PROSE.trim()}`)).toBe(true);
  }, 120_000);

  it('reads a page of the same markup in full below the limit', async () => {
    const small = `<!doctype html><html><head><title>Minutes</title></head><body><article><h1>Minutes</h1><p>${PROSE.repeat(20)}<a href="https://example.org/">link</a></p></article></body></html>`;
    const parsed = await parseHtml({ bytes: new TextEncoder().encode(small), fileName: 'minutes.html', limits: DEFAULT_LIMITS });
    expect(parsed.metadata.simplified).toBeUndefined();
    expect(parsed.html).toContain('<a href="https://example.org/"');
  });

  it('keeps the text contract, by the simplified path as by the full one', () => {
    const markup = `<html><head><title>T</title></head><body><nav>Home</nav><article><h2>Part&nbsp;one</h2><p>${PROSE}<br>${PROSE}</p><pre> code\n  here</pre><ul><li>one</li><li>two</li></ul></article></body></html>`;
    const parsed = parseWebPage({ html: markup, fileName: 't.html', encoding: 'utf-8', simplifyAbove: 0 });
    expect(parsed.metadata.simplified).toBeDefined();
    expectTextContract(parsed.html!, parsed.text);
  });
});
