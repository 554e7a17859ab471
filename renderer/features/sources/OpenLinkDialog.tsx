import { useEffect, useRef, useState } from 'react';
import { casebook } from '../../bridge';
import { linkRequests, usePendingLink } from './open-link';

/**
 * "Open this link?" with the whole address, before anything leaves the app.
 * Open has the focus, so Enter opens; Escape, Cancel or a click outside
 * cancels; Tab stays inside. If main refuses the address (a link to this
 * computer or the local network, say) its reason is shown here.
 */
export function OpenLinkDialog() {
  const url = usePendingLink();
  if (url === null) return null;
  return <Dialog key={url} url={url} />;
}

function Dialog({ url }: { url: string }) {
  const dialog = useRef<HTMLDivElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const isMail = /^mailto:/i.test(url);
  const host = hostOf(url);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    openButton.current?.focus();
    return () => before?.focus?.({ preventScroll: true });
  }, []);

  // Refused: "Open" is gone, so the focus goes to "Close" (Enter or Escape dismisses).
  useEffect(() => {
    if (refusal) closeButton.current?.focus();
  }, [refusal]);

  const close = () => linkRequests.clear();
  const open = async () => {
    if (busy) return;
    if (!casebook) return setRefusal('Opening links needs the Casebook app (no connection to its main process).');
    setBusy(true);
    try {
      const result = await casebook.shellOpenExternal({ url });
      if (result.ok) close();
      else setRefusal(result.error.message);
    } catch (error) {
      setRefusal(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const copy = () => {
    void navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <div className="overlay" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        ref={dialog}
        className="open-link-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="open-link-title"
        aria-describedby="open-link-url"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          } else if (e.key === 'Tab') {
            trapTab(e, dialog.current);
          }
        }}
      >
        <h2 id="open-link-title">{isMail ? 'Write this email in your mail program?' : 'Open this link in your browser?'}</h2>
        <p id="open-link-url" className="open-link-url" data-testid="open-link-url">{url}</p>
        {!refusal && (
          <p className="open-link-note">
            {isMail
              ? 'Your mail program opens a new message; nothing is sent until you send it.'
              : `${host ? `The server at ${host}` : 'The site'} will see that this link was opened, and when. Links in documents can be made to track who reads them.`}
          </p>
        )}
        {refusal && (
          <p className="open-link-refusal" role="alert">
            {refusal}
          </p>
        )}
        <div className="open-link-actions">
          <button type="button" className="subtle" onClick={copy}>
            {copied ? 'Copied' : 'Copy address'}
          </button>
          <span className="spacer" />
          <button ref={closeButton} type="button" className="subtle" onClick={close}>
            {refusal ? 'Close' : 'Cancel'}
          </button>
          {!refusal && (
            <button ref={openButton} type="button" className="primary-button" disabled={busy} onClick={() => void open()}>
              {isMail ? 'Open mail program' : 'Open in browser'}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

/** Keeps Tab and Shift+Tab on the dialog's own buttons. */
function trapTab(event: React.KeyboardEvent, root: HTMLElement | null): void {
  if (!root) return;
  const focusable = [...root.querySelectorAll<HTMLElement>('button:not([disabled])')];
  if (focusable.length === 0) return;
  const first = focusable[0]!;
  const last = focusable.at(-1)!;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  } else if (!root.contains(document.activeElement)) {
    event.preventDefault();
    first.focus();
  }
}
