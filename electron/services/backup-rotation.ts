import { join } from 'node:path';

/** Why an automatic backup was made: the daily one, or the one before a schema upgrade. */
export type AutoBackupReason = 'daily' | 'pre-upgrade';

/** The file system as the rotation needs it; the real one in the app, a fake in tests. */
export interface RotationFs {
  mkdir: (path: string) => Promise<void>;
  /** File names in a folder; empty when the folder does not exist. */
  readdir: (path: string) => Promise<string[]>;
  /** Writes a whole file or nothing (temporary file, then rename). */
  writeFileAtomic: (path: string, bytes: Uint8Array) => Promise<void>;
  unlink: (path: string) => Promise<void>;
}

export interface BackupRotationOptions {
  /** `<userData>/backups`. */
  dir: string;
  fs: RotationFs;
  now: () => Date;
  /** Daily backups kept per case (default 7); pre-upgrade backups keep their own, shorter, list. */
  keepDaily?: number;
  keepPreUpgrade?: number;
}

export type AutoBackupOutcome = { written: true; fileName: string; removed: string[] } | { written: false; reason: 'exists-today' };

const DAILY = /^\d{4}-\d{2}-\d{2}\.casebook$/;
const PRE_UPGRADE = /^\d{4}-\d{2}-\d{2}-pre-upgrade(-\d+)?\.casebook$/;

/** Local calendar day, YYYY-MM-DD: what a user means by "today's backup". */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A case id as a folder name: only characters every file system takes, never `.` or `..`. */
export function caseFolderName(caseId: string): string {
  const clean = caseId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 100);
  if (!clean) throw new Error('A case id is needed to name its backup folder.');
  return clean;
}

/**
 * Automatic backups of each case in `<dir>/<caseId>/`: one `<YYYY-MM-DD>.casebook`
 * a day (the last `keepDaily` kept), and a `<YYYY-MM-DD>-pre-upgrade.casebook`
 * before each schema upgrade (the last `keepPreUpgrade` kept). Names sort by
 * date, so the oldest are the first in name order.
 */
export function createBackupRotation({ dir, fs, now, keepDaily = 7, keepPreUpgrade = 3 }: BackupRotationOptions) {
  const folderOf = (caseId: string) => join(dir, caseFolderName(caseId));

  async function list(caseId: string): Promise<string[]> {
    return (await fs.readdir(folderOf(caseId))).filter((n) => DAILY.test(n) || PRE_UPGRADE.test(n)).sort();
  }

  return {
    list,
    async hasBackupToday(caseId: string): Promise<boolean> {
      return (await list(caseId)).includes(`${localDay(now())}.casebook`);
    },
    /**
     * Writes a backup made by `encode` (called only when one is to be
     * written), then removes the oldest beyond the limit. A daily backup is
     * skipped when today's exists; a pre-upgrade one is always written.
     */
    async write(caseId: string, reason: AutoBackupReason, encode: () => Promise<Uint8Array>): Promise<AutoBackupOutcome> {
      const folder = folderOf(caseId);
      const existing = await list(caseId);
      const day = localDay(now());
      let fileName = `${day}.casebook`;
      if (reason === 'daily' && existing.includes(fileName)) return { written: false, reason: 'exists-today' };
      if (reason === 'pre-upgrade') {
        fileName = `${day}-pre-upgrade.casebook`;
        for (let n = 2; existing.includes(fileName); n++) fileName = `${day}-pre-upgrade-${n}.casebook`;
      }
      const bytes = await encode();
      try {
        await fs.writeFileAtomic(join(folder, fileName), bytes);
      } catch (error) {
        // The case's first backup: make its folder, then write again. Any other failure is the caller's to report.
        if (!isMissingFolder(error)) throw error;
        await fs.mkdir(folder);
        await fs.writeFileAtomic(join(folder, fileName), bytes);
      }
      const pattern = reason === 'daily' ? DAILY : PRE_UPGRADE;
      const keep = reason === 'daily' ? keepDaily : keepPreUpgrade;
      const same = [...existing.filter((n) => pattern.test(n)), fileName].sort(byDate);
      const removed = same.slice(0, Math.max(0, same.length - keep));
      for (const name of removed) await fs.unlink(join(folder, name));
      return { written: true, fileName, removed };
    },
  };
}
export type BackupRotation = ReturnType<typeof createBackupRotation>;

/** ENOENT, raw or as the cause of write-file-atomic's `not-writable`. */
function isMissingFolder(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | undefined;
  return e?.code === 'ENOENT' || e?.cause?.code === 'ENOENT';
}

/** By day, then by the pre-upgrade counter (`-pre-upgrade` before `-pre-upgrade-2`). */
function byDate(a: string, b: string): number {
  const key = (n: string) => {
    const m = /^(\d{4}-\d{2}-\d{2})(?:-pre-upgrade(?:-(\d+))?)?/.exec(n)!;
    return [m[1]!, Number(m[2] ?? 1)] as const;
  };
  const [da, na] = key(a);
  const [db, nb] = key(b);
  return da < db ? -1 : da > db ? 1 : na - nb;
}
