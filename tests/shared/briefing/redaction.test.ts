import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { composeBriefing, createRedactor } from '../../../shared/briefing';
import type { BriefingEntity, BriefingModel } from '../../../shared/briefing/model';
import { foldText } from '../../../shared/linking/normalize';
import { WANG_CHINESE, seedBriefing } from './briefing-fixture';

/** Everything a composed briefing hands to the printer. */
function everything(model: BriefingModel): string {
  const { html, chrome } = composeBriefing(model);
  return [html, chrome.headerTemplate, chrome.footerTemplate].join('\n');
}

/** Folded and with entities decoded, so neither case, accents nor `&amp;` can hide a name from the check. */
function readable(html: string): string {
  const decoded = html.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&nbsp;/g, ' ');
  return foldText(decoded).replace(/\s+/g, ' ');
}

const squashed = (s: string) => foldText(s).replace(/[^\p{L}\p{N}]+/gu, '');

function expectNoTrace(output: string, names: readonly string[]): void {
  const folded = readable(output);
  const squashedOutput = squashed(decodeURIComponent(output.replace(/%(?![0-9a-f]{2})/gi, '%25')));
  for (const name of names) {
    expect(folded, name).not.toContain(foldText(name));
    // Not even with its spaces or punctuation changed, as in a URL slug or an id.
    expect(squashedOutput, name).not.toContain(squashed(name));
  }
}

describe('redaction of the seeded case', () => {
  const { model, protectedNames } = seedBriefing({ redact: true });
  const output = everything(model);

  it('leaves no protected name or alias anywhere in the HTML or the page templates', () => {
    expect(protectedNames).toEqual(expect.arrayContaining(['John A. Cassara', 'Cassara', 'Wang Wenbin', WANG_CHINESE]));
    expectNoTrace(output, protectedNames);
  });

  it('puts a bar where each name was: mention nodes, plain text, names split by formatting, Chinese text, quotes', () => {
    expect(output).toContain('<li><p><span class="redacted">redacted</span> testified on March 23; our contact knows <span class="redacted">redacted</span> personally.</p></li>');
    expect(output).toContain('Ministry spokesman <span class="redacted">redacted</span> (外交部发言人<span class="redacted">redacted</span>说) blamed the sanctions.');
    expect(output).toContain('those that have an external impact, <span class="redacted">redacted</span> testified.</q>');
  });

  it('drops a link whose URL names a protected person, keeping its text', () => {
    expect(output).toContain('Testimony video: House hearing page; DEA release: <a rel="noopener noreferrer nofollow" href="https://www.dea.gov/press-releases">dea.gov</a>.');
  });

  it('keeps protected entities out of the appendices and says the copy is redacted', () => {
    expect(output).not.toContain('Former CIA intelligence officer');
    expect(output).not.toContain('Chinese Foreign Ministry spokesman. On April 17');
    expect(output).toContain('Redacted copy');
  });

  it('leaves everything else alone', () => {
    expect(output).toContain('<span class="entity-mention entity-person">Anne Milgram</span>');
    expect(output).toContain('Vanda Felbab-Brown');
  });

  it('redacts nothing when redaction is off', () => {
    const plain = everything(seedBriefing({ redact: false }).model);
    expect(plain).not.toContain('class="redacted"');
    expect(plain).toContain('John A. Cassara');
    expect(plain).toContain(WANG_CHINESE);
  });
});

