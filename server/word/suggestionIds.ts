import type { JSONContent } from "@tiptap/core";
import { makeSuggestionId, randomToken, type SuggestionAuthor } from "../../shared/suggestions/ids.ts";
import { isSuggestionMark } from "../../shared/suggestions/marks.ts";

/**
 * Gives every Word revision key in `doc` a fresh Accord suggestion id of `author` made at
 * `at`, the same id wherever one key appears (a split `w:ins`, a paragraph-mark anchor), so
 * the server's rule and the UI treat them as the importing user's. Returns the new document
 * and the id each key got; the input is not changed.
 */
export function withSuggestionIds(
  doc: JSONContent,
  author: SuggestionAuthor,
  at: number,
): { doc: JSONContent; ids: Map<string, string> } {
  const ids = new Map<string, string>();
  const idFor = (key: string) => {
    let id = ids.get(key);
    if (!id) {
      id = makeSuggestionId(author, at, randomToken());
      ids.set(key, id);
    }
    return id;
  };
  const walk = (node: JSONContent): JSONContent => {
    const out: JSONContent = { ...node };
    if (node.marks) {
      out.marks = node.marks.map((mark) =>
        isSuggestionMark(mark.type)
          ? { ...mark, attrs: { ...mark.attrs, id: idFor(String(mark.attrs?.id ?? "")) } }
          : mark,
      );
    }
    if (node.content) out.content = node.content.map(walk);
    return out;
  };
  return { doc: walk(doc), ids };
}
