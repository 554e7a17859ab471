import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../app/context';
import { reportReady } from '../../app/readiness';
import { deleteForever, listTrash, restoreFromTrash, type TrashItem } from '../../db/trash';
import { reportFailure } from '../../app/report-failure';
import { formatTime } from '../../format';
import { openCase } from '../../app/ui-state';
import { releaseOriginals } from '../cases/release-originals';

const KIND_LABEL = { case: 'Case', note: 'Note', source: 'Source' } as const;

/** The Trash: deleted cases, notes, sources and entities, newest first, with Restore and Delete forever. */
export function TrashView() {
  const { db, caseId, nav, toasts, linking } = useApp();
  const items = useLiveQuery(() => listTrash(db, caseId), [db, caseId]);
  const [confirming, setConfirming] = useState<string | null>(null);
  useEffect(() => reportReady('main'), []);

  const act = async (what: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      reportFailure(toasts, what, error);
    }
  };

  const restore = (item: TrashItem) =>
    act('Restoring', async () => {
      const restoredIds = await restoreFromTrash(db, item);
      if (item.kind === 'source') linking.sourcesRestored(restoredIds);
      toasts.show({
        tone: 'info',
        message: `Restored “${item.title}”.`,
        ...(item.kind === 'case' ? { action: { label: 'Open', run: () => void openCase(db, item.id) } } : {}),
        ...(item.kind === 'source' ? { action: { label: 'Open', run: () => nav.openMain({ kind: 'source', sourceId: item.id }) } } : {}),
      });
      if (item.kind === 'note') nav.openMain({ kind: 'note', noteId: item.id });
    });

  const purge = (item: TrashItem) =>
    act('Deleting forever', async () => {
      const { freedOriginals } = await deleteForever(db, item);
      await releaseOriginals(freedOriginals);
      setConfirming(null);
      toasts.show({ tone: 'info', message: `“${item.title}” is deleted for good.` });
    });

  return (
    <section className="trash-view" aria-labelledby="trash-heading">
      <header className="view-header">
        <h1 id="trash-heading">Trash</h1>
        <p className="muted">
          Deleted cases, notes, sources and entities stay here until you restore them or delete them forever.
          {items && items.length > 0 && ` ${items.length} item${items.length === 1 ? '' : 's'}.`}
        </p>
      </header>
      {items === undefined ? (
        <p className="muted">Loading…</p>
      ) : items.length === 0 ? (
        <div className="empty-state">
          <h2>The Trash is empty</h2>
          <p>What you delete comes here first, so it can be restored.</p>
        </div>
      ) : (
        <ul className="trash-list" role="list">
          {items.map((item) => {
            const key = `${item.kind}:${item.id}`;
            return (
              <li key={key} className="trash-item" data-trash-kind={item.kind}>
                <div className="trash-body">
                  <div className="trash-head">
                    <span className="trash-kind">{item.kind === 'entity' ? item.entityType : KIND_LABEL[item.kind]}</span>
                    <strong className="trash-title">{item.title}</strong>
                    <span className="muted trash-when">Deleted {formatTime(item.deletedAt)}</span>
                  </div>
                  {item.preview && <p className="trash-preview">{item.preview}</p>}
                </div>
                <div className="trash-actions">
                  <button type="button" className="subtle" onClick={() => void restore(item)}>
                    Restore
                  </button>
                  {confirming === key ? (
                    <span role="group" className="trash-confirm" aria-label="Confirm delete forever">
                      <span>Delete “{item.title}” forever? This cannot be undone. </span>
                      <button type="button" className="danger-button" onClick={() => void purge(item)}>
                        Delete forever
                      </button>
                      <button type="button" className="subtle" onClick={() => setConfirming(null)}>
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="subtle danger" onClick={() => setConfirming(key)}>
                      Delete forever…
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
