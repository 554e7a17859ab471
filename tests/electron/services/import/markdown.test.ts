import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../electron/services/import/errors';
import { parseMarkdown, splitFrontMatter } from '../../../../electron/services/import/markdown';
import { DEFAULT_LIMITS, type ParsedDocument } from '../../../../electron/services/import/types';
import { htmlText } from '../../../../shared/sources/html-text';
import { sanitizeHtml } from '../../../../shared/sources/sanitize';

const parse = (markdown: string, fileName = 'notes.md') => parseMarkdown({ bytes: new TextEncoder().encode(markdown), fileName, limits: DEFAULT_LIMITS });
const body = (html: string) => new JSDOM(`<!doctype html><body>${html}`).window.document.body;

function expectInvariant(parsed: ParsedDocument): void {
  expect(sanitizeHtml(parsed.html!, new JSDOM('').window)).toBe(parsed.html);
  expect(htmlText(body(parsed.html!))).toBe(parsed.text);
}

const NOTES = `# Harbor Logistics: timeline

Compiled from the **registry** and _court filings_. See https://registry.example.org/company/40211.

## Events

1. 2019: company registered
2. 2021: first contract

- [Procurement records](https://port.example.org/records)
- [Local copy](./records.pdf)

| Year | Contracts |
|------|-----------|
| 2019 | 1 |
| 2020 | 3 |

\`\`\`
grep -i harbor contracts.csv
\`\`\`

> Quoted from the audit.
`;

describe('parseMarkdown', () => {
  it('renders structure, and its text follows the rendered blocks', async () => {
    const parsed = await parseMarkdown({ bytes: new TextEncoder().encode(NOTES), fileName: 'timeline.md', limits: DEFAULT_LIMITS });
    const doc = body(parsed.html!);
    expect(doc.querySelector('h1')?.textContent).toBe('Harbor Logistics: timeline');
    expect(doc.querySelectorAll('ol > li')).toHaveLength(2);
    expect(doc.querySelectorAll('table tbody tr')).toHaveLength(2);
    expect(doc.querySelector('pre code')?.textContent).toBe('grep -i harbor contracts.csv\n');
    expect(doc.querySelector('blockquote')?.textContent?.trim()).toBe('Quoted from the audit.');
    expect(parsed.text).toMatch(/^Harbor Logistics: timeline\n\nCompiled from the registry and court filings\. See https:/);
    expect(parsed.text).toContain('Year\tContracts\n\n2019\t1');
    expect(parsed.metadata).toEqual({ encoding: 'utf-8' });
    expectInvariant(parsed);
  });

  it('takes the first h1 as title', async () => {
    expect((await parse(NOTES)).title).toBe('Harbor Logistics: timeline');
    expect((await parse('Intro\n\nSetext title\n============\n\n# Later')).title).toBe('Setext title');
    expect((await parse('## Only a subheading')).title).toBeUndefined();
  });

  it('links bare URLs, keeps absolute links and drops relative hrefs (keeping their text)', async () => {
    const links = Array.from(body((await parse(NOTES)).html!).querySelectorAll('a'), (a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['https://registry.example.org/company/40211', 'https://registry.example.org/company/40211'],
      ['Procurement records', 'https://port.example.org/records'],
      ['Local copy', null],
    ]);
  });

  it('shows raw HTML as text and never renders it', async () => {
    const parsed = await parse('Before <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned=1"> after.\n\n<iframe src="https://evil.example/"></iframe>');
    expect(parsed.text).toBe('Before <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned=1"> after.\n\n<iframe src="https://evil.example/"></iframe>');
    expect(body(parsed.html!).querySelectorAll('script, img, iframe')).toHaveLength(0);
    expectInvariant(parsed);
  });

  it('makes no link of javascript:, vbscript: or data: URLs', async () => {
    const parsed = await parse('[a](javascript:alert(1)) [b](vbscript:msgbox) [c](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(2)> ![d](data:image/png;base64,iVBORw0KGgo=)');
    expect(body(parsed.html!).querySelectorAll('a[href], img')).toHaveLength(0);
    expect(parsed.html).not.toMatch(/href=|src=/);
    expectInvariant(parsed);
  });

  it('reads Windows-1252 Markdown', async () => {
    const bytes = new Uint8Array([0x23, 0x20, 0x93, 0x43, 0x61, 0x66, 0xe9, 0x94]); // # “Café”
    const parsed = await parseMarkdown({ bytes, fileName: 'cafe.md', limits: DEFAULT_LIMITS });
    expect(parsed).toMatchObject({ title: '“Café”', text: '“Café”', metadata: { encoding: 'windows-1252' } });
  });

  it('rejects a file with nothing to show', async () => {
    const error = await parse('---\ntitle: Only metadata\n---\n\n   \n', 'blank.md').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'empty', message: 'blank.md: there is no text in it to import.' });
  });
});

describe('front matter', () => {
  const DOCUMENT = `---
title: "Interview: the harbour master"
author: Jane Roe   # reporter
date: 2024-03-12
tags: [port, contracts]
sources:
  - registry
  - court
summary: >
  folded text
quote: 'it''s fine'
---
# Heading in the body

Body text.
`;

  it('is cut off, and its simple key: value pairs become metadata', async () => {
    const parsed = await parse(DOCUMENT);
    expect(parsed.metadata).toEqual({ title: 'Interview: the harbour master', author: 'Jane Roe', date: '2024-03-12', quote: "it's fine", encoding: 'utf-8' });
    expect(parsed.text).toBe('Heading in the body\n\nBody text.');
    expectInvariant(parsed);
  });

  it('gives the title, ahead of the first h1', async () => {
    expect((await parse(DOCUMENT)).title).toBe('Interview: the harbour master');
  });

  it('must start the file and be closed, or it is Markdown', () => {
    expect(splitFrontMatter('---\ntitle: x\n...\nbody')).toEqual({ body: 'body', data: { title: 'x' } });
    expect(splitFrontMatter('---\ntitle: never closed\n\nText')).toEqual({ body: '---\ntitle: never closed\n\nText', data: {} });
    expect(splitFrontMatter('Text\n---\ntitle: x\n---\n')).toEqual({ body: 'Text\n---\ntitle: x\n---\n', data: {} });
  });
});
