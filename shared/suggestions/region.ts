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

/**
 * Widens a changed range by the nearest block with text on each side. A paragraph split
 * suggested by someone is visible only across two blocks (an anchor at the end of one and
 * at the start of the next); when an update touches one of them, the rules must see the
 * other too, or withdrawing half of a split would pass for no change.
 */
export function widenToTextNeighbours(
  range: { start: number; end: number },
  count: number,
  hasText: (index: number) => boolean,
): { start: number; end: number } {
  let { start, end } = range;
  while (start > 0) {
    start--;
    if (hasText(start)) break;
  }
  while (end < count) {
    end++;
    if (hasText(end - 1)) break;
  }
  return { start, end };
}

const childrenIn = (doc: PMNode, from: number, to: number): PMNode[] => {
  const nodes: PMNode[] = [];
  for (let i = from; i < to; i++) nodes.push(doc.child(i));
  return nodes;
};

/** The changed region of two ProseMirror documents, flattened for the suggestion rules. */
export function regionChange(before: PMNode, after: PMNode): RegionChange {
  const range = changedBlocks(before, after);
  // Unchanged head and tail are the same blocks in both documents, so they widen alike.
  const hasText = (doc: PMNode) => (i: number) => doc.child(i).textContent.length > 0;
  const b = widenToTextNeighbours({ start: range.start, end: range.endBefore }, before.childCount, hasText(before));
  const a = widenToTextNeighbours({ start: range.start, end: range.endAfter }, after.childCount, hasText(after));
  return {
    before: piecesOfNodes(childrenIn(before, b.start, b.end)),
    after: piecesOfNodes(childrenIn(after, a.start, a.end)),
  };
}
