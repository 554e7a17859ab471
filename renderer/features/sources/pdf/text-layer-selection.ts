/**
 * Keeps a drag-selection on a text layer from jumping. The layer's words are
 * absolutely positioned spans with empty space between them; a pointer over
 * that space would hit the page itself and Chromium would extend the
 * selection to some unrelated point (often the end of the page). As in
 * pdf.js's own viewer (web/text_layer_builder.js, Apache-2.0), an empty
 * `endOfContent` element covering the layer is moved, while selecting, to
 * just after the span where the selection ends, so the space between words
 * selects up to that word and no further.
 */
export function bindTextLayerSelection(layer: HTMLElement): () => void {
  const end = document.createElement('div');
  end.className = 'endOfContent';
  layer.append(end);
  const controller = new AbortController();
  const { signal } = controller;
  let previous: Range | null = null;

  const reset = () => {
    layer.append(end);
    end.style.width = '';
    end.style.height = '';
    end.style.userSelect = '';
    layer.classList.remove('selecting');
  };

  layer.addEventListener('mousedown', () => layer.classList.add('selecting'), { signal });
  document.addEventListener('pointerup', reset, { signal });
  window.addEventListener('blur', reset, { signal });

  document.addEventListener(
    'selectionchange',
    () => {
      const selection = document.getSelection();
      if (!selection || selection.rangeCount === 0) return reset();
      const range = selection.getRangeAt(0);
      if (!range.intersectsNode(layer)) return reset();
      layer.classList.add('selecting');
      // Which end moves: the start when the user drags backwards.
      const modifyStart = !!previous && (range.compareBoundaryPoints(Range.END_TO_END, previous) === 0 || range.compareBoundaryPoints(Range.START_TO_END, previous) === 0);
      let anchor: Node | null = modifyStart ? range.startContainer : range.endContainer;
      if (anchor.nodeType === Node.TEXT_NODE) anchor = anchor.parentNode;
      if (!modifyStart && range.endOffset === 0 && anchor) {
        // The selection ends before a span: anchor on the last span with text before it.
        do {
          while (anchor && !anchor.previousSibling) anchor = anchor.parentNode;
          anchor = anchor?.previousSibling ?? null;
        } while (anchor && !anchor.childNodes.length);
      }
      previous = range.cloneRange();
      const parent = anchor?.parentElement;
      if (!anchor || !parent || !layer.contains(parent)) return;
      end.style.width = layer.style.width;
      end.style.height = layer.style.height;
      end.style.userSelect = 'text';
      parent.insertBefore(end, modifyStart ? anchor : anchor.nextSibling);
    },
    { signal },
  );

  return () => {
    controller.abort();
    end.remove();
  };
}
