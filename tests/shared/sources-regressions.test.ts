import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { walkHtmlText } from '../../shared/sources/html-text';
import { sanitizeHtml } from '../../shared/sources/sanitize';
import { sanitizeForReader } from '../../electron/services/import/html';

const window = () => new JSDOM('').window;

describe('sanitizeHtml', () => {
  // DOMPurify tests every allowed attribute that is not "URI-safe" against ALLOWED_URI_REGEXP;
  // SAFE_URI only admits http(s)/mailto/# values, so "2", "fr", "rtl", "2024-03-12" all fail.
  it('keeps the allow-listed colspan, rowspan, lang, dir and datetime attributes', () => {
    expect(sanitizeHtml('<table><tbody><tr><td colspan="2" rowspan="3">x</td></tr></tbody></table><p lang="fr" dir="rtl">y</p><time datetime="2024-03-12">z</time>', window()))
      .toBe('<table><tbody><tr><td colspan="2" rowspan="3">x</td></tr></tbody></table><p lang="fr" dir="rtl">y</p><time datetime="2024-03-12">z</time>');
  });

  // Unwrapping a removed <object>/<svg> (KEEP_CONTENT) can leave a tree the HTML parser would not build,
  // so one pass is not always a fixed point; the import pipeline's sanitizeForReader iterates until it is.
  it.each([
    '<p>a<object><div>b</div></object>c</p>',
    '<h1>a<object><h2>b</h2></object></h1>',
    '<a href="https://a.example/"><object><a href="https://b.example/">x</a></object></a>',
    '<pre>\n\nfoo</pre>',
  ])('reaches a fixed point through sanitizeForReader on %j', (dirty) => {
    const w = window();
    const { html } = sanitizeForReader(dirty, w as never);
    expect(sanitizeHtml(html, w)).toBe(html);
  });
});

describe('sanitizeHtml on markup that makes a frameset document', () => {
  // The parser builds <frameset> instead of <body> for these, and DOMPurify's RETURN_DOM answers null.
  it.each(['<div><frameset>', '<frameset><frame src="https://tracker.example/">', '<div><frameset><p>hidden</p></frameset></div>', '\n<div></div><frameset cols="50%,50%">'])(
    'gives empty HTML for %j instead of throwing',
    (dirty) => {
      expect(sanitizeHtml(dirty, window())).toBe('');
    },
  );

  it('still sanitizes what follows in a later call on the same window', () => {
    const w = window();
    expect(sanitizeHtml('<div><frameset>', w)).toBe('');
    expect(sanitizeHtml('<p>after</p>', w)).toBe('<p>after</p>');
  });
});

describe('walkHtmlText', () => {
  // Two trailing spaces in separate pieces (<pre> keeps them) and two block ends in a row:
  // the second drop cuts an already-empty piece, so the space stays in the text while `length` moves on.
  it('drops the trailing space of a block even when the previous cut emptied a piece', () => {
    const body = new JSDOM('<body><div><pre>a <b> </b></pre></div><p>z</p>').window.document.body;
    const { text, segments } = walkHtmlText(body);
    expect(text).toBe('a\n\nz');
    expect(segments.map((s) => text.slice(s.textOffset, s.textOffset + s.length))).toEqual(['a', 'z']);
  });
});
