import { useCallback, useLayoutEffect, useMemo, useRef, type ReactNode, type RefObject } from 'react';
import type { TextRange } from '../../../../shared/model';
import type { TextSegment } from '../../../../shared/sources/html-text';
import { reflowPages } from '../../../../shared/sources/reflow';
import { mapRenderedSource } from '../document-map';
import { PdfPageView } from './PdfPageView';
import { ReflowedText } from './ReflowedText';
import type { PdfViewMode } from './view-mode';
import './pdf-reader.css';

/** What the reader learns from the view: where the stored text is in the DOM, and what the view leaves out (find skips it). */
export interface ViewMap {
  segments: TextSegment[] | null;
  hidden: readonly TextRange[];
}

const NOTHING_HIDDEN: readonly TextRange[] = [];

interface PdfReaderProps {
  sha256: string;
  pages: readonly TextRange[];
  text: string;
  mode: PdfViewMode;
  onModeChange(mode: PdfViewMode): void;
  scroller: RefObject<HTMLElement | null>;
  reveal: { offset: number } | undefined;
  focusPageField: number;
  onMap(map: ViewMap): void;
  findBar: ReactNode;
}

/**
 * A PDF in the reader: its printed pages (PdfPageView) or its text reflowed
 * into paragraphs (ReflowedText), switched from the toolbar (or the palette);
 * either way the reader gets one map from the DOM to the stored text.
 */
export function PdfReader({ sha256, pages, text, mode, onModeChange, scroller, reveal, focusPageField, onMap, findBar }: PdfReaderProps) {
  const latestOnMap = useRef(onMap);
  latestOnMap.current = onMap;
  const onSegments = useCallback((segments: TextSegment[] | null) => latestOnMap.current({ segments, hidden: NOTHING_HIDDEN }), []);
  const viewSwitch = (
    <div className="view-switch" role="group" aria-label="Show the PDF as">
      <button type="button" aria-pressed={mode === 'pages'} onClick={() => onModeChange('pages')}>
        Pages
      </button>
      <button type="button" aria-pressed={mode === 'text'} onClick={() => onModeChange('text')}>
        Text
      </button>
    </div>
  );
  if (mode === 'pages') {
    return (
      <PdfPageView
        sha256={sha256}
        pages={pages}
        text={text}
        scroller={scroller}
        reveal={reveal}
        focusPageField={focusPageField}
        onSegments={onSegments}
        viewSwitch={viewSwitch}
        findBar={findBar}
      />
    );
  }
  return <ReflowedView pages={pages} text={text} onMap={onMap} viewSwitch={viewSwitch} findBar={findBar} />;
}

function ReflowedView({ pages, text, onMap, viewSwitch, findBar }: { pages: readonly TextRange[]; text: string; onMap(map: ViewMap): void; viewSwitch: ReactNode; findBar: ReactNode }) {
  const reflow = useMemo(() => reflowPages(text, pages), [text, pages]);
  const root = useRef<HTMLDivElement>(null);
  const latestOnMap = useRef(onMap);
  latestOnMap.current = onMap;
  // The map is built once the paragraphs are in the DOM, and again if the text changes.
  useLayoutEffect(() => {
    latestOnMap.current({ segments: root.current ? mapRenderedSource(root.current, { text }) : null, hidden: reflow.hidden });
    return () => latestOnMap.current({ segments: null, hidden: NOTHING_HIDDEN });
  }, [reflow, text]);
  return (
    <div className="pdf-text-view">
      <div className="reader-bar">
        <div className="reader-toolbar" role="toolbar" aria-label="PDF text">
          {viewSwitch}
          <span className="toolbar-note">Reflowed text: running headers, footers and page numbers left out</span>
        </div>
        {findBar}
      </div>
      <div ref={root}>
        <ReflowedText text={text} pages={pages} reflow={reflow} />
      </div>
    </div>
  );
}
