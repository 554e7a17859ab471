import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { composeBriefing, renderBriefingHtml } from '../../../shared/briefing';
import type { BriefingModel } from '../../../shared/briefing/model';
import { FIELD_NOTE_TITLE, seedBriefing } from './briefing-fixture';

const SHA = 'a'.repeat(64);
const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const para = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const citation = (citationId: string, quote: string, page: number | null = 3): JSONContent => ({
  type: 'citation',
  attrs: { citationId, sourceId: 'src-1', start: 10, end: 10 + quote.length, page, quote, sourceSha256: SHA, sourceTitle: 'Stored title' },
});
/** The checks the export dialog would attach had these citations passed `checkCitation`. */
const verified = (...citationIds: string[]) => citationIds.map((citationId) => ({ citationId, verified: true }));

function model(overrides: Partial<BriefingModel> = {}): BriefingModel {
  return {
    title: 'Precursor pipeline',
    subtitle: 'What we know',
    author: 'Desk A',
    date: '1 May 2024',
    handling: 'CONFIDENTIAL — DRAFT',
    pageSize: 'A4',
    notes: [],
    sources: [{ id: 'src-1', title: 'The article', sha256: SHA, importedAt: Date.UTC(2024, 3, 2, 23, 59), format: 'pdf', fileName: 'article.pdf' }],
    entities: [
      { id: 'p1', type: 'Person', name: 'Anne Milgram', aliases: ['Milgram'], description: 'DEA official.', protected: false },
      { id: 'o1', type: 'Organization', name: 'Sinaloa cartel', aliases: [], description: 'A cartel.', protected: false },
      { id: 'pl1', type: 'Place', name: 'Wuhan', aliases: ['武汉'], description: 'City in China.', protected: false },
    ],
    timeline: [
      { date: '2023-04-14', title: 'Charges announced', description: 'Against two suppliers.' },
      { date: '2022-08', title: 'Visit to Taiwan' },
      { date: '2023', endDate: '2024', title: 'Ongoing review' },
    ],
    appendices: { entities: 'mentioned', timeline: true, sources: true },
    redact: false,
    ...overrides,
  };
}

const body = (html: string) => html.slice(html.indexOf('<article'));

