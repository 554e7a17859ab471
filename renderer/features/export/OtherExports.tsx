import { useState } from 'react';
import type { BriefingRecords } from '../../../shared/briefing';
import { encodeCaseExport } from '../../../shared/export/encode-case-export';
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

/** The formats for sharing, redacted when asked; the backup is apart (it keeps everything). */
const SHARED_FORMATS = ['markdown-zip', 'html', 'ftm', 'csv'] as const;

/**
 * The case in other formats: Markdown, FtM and CSV are made here and saved
 * by main; HTML (rendered with the note schema in Node) and the backup (which
 * carries the originals main keeps) are made by main. With `redact`, every
 * format but the backup goes through the one redaction step
 * (shared/redaction/redact-snapshot.ts): here for the formats made here, in
 * main for the HTML page (the request says so, and main redacts itself).
 * The backup keeps everything, and says so. Restoring a backup adds its case
 * beside this one, never over it.
 */
export function OtherExports({
  records,
  disabled,
  redact,
  onRestored,
}: {
  records: BriefingRecords | null;
  disabled: boolean;
  redact: boolean;
  /** A backup was restored: the dialog gives way, so the toast that offers to open the case is in reach. */
  onRestored: () => void;
}) {
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
      type CaseFileSnapshot = Parameters<typeof casebook.exportCaseFile>[0]['snapshot'];
      let result: Result<SaveOutcome>;
      if (format === 'html') {
        result = await casebook.exportCaseFile({ format, snapshot: snapshot as CaseFileSnapshot, redact });
      } else if (format === 'backup') {
        result = await casebook.exportCaseFile({ format, snapshot: snapshot as CaseFileSnapshot });
      } else {
        const { bytes, suggestedName } = encodeCaseExport(format, snapshot, { redact });
        result = await casebook.exportSaveFile({ format, suggestedName, bytes });
      }
      if (!result.ok) return setError(result.error.message);
      const redacted = redact && format !== 'backup' ? ', protected names redacted' : '';
      if (result.value.saved) toasts.show({ tone: 'info', message: `Saved ${LABELS[format]} to ${result.value.path}${redacted}.` });
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
      if ((await restoreBackup(services)) !== undefined) onRestored();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The backup could not be restored.');
    } finally {
      setBusy(null);
    }
  };

  const button = (format: Format) => (
    <button
      key={format}
      type="button"
      disabled={disabled || busy !== null || !records}
      aria-describedby={format === 'backup' && redact ? 'backup-keeps-everything' : undefined}
      onClick={() => void save(format)}
    >
      {busy === format ? 'Saving…' : LABELS[format]}
    </button>
  );

  return (
    <section className="other-exports" aria-label="Other formats">
      <h2>Other formats</h2>
      {redact && <p className="export-note">Protected names are redacted in these formats too.</p>}
      <div className="export-buttons">{SHARED_FORMATS.map(button)}</div>
      <div className="export-buttons export-backup">
        {button('backup')}
        <button type="button" disabled={disabled || busy !== null} onClick={() => void restore()}>
          {busy === 'restore' ? 'Restoring…' : 'Restore a backup…'}
        </button>
      </div>
      {redact && (
        <p className="export-note" id="backup-keeps-everything">
          A backup is not redacted: it keeps everything, protected names included, so the case can be restored whole. Keep it private.
        </p>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
    </section>
  );
}
