import type { CitationAttrs } from '../../shared/editor/citation';
import type { EntityMentionAttrs } from '../../shared/editor/entity-mention';
import { pageAt, sourceTitle } from '../../shared/model';
import { createCitationChecker } from './citations';
import type { CasebookDexie } from './database';

/**
 * Decides whether a citation or entity mention that arrived by paste or drop
 * may stay a node. Pasted HTML is anyone's: a web page can carry
 * `<cite data-citation data-quote="…">` or `<span data-entity-mention>` with
 * whatever attributes it likes, and the note schema would parse them into
 * real nodes. So a pasted node is only a claim, and it is kept only if the
 * store confirms it for this case; its answer (not the pasted attributes) then
 * supplies what the node shows. `null` means "paste it as plain text".
 */
export interface ReferenceVerifier {
  citation(attrs: CitationAttrs): Promise<CitationAttrs | null>;
  mention(attrs: EntityMentionAttrs): Promise<EntityMentionAttrs | null>;
}

export function createReferenceVerifier(db: CasebookDexie, caseId: string): ReferenceVerifier {
  const check = createCitationChecker(db, caseId);
  return {
    async citation(attrs) {
      // Every citation Casebook makes records its source's fingerprint; one without is not ours.
      if (!attrs.sourceSha256 || !attrs.citationId) return null;
      if ((await check(attrs)).status !== 'ok') return null;
      const source = await db.sources.get(attrs.sourceId);
      if (!source || source.caseId !== caseId) return null;
      // The chip's title and page come from the store, never from the pasted attributes.
      return { ...attrs, sourceTitle: sourceTitle(source), page: pageAt(source.pages, attrs.start) };
    },
    async mention(attrs) {
      if (typeof attrs.entityId !== 'string' || !attrs.entityId) return null;
      const entity = await db.entities.get(attrs.entityId);
      if (!entity || entity.caseId !== caseId) return null;
      return { entityId: entity.id, label: entity.name, entityType: entity.type };
    },
  };
}
