import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { seededCase } from './case-fixture';
import { hostileNote } from './hostile-note';
import { noteToMarkdown } from '../../../shared/export/markdown';
import { caseToMarkdownZip, noteToStandaloneMarkdown } from '../../../shared/export/markdown-case';

const bareContext = { entities: new Map(), sources: new Map(), entityHref: () => undefined, sourceHref: () => undefined, caseId: 'case-x', sourceTexts: new Map<string, string>() };

describe('Markdown export', () => {
  it('writes headings, emphasis, lists, quotes and links as CommonMark', () => {
    const md = noteToMarkdown({
      title: 'Pipeline',
      content: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Route' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'a ' }, { type: 'text', text: 'bold ', marks: [{ type: 'bold' }] }, { type: 'text', text: 'both', marks: [{ type: 'bold' }, { type: 'italic' }] }, { type: 'text', text: ' end' }] },
          { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }, { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'nested' }] }] }] }] }] },
          { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted' }, { type: 'hardBreak' }, { type: 'text', text: 'line two' }] }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'site', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] }] },
          { type: 'table', content: [
            { type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Year' }] }] }, { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Pills | count' }] }] }] },
            { type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: '2022' }] }] }, { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: '50.6M' }] }] }] },
          ] },
        ],
      },
    }, bareContext);
    expect(md).toBe([
      '# Pipeline',
      '',
      '## Route',
      '',
      'a **bold *both*** end',
      '',
      '- one',
      '',
      '  - nested',
      '',
      '> quoted\\',
      '> line two',
      '',
      '[site](<https://example.org>)',
      '',
      '| Year | Pills \\| count |',
      '| --- | --- |',
      '| 2022 | 50.6M |',
      '',
    ].join('\n'));
  });

  it('escapes what a user typed, drops unsafe links, and turns citations into footnotes', () => {
    const note = hostileNote('case-x', 'ent-x', 'src-x');
    const md = noteToMarkdown(note, { ...bareContext, entityHref: (id) => `#entity-${id}` });
    // Every "<" a user typed is escaped: none starts a tag.
    expect(md).not.toMatch(/(?<!\\)<(?!https:|#)/);
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('\n\\# not a heading either');
    expect(md).not.toContain('javascript:');
    expect(md).toContain('[link](<https://example.org/a%20b>)');
    expect(md).toContain('**bold *both*** after');
    expect(md).toMatch(/\["\\>\\<img src=https:\/\/evil\.example\/m\.png onerror=alert\(1\)\\>\]\(<#entity-ent-x>\) cited \[\^1\]/);
    // Its source is not in the context: the footnote cannot pass as a sound citation.
    expect(md).toContain('[^1]: **UNVERIFIED — The quoted source is no longer in the case.** \\<b\\>title\\</b\\>, p. 2 — “\\</style\\>\\<script\\>alert("quote")\\</script\\>” (sha256 ' + 'a'.repeat(64) + ')');
    expect(md).toContain('3. third');
  });

  it('prints a quote taken across line breaks as one line, its hyphenated words joined', () => {
    const quote = 'payments routed\nthrough shell com-\npanies in Cyprus\n\nA new paragraph';
    const citation = { type: 'citation', attrs: { citationId: 'c1', sourceId: 'src-1', start: 0, end: quote.length, page: 2, quote, sourceSha256: 'a'.repeat(64), sourceTitle: 'Port report' } };
    const md = noteToMarkdown({ title: 'Quotes', content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Claim ' }, citation] }] } }, bareContext);
    expect(md).toContain('— “payments routed through shell companies in Cyprus ¶ A new paragraph” (sha256');
  });

  it('exports the seeded case as a zip: README, one file per note, entities and sources, with links that resolve', async () => {
    const { snapshot } = await seededCase();
    const files = unzipSync(caseToMarkdownZip(snapshot, { now: new Date('2024-01-01') }));
    const names = Object.keys(files);
    expect(names).toEqual(expect.arrayContaining(['README.md', 'entities.md', 'sources.md']));
    const noteFiles = names.filter((n) => n.startsWith('notes/'));
    const live = snapshot.notes.filter((n) => !n.deletedAt);
    expect(noteFiles).toHaveLength(live.length);
    for (const name of noteFiles) expect(name).toMatch(/^notes\/[a-z0-9-]+\.md$/);

    const entities = strFromU8(files['entities.md']!);
    const sources = strFromU8(files['sources.md']!);
    const notes = noteFiles.map((n) => strFromU8(files[n]!)).join('\n');
    // Every entity link from a note lands on an anchor in entities.md.
    const links = [...notes.matchAll(/\]\(<\.\.\/entities\.md#([a-z0-9-]+)>\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(10);
    for (const anchor of links) expect(entities).toContain(`<a id="${anchor}"></a>`);
    // The quoted passage became a footnote naming the source, page, quote and fingerprint.
    const citation = snapshot.citations[0]!;
    expect(notes).toMatch(/\[\^1\]: \[.+\]\(<\.\.\/sources\.md#source-[a-z0-9-]+>\), p\. 3 — “/);
    expect(notes).toContain(`(sha256 ${citation.sourceSha256})`);
    expect(sources).toContain(citation.sourceSha256);
    expect(strFromU8(files['README.md']!)).toContain(`# ${snapshot.case.title}`);
  });

  it('keeps an entity’s quote taken across line breaks on its one quoted line', async () => {
    const { snapshot } = await seededCase();
    const [first, ...rest] = snapshot.entities;
    const quoted = { ...first!, quotes: [{ ...first!.quotes[0]!, quote: 'shipped through shell com-\npanies\nin Cyprus' }] };
    const files = unzipSync(caseToMarkdownZip({ ...snapshot, entities: [quoted, ...rest] }, { now: new Date('2024-01-01') }));
    expect(strFromU8(files['entities.md']!)).toContain('> “shipped through shell companies in Cyprus” — ');
  });

  it('a single note lists the entities it mentions, for its links to land on', async () => {
    const { snapshot } = await seededCase();
    const note = snapshot.notes.find((n) => JSON.stringify(n.content).includes('entityMention'))!;
    const md = noteToStandaloneMarkdown(note, snapshot);
    const anchors = [...md.matchAll(/\]\(<#(entity-[a-z0-9-]+)>\)/g)].map((m) => m[1]!);
    expect(anchors.length).toBeGreaterThan(0);
    for (const anchor of anchors) expect(md).toContain(`<a id="${anchor}"></a>`);
  });

  it('shows sources as the user edited them, leaves the Trash out, and gives a note its tags as front matter', async () => {
    const { snapshot } = await seededCase();
    const citation = snapshot.citations[0]!;
    const cited = snapshot.sources.find((s) => s.id === citation.sourceId)!;
    const edited = { ...snapshot, sources: snapshot.sources.map((s) => (s.id === cited.id ? { ...s, edits: { title: 'The Post story', author: 'Two reporters' }, tags: ['press'] } : s)) };
    let files = unzipSync(caseToMarkdownZip(edited));
    const sources = strFromU8(files['sources.md']!);
    expect(sources).toContain('## The Post story');
    expect(sources).toContain('- Tags: press');
    expect(sources).toContain('- author: Two reporters');
    const notes = Object.keys(files).filter((n) => n.startsWith('notes/')).map((n) => strFromU8(files[n]!)).join('\n');
    expect(notes).toMatch(/\[\^1\]: \[The Post story\]\(<\.\.\/sources\.md#source-the-post-story>\)/);

    // In the Trash: not listed, and its citation is UNVERIFIED with the reason.
    const trashed = { ...edited, sources: edited.sources.map((s) => (s.id === cited.id ? { ...s, deletedAt: 5 } : s)) };
    files = unzipSync(caseToMarkdownZip(trashed));
    expect(strFromU8(files['sources.md']!)).not.toContain('The Post story');
    const notesNow = Object.keys(files).filter((n) => n.startsWith('notes/')).map((n) => strFromU8(files[n]!)).join('\n');
    expect(notesNow).toContain('[^1]: **UNVERIFIED — The quoted source is in the Trash.** The Post story, p. 3');

    const note = { title: 'Tagged', content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body' }] }] }, tags: ['port', 'say "hi"'] };
    expect(noteToMarkdown(note, bareContext)).toBe('---\ntags: ["port", "say \\"hi\\""]\n---\n\n# Tagged\n\nBody\n');
  });
});
