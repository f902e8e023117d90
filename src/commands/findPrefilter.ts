/**
 * Which rows of a long Find list cross to the workbench for what the user typed: a
 * superset of the rows the QuickPick's own matching keeps, so that sending fewer rows
 * never hides one it would show.
 */

/** Whether `text` (lower case) holds the characters of `filter` in order: a superset of the workbench's own matching. */
function inOrder(text: string, filter: string): boolean {
  let i = 0;
  for (const c of text) {
    if (c === filter[i] && ++i === filter.length) {
      return true;
    }
  }
  return filter.length === 0;
}

/**
 * Whether every word of `filter` (lower case) could match one of an item's texts (lower
 * case). The workbench reads `*` as "anything", so it is left out of the characters to find.
 */
export function couldMatch(texts: readonly string[], filter: string): boolean {
  return filter.split(/\s+/).every((w) => texts.some((t) => inOrder(t, w.replace(/\*/g, ''))));
}
