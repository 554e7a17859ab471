import type { Note } from '../../../shared/model';

/** A note whose every string tries to become markup, a script or a fetched URL. */
export function hostileNote(caseId: string, entityId: string, sourceId: string): Note {
  const text = (t: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
  return {
    id: 'note-hostile',
    caseId,
    title: '<script>alert("title")</script> # not a heading',
    content: {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [text('Heading <img src=https://evil.example/h.png>')] },
        { type: 'paragraph', content: [text('# not a heading either, <script>alert(1)</script> and ![img](https://evil.example/x.png) | pipe * star _ under')] },
        { type: 'paragraph', content: [text('bad link', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]), text(' good '), text('link', [{ type: 'link', attrs: { href: 'https://example.org/a b' } }])] },
        { type: 'paragraph', content: [text('bold ', [{ type: 'bold' }]), text('both', [{ type: 'bold' }, { type: 'italic' }]), text(' after')] },
        {
          type: 'paragraph',
          content: [
            { type: 'entityMention', attrs: { entityId, label: '"><img src=https://evil.example/m.png onerror=alert(1)>', entityType: 'Person' } },
            text(' cited '),
            {
              type: 'citation',
              attrs: {
                citationId: 'cite-hostile',
                sourceId,
                start: 0,
                end: 5,
                page: 2,
                quote: '</style><script>alert("quote")</script>',
                sourceSha256: 'a'.repeat(64),
                sourceTitle: '<b>title</b>',
              },
            },
          ],
        },
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('third')] }] }] },
      ],
    },
    text: '',
    createdAt: 1,
    updatedAt: 10_000_000_000_000,
  };
}
