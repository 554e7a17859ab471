/** A note quoting a source passage; enough to verify it and re-find it after re-import. */
export interface Citation {
  id: string;
  caseId: string;
  noteId: string;
  sourceId: string;
  start: number;
  end: number;
  page?: number;
  quote: string;
  sourceSha256: string;
  createdAt: number;
}
