import type { CasebookApi } from '../../../shared/ipc/contract';
import type { CasebookDexie } from '../../db/database';
import { readCaseSnapshot } from '../../db/snapshot';
import type { BackupNotice } from './backup-notice';

/** Local calendar day, YYYY-MM-DD, as main names backups. */
export function today(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const metaKey = (caseId: string) => `autoBackup:${caseId}`;

export interface AutoBackupOptions {
  db: CasebookDexie;
  api: Pick<CasebookApi, 'backupAuto'> | undefined;
  log: (message: string, error?: unknown) => void;
  /** Where failures are shown until dismissed or the case's next backup succeeds. */
  notice?: Pick<BackupNotice, 'failed' | 'succeeded'>;
  now?: () => Date;
  /** First run this long after start, so it never competes with the first paint. */
  startDelayMs?: number;
  /** Then checked this often, for a window left open past midnight. */
  intervalMs?: number;
}

/**
 * Sends main a snapshot of every case that has no backup today. The store
 * remembers the day of each case's last backup (`meta`), so a day's second
 * start reads and sends nothing; main still skips a case whose file for
 * today exists. Failures are logged, shown to the user (`notice`) and
 * retried on the next check.
 */
export async function backUpCasesDue({ db, api, log, notice, now = () => new Date() }: AutoBackupOptions): Promise<string[]> {
  if (!api) return [];
  const day = today(now());
  const done: string[] = [];
  for (const caseId of await db.cases.toCollection().primaryKeys()) {
    let caseTitle: string | undefined;
    const failed = (error: unknown) => {
      log('The daily backup failed', error);
      const message = error instanceof Error ? error.message : String(error);
      notice?.failed({ caseId, caseTitle, message: message.slice(0, 500) });
    };
    try {
      const last = await db.meta.get(metaKey(caseId));
      if (last?.value === day) continue;
      const snapshot = await readCaseSnapshot(db, caseId);
      if (!snapshot) continue;
      caseTitle = snapshot.case.title;
      const result = await api.backupAuto({ snapshot, reason: 'daily' });
      if (!result.ok) {
        failed(result.error.message);
        continue;
      }
      await db.meta.put({ key: metaKey(caseId), value: day });
      notice?.succeeded(caseId);
      if (result.value.written) done.push(caseId);
    } catch (error) {
      failed(error);
    }
  }
  return done;
}

/** Starts the daily backups in the background; returns how to stop them. */
export function startAutoBackup(options: AutoBackupOptions): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    void backUpCasesDue(options).finally(() => {
      running = false;
    });
  };
  const first = setTimeout(run, options.startDelayMs ?? 5_000);
  const every = setInterval(run, options.intervalMs ?? 60 * 60 * 1000);
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
