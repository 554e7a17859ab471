/**
 * Shipped schema versions, exactly as released. Editing one of these (rather
 * than adding a version) would leave installed stores unable to open, so
 * this list only ever grows, and SCHEMA_VERSIONS must match it.
 */
export const SHIPPED: { version: number; stores: Record<string, string> }[] = [
  {
    version: 1,
    stores: {
      cases: 'id',
      notes: 'id, [caseId+updatedAt]',
      sources: 'id, caseId, sha256',
      entities: 'id, [caseId+type], [caseId+type+sortName], *nameKeys, *searchKeys',
      relations: 'id, caseId, fromId, toId',
      mentions: 'id, caseId, entityId, [targetKind+targetId]',
      citations: 'id, caseId, noteId, sourceId',
      caseStats: 'caseId',
      meta: 'key',
    },
  },
  {
    version: 2,
    stores: {
      sourceBodies: 'sourceId, caseId',
      candidates: 'id, [caseId+status]',
    },
  },
  {
    version: 3,
    stores: {
      noteVersions: 'id, [noteId+savedAt]',
      trash: 'id, caseId, deletedAt',
    },
  },
  {
    version: 4,
    stores: {
      searchIndexes: 'caseId',
      searchChanges: '++seq, [caseId+seq]',
    },
  },
];
