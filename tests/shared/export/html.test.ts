import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { seededCase } from './case-fixture';
import { hostileNote } from './hostile-note';
import { caseToHtml, noteToHtml } from '../../../shared/export/html';

/** Everything in the page that could run code or fetch something. */
function expectSelfContained(html: string) {
  const doc = new JSDOM(html).window.document;
  expect(doc.querySelectorAll('script, iframe, object, embed, img, link, base, form, video, audio, source, svg').length).toBe(0);
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
      expect(['src', 'srcset', 'style', 'background', 'poster'].includes(attr.name) && /(https?:|\/\/)/.test(attr.value)).toBe(false);
      if (attr.name === 'href') expect(attr.value).toMatch(/^(#|https:\/\/|http:\/\/|mailto:|$)/);
    }
  }
  expect(html).not.toMatch(/url\(|@import/i);
  const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  return doc;
}

describe('HTML export', () => {
  it('renders the seeded case as one self-contained page with working internal links', async () => {
    const { snapshot } = await seededCase();
    const html = caseToHtml(snapshot, { now: new Date('2024-01-01') });
    const doc = expectSelfContained(html);
    expect(doc.querySelector('h1')?.textContent).toBe(snapshot.case.title);
    expect(doc.querySelectorAll('article').length).toBe(snapshot.notes.filter((n) => !n.deletedAt).length);
    // Mentions and citations link to entries on the page.
    const internal = [...doc.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1));
    expect(internal.length).toBeGreaterThan(20);
    for (const id of internal) expect(doc.getElementById(id), id).not.toBeNull();
    // The quoted passage is an endnote with source, page, quote and fingerprint.
    const citation = snapshot.citations[0]!;
    const endnote = doc.querySelector('.endnotes li')!.textContent!;
    expect(endnote).toContain('p. 3');
    expect(endnote).toContain(citation.quote.replace(/\s+/g, ' ').trim());
    expect(endnote).toContain(citation.sourceSha256);
    // No ids, labels or quotes ride along in data attributes.
    expect(html).not.toContain('data-');
  });

  it('keeps a hostile note inert: no script, no fetched URL, text escaped', async () => {
    const { snapshot } = await seededCase();
    const entity = snapshot.entities[0]!;
    const source = snapshot.sources[0]!;
    const note = hostileNote(snapshot.case.id, entity.id, source.id);
    const html = noteToHtml(note, { ...snapshot, notes: [note] });
    const doc = expectSelfContained(html);
    expect(html).not.toMatch(/<script|<img/i);
    expect(doc.title).toContain('<script>');
    expect(doc.body.textContent).toContain('<script>alert(1)</script>');
    expect(doc.querySelector('a.entity-mention')?.textContent).toContain('<img src=https://evil.example/m.png');
    expect(doc.querySelector('.endnotes li')?.textContent).toContain('</style><script>alert("quote")</script>');
    expect([...doc.querySelectorAll('a')].some((a) => a.getAttribute('href') === 'https://example.org/a b' || a.getAttribute('href') === 'https://example.org/a%20b')).toBe(true);
    expect(html).not.toContain('javascript:');
    // The whole case, with the hostile note in it, is just as inert.
    expectSelfContained(caseToHtml({ ...snapshot, notes: [...snapshot.notes, note] }));
  });

  it('prints a quote taken across line breaks as one line, its hyphenated words joined', async () => {
    const { snapshot } = await seededCase();
    const quote = 'payments routed\nthrough shell com-\npanies in Cyprus';
    const note = {
      ...snapshot.notes[0]!,
      content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Claim ' }, { type: 'citation', attrs: { citationId: 'c1', sourceId: 'src-none', start: 0, end: quote.length, page: 2, quote, sourceSha256: 'a'.repeat(64), sourceTitle: 'Port report' } }] }] },
    };
    const doc = expectSelfContained(noteToHtml(note, { ...snapshot, notes: [note] }));
    expect(doc.querySelector('.endnotes li')?.textContent).toContain('— “payments routed through shell companies in Cyprus”');
  });

  it('falls back to the plain text for a document the schema refuses', async () => {
    const { snapshot } = await seededCase();
    const odd = { ...snapshot.notes[0]!, content: { type: 'doc', content: [{ type: 'iframe', attrs: { src: 'https://evil.example' } }] }, text: 'plain <words>' };
    const doc = expectSelfContained(noteToHtml(odd, snapshot));
    expect(doc.body.textContent).toContain('plain <words>');
  });
});
