import { walkHtmlText, type TextSegment } from '../../../shared/sources/html-text';

/**
 * Where each piece of a source's text sits in the rendered reader, so text
 * ranges (mentions, the passage) become DOM Ranges and a selection becomes a
 * text range. Null when the rendering does not reproduce the stored text:
 * then the reader marks nothing rather than the wrong words.
 */
export function mapRenderedSource(root: HTMLElement, body: { text: string; html?: string | undefined }): TextSegment[] | null {
  if (body.html) {
    const htmlRoot = root.querySelector('.source-html');
    if (!htmlRoot) return null;
    const walked = walkHtmlText(htmlRoot);
    return walked.text === body.text ? walked.segments : null;
  }
  // Text: one paragraph per line; a PDF's reflowed text: one span per piece of a paragraph. Each carries its offset.
  const segments: TextSegment[] = [];
  for (const p of root.querySelectorAll<HTMLElement>('[data-offset]')) {
    const node = p.firstChild;
    if (!node || node.nodeType !== 3) continue;
    const textOffset = Number(p.dataset.offset);
    const length = (node as Text).data.length;
    if (body.text.slice(textOffset, textOffset + length) !== (node as Text).data) return null;
    segments.push({ node: node as Text, nodeOffset: 0, textOffset, length });
  }
  return segments;
}
