import { strToU8, zipSync, type Zippable } from 'fflate';
import { inlineQuote } from '../sources/quote-text';
import { ENTITY_TYPES, ENTITY_TYPE_LABELS, sourceAsShown, type Entity, type Note, type Source } from '../model';
import type { CaseSnapshot } from './case-snapshot';
import { noteToMarkdown, type MarkdownContext } from './markdown';
import { escapeInline, linkDestination } from './markdown-text';
import { anchorsFor, uniqueSlugs } from './slug';
import { mentionedEntityIds } from '../editor/document';

/**
 * A case as a folder of Markdown, zipped:
 *   README.md          the case, its summary and a list of its notes
 *   notes/<title>.md   one file per note (deleted notes are left out)
 *   entities.md        every entity, with an anchor per entity for mentions to link to
 *   sources.md         every source, with its fingerprint, for footnotes to link to
 *                      (sources in the Trash are left out; citations of them read UNVERIFIED)
 * Sources read as the user edited them (`sourceAsShown`). File names are slugs of the titles, unique, and safe on every system.
 */
export function caseToMarkdownZip(snapshot: CaseSnapshot, options: { now?: Date } = {}): Uint8Array {
  const shownSources = snapshot.sources.map(sourceAsShown);
  const listed = liveSources(shownSources);
  const entityAnchors = anchorsFor(snapshot.entities, 'entity', (e) => e.name);
  const sourceAnchors = anchorsFor(listed, 'source', (s) => s.title);
  const context = (fromFolder: string): MarkdownContext => ({
    entities: new Map(snapshot.entities.map((e) => [e.id, e])),
    sources: new Map(shownSources.map((s) => [s.id, s])),
    caseId: snapshot.case.id,
    sourceTexts: new Map(snapshot.sourceBodies.map((b) => [b.sourceId, b.text])),
    entityHref: (id) => (entityAnchors.has(id) ? `${fromFolder}entities.md#${entityAnchors.get(id)}` : undefined),
    sourceHref: (id) => (sourceAnchors.has(id) ? `${fromFolder}sources.md#${sourceAnchors.get(id)}` : undefined),
  });

  const notes = liveNotes(snapshot.notes);
  const fileName = uniqueSlugs();
  const noteFiles = notes.map((note) => ({ note, path: `notes/${fileName(note.title, 'note')}.md` }));
  const mtime = options.now ?? new Date();
  const files: Zippable = {
    'README.md': strToU8(readme(snapshot, noteFiles, listed.length)),
    'entities.md': strToU8(entitiesMarkdown(snapshot.entities, entityAnchors, sourceAnchors, shownSources)),
    'sources.md': strToU8(sourcesMarkdown(listed, sourceAnchors)),
  };
  const noteContext = context('../');
  for (const { note, path } of noteFiles) files[path] = strToU8(noteToMarkdown(note, noteContext));
  return zipSync(files, { mtime });
}

/**
 * One note as a single Markdown file: the entities it mentions are listed
 * after it, each with the anchor its mentions link to.
 */
export function noteToStandaloneMarkdown(note: Note, snapshot: CaseSnapshot): string {
  const mentioned = mentionedEntityIds(note.content);
  const entities = snapshot.entities.filter((e) => mentioned.has(e.id));
  const anchors = anchorsFor(entities, 'entity', (e) => e.name);
  const markdown = noteToMarkdown(note, {
    entities: new Map(entities.map((e) => [e.id, e])),
    sources: new Map(snapshot.sources.map((s) => [s.id, sourceAsShown(s)])),
    caseId: snapshot.case.id,
    sourceTexts: new Map(snapshot.sourceBodies.map((b) => [b.sourceId, b.text])),
    entityHref: (id) => (anchors.has(id) ? `#${anchors.get(id)}` : undefined),
    sourceHref: () => undefined,
  });
  if (!entities.length) return markdown;
  const list = entities.map((e) => `- <a id="${anchors.get(e.id)}"></a>**${escapeInline(e.name)}** (${ENTITY_TYPE_LABELS[e.type].singular})${e.description ? `: ${escapeInline(e.description)}` : ''}`);
  return `${markdown}\n## Entities mentioned\n\n${list.join('\n')}\n`;
}

