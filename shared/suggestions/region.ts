import type { Node as PMNode } from "@tiptap/pm/model";
import { piecesOfNodes } from "./linear.ts";
import type { RegionChange } from "./rules.ts";

/** Index range of the top-level blocks that differ between two docs: [start, endBefore) and [start, endAfter). */
export interface BlockRange {
  start: number;
  endBefore: number;
  endAfter: number;
}

/**
 * The top-level blocks two documents do not share, found by trimming the common head and
 * tail. Unchanged blocks are usually the same object (ProseMirror shares structure), so
 * this costs a comparison per block plus the changed blocks themselves.
 */
export function changedBlocks(before: PMNode, after: PMNode): BlockRange {
  const same = (a: PMNode, b: PMNode) => a === b || a.eq(b);
  let start = 0;
  const min = Math.min(before.childCount, after.childCount);
  while (start < min && same(before.child(start), after.child(start))) start++;
  let endBefore = before.childCount;
  let endAfter = after.childCount;
  while (endBefore > start && endAfter > start && same(before.child(endBefore - 1), after.child(endAfter - 1))) {
    endBefore--;
    endAfter--;
  }
  return { start, endBefore, endAfter };
}

const childrenIn = (doc: PMNode, from: number, to: number): PMNode[] => {
  const nodes: PMNode[] = [];
  for (let i = from; i < to; i++) nodes.push(doc.child(i));
  return nodes;
};

/** The changed region of two ProseMirror documents, flattened for the suggestion rules. */
export function regionChange(before: PMNode, after: PMNode): RegionChange {
  const range = changedBlocks(before, after);
  return {
    before: piecesOfNodes(childrenIn(before, range.start, range.endBefore)),
    after: piecesOfNodes(childrenIn(after, range.start, range.endAfter)),
  };
}
