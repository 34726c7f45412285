import { Mark } from "@tiptap/core";
import { parseSuggestionId } from "./ids.ts";

/** Names the suggest-changes library looks up in the schema. */
export const SUGGESTION_MARKS = ["insertion", "deletion", "modification"] as const;
export type SuggestionKind = (typeof SUGGESTION_MARKS)[number];

export const isSuggestionMark = (name: string): name is SuggestionKind =>
  (SUGGESTION_MARKS as readonly string[]).includes(name);

/**
 * One suggestion mark. Rendered as <ins>/<del> with the author's id and organisation as
 * data attributes, so the stylesheet can colour a suggestion by party without script.
 */
function suggestionMark(name: "insertion" | "deletion", tag: "ins" | "del") {
  return Mark.create({
    name,
    inclusive: false,
    excludes: "insertion deletion modification",
    addAttributes: () => ({
      id: {
        default: null,
        parseHTML: (el) => el.getAttribute("data-suggestion"),
        renderHTML: (attrs) => {
          const origin = parseSuggestionId(attrs.id);
          return {
            "data-suggestion": attrs.id,
            "data-author": origin?.userId,
            "data-org": origin?.orgId,
          };
        },
      },
    }),
    parseHTML: () => [{ tag: `${tag}[data-suggestion]` }],
    renderHTML: ({ HTMLAttributes }) => [tag, HTMLAttributes, 0],
  });
}

export const Insertion = suggestionMark("insertion", "ins");
export const Deletion = suggestionMark("deletion", "del");

/**
 * The library's mark for attribute and node-type changes. Yjs does not store node marks,
 * so Accord never lets it reach the document (the client refuses such edits while
 * suggesting); it is in the schema only because the library looks it up.
 */
export const Modification = Mark.create({
  name: "modification",
  inclusive: false,
  excludes: "insertion deletion",
  addAttributes: () => ({
    id: { default: null },
    type: { default: null },
    attrName: { default: null },
    previousValue: { default: null },
    newValue: { default: null },
  }),
  parseHTML: () => [],
  renderHTML: ({ HTMLAttributes }) => ["span", { "data-modification": HTMLAttributes.id }, 0],
});
