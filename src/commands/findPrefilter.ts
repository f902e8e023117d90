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

/** What was typed as the workbench reads it first: trimmed, `*` for anything, nothing else special, case ignored. */
let lastPattern: { typed: string; pattern: RegExp } | undefined;
function typedPattern(typed: string): RegExp {
  if (lastPattern?.typed === typed) {
    return lastPattern.pattern;
  }
  const escaped = typed.trim().replace(/[.+?^${}()|[\]\\,#-]/g, '\\$&');
  lastPattern = { typed, pattern: new RegExp(escaped.replace(/\*/g, '.*'), 'i') };
  return lastPattern.pattern;
}

/**
 * Whether the workbench shows a row for what was typed: one of its texts holds it
 * (as a pattern where `*` is anything). The workbench also matches initials after
 * separators ("jd" for "jules.dupont"), which this leaves out: when it says no,
 * the list may still show such a row next to the "no match" one.
 */
export function showsFor(texts: readonly string[], typed: string): boolean {
  if (typed.trim() === '') {
    return true;
  }
  const pattern = typedPattern(typed);
  return texts.some((t) => pattern.test(t));
}
