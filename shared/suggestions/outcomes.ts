import { applySuggestions, revertSuggestions } from "@handlewithcare/prosemirror-suggest-changes";
import type { Node as PMNode } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";

const ZWSP = /\u200B/g;

function run(doc: PMNode, command: (state: EditorState, dispatch: (tr: Transaction) => void) => boolean): PMNode {
  let result = doc;
  command(EditorState.create({ doc }), (tr) => {
    result = tr.doc;
  });
  return withoutAnchors(result);
}

/** Removes the zero-width anchors suggestions leave at block boundaries. */
function withoutAnchors(doc: PMNode): PMNode {
  const json = JSON.stringify(doc.toJSON()).replace(ZWSP, "");
  const parsed = JSON.parse(json, (key, value) =>
    Array.isArray(value) && key === "content"
      ? value.filter((n: { type?: string; text?: string }) => n.type !== "text" || n.text !== "")
      : value,
  );
  return doc.type.schema.nodeFromJSON(parsed);
}

/** The document as it reads with every suggestion accepted (for freezing and export). */
export const withAllAccepted = (doc: PMNode): PMNode => run(doc, applySuggestions);

/** The document as it reads with every suggestion rejected. */
export const withAllRejected = (doc: PMNode): PMNode => run(doc, revertSuggestions);
