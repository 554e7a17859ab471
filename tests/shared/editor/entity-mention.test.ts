import type { JSONContent } from '@tiptap/core';
import { generateHTML, generateJSON } from '@tiptap/html/server';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { isAllowedLinkHref, noteExtensions } from '../../../shared/editor/extensions';

const extensions = noteExtensions();

const note: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Cassara named ' },
        { type: 'entityMention', attrs: { entityId: 'ent-yuancheng-group', label: 'Yuancheng Group', entityType: 'Company' } },
        { type: 'text', text: ', see ' },
        { type: 'text', text: 'the article', marks: [{ type: 'link', attrs: { href: 'https://www.theepochtimes.com/a' } }] },
      ],
    },
  ],
};

/** Reads rendered HTML back through a DOM, so assertions look at elements, not string shapes. */
function dom(html: string) {
  const window = new Window();
  window.document.body.innerHTML = html;
  return window.document;
}

function firstMention(json: JSONContent): JSONContent | undefined {
  if (json.type === 'entityMention') return json;
  for (const child of json.content ?? []) {
    const found = firstMention(child);
    if (found) return found;
  }
  return undefined;
}

const linkMarks = (json: JSONContent): NonNullable<JSONContent['marks']> =>
  [...(json.marks ?? []), ...(json.content ?? []).flatMap(linkMarks)].filter((m) => m.type === 'link');

describe('entity mention rendered to HTML in Node', () => {
  const html = generateHTML(note, extensions);
  const span = dom(html).querySelector('span[data-entity-mention]');

  it('is a span carrying its attributes as data-* and its label as text', () => {
    expect(span).not.toBeNull();
    expect(span?.getAttribute('data-entity-id')).toBe('ent-yuancheng-group');
    expect(span?.getAttribute('data-label')).toBe('Yuancheng Group');
    expect(span?.getAttribute('data-entity-type')).toBe('Company');
    expect(span?.textContent).toBe('Yuancheng Group');
  });

  it('has the entity-mention class and one for its type', () => {
    expect(span?.getAttribute('class')?.split(/\s+/).sort()).toEqual(['entity-company', 'entity-mention']);
  });

  it('round-trips through generateJSON unchanged', () => {
    const back = generateJSON(html, extensions) as JSONContent;
    expect(back).toEqual(generateJSON(generateHTML(back, extensions), extensions));
    expect(firstMention(back)?.attrs).toEqual({ entityId: 'ent-yuancheng-group', label: 'Yuancheng Group', entityType: 'Company' });
    expect(linkMarks(back).map((m) => m.attrs?.href)).toEqual(['https://www.theepochtimes.com/a']);
  });

  it('renders the link without a target and with a safe rel', () => {
    const a = dom(html).querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://www.theepochtimes.com/a');
    expect(a?.hasAttribute('target')).toBe(false);
    expect(a?.getAttribute('rel')?.split(' ').sort()).toEqual(['nofollow', 'noopener', 'noreferrer']);
  });
});

describe('entity mention parsed from HTML', () => {
  const parse = (span: string) => firstMention(generateJSON(`<p>Before ${span} after</p>`, extensions) as JSONContent);

  it('falls back to Organization for an unknown or missing data-entity-type', () => {
    expect(parse('<span data-entity-mention data-entity-id="e1" data-label="X" data-entity-type="Alien">X</span>')?.attrs?.entityType).toBe('Organization');
    expect(parse('<span data-entity-mention data-entity-id="e1" data-label="X">X</span>')?.attrs?.entityType).toBe('Organization');
  });

  it('keeps each known type', () => {
    expect(parse('<span data-entity-mention data-entity-id="e1" data-label="X" data-entity-type="Substance">X</span>')?.attrs?.entityType).toBe('Substance');
  });

  it('takes the label from the text when data-label is missing', () => {
    expect(parse('<span data-entity-mention data-entity-id="e2">Wuhan</span>')?.attrs).toMatchObject({ entityId: 'e2', label: 'Wuhan' });
  });

  it('ignores a plain span without data-entity-mention', () => {
    expect(parse('<span data-entity-id="e3" data-label="Wuhan">Wuhan</span>')).toBeUndefined();
  });
});

describe('links', () => {
  it('isAllowedLinkHref accepts http, https and mailto URLs', () => {
    for (const href of ['http://example.org', 'https://example.org/a?b=c#d', 'HTTPS://EXAMPLE.ORG', 'mailto:desk@example.org']) {
      expect(isAllowedLinkHref(href), href).toBe(true);
    }
  });

  it('isAllowedLinkHref refuses script, data, file, other schemes and relative or empty strings', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:msgbox(1)',
      'ftp://example.org',
      '/notes/1',
      'notes/1',
      '//example.org',
      '#top',
      '',
    ]) {
      expect(isAllowedLinkHref(href), JSON.stringify(href)).toBe(false);
    }
  });

  it('drops a javascript: link when parsing HTML, keeping its text', () => {
    const json = generateJSON('<p><a href="javascript:alert(1)">click</a> and <a href="https://ok.example/">ok</a></p>', extensions) as JSONContent;
    expect(linkMarks(json).map((m) => m.attrs?.href)).toEqual(['https://ok.example/']);
    expect(JSON.stringify(json)).not.toContain('javascript');
    expect(JSON.stringify(json)).toContain('click');
  });

  it('drops data: and relative links when parsing HTML', () => {
    const json = generateJSON('<p><a href="data:text/html,x">a</a><a href="/local">b</a></p>', extensions) as JSONContent;
    expect(linkMarks(json)).toEqual([]);
  });

  it('never renders a disallowed href that reached the document JSON', () => {
    const bad: JSONContent = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }],
    };
    const html = generateHTML(bad, extensions);
    expect(html).not.toContain('javascript');
    expect(dom(html).querySelector('a')?.getAttribute('href') ?? '').toBe('');
  });
});
