import { describe, expect, it } from 'vitest';
import { NO_SELECTION, clickRow, keepShown, toggleAll } from '../../../../renderer/features/review/selection';

const ROWS = ['a', 'b', 'c', 'd', 'e', 'f'];
const ids = (selection: { ids: ReadonlySet<string> }) => [...selection.ids].sort();

describe('review queue selection', () => {
  it('toggles a row on click and remembers it as the anchor', () => {
    const one = clickRow(NO_SELECTION, ROWS, 'b', false);
    expect(ids(one)).toEqual(['b']);
    expect(one.anchor).toBe('b');
    expect(ids(clickRow(one, ROWS, 'b', false))).toEqual([]);
  });

  it('selects the range from the anchor on shift-click, in either direction, keeping what was selected', () => {
    const anchored = clickRow(clickRow(NO_SELECTION, ROWS, 'a', false), ROWS, 'd', false);
    expect(ids(clickRow(anchored, ROWS, 'f', true))).toEqual(['a', 'd', 'e', 'f']);
    expect(ids(clickRow(anchored, ROWS, 'b', true))).toEqual(['a', 'b', 'c', 'd']);
    // With no anchor, a shift-click is a plain click.
    expect(ids(clickRow(NO_SELECTION, ROWS, 'c', true))).toEqual(['c']);
  });

  it('selects all shown rows, and clears when all already are', () => {
    const all = toggleAll(NO_SELECTION, ROWS);
    expect(ids(all)).toEqual(ROWS);
    expect(ids(toggleAll(all, ROWS))).toEqual([]);
    expect(ids(toggleAll(NO_SELECTION, []))).toEqual([]);
  });

  it('drops rows that are no longer shown, and an anchor that left', () => {
    const selected = clickRow(toggleAll(NO_SELECTION, ROWS), ROWS, 'c', false);
    const kept = keepShown(selected, ['a', 'b', 'd']);
    expect(ids(kept)).toEqual(['a', 'b', 'd']);
    expect(kept.anchor).toBeUndefined();
    expect(keepShown(kept, ['a', 'b', 'd'])).toBe(kept);
  });
});
