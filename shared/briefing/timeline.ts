import type { Entity } from '../model/entity';
import { RELATION_TYPES, type Relation } from '../model/relation';
import type { BriefingEvent } from './model';

/**
 * The case's dated events, for the timeline appendix: every entity with a
 * `date` property (events above all, but a dated figure counts too) and every
 * dated relation, read as a sentence ("Merrick Garland testified at House
 * Appropriations Committee budget hearing").
 */
export function timelineEvents(entities: readonly Entity[], relations: readonly Relation[]): BriefingEvent[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const events: BriefingEvent[] = [];
  for (const e of entities) {
    const date = e.properties.date;
    if (typeof date !== 'string' || !date.trim()) continue;
    const endDate = e.properties.endDate;
    events.push({
      date,
      ...(typeof endDate === 'string' && endDate.trim() ? { endDate } : {}),
      title: e.name,
      ...(e.description.trim() ? { description: e.description } : {}),
      entityIds: [e.id],
    });
  }
  for (const r of relations) {
    const from = byId.get(r.fromId);
    const to = byId.get(r.toId);
    if (!r.date?.trim() || !from || !to) continue;
    events.push({
      date: r.date,
      title: `${from.name} ${RELATION_TYPES[r.type].forward} ${to.name}`,
      ...(r.description?.trim() ? { description: r.description } : {}),
      entityIds: [from.id, to.id],
    });
  }
  return events;
}
