interface Range {
  start: number;
  end: number;
}

/**
 * Renders `text[from, to)` as paragraphs (one per line), each a single text
 * node carrying its offset, so the reader maps text ranges to the DOM and
 * back (document-map.ts). Passages and mentions are painted over it with the
 * CSS Highlight API; the DOM is never split to mark them.
 */
export function TextBlocks({ text, from, to }: { text: string; from: number; to: number }) {
  const blocks: Range[] = [];
  const re = /[^\n]+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) blocks.push({ start: m.index, end: Math.min(to, m.index + m[0].length) });
  return (
    <>
      {blocks.map((b) => (
        <p key={b.start} data-offset={b.start}>{text.slice(b.start, b.end)}</p>
      ))}
    </>
  );
}
