import { createLinker } from '../linking';
import { foldText } from '../linking/normalize';
import type { BriefingEntity } from './model';

/** A piece of text, either kept or to be printed as a black bar. */
export interface TextRun {
  text: string;
  redacted: boolean;
}

interface Range {
  start: number;
  end: number;
}

/**
 * Finds protected names in text. The composer passes every string it prints
 * through one of these before anything becomes HTML, so a protected name
 * never reaches the HTML at all: not as text, attribute, title or outline.
 */
export interface Redactor {
  /** False when redaction is off or nothing is protected: every call is then a no-op. */
  readonly active: boolean;
  /** Whether mentions of this entity print as a bar (and it stays out of appendices). */
  isRedactedEntity(entityId: string): boolean;
  /** Where protected names occur in `text`: sorted, never overlapping. */
  find(text: string): Range[];
  split(text: string): TextRun[];
  /** `text` with each protected name replaced by `[redacted]`: for plain-text-only places (the PDF's metadata title). */
  plain(text: string): string;
  /** Whether a URL may be printed or linked: it names no protected entity however it is spelled or encoded. */
  allowsUrl(url: string): boolean;
}

/** What a bar holds: selectable, so a reader who copies text sees that something was removed rather than nothing. */
export const REDACTED_LABEL = 'redacted';

export const NO_REDACTION: Redactor = {
  active: false,
  isRedactedEntity: () => false,
  find: () => [],
  split: (text) => (text ? [{ text, redacted: false }] : []),
  plain: (text) => text,
  allowsUrl: () => true,
};

export function createRedactor(entities: readonly BriefingEntity[], enabled: boolean): Redactor {
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

  return {
    active: true,
    isRedactedEntity: (id) => hiddenIds.has(id),
    find,
    split,
    plain: (text) => split(text).map((r) => (r.redacted ? `[${REDACTED_LABEL}]` : r.text)).join(''),
    allowsUrl: (url) => {
      const squashed = squash(safeDecode(url));
      return !squashedNames.some((n) => squashed.includes(n));
    },
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
