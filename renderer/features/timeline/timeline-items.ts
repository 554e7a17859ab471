import { RELATION_TYPES, type Entity, type EntityType, type Relation, type SourceQuote } from '../../../shared/model';
import { formatDateRange, parsePartialDate, type PartialDate } from './partial-date';

/** The entity types whose own `date` puts them on the timeline. */
export const DATED_TYPES = ['Event', 'Figure'] as const satisfies readonly EntityType[];

/** What the type filter offers: an entity type, or dated relations as a group. */
export type TimelineCategory = EntityType | 'relation';

export interface TimelineItem {
  /** `entity:<id>` or `relation:<id>`: unique across both kinds. */
  key: string;
  kind: 'entity' | 'relation';
  /** What a click opens in the inspector: the entity itself, or a relation's from-entity. */
  entityId: string;
  category: TimelineCategory;
  /** Colours the mark: the entity's type; a relation takes its from-entity's. */
  colourType: EntityType;
  title: string;
  /** An event's finer kind ("hearing", "visit"), when the case states one. */
  subtitle?: string;
  date: PartialDate;
  endDate?: PartialDate;
  /** As a reader writes it: "Aug 2022", "23 Mar 2023", "Aug 2021 – Aug 2022". */
  dateLabel: string;
  /** Why the date is what it is ("Year inferred…"), when the case says. */
  dateNote?: string;
  /** Where the item sits on the axis, in UTC ms: its period's start and end. */
  from: number;
  to: number;
  /** The entities the item is about: filtering by any of them keeps it. */
  entityIds: string[];
  quotes: SourceQuote[];
}

const isDatedType = (type: EntityType) => (DATED_TYPES as readonly EntityType[]).includes(type);
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/**
 * Every dated thing among the given entities and relations: each Event and
 * Figure with a valid `date` (to its `endDate` when it has one), and each
 * dated relation between two entities that are not themselves on the
 * timeline ("Nancy Pelosi visited Taiwan"). A relation touching a dated
 * event is that event's story, already on the line (the same rule as the
 * briefing's timeline); it still ties its other end to the event, so
 * filtering by "Merrick Garland" keeps the hearing he testified at.
 * A date that is not ISO (YYYY, YYYY-MM, YYYY-MM-DD) is left out rather than
 * guessed at. Unordered: see `orderTimeline`.
 */
export function buildTimelineItems(entities: readonly Entity[], relations: readonly Relation[]): TimelineItem[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const items: TimelineItem[] = [];
  const entityItems = new Map<string, TimelineItem>();

  for (const entity of entities) {
    if (!isDatedType(entity.type)) continue;
    const item = entityItem(entity);
    if (!item) continue;
    items.push(item);
    entityItems.set(entity.id, item);
  }

  for (const relation of relations) {
    const fromItem = entityItems.get(relation.fromId);
    const toItem = entityItems.get(relation.toId);
    // Ties both ends together for the entity filter, dated or not.
    if (fromItem && !fromItem.entityIds.includes(relation.toId)) fromItem.entityIds.push(relation.toId);
    if (toItem && !toItem.entityIds.includes(relation.fromId)) toItem.entityIds.push(relation.fromId);
    if (fromItem || toItem) continue;
    const item = relationItem(relation, byId.get(relation.fromId), byId.get(relation.toId));
    if (item) items.push(item);
  }
  return items;
}

function entityItem(entity: Entity): TimelineItem | null {
  const date = parsePartialDate(String(entity.properties.date ?? ''));
  if (!date) return null;
  const end = parsePartialDate(String(entity.properties.endDate ?? ''));
  // An end before the start is a typo, not a range: show the start alone.
  const endDate = end && end.end > date.start ? end : undefined;
  const subtitle = entity.type === 'Event' ? text(entity.properties.kind) : undefined;
  const dateNote = text(entity.properties.dateNote);
  return {
    key: `entity:${entity.id}`,
    kind: 'entity',
    entityId: entity.id,
    category: entity.type,
    colourType: entity.type,
    title: entity.name,
    ...(subtitle ? { subtitle } : {}),
    date,
    ...(endDate ? { endDate } : {}),
    dateLabel: formatDateRange(date, endDate),
    ...(dateNote ? { dateNote } : {}),
    from: date.start,
    to: endDate ? endDate.end : date.end,
    entityIds: [entity.id],
    quotes: entity.quotes,
  };
}

function relationItem(relation: Relation, from: Entity | undefined, to: Entity | undefined): TimelineItem | null {
  const date = relation.date ? parsePartialDate(relation.date) : null;
  if (!date || !from || !to) return null;
  return {
    key: `relation:${relation.id}`,
    kind: 'relation',
    entityId: from.id,
    category: 'relation',
    colourType: from.type,
    title: `${from.name} ${RELATION_TYPES[relation.type].forward} ${to.name}`,
    date,
    dateLabel: formatDateRange(date),
    from: date.start,
    to: date.end,
    entityIds: [from.id, to.id],
    quotes: relation.quotes,
  };
}

export interface TimelineFilter {
  /** Categories shown; an empty set shows every category. */
  categories: ReadonlySet<TimelineCategory>;
  /** Only items about this entity. */
  entityId?: string | undefined;
}

export function filterTimelineItems(items: readonly TimelineItem[], filter: TimelineFilter): TimelineItem[] {
  return items.filter(
    (item) => (filter.categories.size === 0 || filter.categories.has(item.category)) && (!filter.entityId || item.entityIds.includes(filter.entityId)),
  );
}
