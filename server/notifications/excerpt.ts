/** How long an excerpt in a notification may be, in characters (code points). */
export const EXCERPT_LENGTH = 200;

// Control and format characters (C0/C1, bidi overrides, zero-width marks): an excerpt is shown
// in the inbox and in mail, where a bidi override could disguise what the comment said.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]+/gu;

/** A comment text, label or reason as a notification carries it: one line, no control characters, bounded. */
export function excerptOf(text: string, length = EXCERPT_LENGTH): string {
  const line = text.replace(INVISIBLE, " ").replace(/\s+/g, " ").trim();
  const chars = [...line];
  return chars.length <= length
    ? line
    : `${chars
        .slice(0, length - 1)
        .join("")
        .trimEnd()}…`;
}
