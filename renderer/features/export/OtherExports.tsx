import { useState } from 'react';
import type { BriefingRecords } from '../../../shared/briefing';
import { caseToMarkdownZip } from '../../../shared/export/markdown-case';
import { caseToFtmLines } from '../../../shared/export/ftm';
import { entitiesToCsv } from '../../../shared/export/csv';
import type { CaseSnapshot } from '../../../shared/export/case-snapshot';
import type { SaveOutcome } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { useApp } from '../../app/context';
import { casebook, logError } from '../../bridge';
import { readCaseSnapshot } from '../../db/snapshot';
import { restoreBackup } from './restore-backup';

type Format = 'markdown-zip' | 'html' | 'backup' | 'ftm' | 'csv';

const LABELS: Record<Format, string> = {
  'markdown-zip': 'Markdown (.zip)',
  html: 'HTML page',
  backup: 'Backup (.casebook)',
  ftm: 'FollowTheMoney (JSON lines)',
  csv: 'Entities (CSV)',
};

const slug = (title: string) => title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'case';

/**
 * The case in other formats: Markdown, FtM and CSV are made here and saved
 * by main; HTML (rendered with the note schema in Node) and the backup (which
 * carries the originals main keeps) are made by main. Restoring a backup
 * adds its case beside this one, never over it.
 */
export function OtherExports({ records, disabled }: { records: BriefingRecords | null; disabled: boolean }) {
  const services = useApp();
  const { db, caseId, toasts } = services;
  const [busy, setBusy] = useState<Format | 'restore' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async (format: Format) => {
    if (!casebook) return setError('Exporting needs the Casebook app (no connection to its main process).');
    setBusy(format);
    setError(null);
    try {
      const snapshot = await readCaseSnapshot(db, caseId);
      if (!snapshot) throw new Error('This case is no longer in the store.');
      const name = slug(snapshot.case.title);
      let result: Result<SaveOutcome>;
      if (format === 'html' || format === 'backup') {
        result = await casebook.exportCaseFile({ format, snapshot: snapshot as Parameters<typeof casebook.exportCaseFile>[0]['snapshot'] });
      } else {
        const bytes = encode(format, snapshot);
        const extension = format === 'markdown-zip' ? 'zip' : format === 'ftm' ? 'ftm.json' : 'csv';
        result = await casebook.exportSaveFile({ format, suggestedName: `${name}${format === 'csv' ? '-entities' : ''}.${extension}`, bytes });
      }
      if (!result.ok) return setError(result.error.message);
      if (result.value.saved) toasts.show({ tone: 'info', message: `Saved ${LABELS[format]} to ${result.value.path}.` });
    } catch (e) {
      logError(`Exporting ${format} failed`, e);
      setError(e instanceof Error ? e.message : 'The export failed.');
    } finally {
      setBusy(null);
    }
  };

  const restore = async () => {
    setBusy('restore');
    setError(null);
    try {
      await restoreBackup(services);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The backup could not be restored.');
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="other-exports" aria-label="Other formats">
      <h2>Other formats</h2>
      <div className="export-buttons">
        {(Object.keys(LABELS) as Format[]).map((format) => (
          <button key={format} type="button" disabled={disabled || busy !== null || !records} onClick={() => void save(format)}>
            {busy === format ? 'Saving…' : LABELS[format]}
          </button>
        ))}
        <button type="button" disabled={disabled || busy !== null} onClick={() => void restore()}>
          {busy === 'restore' ? 'Restoring…' : 'Restore a backup…'}
        </button>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
    </section>
  );
}

function encode(format: 'markdown-zip' | 'ftm' | 'csv', snapshot: CaseSnapshot): Uint8Array<ArrayBuffer> {
  if (format === 'markdown-zip') return new Uint8Array(caseToMarkdownZip(snapshot));
  const text = format === 'ftm' ? caseToFtmLines(snapshot) : entitiesToCsv(snapshot.entities);
  return new TextEncoder().encode(text);
}
