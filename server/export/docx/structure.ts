import type { JSONContent } from "@tiptap/core";

/** A paragraph mark or a table row that a suggestion inserted or deleted. */
export interface StructureChange {
  kind: "insertion" | "deletion";
  markId: unknown;
}

/** The anchor character of structure suggestions (shared/suggestions). */
const ANCHOR = "\u200B";

const TEXTBLOCKS = new Set(["paragraph", "heading", "codeBlock"]);
const CHANGE = ["insertion", "deletion"] as const;

interface Textblock {
  node: JSONContent;
  /** The table cell it is in, if any: a cell's last paragraph mark cannot be removed. */
  cell: JSONContent | null;
}

function textblocks(node: JSONContent, cell: JSONContent | null, out: Textblock[]): void {
  if (TEXTBLOCKS.has(node.type ?? "")) {
    out.push({ node, cell });
    return;
  }
  const inner = node.type === "tableCell" || node.type === "tableHeader" ? node : cell;
  for (const child of node.content ?? []) textblocks(child, inner, out);
}

/** The insertion or deletion on a block's first or last character (zero-width anchors included). */
function edgeChange(block: JSONContent, side: "start" | "end"): StructureChange | null {
  const content = block.content ?? [];
  const text = side === "start" ? content[0] : content.at(-1);
  if (text?.type !== "text" || !text.text) return null;
  for (const kind of CHANGE) {
    const mark = text.marks?.find((m) => m.type === kind);
    if (mark) return { kind, markId: mark.attrs?.id };
  }
  return null;
}

/**
 * Which paragraph marks a suggestion inserted or deleted, from the live document's
 * convention (shared/suggestions): a block that ends with a zero-width-space anchor of a
 * suggestion, followed by a block whose first character belongs to the same suggestion
 * (its anchor, or text typed into a new paragraph), has the boundary between them made by
 * that suggestion: a suggested split (insertion) or join (deletion) of the paragraph
 * before it. A new paragraph or list item is its inserted text plus such a boundary, so
 * Accept All and Reject All in Word leave no empty paragraph or bullet behind.
 */
export function paragraphMarkChanges(doc: JSONContent): Map<JSONContent, StructureChange> {
  const blocks: Textblock[] = [];
  textblocks(doc, null, blocks);
  const out = new Map<JSONContent, StructureChange>();
  for (let i = 0; i + 1 < blocks.length; i++) {
    const [before, after] = [blocks[i], blocks[i + 1]] as [Textblock, Textblock];
    // A cell's paragraph mark ends the cell: it is never merged with what follows.
    if (before.cell && before.cell !== after.cell) continue;
    if (!before.cell && after.cell) continue;
    // Only a boundary that the suggestion made: its last character is the zero-width anchor.
    if (!(before.node.content?.at(-1)?.text ?? "").endsWith(ANCHOR)) continue;
    const end = edgeChange(before.node, "end");
    const start = edgeChange(after.node, "start");
    if (end && start && end.kind === start.kind && end.markId === start.markId) out.set(before.node, end);
  }
  return out;
}

function texts(node: JSONContent, out: JSONContent[]): JSONContent[] {
  if (node.type === "text") out.push(node);
  for (const child of node.content ?? []) texts(child, out);
  return out;
}

/**
 * A table row that one suggestion inserted or deleted as a whole: every text in it (the
 * anchors of empty cells included) carries that suggestion's insertion, or its deletion.
 */
export function rowChange(row: JSONContent): StructureChange | null {
  const all = texts(row, []);
  const first = all[0];
  if (!first) return null;
  for (const kind of CHANGE) {
    const id = first.marks?.find((m) => m.type === kind)?.attrs?.id;
    if (id === undefined) continue;
    if (all.every((t) => t.marks?.some((m) => m.type === kind && m.attrs?.id === id))) return { kind, markId: id };
  }
  return null;
}
