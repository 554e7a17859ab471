import { useEffect, useRef, useState } from 'react';
import { ENTITY_TYPE_LABELS } from '../../../shared/model';
import { QuoteCitation } from '../entities/QuoteCitation';
import type { TimelineItem } from './timeline-items';

/** Citations shown at once per item; the rest one click away. */
const QUOTES_SHOWN = 2;

/** The timeline as a list in date order, each item with its citations. */
export function TimelineList({ items, selectedKey, onSelect }: { items: TimelineItem[]; selectedKey: string | null; onSelect: (item: TimelineItem) => void }) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!selectedKey) return;
    list.current?.querySelector(`[data-item-key="${CSS.escape(selectedKey)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedKey]);

  return (
    <ol className="tl-list" ref={list} aria-label="Timeline items">
      {items.map((item, i) => {
        const newYear = i === 0 || new Date(items[i - 1]!.from).getUTCFullYear() !== new Date(item.from).getUTCFullYear();
        return <TimelineRow key={item.key} item={item} selected={item.key === selectedKey} yearHeading={newYear ? new Date(item.from).getUTCFullYear() : null} onSelect={onSelect} />;
      })}
    </ol>
  );
}

function TimelineRow({ item, selected, yearHeading, onSelect }: { item: TimelineItem; selected: boolean; yearHeading: number | null; onSelect: (item: TimelineItem) => void }) {
  const [allQuotes, setAllQuotes] = useState(false);
  const quotes = allQuotes ? item.quotes : item.quotes.slice(0, QUOTES_SHOWN);
  const typeLabel = item.kind === 'relation' ? 'Relation' : ENTITY_TYPE_LABELS[item.colourType].singular;
  return (
    <li className={`tl-row entity-${item.colourType.toLowerCase()}${selected ? ' is-selected' : ''}`} data-item-key={item.key} data-entity-id={item.entityId}>
      {yearHeading !== null && <div className="tl-year" aria-hidden="true">{yearHeading}</div>}
      <div className="tl-date">
        <time dateTime={item.date.iso}>{item.dateLabel}</time>
        {item.dateNote && <span className="tl-date-note" title={item.dateNote} aria-label={`Date note: ${item.dateNote}`}>ⓘ</span>}
      </div>
      <div className="tl-body">
        <button type="button" className="tl-title" onClick={() => onSelect(item)}>
          <span className="type-dot" aria-hidden="true" />
          <span className="tl-title-text">{item.title}</span>
        </button>
        <span className="tl-kind">{item.subtitle ? `${typeLabel} · ${item.subtitle}` : typeLabel}</span>
        {quotes.length > 0 && (
          <div className="tl-quotes" aria-label="Citations">
            {quotes.map((q) => (
              <QuoteCitation key={`${q.sourceId}:${q.start}`} quote={q} max={140} />
            ))}
          </div>
        )}
        {item.quotes.length > QUOTES_SHOWN && (
          <button type="button" className="link-button more" onClick={() => setAllQuotes((a) => !a)}>
            {allQuotes ? 'Fewer citations' : `${item.quotes.length - QUOTES_SHOWN} more citation${item.quotes.length - QUOTES_SHOWN === 1 ? '' : 's'}`}
          </button>
        )}
      </div>
    </li>
  );
}
