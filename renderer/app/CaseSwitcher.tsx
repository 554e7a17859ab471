import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from './context';
import { openCase } from './ui-state';
import { createCase, deleteCase, listCaseSummaries, renameCase, type CaseSummary } from '../db/cases';
import { reportFailure } from './report-failure';
import { rememberDeletedCase } from './deleted-case';
import { caseSwitcher } from './case-switcher-control';
import { settleFirstRunChoice } from './first-run';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const caseCounts = (c: Pick<CaseSummary, 'notes' | 'sources' | 'entities'>) =>
  `${plural(c.notes, 'note')} · ${plural(c.sources, 'source')} · ${plural(c.entities, 'entity', 'entities')}`;

type Mode = { kind: 'list' } | { kind: 'new' } | { kind: 'rename' };

/**
 * The case switcher, always in the sidebar's head: every case with its
 * counts, the open one marked; New case…, Rename and Delete (with Undo, and
 * the Trash). Opening another case reloads the window into it.
 */
export function CaseSwitcher() {
  const services = useApp();
  const { db, caseId, toasts } = services;
  const cases = useLiveQuery(() => listCaseSummaries(db), [db]);
  const current = cases?.find((c) => c.id === caseId);
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const popover = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (!popover.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  useEffect(
    () =>
      caseSwitcher.register((next) => {
        setText('');
        setMode({ kind: next });
        setOpen(true);
      }),
    [],
  );

  useEffect(() => {
    if (open && mode.kind === 'list') popover.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open, mode]);

  const close = () => {
    setOpen(false);
    setMode({ kind: 'list' });
    button.current?.focus();
  };

  const run = async (what: string, action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      reportFailure(toasts, what, error);
    }
  };

  const submit = () =>
    run(mode.kind === 'new' ? 'Creating the case' : 'Renaming the case', async () => {
      if (mode.kind === 'new') {
        const id = await createCase(db, text);
        // One's own case is the answer to the first-run choice, however it was made.
        await settleFirstRunChoice(db);
        await openCase(db, id);
      } else if (mode.kind === 'rename') {
        await renameCase(db, caseId, text);
        toasts.show({ tone: 'info', message: 'Case renamed.' });
        close();
      }
    });

  const remove = () =>
    run('Deleting the case', async () => {
      const title = current?.title ?? 'this case';
      await deleteCase(db, caseId);
      // The window reopens on another case; the Undo is offered there.
      await rememberDeletedCase(db, { caseId, title });
      const other = cases?.find((c) => c.id !== caseId);
      await openCase(db, other ? other.id : await createCase(db, 'Untitled case'));
    });

  const items = cases ?? [];
  const onListKey = (e: KeyboardEvent) => {
    const all = [...(popover.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (index + (e.key === 'ArrowDown' ? 1 : -1) + all.length) % all.length;
      all[next]?.focus();
      setActive(next);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      all[e.key === 'Home' ? 0 : all.length - 1]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };

  return (
    <div className="case-switcher">
      <button
        ref={button}
        type="button"
        className="case-switcher-button"
        aria-haspopup="menu"
        aria-expanded={open}
        // Named by what it shows, after what it does: "Open case: 2 notes · 1 source".
        aria-labelledby="case-switcher-name case-switcher-counts"
        title={current ? `${current.title}\n${caseCounts(current)}` : undefined}
        onClick={() => (open ? close() : (setMode({ kind: 'list' }), setOpen(true)))}
      >
        <span id="case-switcher-name" className="sr-only">Open case:</span>
        <span id="case-switcher-counts" className="case-switcher-counts">{current ? caseCounts(current) : ' '}</span>
        <span aria-hidden="true" className="case-switcher-caret">▾</span>
      </button>
      {open && (
        <div ref={popover} className="case-menu" role="menu" aria-label="Cases" onKeyDown={mode.kind === 'list' ? onListKey : undefined}>
          {mode.kind === 'list' ? (
            <>
              <div className="case-menu-list">
                {items.map((c, i) => (
                  <button
                    key={c.id}
                    type="button"
                    role="menuitem"
                    tabIndex={i === active ? 0 : -1}
                    className={`case-menu-item${c.id === caseId ? ' is-current' : ''}`}
                    aria-current={c.id === caseId ? 'true' : undefined}
                    data-case-id={c.id}
                    onClick={() => (c.id === caseId ? close() : void openCase(db, c.id))}
                  >
                    <span className="case-menu-title" title={c.title}>
                      {c.title}
                      {c.sample && <span className="sample-badge">Sample</span>}
                    </span>
                    <span className="case-menu-counts">{caseCounts(c)}</span>
                  </button>
                ))}
              </div>
              <div className="case-menu-actions">
                <button type="button" role="menuitem" tabIndex={-1} onClick={() => (setText(''), setMode({ kind: 'new' }))}>
                  New case…
                </button>
                <button type="button" role="menuitem" tabIndex={-1} onClick={() => (setText(current?.title ?? ''), setMode({ kind: 'rename' }))}>
                  Rename this case…
                </button>
                <button type="button" role="menuitem" tabIndex={-1} className="danger" onClick={() => void remove()}>
                  Delete this case
                </button>
              </div>
            </>
          ) : (
            <form
              className="case-menu-form"
              onSubmit={(e) => {
                e.preventDefault();
                void submit();
              }}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  close();
                }
              }}
            >
              <label>
                {mode.kind === 'new' ? 'New case title' : 'Case title'}
                <input autoFocus value={text} onChange={(e) => setText(e.target.value)} placeholder="Untitled case" maxLength={500} />
              </label>
              <div className="form-actions">
                <button type="submit" className="primary">
                  {mode.kind === 'new' ? 'Create and open' : 'Rename'}
                </button>
                <button type="button" onClick={close}>
                  Cancel
                </button>
              </div>
            </form>
          )}
        </div>
      )}
    </div>
  );
}
