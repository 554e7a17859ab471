import { useCallback, useState } from 'react';

/** How PDFs are read: their printed pages, or their text reflowed into paragraphs. */
export type PdfViewMode = 'pages' | 'text';

const KEY = 'casebook:pdf-view';

function stored(): PdfViewMode {
  try {
    return localStorage.getItem(KEY) === 'text' ? 'text' : 'pages';
  } catch {
    return 'pages';
  }
}

/** The user's choice of view for PDFs, remembered for the next PDF and the next start. Pages by default. */
export function usePdfViewMode(): [PdfViewMode, (mode: PdfViewMode) => void] {
  const [mode, setMode] = useState<PdfViewMode>(stored);
  const choose = useCallback((next: PdfViewMode) => {
    setMode(next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Not remembered; the choice still holds for now.
    }
  }, []);
  return [mode, choose];
}
