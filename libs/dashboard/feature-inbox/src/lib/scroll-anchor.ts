export interface ReadingPosition {
  scrollTop: number;
  /** New rows that landed above the reader since the last list. */
  insertedAbove: number;
}

/**
 * Where to scroll so the row the reader is looking at stays put after the list changed above it.
 * At the very top the list is left to move: there, new rows are what the reader wants to see.
 */
export const keepReadingPosition = (
  previousIds: readonly string[],
  nextIds: readonly string[],
  scrollTop: number,
  rowHeight: number,
): ReadingPosition => {
  const unchanged = { scrollTop, insertedAbove: 0 };
  if (scrollTop <= 0 || previousIds.length === 0) return unchanged;

  const anchorIndex = Math.min(Math.floor(scrollTop / rowHeight), previousIds.length - 1);

  // The first row at or below the anchor that is still in the list holds the position.
  let newIndex = -1;
  let previousIndex = anchorIndex;
  for (; previousIndex < previousIds.length && newIndex === -1; previousIndex += 1) {
    newIndex = nextIds.indexOf(previousIds[previousIndex]);
  }
  if (newIndex === -1) return unchanged;
  previousIndex -= 1;

  const known = new Set(previousIds);
  let insertedAbove = 0;
  for (let index = 0; index < newIndex; index += 1) {
    if (!known.has(nextIds[index])) insertedAbove += 1;
  }
  const shift = (newIndex - previousIndex) * rowHeight;
  return { scrollTop: Math.max(0, scrollTop + shift), insertedAbove };
};
