import { useEffect, useState } from 'react';
import { useApp } from '../../../app/context';
import { droppedFiles } from './dropped-files';

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/** Dropping files or folders anywhere on the window imports them; an overlay says so while dragging. */
export function DropZone() {
  const { importQueue } = useApp();
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth += 1;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setOver(false);
      if (!e.dataTransfer || !carriesFiles(e)) return;
      e.preventDefault();
      void droppedFiles(e.dataTransfer).then((files) => importQueue.add(files.map((file) => ({ kind: 'file' as const, file }))));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [importQueue]);
  if (!over) return null;
  return (
    <div className="drop-overlay" aria-hidden>
      <div className="drop-card">
        <strong>Drop to import</strong>
        <span>PDF, Word, web pages, Markdown, text and email — files or whole folders.</span>
      </div>
    </div>
  );
}
