import { useEffect, useState } from 'react';
import { casebook } from '../../bridge';
import { backupNotice, useBackupFailures, type BackupNotice } from './backup-notice';

/**
 * A persistent notice when an automatic backup failed: which case, main's
 * reason (it names the folder), and where the log is. It stays until the
 * user dismisses it or the case's next backup succeeds.
 */
export function BackupNoticeBar({ notice = backupNotice }: { notice?: BackupNotice }) {
  const failures = useBackupFailures(notice);
  const logPath = useLogPath();
  if (failures.length === 0) return null;
  return (
    <section className="backup-notice" role="alert" aria-label="Automatic backup failed">
      <div className="backup-notice-body">
        <h2>Automatic backup failed</h2>
        {failures.map((f) => (
          <p key={f.caseId}>
            {f.caseTitle ? <>The backup of “{f.caseTitle}” could not be written: </> : <>A case could not be backed up: </>}
            <span className="backup-notice-reason">{f.message}</span>
          </p>
        ))}
        <p className="backup-notice-help">
          Your work is still saved in Casebook; the backup is tried again every hour. Details are in the log
          {logPath ? <> (<span className="mono">{logPath}</span>)</> : null}: Help → Open logs folder.
        </p>
      </div>
      <button type="button" className="backup-notice-close" onClick={() => notice.dismiss()}>
        Dismiss
      </button>
    </section>
  );
}

/** `<userData>/logs/casebook.log`, as main writes it (electron/main/paths.ts). */
function useLogPath(): string | null {
  const [path, setPath] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void casebook
      ?.appGetInfo()
      .then((r) => {
        if (!live || !r.ok) return;
        const sep = r.value.platform === 'win32' ? '\\' : '/';
        setPath([r.value.dataDir, 'logs', 'casebook.log'].join(sep));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return path;
}