describe('renderBriefingHtml: the body', () => {
  const html = renderBriefingHtml(
    model({
      notes: [
        {
          id: 'n1',
          title: 'First note',
          content: doc(
            { type: 'heading', attrs: { level: 1 }, content: [text('Findings')] },
            para(text('Plain, '), text('bold', [{ type: 'bold' }]), text(' and '), text('italic', [{ type: 'italic' }]), text('.')),
            { type: 'heading', attrs: { level: 2 }, content: [text('Details')] },
            { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('one'))] }, { type: 'listItem', content: [para(text('two'))] }] },
            { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [para(text('three'))] }] },
            { type: 'blockquote', content: [para(text('A quoted line.'))] },
            para(text('See '), text('the site', [{ type: 'link', attrs: { href: 'https://example.org/a?b=1&c=2' } }]), text(' and '), text('this', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]), text('.')),
            para({ type: 'entityMention', attrs: { entityId: 'p1', label: 'Anne Milgram', entityType: 'Person' } }, text(' spoke.')),
            {
              type: 'table',
              content: [
                { type: 'tableRow', content: ['A', 'B'].map((c) => ({ type: 'tableHeader', content: [para(text(c))] })) },
                { type: 'tableRow', content: ['1', '2'].map((c) => ({ type: 'tableCell', attrs: { colspan: 1 }, content: [para(text(c))] })) },
              ],
            },
          ),
        },
      ],
    }),
  );

  it('makes each note a chapter whose title is the h1, shifting the note’s own headings one level down', () => {
    expect(html).toContain('<article class="chapter note">\n<h1 id="ch-1">First note</h1>');
    expect(body(html)).toContain('<h2 id="ch-1-h1">Findings</h2>');
    expect(body(html)).toContain('<h3 id="ch-1-h2">Details</h3>');
  });

  it('keeps paragraphs, bold, italic, lists, blockquotes and tables', () => {
    const b = body(html);
    expect(b).toContain('<p>Plain, <strong>bold</strong> and <em>italic</em>.</p>');
    expect(b).toContain('<ul><li><p>one</p></li><li><p>two</p></li></ul>');
    expect(b).toContain('<ol start="3"><li><p>three</p></li></ol>');
    expect(b).toContain('<blockquote><p>A quoted line.</p></blockquote>');
    expect(b).toContain('<table class="note-table"><tbody><tr><th><p>A</p></th><th><p>B</p></th></tr><tr><td><p>1</p></td><td><p>2</p></td></tr></tbody></table>');
  });

  it('marks wide tables so the stylesheet can shrink them', () => {
    const row = (n: number, type: string) => ({ type: 'tableRow', content: Array.from({ length: n }, (_, i) => ({ type, content: [para(text(`c${i}`))] })) });
    const wide = renderBriefingHtml(model({ notes: [{ id: 'n', title: 'T', content: doc({ type: 'table', content: [row(7, 'tableHeader'), row(7, 'tableCell')] }) }] }));
    const veryWide = renderBriefingHtml(model({ notes: [{ id: 'n', title: 'T', content: doc({ type: 'table', content: [row(10, 'tableCell')] }) }] }));
    expect(wide).toContain('<table class="note-table wide">');
    expect(veryWide).toContain('<table class="note-table wide very-wide">');
  });

  it('keeps http(s) links, escaped, and drops any other scheme but keeps its text', () => {
    expect(body(html)).toContain('<a rel="noopener noreferrer nofollow" href="https://example.org/a?b=1&amp;c=2">the site</a>');
    expect(html).not.toContain('javascript:');
    expect(body(html)).toMatch(/ and <a rel="noopener noreferrer nofollow">this<\/a>\./);
  });

  it('styles entity mentions by type and carries none of the editor’s data attributes', () => {
    expect(body(html)).toContain('<span class="entity-mention entity-person">Anne Milgram</span> spoke.');
    expect(html).not.toMatch(/data-[a-z-]+=/);
    expect(html).not.toContain('title="Open the quoted passage"');
  });

  it('prints a note the schema cannot read as its plain text instead of failing', () => {
    const odd = renderBriefingHtml(
      model({ notes: [{ id: 'n', title: 'T', content: doc({ type: 'taskList', content: [{ type: 'taskItem', content: [para(text('Call the source'))] }] }, { type: 'image', attrs: { src: 'https://x/y.png' } }) }] }),
    );
    expect(odd).toContain('Call the source');
    expect(odd).not.toContain('https://x/y.png');
  });

  it('is deterministic', () => {
    const m = seedBriefing().model;
    expect(renderBriefingHtml(m)).toBe(renderBriefingHtml(m));
  });
});

