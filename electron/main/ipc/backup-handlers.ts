import { readFile, mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fail, ok } from '../../../shared/ipc/result';
import type { Channel } from '../../../shared/ipc/contract';
import { decodeBackup, encodeBackup } from '../../../shared/export/backup';
import type { CaseSnapshot } from '../../../shared/export/case-snapshot';
import { createBackupRotation, type BackupRotation } from '../../services/backup-rotation';
import { createOpenRequests } from '../open-requests';
import type { Handlers } from './dispatch';
import type { HandlerDeps } from './handlers';
import { writeFailure } from './saving';

/** Every `backup:*` channel: a new one that is not handled here does not compile. */
export type BackupChannel = Extract<Channel, `backup:${string}`>;

/** Largest backup main will read: far above any real case, far below what would exhaust memory. */
const MAX_BACKUP_BYTES = 4 * 1024 ** 3 - 1;

/** A `.casebook` backup of a snapshot with the originals main keeps: what `export:case-file` and `backup:auto` write. */
export async function backupBytes(deps: Pick<HandlerDeps, 'originals' | 'appInfo'>, snapshot: CaseSnapshot): Promise<Uint8Array> {
  const originals = new Map<string, Uint8Array>();
  for (const { sha256 } of snapshot.sources) {
    // A source whose original is gone (imported before originals were kept) travels without it.
    if (await deps.originals.has(sha256)) originals.set(sha256, new Uint8Array(await readFile(deps.originals.pathFor(sha256))));
  }
  return encodeBackup(snapshot, originals, { appVersion: deps.appInfo().version });
}

/** Restoring a backup the user picks, and the automatic daily and pre-upgrade backups. */
export function backupHandlers(
  deps: Pick<HandlerDeps, 'chooseBackupFile' | 'originals' | 'appInfo' | 'writeFileAtomic' | 'backupsDir' | 'now' | 'openRequests'>,
): Pick<Handlers, BackupChannel> {
  const openRequests = deps.openRequests ?? createOpenRequests();
  const backupsDir = () => deps.backupsDir ?? join(deps.appInfo().dataDir, 'backups');
  let rotation: BackupRotation | undefined;
  const backups = () =>
    (rotation ??= createBackupRotation({
      dir: backupsDir(),
      now: deps.now ?? (() => new Date()),
      fs: {
        mkdir: async (path) => {
          await mkdir(path, { recursive: true });
        },
        readdir: (path) => readdir(path).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error))),
        writeFileAtomic: deps.writeFileAtomic,
        unlink,
      },
    }));

  return {
    'backup:restore': async (request) => {
      // A path only if the user opened that very file with the app; otherwise the dialog.
      if (request && !openRequests.has(request.path)) return fail('forbidden-path', 'Only a backup opened with Casebook, or chosen in its dialog, can be restored.');
      const path = request ? request.path : await deps.chooseBackupFile();
      if (!path) return ok({ restored: false as const });
      let bytes: Uint8Array;
      try {
        if ((await stat(path)).size > MAX_BACKUP_BYTES) return fail('invalid-backup', `${basename(path)} is too large to be a Casebook backup.`);
        bytes = new Uint8Array(await readFile(path));
      } catch (error) {
        return fail('io', `Could not read ${basename(path)}: ${(error as Error).message}`);
      }
      const decoded = await decodeBackup(bytes);
      if (!decoded.ok) return fail('invalid-backup', `${basename(path)}: ${decoded.error.message} Nothing was changed.`);
      try {
        for (const [sha256, original] of decoded.value.originals) await deps.originals.putBytes(sha256, original);
      } catch (error) {
        return fail('io', `Could not store the backup's original files: ${(error as Error).message}`);
      }
      return ok({ restored: true as const, snapshot: decoded.value.snapshot, fileName: basename(path) });
    },
    'backup:take-open-requests': (_payload, context) => ok({ requests: openRequests.take((r) => context.emit?.('backup:open-requested', r)) }),
    'backup:auto': async ({ snapshot, reason }) => {
      try {
        const outcome = await backups().write(snapshot.case.id, reason ?? 'daily', () => backupBytes(deps, snapshot));
        return ok(outcome.written ? { written: true as const, fileName: outcome.fileName } : { written: false as const, reason: outcome.reason });
      } catch (error) {
        return writeFailure(error, backupsDir());
      }
    },
  };
}
