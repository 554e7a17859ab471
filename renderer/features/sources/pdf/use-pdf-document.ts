import { useEffect, useState } from 'react';
import { casebook } from '../../../bridge';
import { loadPdfjs, openPdfDocument, type PdfDocument } from './pdfjs';

export type PdfDocumentState = { status: 'loading' } | { status: 'ready'; doc: PdfDocument } | { status: 'failed'; message: string };

interface Opened {
  sha256: string;
  promise: Promise<{ doc: PdfDocument; destroy: () => Promise<void> }>;
  users: number;
}

/**
 * The one PDF open in the reader. Switching between the page view and the
 * text view and back, or a re-render, reuses it; it is closed once no view
 * uses it and another document is opened.
 */
let current: Opened | null = null;

function open(sha256: string): Opened {
  if (current?.sha256 === sha256) return current;
  const previous = current;
  if (previous && previous.users === 0) void previous.promise.then((d) => d.destroy()).catch(() => undefined);
  const promise = (async () => {
    if (!casebook) throw new Error('The pages of a PDF are shown by the desktop app.');
    // pdf.js's code and worker load while main reads the original (the first page shows sooner); a failure is openPdfDocument's to report.
    loadPdfjs().catch(() => undefined);
    const result = await casebook.originalsRead({ sha256 });
    if (!result.ok) throw new Error(result.error.message);
    return openPdfDocument(result.value);
  })();
  current = { sha256, promise, users: 0 };
  // A failed open is not kept: the next view tries again.
  promise.catch(() => {
    if (current?.promise === promise) current = null;
  });
  return current;
}

/** The PDF whose original has this sha256, opened from the bytes main keeps (`originals:read`). */
export function usePdfDocument(sha256: string): PdfDocumentState {
  const [state, setState] = useState<PdfDocumentState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    const opened = open(sha256);
    opened.users += 1;
    opened.promise.then(
      ({ doc }) => live && setState({ status: 'ready', doc }),
      (error: unknown) => live && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
      opened.users -= 1;
    };
  }, [sha256]);
  return state;
}
