import type { ExportComment, ExportThread } from "./changes.ts";
import { oneLine, swissDateTime } from "./meta.ts";

/** The heading of the appendix that lists a text's comment threads. */
export const COMMENTS_HEADING = "Kommentare";

/** One comment or reply: who and when on one line, what they wrote as lines of its own. */
export interface CommentEntry {
  byline: string;
  /** The comment's text, one printed line per line the author wrote; never a break inside one. */
  lines: string[];
}

/** A thread as every format prints it in the appendix, in German like the cover block. */
export interface ThreadEntry {
  /** "Kommentar 1" or "Kommentar 1 – erledigt". */
  title: string;
  /** "Zur Stelle: «…»", or that the passage is no longer in the text. */
  passage: string;
  comments: CommentEntry[];
}

/** A stored time, or the value itself when it is no time (an export never fails on one). */
const when = (at: string) => (Number.isNaN(Date.parse(at)) ? oneLine(at) : swissDateTime(at));

const entry = (comment: ExportComment, reply: boolean): CommentEntry => ({
  byline: oneLine(`${reply ? "Antwort von " : ""}${comment.author}, ${when(comment.at)}`),
  // Each line on its own and set apart under the byline, so a comment can never print a
  // line that looks like another person's reply ("Antwort von …").
  lines: comment.text
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line) => oneLine(line).trim())
    .filter((line) => line !== ""),
});

/** The threads in the order given, numbered from 1; dates from the threads, never the clock. */
export function threadEntries(threads: readonly ExportThread[]): ThreadEntry[] {
  return threads.map((thread, i) => {
    const quote = oneLine(thread.quote).trim();
    const passage =
      thread.range === undefined
        ? `Zur Stelle (nicht mehr im Text): «${quote}»`
        : quote
          ? `Zur Stelle: «${quote}»`
          : "Zum Dokument";
    return {
      title: `Kommentar ${i + 1}${thread.resolved ? " – erledigt" : ""}`,
      passage,
      comments: [entry(thread, false), ...thread.replies.map((r) => entry(r, true))],
    };
  });
}
