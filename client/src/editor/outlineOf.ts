import type { Node as PmNode } from "@tiptap/pm/model";
import { perBlock, perDocument } from "./derive/perDocument.ts";

/** One entry of the outline: a level-1 or level-2 heading and where it starts. */
export interface OutlineEntry {
  level: 1 | 2;
  text: string;
  /** Position of the heading node in the ProseMirror document. */
  pos: number;
}

/** Collects a heading at `pos`; says whether to look inside the node (no headings inside text). */
function collect(node: PmNode, pos: number, entries: OutlineEntry[]): boolean {
  if (node.type.name !== "heading") return !node.isTextblock;
  const level: unknown = node.attrs.level;
  const text = node.textContent.trim();
  if ((level === 1 || level === 2) && text) entries.push({ level, text, pos });
  return false;
}

/** The H1 and H2 headings of a document, in order; empty headings are left out. */
export function outlineOf(doc: PmNode): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  doc.descendants((node, pos) => collect(node, pos, entries));
  return entries;
}

/** The headings of one top-level block, at positions from the block's start. */
const headingsPerBlock = perBlock((block) => {
  const entries: OutlineEntry[] = [];
  if (collect(block, 0, entries)) block.descendants((node, pos) => collect(node, pos + 1, entries));
  return entries;
});

/** `outlineOf`, once per document, re-reading only the blocks a change replaced. */
export const outlineNow: (doc: PmNode) => OutlineEntry[] = perDocument((doc) =>
  headingsPerBlock(doc).flatMap(({ value, pos }) => value.map((entry) => ({ ...entry, pos: entry.pos + pos }))),
);
