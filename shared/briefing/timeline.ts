import type { Entity } from '../model/entity';
import { RELATION_TYPES, type Relation } from '../model/relation';
import type { BriefingEvent } from './model';

/**
 * The case's dated events, for the timeline appendix: every entity with a
 * `date` property (events above all, but a dated figure counts too), and
 * each dated relation between undated entities, read as a sentence ("DEA
 * seized Fentanyl powder"). A relation touching a dated entity is left out:
 * the entity's own line already stands for that day, and "Merrick Garland
 * gave Merrick Garland testimony" only repeats it.
 */
export function timelineEvents(entities: readonly Entity[], relations: readonly Relation[]): BriefingEvent[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const events: BriefingEvent[] = [];
  for (const e of entities) {
    const date = isoDate(e.properties.date);
    if (!date) continue;
    const endDate = isoDate(e.properties.endDate);
    events.push({
      date,
      ...(endDate ? { endDate } : {}),
      title: e.name,
      ...(e.description.trim() ? { description: e.description } : {}),
      entityIds: [e.id],
    });
  }
  for (const r of relations) {
    const from = byId.get(r.fromId);
    const to = byId.get(r.toId);
    const date = isoDate(r.date);
    if (!date || !from || !to || isDated(from) || isDated(to)) continue;
    events.push({
      date,
      title: `${from.name} ${RELATION_TYPES[r.type].forward} ${to.name}`,
      ...(r.description?.trim() ? { description: r.description } : {}),
      entityIds: [from.id, to.id],
    });
  }
  return events;
}

function isDated(entity: Entity): boolean {
  return isoDate(entity.properties.date) !== undefined;
}

/**
 * "2023", "2023-03" or "2023-03-29" from a stored date (a time part is
 * dropped); anything else is no date. The timeline sorts these as text, and
 * main's IPC schema accepts only these forms.
 */
function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^\d{4}(?:-\d{2}(?:-\d{2})?)?(?=$|T)/.exec(value.trim())?.[0];
}
