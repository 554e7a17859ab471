import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { ENTITY_TYPE_LABELS } from '../../../shared/model';
import { useApp } from '../../app/context';
import { reportReady } from '../../app/readiness';
import { FilterChips, type ChipOption } from '../explore/FilterChips';
import { EntityFilter, type PickedEntity } from '../explore/EntityFilter';
import { loadTimeline } from './load-timeline';
import { filterTimelineItems, type TimelineCategory, type TimelineItem } from './timeline-items';
import { TimelineAxis } from './TimelineAxis';
import { TimelineList } from './TimelineList';

/**
 * Every dated thing in the case on a zoomable axis, with the same items as a
 * list below it. A live query: a date edited in the inspector moves its
 * item at once.
 */
export function TimelineView() {
  const { db, caseId, nav } = useApp();
  const items = useLiveQuery(() => loadTimeline(db, caseId), [db, caseId]);
  const [categories, setCategories] = useState<Set<TimelineCategory>>(() => new Set());
  const [entity, setEntity] = useState<PickedEntity | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);

  useEffect(() => {
    if (items !== undefined) reportReady('main');
  }, [items]);

  const shown = useMemo(() => (items ? filterTimelineItems(items, { categories, entityId: entity?.id }) : []), [items, categories, entity]);
  const options = useMemo(() => categoryOptions(items ?? []), [items]);
  const select = (item: TimelineItem) => {
    setSelectedKey(item.key);
    nav.openInspector({ kind: 'entity', entityId: item.entityId });
  };

  return (
    <div className="timeline-view" data-item-count={shown.length}>
      <header className="view-header explore-header">
        <h1>Timeline</h1>
        <p className="muted">
          {items === undefined ? 'Reading the case…' : `${shown.length} of ${items.length} dated items: events, dated figures and dated relations.`}
        </p>
      </header>
      <div className="explore-filters">
        <FilterChips label="Show types" options={options} selected={categories} onChange={setCategories} />
        <EntityFilter value={entity} onChange={setEntity} />
      </div>
      {items !== undefined && items.length === 0 && (
        <div className="empty-state">
          <h2>Nothing dated yet</h2>
          <p>Give an event or a figure a date (YYYY, YYYY-MM or YYYY-MM-DD) in the inspector, or date a relation, and it appears here.</p>
        </div>
      )}
      {items !== undefined && items.length > 0 && (
        <>
          <TimelineAxis items={shown} selectedKey={selectedKey} onSelect={select} />
          {shown.length === 0 ? <p className="muted explore-none">No dated item matches these filters.</p> : <TimelineList items={shown} selectedKey={selectedKey} onSelect={select} />}
        </>
      )}
    </div>
  );
}

function categoryOptions(items: readonly TimelineItem[]): ChipOption<TimelineCategory>[] {
  const counts = new Map<TimelineCategory, number>();
  for (const item of items) counts.set(item.category, (counts.get(item.category) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => (a === 'relation' ? 1 : b === 'relation' ? -1 : a.localeCompare(b)))
    .map(([value, count]) => ({
      value,
      count,
      label: value === 'relation' ? 'Relations' : ENTITY_TYPE_LABELS[value].plural,
      ...(value === 'relation' ? {} : { colourClass: `entity-${value.toLowerCase()}` }),
    }));
}
