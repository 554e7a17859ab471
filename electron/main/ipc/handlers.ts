import type { AppInfo, EventContract, RequestOf } from '../../../shared/ipc/contract';
import type { BriefingModel } from '../../../shared/briefing/model';
import type { LogFile } from '../../services/log-file';
import type { OriginalsStore } from '../../services/originals';
import type { OpenRequests } from '../open-requests';
import type { IsolatedImporter } from '../../services/import/isolated';
import { join } from 'node:path';
import { createOriginalCopies } from '../../services/original-copies';
import type { Handlers } from './dispatch';
import { appHandlers } from './app-handlers';
import { importHandlers } from './import-handlers';
import { exportHandlers } from './export-handlers';
import { backupHandlers } from './backup-handlers';
import { originalsHandlers } from './originals-handlers';
import { sourceHandlers } from './source-handlers';

export type ExportFormat = RequestOf<'export:save-file'>['format'] | RequestOf<'export:case-file'>['format'] | 'pdf';

/** Everything main's handlers need from the app (Electron in index.ts, stand-ins in the test harness); each area takes its part. */
export interface HandlerDeps {
  appInfo: () => AppInfo;
  /** `shell.openExternal` in the app; called only with a checked URL. */
  openExternal: (url: string) => Promise<void>;
  log: LogFile;
  /** The renderer finished flushing; main may now close its window. */
  readyToClose: (senderUrl: string | undefined) => void;
  /** The native open dialog (multi-select); resolves to the chosen paths, empty when cancelled. */
  chooseFiles: () => Promise<string[]>;
  importer: IsolatedImporter;
  originals: OriginalsStore;
  /** Where read-only copies of originals, named as imported, are made for the system's apps (electron/services/original-copies.ts); `<dataDir>/opened-originals` if not given. */
  originalCopiesDir?: string;
  /** `shell.openPath` in the app: opens a file in its default app; resolves to an error message, '' when it worked. */
  openPath: (path: string) => Promise<string>;
  /** `shell.showItemInFolder` in the app. */
  showItemInFolder: (path: string) => void;
  /** The native save dialog; null when the user cancels. */
  chooseSavePath: (suggestedName: string, format: ExportFormat) => Promise<string | null>;
  /** Prints the briefing to PDF bytes (`exportBriefingPdf` in electron/services/export/briefing-pdf.ts over a hidden window), reporting its progress. */
  printBriefing: (model: BriefingModel, onProgress: (progress: EventContract['export:progress']) => void) => Promise<{ bytes: Uint8Array; pageCount: number }>;
  /** Writes a whole file or nothing (temporary file, then rename). */
  writeFileAtomic: (path: string, bytes: Uint8Array) => Promise<void>;
  /** The native open dialog for one backup file; null when cancelled. */
  chooseBackupFile: () => Promise<string | null>;
  /** Backups the user opened with the app (electron/main/open-requests.ts), filled by index.ts from argv and `open-file`; an empty one if not given. */
  openRequests?: OpenRequests;
  /** `<userData>/backups`: automatic backups, one folder per case (electron/services/backup-rotation.ts); `<dataDir>/backups` if not given. */
  backupsDir?: string;
  /** The clock that names automatic backups; the system's by default. */
  now?: () => Date;
}

/**
 * Main's handler for every channel of the contract, plain code with no
 * Electron, composed from one module per area. Typed `Handlers`, so a channel
 * no area handles does not compile.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...importHandlers(deps),
    ...exportHandlers(deps),
    ...backupHandlers(deps),
    ...originalsHandlers(deps),
    ...sourceHandlers({
      ...deps,
      originalCopies: createOriginalCopies({ originals: deps.originals, dir: () => deps.originalCopiesDir ?? join(deps.appInfo().dataDir, 'opened-originals') }),
    }),
  };
}
