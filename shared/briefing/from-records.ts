import type { CitationCheck } from '../editor/citation-check';
import { sourceTitle, type Case, type Entity, type Note, type Relation, type Source } from '../model';
import type { BriefingAppendices, BriefingCitationCheck, BriefingModel, BriefingPageSize } from './model';
import { timelineEvents } from './timeline';

/** What the export dialog asks for; everything else comes from the case's records. */
export interface BriefingChoices {
  /** Defaults to the case's title. */
  title?: string;
  subtitle?: string;
  author?: string;
  /** As it should read on the title page. */
  date: string;
  handling: string;
  pageSize: BriefingPageSize;
  /** Which notes, in which order; defaults to every note not deleted, as given. */
  noteIds?: string[];
  appendices: BriefingAppendices;
  redact: boolean;
}

export interface BriefingRecords {
  case: Case;
  notes: readonly Note[];
  sources: readonly Source[];
  entities: readonly Entity[];
  relations: readonly Relation[];
  /**
   * Each note's citations checked against the case's sources, by note id
   * (`briefingCitationCheck` of every citation node). A note missing here
   * prints its citations as unverified: nothing is taken as checked.
   */
  citationChecks: ReadonlyMap<string, readonly BriefingCitationCheck[]>;
}

/** A citation's check as the briefing model carries it. */
export function briefingCitationCheck(citationId: unknown, check: CitationCheck): BriefingCitationCheck {
  const id = typeof citationId === 'string' ? citationId : '';
  return check.status === 'ok' ? { citationId: id, verified: true } : { citationId: id, verified: false, problem: check.reason };
}

/**
 * A briefing model from store records. All entities go in whatever the
 * appendix shows, so redaction knows every protected name.
 */
export function briefingModelFromRecords(records: BriefingRecords, choices: BriefingChoices): BriefingModel {
  const live = records.notes.filter((n) => n.deletedAt === undefined);
  const byId = new Map(live.map((n) => [n.id, n]));
  const notes = choices.noteIds ? choices.noteIds.flatMap((id) => byId.get(id) ?? []) : live;
  return {
    title: choices.title?.trim() || records.case.title,
    ...(choices.subtitle ? { subtitle: choices.subtitle } : {}),
    ...(choices.author ? { author: choices.author } : {}),
    date: choices.date,
    ...(records.case.summary ? { summary: records.case.summary } : {}),
    handling: choices.handling,
    pageSize: choices.pageSize,
    notes: notes.map((n) => ({ id: n.id, title: n.title, content: n.content, citationChecks: [...(records.citationChecks.get(n.id) ?? [])] })),
    // A source in the Trash is not listed; a citation of it is printed UNVERIFIED with its own title.
    sources: records.sources.filter((s) => s.deletedAt === undefined).map((s) => ({
      id: s.id,
      title: sourceTitle(s),
      sha256: s.sha256,
      importedAt: s.importedAt,
      format: s.format,
      ...(s.fileName ? { fileName: s.fileName } : {}),
    })),
    entities: records.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: [...e.aliases],
      description: e.description,
      protected: e.protected,
      properties: { ...e.properties },
    })),
    timeline: timelineEvents(records.entities, records.relations),
    appendices: choices.appendices,
    redact: choices.redact,
  };
}
