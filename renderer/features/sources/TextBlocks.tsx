import type { Ref } from 'react';

interface Range {
  start: number;
  end: number;
}

/**
 * Renders `text[from, to)` as paragraphs (one per line), with the part
 * inside `highlight` marked. Each paragraph carries its offset, so the
 * reader's selection maps back to source offsets.
 */
export function TextBlocks({ text, from, to, highlight, markRef }: { text: string; from: number; to: number; highlight?: Range | undefined; markRef?: Ref<HTMLElement> }) {
  const blocks: Range[] = [];
  const re = /[^\n]+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) blocks.push({ start: m.index, end: Math.min(to, m.index + m[0].length) });
  let marked = false;
  return (
    <>
      {blocks.map((b) => {
        if (!highlight || highlight.end <= b.start || highlight.start >= b.end) {
          return <p key={b.start} data-offset={b.start}>{text.slice(b.start, b.end)}</p>;
        }
        const s = Math.max(b.start, highlight.start);
        const e = Math.min(b.end, highlight.end);
        const first = !marked;
        marked = true;
        return (
          <p key={b.start} data-offset={b.start}>
            {text.slice(b.start, s)}
            <mark className="passage" ref={first ? markRef : undefined}>{text.slice(s, e)}</mark>
            {text.slice(e, b.end)}
          </p>
        );
      })}
    </>
  );
}
