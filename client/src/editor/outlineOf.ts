import type { Node as PmNode } from "@tiptap/pm/model";

/** One entry of the outline: a level-1 or level-2 heading and where it starts. */
export interface OutlineEntry {
  level: 1 | 2;
  text: string;
  /** Position of the heading node in the ProseMirror document. */
  pos: number;
}

/** The H1 and H2 headings of a document, in order; empty headings are left out. */
export function outlineOf(doc: PmNode): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== "heading") return !node.isTextblock; // no headings inside text
    const level: unknown = node.attrs.level;
    const text = node.textContent.trim();
    if ((level === 1 || level === 2) && text) entries.push({ level, text, pos });
    return false;
  });
  return entries;
}
