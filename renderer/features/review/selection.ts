/**
 * Which candidates of the queue are selected for a bulk action, as a list
 * view's selection works: a click toggles one row and sets the anchor; a
 * shift-click selects every row from the anchor to the clicked one.
 */
export interface QueueSelection {
  ids: ReadonlySet<string>;
  /** The row last clicked without shift: where a shift-click's range starts. */
  anchor?: string;
}

export const NO_SELECTION: QueueSelection = { ids: new Set() };

/** A click on a row's checkbox; `order` is the rows as shown, top to bottom. */
export function clickRow(selection: QueueSelection, order: readonly string[], id: string, shift: boolean): QueueSelection {
  const from = selection.anchor === undefined ? -1 : order.indexOf(selection.anchor);
  const to = order.indexOf(id);
  if (shift && from !== -1 && to !== -1) {
    const ids = new Set(selection.ids);
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) ids.add(order[i]!);
    return { ids, anchor: selection.anchor };
  }
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/** Select-all: every row shown, or none when all of them already are. */
export function toggleAll(selection: QueueSelection, order: readonly string[]): QueueSelection {
  const all = order.length > 0 && order.every((id) => selection.ids.has(id));
  return all ? NO_SELECTION : { ids: new Set(order), anchor: selection.anchor };
}

/** Keeps only rows still shown (after a filter change, or rows leaving the queue). */
export function keepShown(selection: QueueSelection, order: readonly string[]): QueueSelection {
  const shown = new Set(order);
  if ([...selection.ids].every((id) => shown.has(id)) && (selection.anchor === undefined || shown.has(selection.anchor))) return selection;
  return { ids: new Set([...selection.ids].filter((id) => shown.has(id))), anchor: selection.anchor !== undefined && shown.has(selection.anchor) ? selection.anchor : undefined };
}
