import { useEffect, useMemo, useRef, useState } from 'react';
import { briefingModelFromRecords, renderBriefingHtml, unverifiedCitationsByNote, type BriefingChoices, type BriefingRecords } from '../../../shared/briefing';
import type { BriefingAppendices, BriefingPageSize } from '../../../shared/briefing/model';
import type { EventContract } from '../../../shared/ipc/contract';
import { useApp } from '../../app/context';
import { casebook, logError } from '../../bridge';
import { briefingDate, loadBriefingRecords } from './briefing-records';
import { OtherExports } from './OtherExports';
import { asPreviewPage } from './preview-page';
import { useModal } from '../../app/use-modal';
import { loadBriefingSettings, saveBriefingSettings } from './briefing-settings';

type Progress = EventContract['export:progress'] | null;

const STAGE_LABEL: Record<NonNullable<Progress>['stage'], string> = {
  composing: 'Composing the briefing…',
  printing: 'Printing pages…',
  numbering: 'Numbering the contents…',
  saving: 'Saving the file…',
};

/**
 * "Export briefing…" (Ctrl+P or Ctrl+E): what to include (notes, picked and
 * ordered; appendices), the title page, page options, and a live preview
 * composed by the same function main prints with. Main asks where to save,
 * prints with progress, and writes the file whole or not at all.
 */
