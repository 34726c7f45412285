import type { JSONContent } from "@tiptap/core";

/** Inline content for a paragraph or table cell: plain text or a (marked) text node. */
export type Inline = string | JSONContent;

/** Heading levels allowed by the schema. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** Turns inline parts into text nodes, dropping empty text (ProseMirror forbids empty text nodes). */
const inlineNodes = (parts: readonly Inline[]): JSONContent[] =>
  parts
    .map((part) => (typeof part === "string" ? { type: "text", text: part } : part))
    .filter((node) => node.type !== "text" || (node.text ?? "") !== "");

/** A block node of `type` with the given children, leaving `content` out when there are none. */
const block = (type: string, content: JSONContent[], attrs?: Record<string, unknown>): JSONContent => ({
  type,
  ...(attrs === undefined ? {} : { attrs }),
  ...(content.length === 0 ? {} : { content }),
});

/** The document root holding the given blocks. */
export const doc = (...blocks: JSONContent[]): JSONContent => ({ type: "doc", content: blocks });

/** A heading of the given level; an empty text gives an empty heading. */
export const h = (level: HeadingLevel, text: string): JSONContent => block("heading", inlineNodes([text]), { level });

/** A paragraph of strings and marked text nodes; no (or only empty) parts give an empty paragraph. */
export const p = (...parts: Inline[]): JSONContent => block("paragraph", inlineNodes(parts));

/** A bold text node. */
export const bold = (text: string): JSONContent => ({
  type: "text",
  text,
  marks: [{ type: "bold" }],
});

/** An italic text node. */
export const italic = (text: string): JSONContent => ({
  type: "text",
  text,
  marks: [{ type: "italic" }],
});

/** A hard line break inside a paragraph. */
export const br = (): JSONContent => ({ type: "hardBreak" });

/** Wraps one bullet-list item: a string or inline node becomes a paragraph; a paragraph or `listItem` is kept. */
const listItem = (item: Inline): JSONContent => {
  if (typeof item === "string" || item.type === "text" || item.type === "hardBreak") {
    return block("listItem", [p(item)]);
  }
  return item.type === "listItem" ? item : block("listItem", [item]);
};

/** A bullet list; each item is a string, an inline node, a paragraph (e.g. `p(...)`) or a ready `listItem`. */
export const bulletList = (...items: Inline[]): JSONContent => block("bulletList", items.map(listItem));

/** A table cell (`tableHeader` or `tableCell`) holding one paragraph. */
const cell = (type: "tableHeader" | "tableCell", content: Inline): JSONContent => block(type, [p(content)]);

/** Makes every cell of a row bold, e.g. for a totals row. */
export const boldRow = (...cells: string[]): JSONContent[] => cells.map(bold);

/**
 * A table with one header row and any number of body rows. A body cell is a string or an
 * inline node such as `bold("1'000'000")`; an empty string gives an empty cell paragraph.
 */
export const table = (headerRow: string[], ...rows: Inline[][]): JSONContent =>
  block("table", [
    block(
      "tableRow",
      headerRow.map((text) => cell("tableHeader", text)),
    ),
    ...rows.map((row) =>
      block(
        "tableRow",
        row.map((content) => cell("tableCell", content)),
      ),
    ),
  ]);
