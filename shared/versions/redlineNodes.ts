import type { JSONContent } from "@tiptap/core";
import { formatting, type Mark, textblockOf } from "./redlineTokens.ts";

/** The kinds of change a redline shows, named after the suggestion marks that carry them. */
export type ChangeKind = "insertion" | "deletion" | "modification";

/** The zero-width space that anchors a change at a block boundary. */
export const ZWSP = "\u200B";

/** The insertion or deletion mark every node of `content` carries (the first one's), or null. */
export function wholly(content: readonly JSONContent[]): Mark | null {
  const change = (n: JSONContent) => n.marks?.find((m) => m.type === "insertion" || m.type === "deletion");
  const first = content[0] ? change(content[0]) : undefined;
  if (!first || !content.every((n) => change(n)?.type === first.type)) return null;
  return first;
}

/**
 * An anchor next to text of the same change takes that text's formatting, so the two are one
 * node: the suggestion library follows a change across a block boundary by one node only,
 * and its rule that joins two spaces around a removed node would otherwise cut into the text.
 */
export function dressed(anchorNode: JSONContent, next: JSONContent | undefined): JSONContent {
  const change = anchorNode.marks?.[0];
  const same = next?.type === "text" && next.marks?.some((m) => JSON.stringify(m) === JSON.stringify(change));
  return same && change ? { ...anchorNode, marks: [...formatting(next.marks), change] } : anchorNode;
}

export const anchor = (b: { kind: "D" | "I"; id: string }): JSONContent => ({
  type: "text",
  text: ZWSP,
  marks: [{ type: b.kind === "D" ? "deletion" : "insertion", attrs: { id: b.id } }],
});

/** The child's text block (itself, or a simple list item's paragraph) with new inline content. */
export function wrap(child: JSONContent, content: JSONContent[]): JSONContent {
  const { marks: _marks, ...rest } = child;
  const withContent = (n: JSONContent): JSONContent => {
    const { content: _c, marks: _m, ...attrs } = n;
    return content.length > 0 ? { ...attrs, content } : attrs;
  };
  if (rest.type === "listItem" && rest.content?.[0]) return { ...rest, content: [withContent(rest.content[0])] };
  return withContent(rest);
}

/** A node with every text inside it carrying the change, and a zero-width anchor in each empty text block. */
export function markAll(node: JSONContent, kind: ChangeKind, id: string): JSONContent {
  const mark: Mark = { type: kind, attrs: { id } };
  if (node.type === "text" || node.type === "hardBreak") {
    return { ...node, marks: [...formatting(node.marks), mark] };
  }
  if (textblockOf(node) === node && (node.content ?? []).length === 0) {
    return { ...node, content: [{ type: "text", text: ZWSP, marks: [mark] }] };
  }
  return node.content ? { ...node, content: node.content.map((c) => markAll(c, kind, id)) } : node;
}

/** Joins neighbouring text nodes with equal marks, so the result reads like an editor's document. */
export function merged(nodes: JSONContent[]): JSONContent[] {
  const out: JSONContent[] = [];
  for (const node of nodes) {
    const last = out.at(-1);
    if (
      last?.type === "text" &&
      node.type === "text" &&
      JSON.stringify(last.marks ?? []) === JSON.stringify(node.marks ?? [])
    ) {
      out[out.length - 1] = { ...last, text: `${last.text ?? ""}${node.text ?? ""}` };
    } else out.push(node);
  }
  return out.map((n) => (n.type === "text" && (n.marks ?? []).length === 0 ? { type: "text", text: n.text } : n));
}
