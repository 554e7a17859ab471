import { Node, mergeAttributes } from '@tiptap/core';

/**
 * Tables, as `@tiptap/extension-table` stores them (`table` > `tableRow` >
 * `tableHeader` | `tableCell`, cells holding blocks, `colspan`/`rowspan`).
 * The note editor has no table extension yet and that package is not
 * installed, so the composer carries these print-only definitions: notes
 * that hold tables (pasted, imported, or once the editor adds the extension)
 * print with them, and the JSON shape stays the extension's.
 */

/** A span attribute printed only when it spans more than one cell. */
const spanAttr = (name: 'colspan' | 'rowspan') => ({
  default: 1,
  renderHTML: (attrs: Record<string, unknown>) => (Number(attrs[name]) > 1 ? { [name]: String(attrs[name]) } : {}),
});

const cellAttributes = () => ({
  colspan: spanAttr('colspan'),
  rowspan: spanAttr('rowspan'),
  // Editor column widths do not apply to a printed page.
  colwidth: { default: null, renderHTML: () => ({}) },
});

export const Table = Node.create({
  name: 'table',
  group: 'block',
  content: 'tableRow+',
  isolating: true,
  // Wide tables are told apart so the stylesheet can set them smaller (see print-css.ts).
  renderHTML: ({ node, HTMLAttributes }) => {
    let columns = 0;
    node.firstChild?.forEach((cell) => (columns += Number(cell.attrs.colspan) || 1));
    const width = columns >= 9 ? ' wide very-wide' : columns >= 6 ? ' wide' : '';
    return ['table', mergeAttributes(HTMLAttributes, { class: `note-table${width}` }), ['tbody', 0]];
  },
});

export const TableRow = Node.create({
  name: 'tableRow',
  content: '(tableCell | tableHeader)*',
  renderHTML: () => ['tr', 0],
});

export const TableCell = Node.create({
  name: 'tableCell',
  content: 'block+',
  isolating: true,
  addAttributes: cellAttributes,
  renderHTML: ({ HTMLAttributes }) => ['td', HTMLAttributes, 0],
});

export const TableHeader = Node.create({
  name: 'tableHeader',
  content: 'block+',
  isolating: true,
  addAttributes: cellAttributes,
  renderHTML: ({ HTMLAttributes }) => ['th', HTMLAttributes, 0],
});

export const TABLE_NODES = [Table, TableRow, TableCell, TableHeader];