describe('redaction reaches every string the briefing prints', () => {
  const informant: BriefingEntity = { id: 'x1', type: 'Person', name: 'Zoë Ålund-Park', aliases: ['Nightjar', 'Z.A.P.'], description: 'The informant.', protected: true };
  const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
  const text = (value: string): JSONContent => ({ type: 'text', text: value });
  const model: BriefingModel = {
    title: 'Meeting Nightjar',
    subtitle: 'With ZOE ALUND-PARK',
    author: 'Handler of nightjar',
    date: '1 May 2024',
    summary: 'Zoe Alund-Park met us.',
    handling: 'SECRET — Nightjar',
    pageSize: 'Letter',
    notes: [
      {
        id: 'n1',
        title: 'Notes on Nightjar',
        content: doc(
          { type: 'heading', attrs: { level: 1 }, content: [text('Nightjar’s account')] },
          { type: 'paragraph', content: [text('Zoë\nÅlund-Park said so. Z.A.P. agreed.'), { type: 'entityMention', attrs: { entityId: 'x1', label: 'our friend', entityType: 'Person' } }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'Profile', marks: [{ type: 'link', attrs: { href: 'https://example.org/people/zo%C3%AB_%C3%A5lund_park' } }] }] },
          {
            type: 'paragraph',
            content: [
              {
                type: 'citation',
                attrs: { citationId: 'c', sourceId: 's', start: 0, end: 5, page: 1, quote: 'Nightjar told us', sourceSha256: 'f'.repeat(64), sourceTitle: 'Interview with Nightjar' },
              },
            ],
          },
        ),
      },
    ],
    sources: [{ id: 's', title: 'Interview with Nightjar', sha256: 'f'.repeat(64), importedAt: 0, fileName: 'nightjar-interview.pdf' }],
    entities: [informant, { id: 'e2', type: 'Event', name: 'Meeting with Nightjar', aliases: ['The Nightjar meeting'], description: 'Where Nightjar talked.', protected: false }],
    timeline: [
      { date: '2024-01-02', title: 'Met Nightjar', entityIds: ['e2'] },
      { date: '2024-01-03', title: 'Informant event', entityIds: ['x1'] },
    ],
    appendices: { entities: 'all', timeline: true, sources: true },
    redact: true,
  };
  const output = everything(model);

  it('leaves no trace in title, metadata title, header, footer, headings, contents, text, links, endnotes or appendices', () => {
    expectNoTrace(output, [informant.name, ...informant.aliases]);
    expect(output).toContain('<title>Meeting [redacted]</title>');
    expect(output).toContain('<h1 id="ch-1">Notes on <span class="redacted">redacted</span></h1>');
    expect(output).toContain('<span class="toc-title"><span class="redacted">redacted</span>’s account</span>');
  });

  it('finds names across a line break, in any case and without their accents', () => {
    expect(output).toContain('<p><span class="redacted">redacted</span> said so. <span class="redacted">redacted</span> agreed.<span class="redacted">redacted</span></p>');
    expect(output).toContain('<p class="doc-subtitle">With <span class="redacted">redacted</span></p>');
  });

  it('leaves out timeline events about a protected entity, and redacts names in the others', () => {
    expect(output).not.toContain('Informant event');
    expect(output).toContain('<p class="event-title">Met <span class="redacted">redacted</span></p>');
  });

  it('draws the bars in the page templates with inline styles (templates see no stylesheet)', () => {
    const { chrome } = composeBriefing(model);
    expect(chrome.headerTemplate).toMatch(/SECRET — <span style="[^"]*background: #000[^"]*">redacted<\/span>/);
  });
});

describe('createRedactor', () => {
  const entities: BriefingEntity[] = [
    { id: 'a', type: 'Person', name: 'Li Wei', aliases: ['李伟'], description: '', protected: true },
    { id: 'b', type: 'Person', name: 'Public Person', aliases: [], description: '', protected: false },
  ];

  it('is inactive when off or when nothing is protected', () => {
    expect(createRedactor(entities, false).active).toBe(false);
    expect(createRedactor([entities[1]!], true).active).toBe(false);
  });

  it('finds Chinese names inside unspaced Chinese text', () => {
    const r = createRedactor(entities, true);
    expect(r.split('据李伟说')).toEqual([
      { text: '据', redacted: false },
      { text: '李伟', redacted: true },
      { text: '说', redacted: false },
    ]);
  });

  it('respects word boundaries in spaced scripts', () => {
    const r = createRedactor(entities, true);
    expect(r.find('Li Weiss and Li Wei')).toEqual([{ start: 13, end: 19 }]);
  });

  it('refuses URLs naming a protected entity however they are written', () => {
    const r = createRedactor(entities, true);
    expect(r.allowsUrl('https://example.org/li-wei')).toBe(false);
    expect(r.allowsUrl('https://example.org/?q=Li+Wei')).toBe(false);
    expect(r.allowsUrl('https://example.org/%E6%9D%8E%E4%BC%9F')).toBe(false);
    expect(r.allowsUrl('https://example.org/public')).toBe(true);
  });
});
