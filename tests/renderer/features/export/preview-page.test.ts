import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { asPreviewPage } from '../../../../renderer/features/export/preview-page';

const { window } = new JSDOM('');
const BRIEFING =
  '<!doctype html><html><head><title>B</title><style>a { color: blue; }</style></head><body>' +
  '<nav><a href="#note-1">Contents entry</a></nav>' +
  '<p><a href="https://ok.example/" target="_blank" ping="https://ping.example/">web link</a> and ' +
  '<a href="mailto:a@example.org" title="Write">mail</a><sup class="endnote-ref"><a href="#endnote-1">1</a></sup></p>' +
  '<svg><a href="https://svg.example/"><text>svg link</text></a></svg></body></html>';

describe('asPreviewPage', () => {
  const preview = new window.DOMParser().parseFromString(asPreviewPage(BRIEFING, window), 'text/html');

  it('leaves no link with an address to follow', () => {
    expect(preview.querySelectorAll('[href], [target], [ping]')).toHaveLength(0);
    expect(Array.from(preview.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).map((a) => a.name)).filter((n) => /href/i.test(n))).toEqual([]);
  });

  it('keeps the links as styled text, an external one with its address as a tooltip', () => {
    const links = Array.from(preview.querySelectorAll('a'));
    expect(links.map((a) => [a.textContent, a.getAttribute('title')])).toEqual([
      ['Contents entry', null],
      ['web link', 'https://ok.example/'],
      ['mail', 'Write'],
      ['1', null],
      ['svg link', 'https://svg.example/'],
    ]);
    expect(preview.querySelector('sup.endnote-ref a')).not.toBeNull();
  });

  it('puts the document on a sheet and keeps its own head', () => {
    expect(asPreviewPage(BRIEFING, window)).toMatch(/^<!doctype html>/);
    expect(preview.title).toBe('B');
    const styles = Array.from(preview.head.querySelectorAll('style')).map((s) => s.textContent);
    expect(styles[0]).toBe('a { color: blue; }');
    expect(styles.at(-1)).toContain('@media screen');
  });
});
