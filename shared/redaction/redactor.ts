import { createLinker } from '../linking';
import { foldText } from '../linking/normalize';

/**
 * The one definition of what redaction hides and how it is found. Every
 * export that redacts goes through a `Redactor`: the briefing composer draws
 * its bars from `split`, `redactSnapshot` (redact-snapshot.ts) rewrites the
 * case before any other format is written, and the final checks of the PDF
 * and the other files use `find` to refuse a file in which a name is still
 * legible.
 */

/** A piece of text, either kept or to be hidden. */
export interface TextRun {
  text: string;
  redacted: boolean;
}

export interface Range {
  start: number;
  end: number;
}

/** What the redactor needs of an entity: the briefing's entities and the store's both fit. */
export interface NamedEntity {
  id: string;
  name: string;
  aliases: readonly string[];
  protected: boolean;
}

/**
 * Finds protected names in text: every protected entity's name and each of
 * its aliases, through the entity linker (case, diacritics, NFKC and dash
 * kinds ignored; whole words), plus plain substrings for names in scripts
 * written without spaces.
 */
export interface Redactor {
  /** False when redaction is off or nothing is protected: every call is then a no-op. */
  readonly active: boolean;
  /** Whether this entity is hidden whole: mentions of it become a bar or a marker, its record a placeholder. */
  isRedactedEntity(entityId: string): boolean;
  /** Where protected names occur in `text`: sorted, never overlapping. */
  find(text: string): Range[];
  split(text: string): TextRun[];
  /** `text` with each protected name replaced by `REDACTION_MARKER`: how redacted plain text reads. */
  plain(text: string): string;
  /**
   * Whether a value names a protected entity however it is spelled: letters
   * and digits only, so "anne_milgram", "AnneMilgram" and "ent-anne-milgram"
   * all do. For URLs, ids and keys, where words are not separated by spaces.
   */
  namesProtected(value: string): boolean;
  /** Whether a URL may be printed or linked: it names no protected entity however it is spelled or encoded. */
  allowsUrl(url: string): boolean;
}

/** What a bar holds: selectable, so a reader who copies text sees that something was removed rather than nothing. */
export const REDACTED_LABEL = 'redacted';

/**
 * What replaces a protected name in redacted text. Always the same width,
 * whatever it hides, like the briefing's bars: a marker as long as the name
 * would tell a reader how long the name is, which is often enough to guess
 * it from a short list.
 */
export const REDACTION_MARKER = `[${REDACTED_LABEL}]`;

export const NO_REDACTION: Redactor = {
  active: false,
  isRedactedEntity: () => false,
  find: () => [],
  split: (text) => (text ? [{ text, redacted: false }] : []),
  plain: (text) => text,
  namesProtected: () => false,
  allowsUrl: () => true,
};

export function createRedactor(entities: readonly NamedEntity[], enabled: boolean): Redactor {
  const hidden = enabled ? entities.filter((e) => e.protected) : [];
  const names = unique(hidden.flatMap((e) => [e.name, ...e.aliases]).map((n) => n.trim()).filter(Boolean));
  if (names.length === 0) return NO_REDACTION;

  const hiddenIds = new Set(hidden.map((e) => e.id));
  const linker = createLinker(hidden.flatMap((e) => [e.name, ...e.aliases].filter((a) => a.trim()).map((alias) => ({ entityId: e.id, alias }))));
  // Chinese, Japanese, Korean and Thai text has no spaces between words, so a
  // word-boundary match could miss a name inside a sentence: those names are
  // also looked for as plain substrings.
  const unspacedNames = names.filter((n) => UNSPACED_SCRIPT.test(n)).flatMap((n) => unique([n, n.normalize('NFKC')]));
  const squashedNames = unique(names.map(squash).filter((n) => n.length >= 2));

  const find = (text: string): Range[] => {
    if (!text) return [];
    const ranges: Range[] = linker.find(text).map(({ start, end }) => ({ start, end }));
    for (const name of unspacedNames) {
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) ranges.push({ start: at, end: at + name.length });
    }
    return mergeRanges(ranges);
  };

  const split = (text: string): TextRun[] => {
    const runs: TextRun[] = [];
    let at = 0;
    for (const r of find(text)) {
      if (r.start > at) runs.push({ text: text.slice(at, r.start), redacted: false });
      runs.push({ text: text.slice(r.start, r.end), redacted: true });
      at = r.end;
    }
    if (at < text.length) runs.push({ text: text.slice(at), redacted: false });
    return runs;
  };

  const namesProtected = (value: string) => {
    const squashed = squash(value);
    return squashedNames.some((n) => squashed.includes(n));
  };

  return {
    active: true,
    isRedactedEntity: (id) => hiddenIds.has(id),
    find,
    split,
    plain: (text) => split(text).map((r) => (r.redacted ? REDACTION_MARKER : r.text)).join(''),
    namesProtected,
    allowsUrl: (url) => !namesProtected(safeDecode(url)),
  };
}

const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/** Letters and digits only, folded: "Wang_Wen-bin" and "wangwenbin" compare equal. */
function squash(value: string): string {
  return foldText(value).replace(/[^\p{L}\p{N}]+/gu, '');
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    return url;
  }
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
