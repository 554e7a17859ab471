import { BrowserWindow, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrintHtml } from '../services/export/briefing-pdf';
import { printWindowWebPreferences } from './web-preferences';

const PRINT_PARTITION = 'casebook-print';

/**
 * Electron's printer for the briefing: a hidden window with no scripts, no
 * preload and no network (every request but the one local file is
 * cancelled), so composed HTML can only be laid out and printed. The HTML is
 * written to a private temporary file because data: URLs this size are not
 * loaded reliably; the folder is removed after each printing.
 */
export function createElectronPrinter(): PrintHtml {
  const printSession = session.fromPartition(PRINT_PARTITION, { cache: false });
  let allowedUrl = '';
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== allowedUrl }));
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  return async (html, options) => {
    const dir = await mkdtemp(join(tmpdir(), 'casebook-print-'));
    const file = join(dir, 'briefing.html');
    const window = new BrowserWindow({
      show: false,
      webPreferences: printWindowWebPreferences(printSession),
    });
    try {
      await writeFile(file, html, 'utf8');
      allowedUrl = pathToFileURL(file).href;
      await window.loadURL(allowedUrl);
      const pdf = await window.webContents.printToPDF(options);
      return new Uint8Array(pdf);
    } finally {
      allowedUrl = '';
      window.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  };
}
