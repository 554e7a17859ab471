import type { Quote } from './provenance';

/**
 * Entity types follow FollowTheMoney's schemata where one fits, plus our own
 * Substance and Figure (a number the sources state: a seizure, a death toll).
 */
export const ENTITY_TYPES = [
  'Person',
  'Organization',
  'Company',
  'PublicBody',
  'Place',
  'Event',
  'Substance',
  'Figure',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ENTITY_TYPE_LABELS: Record<EntityType, { singular: string; plural: string }> = {
  Person: { singular: 'Person', plural: 'People' },
  Organization: { singular: 'Organization', plural: 'Organizations' },
  Company: { singular: 'Company', plural: 'Companies' },
  PublicBody: { singular: 'Public body', plural: 'Public bodies' },
  Place: { singular: 'Place', plural: 'Places' },
  Event: { singular: 'Event', plural: 'Events' },
  Substance: { singular: 'Substance', plural: 'Substances' },
  Figure: { singular: 'Figure', plural: 'Figures' },
};

/** Property values stay flat and JSON-safe so they export to FtM and CSV unchanged. */
export type PropertyValue = string | number | boolean | null;

/**
 * Well-known property keys by type. Others are allowed; these are the ones
 * the inspector offers and the timeline reads.
 * - `date`: ISO 8601, possibly partial ("2022-08", "2023").
 * - `endDate`: for ranges ("from August 2021 to August 2022").
 * - `kind`: a finer type, e.g. for Event "hearing" | "operation" | "charge" |
 *   "sanction" | "statement" | "visit" | "announcement"; for Organization
 *   "cartel" | "think tank" | "media" | "criminal network"; for Place
 *   "country" | "city" | "region" | "continent".
 * - Figure: `amount` (number), `unit` ("pills", "pounds", "people", "USD",
 *   "websites", "countries"…), `measure` ("seizure", "deaths", "arrests"…).
 */
export type EntityProperties = Record<string, PropertyValue>;

export interface Entity {
  id: string;
  caseId: string;
  type: EntityType;
  name: string;
  aliases: string[];
  description: string;
  properties: EntityProperties;
  /** Source protection: every redacted export (briefing, HTML, Markdown, CSV, FtM) hides protected entities' names. */
  protected: boolean;
  /** Passages of the case's sources that attest this entity. */
  quotes: SourceQuote[];
  createdAt: number;
  updatedAt: number;
}

/** A quote tied to the source it was taken from. */
export interface SourceQuote extends Quote {
  sourceId: string;
}
