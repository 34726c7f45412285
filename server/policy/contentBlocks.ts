import * as Y from "yjs";
import { type Piece, piecesOfYElement } from "../../shared/suggestions/linear.ts";
import { widenToTextNeighbours } from "../../shared/suggestions/region.ts";
import type { RegionChange } from "../../shared/suggestions/rules.ts";

type Block = Y.XmlElement | Y.XmlText;

/**
 * The shadow's top-level blocks, flattened, as they were before the update being judged.
 * Yjs changes blocks in place, so "before" cannot be read back once an update is applied;
 * this cache keeps it, and is brought forward only for the blocks an accepted update
 * touched. The region a rule compares is the run of blocks between the unchanged head and
 * tail: its cost follows the size of the edit, not of the document.
 */
export class ContentBlocks {
  private order: Block[] = [];
  private readonly pieces = new Map<Block, Piece[]>();

  constructor(private readonly fragment: Y.XmlFragment) {
    this.reset();
  }

  /** Reads every block again (after the shadow was rebuilt). */
  reset(): void {
    this.pieces.clear();
    this.order = this.current();
    for (const block of this.order) this.pieces.set(block, piecesOfYElement(block));
  }

  /** The region an update changed: blocks it touched, added or removed, with what lies between. */
  region(touched: ReadonlySet<Block>): RegionChange {
    const after = this.current();
    const unchanged = (a: Block | undefined, b: Block | undefined) => a === b && a !== undefined && !touched.has(a);
    let start = 0;
    while (start < after.length && start < this.order.length && unchanged(this.order[start], after[start])) start++;
    let endBefore = this.order.length;
    let endAfter = after.length;
    while (endBefore > start && endAfter > start && unchanged(this.order[endBefore - 1], after[endAfter - 1])) {
      endBefore--;
      endAfter--;
    }
    const beforeRange = widenToTextNeighbours({ start, end: endBefore }, this.order.length, (i) =>
      hasText(this.pieces.get(this.order[i] as Block)),
    );
    // Touched and new blocks are flattened once: widening and collecting both read them.
    const fresh = new Map<Block, Piece[]>();
    const nowPieces = (block: Block): Piece[] => {
      if (!touched.has(block) && this.pieces.has(block)) return this.pieces.get(block) ?? [];
      let pieces = fresh.get(block);
      if (!pieces) {
        pieces = piecesOfYElement(block);
        fresh.set(block, pieces);
      }
      return pieces;
    };
    const afterRange = widenToTextNeighbours({ start, end: endAfter }, after.length, (i) =>
      hasText(nowPieces(after[i] as Block)),
    );
    const before: Piece[] = [];
    for (const block of this.order.slice(beforeRange.start, beforeRange.end))
      before.push(...(this.pieces.get(block) ?? []));
    const now: Piece[] = [];
    for (const block of after.slice(afterRange.start, afterRange.end)) now.push(...nowPieces(block));
    return { before, after: now };
  }

  /** The update was accepted: the touched and new blocks' current state becomes "before". */
  commit(touched: ReadonlySet<Block>): void {
    const after = this.current();
    const kept = new Set(after);
    for (const block of this.order) if (!kept.has(block)) this.pieces.delete(block);
    for (const block of after) {
      if (touched.has(block) || !this.pieces.has(block)) this.pieces.set(block, piecesOfYElement(block));
    }
    this.order = after;
  }

  private current(): Block[] {
    return this.fragment.toArray().filter((b): b is Block => b instanceof Y.XmlElement || b instanceof Y.XmlText);
  }
}

const hasText = (pieces: Piece[] | undefined): boolean =>
  pieces?.some((p) => p.t === "text" && p.text.length > 0) ?? false;