const liveNotes = (notes: readonly Note[]) => notes.filter((n) => !n.deletedAt).sort((a, b) => b.updatedAt - a.updatedAt);
const liveSources = (sources: readonly Source[]) => sources.filter((s) => s.deletedAt === undefined);

function readme(snapshot: CaseSnapshot, notes: { note: Note; path: string }[], sourceCount: number): string {
  const lines = [`# ${escapeInline(snapshot.case.title)}`, ''];
  if (snapshot.case.summary.trim()) lines.push(escapeInline(snapshot.case.summary), '');
  lines.push('## Notes', '');
  for (const { note, path } of notes) lines.push(`- [${escapeInline(note.title || 'Untitled note')}](${linkDestination(path)})`);
  if (!notes.length) lines.push('No notes.');
  lines.push('', `See also [entities](entities.md) (${snapshot.entities.length}) and [sources](sources.md) (${sourceCount}).`, '');
  return lines.join('\n');
}

function entitiesMarkdown(entities: readonly Entity[], anchors: Map<string, string>, sourceAnchors: Map<string, string>, sources: readonly Source[]): string {
  const titles = new Map(sources.map((s) => [s.id, s.title]));
  const lines = ['# Entities', ''];
  for (const type of ENTITY_TYPES) {
    const ofType = entities.filter((e) => e.type === type).sort((a, b) => a.name.localeCompare(b.name));
    if (!ofType.length) continue;
    lines.push(`## ${ENTITY_TYPE_LABELS[type].plural}`, '');
    for (const e of ofType) {
      lines.push(`<a id="${anchors.get(e.id)}"></a>`, '', `### ${escapeInline(e.name)}`, '');
      if (e.protected) lines.push('*Protected: its names are redacted in redacted exports.*', '');
      if (e.aliases.length) lines.push(`Also known as: ${e.aliases.map(escapeInline).join('; ')}`, '');
      if (e.description.trim()) lines.push(escapeInline(e.description), '');
      const props = Object.entries(e.properties).filter(([, v]) => v !== null && v !== '');
      if (props.length) lines.push(...props.map(([k, v]) => `- ${escapeInline(k)}: ${escapeInline(String(v))}`), '');
      for (const q of e.quotes) {
        const anchor = sourceAnchors.get(q.sourceId);
        const title = escapeInline(titles.get(q.sourceId) ?? 'Source');
        lines.push(`> “${escapeInline(inlineQuote(q.quote))}” — ${anchor ? `[${title}](${linkDestination(`sources.md#${anchor}`)})` : title}`, '');
      }
    }
  }
  return lines.join('\n');
}

function sourcesMarkdown(sources: readonly Source[], anchors: Map<string, string>): string {
  const lines = ['# Sources', ''];
  for (const s of [...sources].sort((a, b) => a.title.localeCompare(b.title))) {
    lines.push(`<a id="${anchors.get(s.id)}"></a>`, '', `## ${escapeInline(s.title)}`, '');
    lines.push(`- Format: ${s.format}`);
    if (s.fileName) lines.push(`- File: ${escapeInline(s.fileName)}`);
    lines.push(`- sha256: ${s.sha256}`, `- Size: ${s.size} bytes`, `- Imported: ${new Date(s.importedAt).toISOString()}`);
    if (s.pages?.length) lines.push(`- Pages: ${s.pages.length}`);
    if (s.tags?.length) lines.push(`- Tags: ${s.tags.map(escapeInline).join(', ')}`);
    for (const [k, v] of Object.entries(s.metadata)) lines.push(`- ${escapeInline(k)}: ${escapeInline(v)}`);
    lines.push('');
  }
  return lines.join('\n');
}
