import type { Entity } from '../model/entity';
import type { Note } from '../model/note';
import type { SourceWithBody } from '../model/source';
import { tokenize } from './tokens';

/**
 * What the index holds: one search document per note (split when huge), per
 * source passage (a page, or a run of paragraphs) and per entity. A document
 * carries where it sits in its target's text but not the text itself: words
 * go to the index, the text stays in one text store (see `text-store.ts`).
 */

export type SearchKind = 'note' | 'source' | 'entity';

export interface SearchDoc {
  /** Unique in the index: `${kind}:${id}:${part}`. */
  key: string;
  kind: SearchKind;
  /** The note's, source's or entity's id. */
  id: string;
  /** Index of this passage within its target, from 0. */
  part: number;
  title: string;
  /** Entity type ("Person"), source format ("pdf"), or "note". */
  type: string;
  /** 1-based page, for paged sources. */
  page?: number;
  /** Character range in the target's searchable text (`searchableText`). */
  start: number;
  end: number;
  /** ISO date, possibly partial, used by after:/before: filters. */
  date?: string;
  /** Entity name and aliases as their tokens joined by spaces, for the exact-name boost. */
  names?: string[];
}

/** The passage documents of a target together with the text their ranges address. */
export interface Passages {
  kind: SearchKind;
  id: string;
  text: string;
  docs: SearchDoc[];
}

/** A passage aims at this many characters, merging short paragraphs... */
export const PASSAGE_TARGET = 1_500;
/** ...and never exceeds this, splitting long paragraphs and pages at a sentence or a space. */
export const PASSAGE_MAX = 4_000;
/** Notes up to this length are one document. */
export const NOTE_MAX = 20_000;

const isoDay = (ms: number): string | undefined => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : undefined);

/** Where to cut `text[start, end)` so that the first piece stays under `max`: a sentence end, else a space. */
function cutPoint(text: string, start: number, max: number): number {
  const window = text.slice(start, start + max);
  const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('.\n'), window.lastIndexOf('? '), window.lastIndexOf('! '));
  if (sentence > max / 2) return start + sentence + 1;
  const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'));
  if (space > max / 2) return start + space + 1;
  return start + max;
}

/** Cuts `[start, end)` into pieces of at most `PASSAGE_MAX` characters. */
function bounded(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let at = start;
  while (end - at > PASSAGE_MAX) {
    const cut = cutPoint(text, at, PASSAGE_MAX);
    out.push([at, cut]);
    at = cut;
  }
  if (end > at) out.push([at, end]);
  return out;
}

/**
 * Paragraph passages of `text[start, end)`: paragraphs (split on blank lines)
 * merged while they stay under `PASSAGE_TARGET`, long ones cut by `bounded`.
 */
export function paragraphRanges(text: string, start = 0, end = text.length): [number, number][] {
  const ranges: [number, number][] = [];
  const separator = /\n[ \t]*\n\s*/g;
  separator.lastIndex = start;
  let run: [number, number] | undefined;
  let paraStart = start;
  const addParagraph = (from: number, to: number) => {
    if (!/\S/.test(text.slice(from, to))) return;
    if (run && to - run[0] > PASSAGE_TARGET) {
      ranges.push(...bounded(text, run[0], run[1]));
      run = undefined;
    }
    run = run ? [run[0], to] : [from, to];
  };
  for (;;) {
    const m = separator.exec(text);
    if (!m || m.index >= end) break;
    addParagraph(paraStart, m.index);
    paraStart = Math.min(end, m.index + m[0].length);
  }
  addParagraph(paraStart, end);
  if (run) ranges.push(...bounded(text, run[0], run[1]));
  return ranges;
}

export function notePassages(note: Omit<Note, 'content'>): Passages {
  const text = note.text ?? '';
  const ranges: [number, number][] = text.length > NOTE_MAX ? paragraphRanges(text) : [[0, text.length]];
  const date = isoDay(note.updatedAt);
  return {
    kind: 'note',
    id: note.id,
    text,
    docs: ranges.map(([start, end], part) => ({
      key: `note:${note.id}:${part}`,
      kind: 'note',
      id: note.id,
      part,
      title: note.title,
      type: 'note',
      start,
      end,
      ...(date ? { date } : {}),
    })),
  };
}

/** A source's date: the one its metadata states (an email's, a document's) when it parses, else when it was imported. */
function sourceDate(source: SourceWithBody): string | undefined {
  const stated = source.metadata?.date ?? source.metadata?.created;
  if (stated) {
    const ms = Date.parse(stated);
    if (Number.isFinite(ms)) return isoDay(ms);
  }
  return isoDay(source.importedAt);
}

export function sourcePassages(source: SourceWithBody): Passages {
  const text = source.text ?? '';
  const date = sourceDate(source);
  const docs: SearchDoc[] = [];
  const push = (start: number, end: number, page?: number) => {
    const part = docs.length;
    docs.push({
      key: `source:${source.id}:${part}`,
      kind: 'source',
      id: source.id,
      part,
      title: source.title,
      type: source.format,
      ...(page ? { page } : {}),
      start,
      end,
      ...(date ? { date } : {}),
    });
  };
  if (source.pages && source.pages.length > 0) {
    source.pages.forEach((p, i) => {
      const start = Math.max(0, Math.min(p.start, text.length));
      const end = Math.max(start, Math.min(p.end, text.length));
      for (const [s, e] of bounded(text, start, end)) push(s, e, i + 1);
    });
  } else {
    for (const [s, e] of paragraphRanges(text)) push(s, e);
  }
  if (docs.length === 0) push(0, 0); // an empty source is still found by its title
  return { kind: 'source', id: source.id, text, docs };
}

/** The text an entity is searched and quoted by: name, aliases, type and description, one per line. */
export function entityText(entity: Entity): string {
  const aliases = entity.aliases?.length ? `\n${entity.aliases.join(', ')}` : '';
  return `${entity.name}${aliases}\n${entity.type}\n${entity.description ?? ''}`;
}

export function entityPassages(entity: Entity): Passages {
  const text = entityText(entity);
  const date = typeof entity.properties?.date === 'string' ? entity.properties.date : undefined;
  const names = [entity.name, ...(entity.aliases ?? [])].map((n) => tokenize(n).join(' ')).filter(Boolean);
  return {
    kind: 'entity',
    id: entity.id,
    text,
    docs: [
      {
        key: `entity:${entity.id}:0`,
        kind: 'entity',
        id: entity.id,
        part: 0,
        title: entity.name,
        type: entity.type,
        start: 0,
        end: text.length,
        ...(date ? { date } : {}),
        names,
      },
    ],
  };
}
