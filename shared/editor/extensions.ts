import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Citation } from './citation';
import { EntityMention } from './entity-mention';

/** Link targets a note may hold; everything else is dropped when pasted or typed. */
export const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

export function isAllowedLinkHref(href: string): boolean {
  try {
    const url = new URL(href);
    return LINK_PROTOCOLS.some((p) => url.protocol === `${p}:`);
  } catch {
    return false;
  }
}

/**
 * The document schema every note uses, in the editor and in Node (export,
 * tests). The renderer configures `EntityMention` with its suggestion; an
 * exporter may extend either node to render it its own way. The schema
 * stays the same.
 */
export function noteExtensions(overrides: { entityMention?: typeof EntityMention; citation?: typeof Citation } = {}): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      code: false,
      codeBlock: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        protocols: [...LINK_PROTOCOLS],
        defaultProtocol: 'https',
        isAllowedUri: (url) => isAllowedLinkHref(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    overrides.entityMention ?? EntityMention,
    overrides.citation ?? Citation,
  ];
}
