import type { Relation, RelationType } from '../../../shared/model';
import { PRECISION_RANK } from './partial-date';
import type { TimelineItem } from './timeline-items';

/**
 * Relations that say which of two things came first when their dates tie:
 * "the moratorium followed the Taiwan visit" (both "Aug 2022"), "the
 * response responded to the sanctions", "the testimony was part of the
 * hearing" (the hearing opens the day). For each, the relation's `to` end
 * goes first.
 */
const TO_GOES_FIRST: ReadonlySet<RelationType> = new Set<RelationType>(['followed', 'responded_to', 'part_of']);

const CATEGORY_RANK = (item: TimelineItem) => (item.category === 'Event' ? 0 : item.category === 'relation' ? 2 : 1);

/** The plain order: by start, coarser dates first on a tie ("2023" before "23 Mar 2023"), events first, then A–Z. */
function compareItems(a: TimelineItem, b: TimelineItem): number {
  return (
    a.from - b.from ||
    PRECISION_RANK[a.date.precision] - PRECISION_RANK[b.date.precision] ||
    CATEGORY_RANK(a) - CATEGORY_RANK(b) ||
    a.title.localeCompare(b.title) ||
    a.key.localeCompare(b.key)
  );
}

const sameSlot = (a: TimelineItem, b: TimelineItem) => a.from === b.from && a.date.precision === b.date.precision;

/**
 * Items in date order. Items that share a date keep the order the case's
 * relations give them (see TO_GOES_FIRST), else the plain order; a cycle
 * in those relations falls back to the plain order instead of losing items.
 */
export function orderTimeline(items: readonly TimelineItem[], relations: readonly Relation[]): TimelineItem[] {
  const sorted = [...items].sort(compareItems);
  const byEntity = new Map(sorted.filter((i) => i.kind === 'entity').map((i) => [i.entityId, i]));
  const before = new Map<string, Set<string>>(); // item key → keys that must come before it
  for (const r of relations) {
    if (!TO_GOES_FIRST.has(r.type)) continue;
    const later = byEntity.get(r.fromId);
    const earlier = byEntity.get(r.toId);
    if (!later || !earlier || later === earlier || !sameSlot(later, earlier)) continue;
    const set = before.get(later.key) ?? new Set<string>();
    set.add(earlier.key);
    before.set(later.key, set);
  }
  if (before.size === 0) return sorted;

  const out: TimelineItem[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sameSlot(sorted[i]!, sorted[j]!)) j++;
    out.push(...orderSlot(sorted.slice(i, j), before));
    i = j;
  }
  return out;
}

/** A stable topological order of one date's items: the earliest-sorting item whose predecessors are placed goes next. */
function orderSlot(slot: TimelineItem[], before: Map<string, Set<string>>): TimelineItem[] {
  if (slot.length < 2) return slot;
  const keys = new Set(slot.map((i) => i.key));
  const placed = new Set<string>();
  const out: TimelineItem[] = [];
  while (out.length < slot.length) {
    const ready = slot.find((item) => !placed.has(item.key) && [...(before.get(item.key) ?? [])].every((k) => placed.has(k) || !keys.has(k)));
    // A cycle: take the first unplaced item in the plain order and carry on.
    const next = ready ?? slot.find((item) => !placed.has(item.key))!;
    placed.add(next.key);
    out.push(next);
  }
  return out;
}
