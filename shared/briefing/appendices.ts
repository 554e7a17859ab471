import { ENTITY_TYPE_LABELS, ENTITY_TYPES } from '../model/entity';
import { formatPartialDate, formatUtcDay } from './dates';
import { escapeText } from './escape';
import type { BriefingEntity, BriefingEvent, BriefingSource } from './model';
import type { Redactor } from './redact';
import { textHtml } from './text-html';

/**
 * The appendices' bodies (their chapter headings are the composer's). A
 * protected entity is left out entirely when redacting: listing it with its
 * type and description, name blacked out, would still point at who it is.
 */

/** Entities grouped by type, in the model's type order, alphabetical within a type. */
export function entitiesAppendixHtml(entities: readonly BriefingEntity[], redactor: Redactor): string {
  const shown = entities.filter((e) => !redactor.isRedactedEntity(e.id));
  if (shown.length === 0) return '<p class="empty">No entities.</p>';
  return ENTITY_TYPES.map((type) => {
    const ofType = shown.filter((e) => e.type === type).sort((a, b) => a.name.localeCompare(b.name, 'en'));
    if (ofType.length === 0) return '';
    const items = ofType
      .map((e) => {
        const aliases = e.aliases.filter((a) => a.trim() && a !== e.name);
        const aliasLine = aliases.length ? `<p class="entity-aliases">Also: ${aliases.map((a) => textHtml(redactor, a)).join(', ')}</p>` : '';
        const description = e.description.trim() ? `<p class="entity-description">${textHtml(redactor, e.description.trim())}</p>` : '';
        return `<div class="entity-entry entity-${type.toLowerCase()}"><p class="entity-name">${textHtml(redactor, e.name)}</p>${aliasLine}${description}</div>`;
      })
      .join('\n');
    return `<h2 class="entity-type">${escapeText(ENTITY_TYPE_LABELS[type].plural)}</h2>\n${items}`;
  })
    .filter(Boolean)
    .join('\n');
}

/** Dated events, oldest first; ISO dates (even partial ones) sort as text. */
export function timelineAppendixHtml(events: readonly BriefingEvent[], redactor: Redactor): string {
  const shown = events
    .filter((e) => e.date.trim() && !(e.entityIds ?? []).some((id) => redactor.isRedactedEntity(id)))
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'en'));
  if (shown.length === 0) return '<p class="empty">No dated events.</p>';
  const rows = shown
    .map((e) => {
      const when = formatPartialDate(e.date) + (e.endDate ? ` – ${formatPartialDate(e.endDate)}` : '');
      const description = e.description?.trim() ? `<p class="event-description">${textHtml(redactor, e.description.trim())}</p>` : '';
      return `<tr><td class="event-date">${escapeText(when)}</td><td><p class="event-title">${textHtml(redactor, e.title)}</p>${description}</td></tr>`;
    })
    .join('\n');
  return `<table class="timeline"><thead><tr><th>Date</th><th>Event</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** Every source with when it was imported and its fingerprint, and how often this briefing cites it. */
export function sourcesAppendixHtml(sources: readonly BriefingSource[], citedCount: ReadonlyMap<string, number>, redactor: Redactor): string {
  if (sources.length === 0) return '<p class="empty">No sources.</p>';
  const rows = [...sources]
    .sort((a, b) => a.title.localeCompare(b.title, 'en'))
    .map((s) => {
      const file = s.fileName?.trim() ? `<p class="source-file">${textHtml(redactor, s.fileName.trim())}${s.format ? ` (${escapeText(s.format)})` : ''}</p>` : '';
      const cited = citedCount.get(s.id) ?? 0;
      return (
        `<tr><td><p class="source-title">${textHtml(redactor, s.title || 'Untitled source')}</p>${file}</td>` +
        `<td class="source-imported">${escapeText(formatUtcDay(s.importedAt))}</td>` +
        `<td class="source-cited">${cited}</td>` +
        `<td class="fingerprint"><code>${escapeText(s.sha256)}</code></td></tr>`
      );
    })
    .join('\n');
  return `<table class="source-list"><thead><tr><th>Source</th><th>Imported</th><th>Cited</th><th>SHA-256</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}
