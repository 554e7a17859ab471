import { z } from 'zod';
import { foldText } from '../linking/normalize';

/** The longest tag kept: a label, not a sentence. */
export const MAX_TAG_LENGTH = 80;

/** One tag as stored: one line, trimmed, never empty. */
export const tagSchema = z.string().min(1).max(MAX_TAG_LENGTH);
/** A record's tags, in the order the user added them; no two that fold alike. */
export const tagsSchema = z.array(tagSchema).max(500);
export type Tags = z.infer<typeof tagsSchema>;

/**
 * A tag as typed made into a tag as stored: whitespace runs become one space,
 * a leading `#` (typed from habit) is dropped, and it is cut at the limit.
 * Empty when nothing is left.
 */
export function cleanTag(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().replace(/^#+\s*/, '').slice(0, MAX_TAG_LENGTH).trim();
}

/** What makes two tags the same tag: case, accents and curly quotes do not. */
export function tagKey(tag: string): string {
  return foldText(tag);
}

/** `tags` with `tag` added at the end, unless one that folds alike is there already (its spelling is kept). */
export function withTag(tags: readonly string[] | undefined, raw: string): string[] {
  const tag = cleanTag(raw);
  const list = [...(tags ?? [])];
  if (!tag || list.some((t) => tagKey(t) === tagKey(tag))) return list;
  return [...list, tag];
}

/** `tags` without `tag` (compared as `tagKey` does). */
export function withoutTag(tags: readonly string[] | undefined, tag: string): string[] {
  return (tags ?? []).filter((t) => tagKey(t) !== tagKey(tag));
}

/** Whether a record carries the tag. */
export function hasTag(tags: readonly string[] | undefined, tag: string): boolean {
  const key = tagKey(tag);
  return (tags ?? []).some((t) => tagKey(t) === key);
}

/** Every distinct tag of some records, sorted for a menu (the first spelling met wins). */
export function distinctTags(lists: Iterable<readonly string[] | undefined>): string[] {
  const byKey = new Map<string, string>();
  for (const list of lists) for (const tag of list ?? []) if (!byKey.has(tagKey(tag))) byKey.set(tagKey(tag), tag);
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}
