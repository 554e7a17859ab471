/**
 * The names of Casebook's own inline nodes, as the note schema registers
 * them. Every other module names them from here (through
 * `shared/editor/document.ts`): a node renamed here is renamed everywhere.
 */
export const NODE_NAMES = { entityMention: 'entityMention', citation: 'citation' } as const;
export type CasebookNodeName = (typeof NODE_NAMES)[keyof typeof NODE_NAMES];
