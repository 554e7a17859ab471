import { fail, ok } from '../../../shared/ipc/result';
import type { Channel, SaveOutcome } from '../../../shared/ipc/contract';
import type { BriefingModel } from '../../../shared/briefing/model';
import { checkRedacted, RedactionLeakError } from '../../../shared/redaction/legible';
import { redactSnapshot } from '../../../shared/redaction/redact-snapshot';
import type { Handlers } from './dispatch';
import type { HandlerDeps } from './handlers';
import { backupBytes } from './backup-handlers';
import { safeFileName, writeFailure } from './saving';

/** Every `export:*` channel: a new one that is not handled here does not compile. */
export type ExportChannel = Extract<Channel, `export:${string}`>;

/** The briefing PDF, the case files main builds (HTML, backup), and saving what the renderer made. */
export function exportHandlers(
  deps: Pick<HandlerDeps, 'chooseSavePath' | 'printBriefing' | 'writeFileAtomic' | 'originals' | 'appInfo'>,
): Pick<Handlers, ExportChannel> {
  return {
    'export:briefing-pdf': async ({ model }, context) => {
      const path = await deps.chooseSavePath(`${safeFileName(model.title)}.pdf`, 'pdf');
      if (!path) return ok<SaveOutcome>({ saved: false });
      let printed: { bytes: Uint8Array; pageCount: number };
      try {
        printed = await deps.printBriefing(model as BriefingModel, (progress) => context.emit?.('export:progress', progress));
      } catch (error) {
        return fail('export-failed', `The briefing could not be printed: ${(error as Error).message}`);
      }
      context.emit?.('export:progress', { stage: 'saving' });
      try {
        await deps.writeFileAtomic(path, printed.bytes);
      } catch (error) {
        return writeFailure(error, path);
      }
      return ok({ saved: true as const, path, pageCount: printed.pageCount });
    },
    'export:case-file': async (request) => {
      const { format } = request;
      const original = request.snapshot;
      // Main redacts the page itself, with the same step as every other format: a
      // request that asks for redaction gets it, whatever the renderer sent.
      const redact = request.format === 'html' && request.redact;
      let snapshot = original;
      try {
        if (redact) snapshot = redactSnapshot(original);
      } catch (error) {
        return fail('export-failed', `The HTML page could not be redacted, so it was not made: ${(error as Error).message}`);
      }
      const name = `${safeFileName(snapshot.case.title)}.${format === 'html' ? 'html' : 'casebook'}`;
      const path = await deps.chooseSavePath(name, format);
      if (!path) return ok<SaveOutcome>({ saved: false });
      let bytes: Uint8Array;
      try {
        if (format === 'html') {
          const { caseToHtml } = await import('../../../shared/export/html');
          const html = caseToHtml(snapshot);
          if (redact) checkRedacted(original.entities, [html], 'HTML page');
          bytes = new TextEncoder().encode(html);
        } else {
          bytes = await backupBytes(deps, snapshot);
        }
      } catch (error) {
        if (error instanceof RedactionLeakError) return fail('export-failed', error.message);
        return fail('export-failed', `The ${format === 'html' ? 'HTML page' : 'backup'} could not be made: ${(error as Error).message}`);
      }
      try {
        await deps.writeFileAtomic(path, bytes);
      } catch (error) {
        return writeFailure(error, path);
      }
      return ok<SaveOutcome>({ saved: true, path });
    },
    'export:save-file': async ({ format, suggestedName, bytes }) => {
      const path = await deps.chooseSavePath(safeFileName(suggestedName), format);
      if (!path) return ok<SaveOutcome>({ saved: false });
      try {
        await deps.writeFileAtomic(path, bytes);
      } catch (error) {
        return writeFailure(error, path);
      }
      return ok<SaveOutcome>({ saved: true, path });
    },
  };
}