export function ExportDialog() {
  const { db, caseId, nav, toasts } = useApp();
  const [records, setRecords] = useState<BriefingRecords | null>(null);
  const [order, setOrder] = useState<string[]>([]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [fields, setFields] = useState({ title: '', subtitle: '', author: '', date: briefingDate(), handling: 'CONFIDENTIAL — DRAFT' });
  const [pageSize, setPageSize] = useState<BriefingPageSize>('A4');
  const [appendices, setAppendices] = useState<BriefingAppendices>({ entities: 'mentioned', timeline: true, sources: true });
  const [redact, setRedact] = useState(true);
  const [progress, setProgress] = useState<Progress>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  // Subtitle, author, handling line and page size come back as last set for this case (the meta table).
  const [settingsLoaded, setSettingsLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    void loadBriefingSettings(db, caseId)
      .then(({ pageSize: size, ...remembered }) => {
        if (!live) return;
        setFields((f) => ({ ...f, ...remembered }));
        if (size) setPageSize(size);
      })
      .catch((e: unknown) => logError('Reading the briefing settings failed', e))
      .finally(() => live && setSettingsLoaded(true));
    return () => {
      live = false;
    };
  }, [db, caseId]);
  useEffect(() => {
    if (!settingsLoaded) return;
    saveBriefingSettings(db, caseId, { subtitle: fields.subtitle, author: fields.author, handling: fields.handling, pageSize }).catch((e: unknown) => logError('Remembering the briefing settings failed', e));
  }, [db, caseId, settingsLoaded, fields.subtitle, fields.author, fields.handling, pageSize]);

  useEffect(() => {
    let live = true;
    void loadBriefingRecords(db, caseId).then(
      (loaded) => {
        if (!live) return;
        setRecords(loaded);
        setOrder(loaded.notes.map((n) => n.id));
        setPicked(new Set(loaded.notes.map((n) => n.id)));
        setFields((f) => ({ ...f, title: f.title || loaded.case.title }));
        setRedact(loaded.entities.some((e) => e.protected));
      },
      (e: unknown) => setError(e instanceof Error ? e.message : 'The case could not be read.'),
    );
    return () => {
      live = false;
    };
  }, [db, caseId]);
  useEffect(() => casebook?.onExportProgress((p) => setProgress(p)), []);
  useEffect(() => dialog.current?.focus(), []);

  const close = () => !busy && nav.openOverlay(undefined);
  const modal = useModal(dialog, close);
  const choices: BriefingChoices = useMemo(
    () => ({ ...fields, pageSize, noteIds: order.filter((id) => picked.has(id)), appendices, redact }),
    [fields, pageSize, order, picked, appendices, redact],
  );
  const model = useMemo(() => (records ? briefingModelFromRecords(records, choices) : null), [records, choices]);
  const preview = useDeferredHtml(model ? () => asPreviewPage(renderBriefingHtml(model), window) : null, [model]);
  // Said before printing, not discovered in the PDF: which picked notes cite passages that did not check out.
  const unverified = useMemo(() => (model ? unverifiedCitationsByNote(model) : []), [model]);
  const unverifiedCount = unverified.reduce((sum, n) => sum + n.count, 0);

  const move = (id: string, by: number) =>
    setOrder((list) => {
      const i = list.indexOf(id);
      const j = i + by;
      if (i < 0 || j < 0 || j >= list.length) return list;
      const next = [...list];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });

  const exportPdf = async () => {
    if (!model || !casebook) return setError('Exporting needs the Casebook app (no connection to its main process).');
    if (model.notes.length === 0) return setError('Pick at least one note.');
    setBusy(true);
    setError(null);
    setProgress(null);
    try {
      // Main validates the model against its schema (shared/ipc/briefing-schema.ts).
      const result = await casebook.exportBriefingPdf({ model: model as Parameters<typeof casebook.exportBriefingPdf>[0]['model'] });
      if (!result.ok) return setError(result.error.message);
      if (!result.value.saved) return;
      toasts.show({ tone: 'info', message: `Saved the briefing (${result.value.pageCount ?? '?'} pages) to ${result.value.path}.` });
      nav.openOverlay(undefined);
    } catch (e) {
      logError('Exporting the briefing failed', e);
      setError('The briefing could not be exported.');
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const notesById = new Map(records?.notes.map((n) => [n.id, n]));
  return (
    <div className="overlay" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        ref={dialog}
        className="export-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Export briefing"
        tabIndex={-1}
        onKeyDown={modal.onKeyDown}
      >
        <div className="export-form">
          <h1>Export briefing</h1>
          {!records && !error && <p className="muted">Reading the case…</p>}
          {records && (
            <>
              <fieldset>
                <legend>Notes</legend>
                {records.notes.length === 0 && <p className="muted">This case has no notes yet.</p>}
                <ol className="export-notes">
                  {order.map((id, i) => (
                    <li key={id}>
                      <label>
                        <input
                          type="checkbox"
                          checked={picked.has(id)}
                          onChange={(e) => setPicked((s) => { const next = new Set(s); if (e.target.checked) next.add(id); else next.delete(id); return next; })}
                        />
                        {notesById.get(id)?.title}
                      </label>
                      <span className="reorder">
                        <button type="button" aria-label={`Move ${notesById.get(id)?.title} up`} disabled={i === 0} onClick={() => move(id, -1)}>↑</button>
                        <button type="button" aria-label={`Move ${notesById.get(id)?.title} down`} disabled={i === order.length - 1} onClick={() => move(id, 1)}>↓</button>
                      </span>
                    </li>
                  ))}
                </ol>
                <div className="export-appendices">
                  <label>
                    Key entities
                    <select value={String(appendices.entities)} onChange={(e) => setAppendices((a) => ({ ...a, entities: e.target.value === 'false' ? false : (e.target.value as 'mentioned' | 'all') }))}>
                      <option value="mentioned">Those mentioned</option>
                      <option value="all">All</option>
                      <option value="false">None</option>
                    </select>
                  </label>
                  <label><input type="checkbox" checked={appendices.timeline} onChange={(e) => setAppendices((a) => ({ ...a, timeline: e.target.checked }))} /> Timeline</label>
                  <label><input type="checkbox" checked={appendices.sources} onChange={(e) => setAppendices((a) => ({ ...a, sources: e.target.checked }))} /> Sources</label>
                </div>
              </fieldset>
              <fieldset className="export-fields">
                <legend>Title page</legend>
                {(['title', 'subtitle', 'author', 'date', 'handling'] as const).map((key) => (
                  <label key={key}>
                    {key === 'handling' ? 'Handling line' : key[0]!.toUpperCase() + key.slice(1)}
                    <input value={fields[key]} onChange={(e) => setFields((f) => ({ ...f, [key]: e.target.value }))} />
                  </label>
                ))}
              </fieldset>
              <fieldset className="export-page">
                <legend>Page</legend>
                {(['A4', 'Letter'] as const).map((size) => (
                  <label key={size}><input type="radio" name="page-size" checked={pageSize === size} onChange={() => setPageSize(size)} /> {size}</label>
                ))}
                <label><input type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} /> Redact protected entities in every export but the backup</label>
              </fieldset>
            </>
          )}
          {unverifiedCount > 0 && (
            <section className="export-warning" aria-label="Unverified citations">
              <p>
                <strong>
                  {unverifiedCount === 1 ? '1 citation does not check out' : `${unverifiedCount} citations do not check out`} against {unverifiedCount === 1 ? 'its source' : 'their sources'}.
                </strong>{' '}
                The briefing prints {unverifiedCount === 1 ? 'its endnote' : 'their endnotes'} marked UNVERIFIED, with the reason.
              </p>
              <ul>
                {unverified.map((n) => (
                  <li key={n.noteId}>
                    “{n.title.trim() || 'Untitled note'}”: {n.count === 1 ? '1 citation' : `${n.count} citations`}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {error && <p className="form-error" role="alert">{error}</p>}
          {busy && (
            <div className="export-progress" role="status">
              <progress aria-label="Export progress" />
              <span>{progress ? STAGE_LABEL[progress.stage] : 'Choose where to save…'}</span>
            </div>
          )}
          <div className="form-actions">
            <button type="button" className="primary" disabled={!model || busy} onClick={() => void exportPdf()}>Export PDF…</button>
            <button type="button" onClick={close} disabled={busy}>Cancel</button>
          </div>
          <OtherExports records={records} disabled={busy} redact={redact} onRestored={() => nav.openOverlay(undefined)} />
        </div>
        <div className="export-preview">
          {preview ? <iframe title="Briefing preview" sandbox="" srcDoc={preview} /> : <div className="pane-loading">Preparing the preview…</div>}
        </div>
      </div>
    </div>
  );
}

/** Composes off the typing path: the preview follows the form a moment later. */
function useDeferredHtml(compose: (() => string) | null, deps: unknown[]): string | null {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    if (!compose) return;
    const timer = setTimeout(() => {
      try {
        setHtml(compose());
      } catch (e) {
        logError('Composing the briefing preview failed', e);
      }
    }, 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return html;
}