describe('renderBriefingHtml: citations become numbered endnotes', () => {
  const html = renderBriefingHtml(
    model({
      notes: [
        { id: 'n1', title: 'One', content: doc(para(text('Claim.'), citation('c1', 'first quoted passage')), para(text('Other.'), citation('c2', 'second passage', null))), citationChecks: verified('c1', 'c2') },
        { id: 'n2', title: 'Two', content: doc(para(text('Again.'), citation('c1', 'first quoted passage'))), citationChecks: verified('c1') },
      ],
    }),
  );

  it('puts a superscript link to the endnote where the citation was, reusing the number for the same passage', () => {
    expect(html).toContain('Claim.<sup class="endnote-ref"><a href="#endnote-1">1</a></sup>');
    expect(html).toContain('Other.<sup class="endnote-ref"><a href="#endnote-2">2</a></sup>');
    expect(html).toContain('Again.<sup class="endnote-ref"><a href="#endnote-1">1</a></sup>');
    expect(html).not.toContain('[Stored title');
  });

  it('gives each endnote the source’s title, the page, the quoted passage and the sha256', () => {
    expect(html).toContain('<h1 id="endnotes">Endnotes</h1>');
    expect(html).toContain(
      `<li id="endnote-1" value="1"><cite class="endnote-source">The article</cite>, p.&nbsp;3. <q class="endnote-quote">first quoted passage</q> <span class="fingerprint">SHA-256 <code>${SHA}</code></span></li>`,
    );
    expect(html).toContain('<li id="endnote-2" value="2"><cite class="endnote-source">The article</cite>. <q class="endnote-quote">second passage</q>');
    expect(html.match(/<li id="endnote-/g)).toHaveLength(2);
  });

  it('prints a quote taken across line breaks as one line, its hyphenated words joined', () => {
    const quoted = renderBriefingHtml(
      model({ notes: [{ id: 'n1', title: 'One', content: doc(para(text('Claim.'), citation('c1', 'payments routed\nthrough shell com-\npanies in Cyprus'))), citationChecks: verified('c1') }] }),
    );
    expect(quoted).toContain('<q class="endnote-quote">payments routed through shell companies in Cyprus</q>');
  });

  it('says so when the source has been re-imported with another fingerprint', () => {
    const changed = renderBriefingHtml(
      model({ sources: [{ id: 'src-1', title: 'The article', sha256: 'b'.repeat(64), importedAt: 0 }], notes: [{ id: 'n', title: 'T', content: doc(para(citation('c1', 'q'))) }] }),
    );
    expect(changed).toContain(`<code>${SHA}</code>`);
    expect(changed).toContain(`re-imported since; it now reads <code>${'b'.repeat(64)}</code>`);
  });

  it('falls back to the title the citation stored when the source is gone', () => {
    const orphan = renderBriefingHtml(model({ sources: [], notes: [{ id: 'n', title: 'T', content: doc(para(citation('c1', 'q'))) }] }));
    expect(orphan).toContain('<cite class="endnote-source">Stored title</cite>');
  });

  it('has no endnotes chapter when nothing is cited', () => {
    expect(renderBriefingHtml(model({ notes: [{ id: 'n', title: 'T', content: doc(para(text('x'))) }] }))).not.toContain('id="endnotes"');
  });
});

describe('renderBriefingHtml: title page, contents and appendices', () => {
  const mentioned = doc(para({ type: 'entityMention', attrs: { entityId: 'p1', label: 'Milgram', entityType: 'Person' } }), para(citation('c1', 'q')));
  const html = renderBriefingHtml(model({ notes: [{ id: 'n1', title: 'One', content: mentioned, citationChecks: verified('c1') }] }));

  it('opens with a title page holding title, subtitle, author, date and the handling line', () => {
    const titlePage = html.slice(html.indexOf('<section class="title-page">'), html.indexOf('</section>'));
    for (const part of ['<p class="handling-mark">CONFIDENTIAL — DRAFT</p>', '<p class="doc-title">Precursor pipeline</p>', '<p class="doc-subtitle">What we know</p>', '<dd>Desk A</dd>', '<dd>1 May 2024</dd>'])
      expect(titlePage).toContain(part);
    expect(html).toContain('<title>Precursor pipeline</title>');
  });

  it('lists chapters, endnotes and appendices in the contents, with placeholders until the pages are known', () => {
    const toc = html.slice(html.indexOf('<nav class="toc">'), html.indexOf('</nav>'));
    const anchors = [...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(anchors).toEqual(['ch-1', 'endnotes', 'appendix-entities', 'appendix-timeline', 'appendix-sources']);
    expect(toc).toContain('<span class="toc-title">Appendix B. Timeline</span><span class="toc-leader"></span><span class="toc-page">00</span>');
    const numbered = renderBriefingHtml(model({ notes: [{ id: 'n1', title: 'One', content: mentioned }], pageNumbers: { 'ch-1': 3, endnotes: 4, 'appendix-entities': 5, 'appendix-timeline': 6, 'appendix-sources': 7 } }));
    expect(numbered).toContain('<span class="toc-title">One</span><span class="toc-leader"></span><span class="toc-page">3</span>');
    expect(numbered).toContain('<span class="toc-title">Appendix C. Sources</span><span class="toc-leader"></span><span class="toc-page">7</span>');
  });

  it('lists the mentioned entities by type with aliases and descriptions (or all of them when asked)', () => {
    const appendix = html.slice(html.indexOf('id="appendix-entities"'), html.indexOf('id="appendix-timeline"'));
    expect(appendix).toContain('<h2 class="entity-type">People</h2>');
    expect(appendix).toContain('<p class="entity-name">Anne Milgram</p><p class="entity-aliases">Also: Milgram</p><p class="entity-description">DEA official.</p>');
    expect(appendix).not.toContain('Sinaloa cartel');
    const all = renderBriefingHtml(model({ appendices: { entities: 'all', timeline: false, sources: false } }));
    expect(all).toContain('<h2 class="entity-type">Organizations</h2>');
    expect(all).toContain('Also: 武汉');
    expect(all.indexOf('People')).toBeLessThan(all.indexOf('Organizations'));
  });

  it('gives a timeline of dated events, oldest first, dates in words', () => {
    const appendix = html.slice(html.indexOf('id="appendix-timeline"'), html.indexOf('id="appendix-sources"'));
    const order = ['August 2022', '2023 – 2024', '14 April 2023'].map((d) => appendix.indexOf(`<td class="event-date">${d}</td>`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(appendix).toContain('<p class="event-title">Charges announced</p><p class="event-description">Against two suppliers.</p>');
  });

  it('lists the sources with their import date (UTC), citation count and sha256', () => {
    const appendix = html.slice(html.indexOf('id="appendix-sources"'));
    expect(appendix).toContain('<p class="source-title">The article</p><p class="source-file">article.pdf (pdf)</p>');
    expect(appendix).toContain('<td class="source-imported">2024-04-02</td><td class="source-cited">1</td>');
    expect(appendix).toContain(`<code>${SHA}</code>`);
  });

  it('leaves out the appendices not asked for', () => {
    const none = renderBriefingHtml(model({ appendices: { entities: false, timeline: false, sources: false } }));
    expect(none).not.toContain('Appendix');
  });

  it('composes the seeded case with both notes and the appendices', () => {
    const seeded = renderBriefingHtml(seedBriefing().model);
    expect(seeded).toContain('<h1 id="ch-1">Briefing draft: precursor pipeline</h1>');
    expect(seeded).toContain(`<h1 id="ch-2">${FIELD_NOTE_TITLE}</h1>`);
    expect(seeded).toContain('sits in 武汉 (Wuhan).');
    expect(seeded).toContain('<h1 id="appendix-sources">Appendix C. Sources</h1>');
  });
});

describe('renderBriefingHtml: hostile text', () => {
  const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quoted" \'single\'';
  const composed = composeBriefing(
    model({
      title: hostile,
      subtitle: hostile,
      author: hostile,
      handling: hostile,
      summary: hostile,
      sources: [{ id: 'src-1', title: hostile, sha256: '<b>not-a-sha</b>', importedAt: 0, fileName: hostile }],
      entities: [{ id: 'p1', type: 'Person', name: hostile, aliases: [hostile], description: hostile, protected: false }],
      timeline: [{ date: '<i>2023</i>', title: hostile, description: hostile }],
      notes: [
        {
          id: 'n1',
          title: hostile,
          content: doc(
            { type: 'heading', attrs: { level: 1 }, content: [text(hostile)] },
            para(text(hostile), { type: 'entityMention', attrs: { entityId: 'p1', label: hostile, entityType: '"><script>' } }, citation('c1', hostile)),
          ),
        },
      ],
      appendices: { entities: 'all', timeline: true, sources: true },
    }),
  );

  it('escapes every model string: no markup of its own reaches the document, the templates or the title', () => {
    for (const out of [composed.html, composed.chrome.headerTemplate, composed.chrome.footerTemplate]) {
      expect(out).not.toMatch(/<script/i);
      expect(out).not.toMatch(/<img/i);
      expect(out).not.toMatch(/<b>not-a-sha/);
      expect(out).not.toMatch(/<i>2023/);
      expect(out).not.toMatch(/<[^>]*\sonerror=/i);
    }
    expect(composed.html).toContain('&lt;script&gt;alert("x")&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; "quoted"');
    expect(composed.html).toContain('<title>&lt;script&gt;');
  });

  it('forbids scripts and network in the document itself', () => {
    expect(composed.html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; font-src data:; img-src data:">`);
  });

  it('cannot close the style element from the font CSS', () => {
    const html = renderBriefingHtml(model(), { fontCss: '</style><script>x</script>' });
    expect(html).not.toMatch(/<\/style><script|<script/);
  });
});
