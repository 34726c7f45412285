import type { JSONContent } from "@tiptap/core";

/** A mark as ProseMirror JSON. */
export type Mark = NonNullable<JSONContent["marks"]>[number];

const SUGGESTION_MARKS = new Set(["insertion", "deletion", "modification"]);

/** The marks of a node that are formatting, not suggestions. */
export const formatting = (marks: readonly Mark[] | undefined): Mark[] =>
  (marks ?? []).filter((m) => !SUGGESTION_MARKS.has(m.type));

/**
 * One piece of a block sequence as the comparison sees it:
 * - `text`: a word, a run of spaces, a punctuation sign, or an inline node (so a word typed
 *   after the last one leaves that one untouched); `offset` is where its first character sits
 *   in the flat text of its document;
 * - `sep`: the boundary between two neighbouring children (paragraph split or join);
 * - `box`: a child compared as a whole (table, list, row, a list item with nested blocks).
 * `unit` is the index of the child the token belongs to (a `sep` belongs to the child it opens).
 */
export type Token =
  | { kind: "text"; fine: string; coarse: string; node: JSONContent; offset: number; unit: number }
  | { kind: "sep"; fine: string; coarse: string; unit: number }
  | { kind: "box"; fine: string; coarse: string; node: JSONContent; offset: number; unit: number };

const TEXTBLOCKS = new Set(["paragraph", "heading", "codeBlock"]);

/** A paragraph, heading or code block: compared word by word, split and joined by boundaries. */
export const isTextblock = (node: JSONContent): boolean =>
  TEXTBLOCKS.has(node.type ?? "") && (node.content ?? []).every((c) => c.type === "text" || c.type === "hardBreak");

/** The text block a child stands for: itself, or the one paragraph of a simple list item. */
export function textblockOf(node: JSONContent): JSONContent | null {
  if (isTextblock(node)) return node;
  const only = node.type === "listItem" && node.content?.length === 1 ? node.content[0] : undefined;
  return only && isTextblock(only) ? only : null;
}

/** Number of characters a node contributes to its document's flat text (text nodes only). */
export function textLength(node: JSONContent): number {
  if (node.type === "text") return (node.text ?? "").length;
  return (node.content ?? []).reduce((sum, c) => sum + textLength(c), 0);
}

const WORD = /[\p{L}\p{N}'’-]+|\s+|[^\s\p{L}\p{N}]/gu;
const SEP = "\u0001¶";

/** The tokens of a sequence of sibling blocks whose flat text starts at `start`. */
export function tokensOf(children: readonly JSONContent[], start: number): Token[] {
  const out: Token[] = [];
  let offset = start;
  children.forEach((child, unit) => {
    if (unit > 0) {
      // A boundary is known by what it separates: a paragraph split next to a table is not
      // the boundary between the paragraph and the table.
      const prev = children[unit - 1];
      const key = `${SEP}${prev && textblockOf(prev) ? "t" : "b"}${textblockOf(child) ? "t" : "b"}`;
      out.push({ kind: "sep", fine: key, coarse: key, unit });
    }
    const block = textblockOf(child);
    if (!block) {
      out.push({
        kind: "box",
        fine: `\u0002${child.type}|${JSON.stringify(child)}`,
        coarse: `\u0002${child.type}`,
        node: child,
        offset,
        unit,
      });
      offset += textLength(child);
      return;
    }
    for (const node of block.content ?? []) {
      const marks = JSON.stringify(formatting(node.marks));
      if (node.type !== "text") {
        const key = `\u0003${node.type}${JSON.stringify(node.attrs ?? {})}`;
        out.push({ kind: "text", fine: `${key}${marks}`, coarse: key, node, offset, unit });
        continue;
      }
      for (const word of (node.text ?? "").match(WORD) ?? []) {
        out.push({
          kind: "text",
          fine: `${word}\u0000${marks}`,
          coarse: word,
          node: { ...node, text: word },
          offset,
          unit,
        });
        offset += word.length;
      }
    }
  });
  return out;
}
