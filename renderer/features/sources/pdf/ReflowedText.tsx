import { Fragment, memo, type ReactNode } from 'react';
import { pageAt, type TextRange } from '../../../../shared/model';
import type { Reflow } from '../../../../shared/sources/reflow';

/**
 * A PDF's text as paragraphs (shared/sources/reflow.ts): running headers,
 * footers and page numbers left out, lines joined, words hyphenated at a line
 * end joined again. Each piece is one text node in a span carrying its
 * offset in the stored text (`data-offset`), so the reader's map
 * (document-map.ts) still turns every mention, citation, search hit and
 * selection into exact stored offsets; what joins pieces (a space) is not in
 * the map. Where a new page begins, an empty marker shows its number
 * (generated content: never selected or copied with the text).
 */
export const ReflowedText = memo(function ReflowedText({ text, pages, reflow }: { text: string; pages: readonly TextRange[]; reflow: Reflow }) {
  let shownPage = 0;
  return (
    <div className="reflowed-text">
      {reflow.blocks.map((block) => (
        <p key={block.pieces[0]!.start}>
          {block.pieces.map((piece) => {
            const page = pageAt(pages, piece.start) ?? 1;
            let mark: ReactNode = null;
            if (page !== shownPage) {
              shownPage = page;
              mark = <span className="reflow-page" data-page-mark={page} aria-label={`Page ${page}`} role="note" />;
            }
            return (
              <Fragment key={piece.start}>
                {piece.joiner && block.pieces[0] !== piece ? piece.joiner : null}
                {mark}
                <span data-offset={piece.start}>{text.slice(piece.start, piece.end)}</span>
              </Fragment>
            );
          })}
        </p>
      ))}
    </div>
  );
});
