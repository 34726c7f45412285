import type { JSONContent } from "@tiptap/core";

/** Leaf nodes: one position each in ProseMirror, with no opening or closing token. */
const LEAVES = new Set(["hardBreak", "horizontalRule", "image"]);

/** How many ProseMirror positions a node of the exported JSON spans (ranges of comment threads refer to them). */
export function nodeSize(node: JSONContent): number {
  if (node.type === "text") return (node.text ?? "").length;
  if (LEAVES.has(node.type ?? "")) return 1;
  return 2 + (node.content ?? []).reduce((n, child) => n + nodeSize(child), 0);
}
