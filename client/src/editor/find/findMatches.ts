import type { Node as PMNode } from "@tiptap/pm/model";

/** A match of the search text, as document positions. */
export interface Match {
  from: number;
  to: number;
}

/** Matches beyond this are neither highlighted nor counted exactly: a search for "e" in a long text stays cheap. */
export const MAX_MATCHES = 1000;

/** Stands for an inline node that is not text (a line break), so no match runs across it. */
const OBJECT = "\uFFFC";
/** Stands for text suggested for deletion: it reads as gone, so it is not found (or replaced again). */
const GONE = "\u0000";

/**
 * The matches of `query` in the text as it reads, block by block, in document order, at
 * most `MAX_MATCHES` (then `truncated`). Text marked as a pending deletion is skipped, so
 * a replacement made while suggesting is not found again.
 */
export function findMatches(doc: PMNode, query: string, matchCase: boolean): { matches: Match[]; truncated: boolean } {
  const matches: Match[] = [];
  if (query === "") return { matches, truncated: false };
  const needle = matchCase ? query : query.toLocaleLowerCase();
  let truncated = false;
  doc.descendants((block, pos) => {
    if (truncated) return false;
    if (!block.isTextblock) return true;
    let text = "";
    block.forEach((child) => {
      if (!child.isText) text += OBJECT.repeat(child.nodeSize);
      else if (child.marks.some((m) => m.type.name === "deletion")) text += GONE.repeat(child.nodeSize);
      else text += child.text ?? "";
    });
    // Lower-casing keeps lengths for the scripts of the four languages; where it would not, positions stay unchanged.
    const hay = matchCase ? text : lowerKeepingLength(text);
    for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) {
      if (matches.length >= MAX_MATCHES) {
        truncated = true;
        break;
      }
      matches.push({ from: pos + 1 + i, to: pos + 1 + i + needle.length });
    }
    return false;
  });
  return { matches, truncated };
}

function lowerKeepingLength(text: string): string {
  const lower = text.toLocaleLowerCase();
  return lower.length === text.length ? lower : text;
}
