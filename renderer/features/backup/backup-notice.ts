import { useSyncExternalStore } from 'react';

/** A case whose last automatic backup failed, and why (main's message names the folder). */
export interface BackupFailure {
  caseId: string;
  caseTitle: string | undefined;
  message: string;
}

/**
 * Failed automatic backups, kept until the user dismisses them or that
 * case's next backup succeeds. A toast would vanish in seconds, and a
 * backup that silently stops working is found out only when it is needed.
 */
export function createBackupNotice() {
  let failures: readonly BackupFailure[] = [];
  const listeners = new Set<() => void>();
  const set = (next: readonly BackupFailure[]) => {
    failures = next;
    listeners.forEach((l) => l());
  };
  return {
    get: () => failures,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    failed(failure: BackupFailure) {
      set([...failures.filter((f) => f.caseId !== failure.caseId), failure]);
    },
    succeeded(caseId: string) {
      if (failures.some((f) => f.caseId === caseId)) set(failures.filter((f) => f.caseId !== caseId));
    },
    /** Hidden until a later backup fails again (they are retried every hour). */
    dismiss() {
      set([]);
    },
  };
}
export type BackupNotice = ReturnType<typeof createBackupNotice>;

/** The app's one notice, fed by the automatic backups (main.tsx) and shown by <BackupNoticeBar>. */
export const backupNotice = createBackupNotice();

export function useBackupFailures(notice: BackupNotice): readonly BackupFailure[] {
  return useSyncExternalStore(notice.subscribe, notice.get);
}
