import * as Y from "yjs";
import { type Piece, piecesOfYElement } from "../../shared/suggestions/linear.ts";
import { widenToTextNeighbours } from "../../shared/suggestions/region.ts";
import type { RegionChange } from "../../shared/suggestions/rules.ts";

type Block = Y.XmlElement | Y.XmlText;
/** Changed blocks: `start` up to `endBefore` in the old list, up to `endAfter` in the new. */
type Span = { start: number; endBefore: number; endAfter: number };

/**
 * The shadow's top-level blocks, flattened, as they were before the update being judged.
 * Yjs changes blocks in place, so "before" cannot be read back once an update is applied;
 * this cache keeps it, and is brought forward only for the blocks an accepted update
 * touched. The region a rule compares is the run of blocks between the unchanged head and
 * tail: its cost follows the size of the edit, not of the document.
 */
export class ContentBlocks {
  private order: Block[] = [];
  /** Position of each block in `order`, so an edit inside blocks finds its region without a scan; built when first needed. */
  private positions: Map<Block, number> | null = null;
  private readonly pieces = new Map<Block, Piece[]>();

  constructor(private readonly fragment: Y.XmlFragment) {
    this.reset();
  }

  /** Reads every block again (after the shadow was rebuilt). */
  reset(): void {
    this.pieces.clear();
    this.setOrder(this.current());
    for (const block of this.order) this.pieces.set(block, piecesOfYElement(block));
  }

  private setOrder(order: Block[]): void {
    this.order = order;
    this.positions = null;
  }

  private indexOf(block: Block): number | undefined {
    if (!this.positions) this.positions = new Map(this.order.map((b, i) => [b, i]));
    return this.positions.get(block);
  }

  /**
   * The region an update changed: blocks it touched, added or removed, with what lies
   * between. Without blocks added or removed the order is as before, and the region is found
   * from the touched blocks' positions; otherwise by comparing both lists from each end.
   */
  region(touched: ReadonlySet<Block>, blocksAddedOrRemoved: boolean): RegionChange {
    const inPlace = blocksAddedOrRemoved ? null : this.spanInPlace(touched);
    const after = inPlace ? this.order : this.current();
    const { start, endBefore, endAfter } = inPlace ?? this.spanByComparison(after, touched);
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

  /** The touched blocks' span, when every one of them is where it was; null otherwise. */
  private spanInPlace(touched: ReadonlySet<Block>): Span | null {
    let start = this.order.length;
    let end = 0;
    for (const block of touched) {
      const i = this.indexOf(block);
      if (i === undefined) return null;
      start = Math.min(start, i);
      end = Math.max(end, i + 1);
    }
    return start < end ? { start, endBefore: end, endAfter: end } : { start: 0, endBefore: 0, endAfter: 0 };
  }

  /** The span between the unchanged head and tail of the block list before and after. */
  private spanByComparison(after: Block[], touched: ReadonlySet<Block>): Span {
    const unchanged = (a: Block | undefined, b: Block | undefined) => a === b && a !== undefined && !touched.has(a);
    let start = 0;
    while (start < after.length && start < this.order.length && unchanged(this.order[start], after[start])) start++;
    let endBefore = this.order.length;
    let endAfter = after.length;
    while (endBefore > start && endAfter > start && unchanged(this.order[endBefore - 1], after[endAfter - 1])) {
      endBefore--;
      endAfter--;
    }
    return { start, endBefore, endAfter };
  }

  /**
   * The update was accepted: the touched and new blocks' current state becomes "before".
   * Typing inside blocks leaves their order as it was, so only those blocks are read again;
   * the whole list only when blocks were added or removed.
   */
  commit(touched: ReadonlySet<Block>, blocksAddedOrRemoved: boolean): void {
    if (!blocksAddedOrRemoved) {
      for (const block of touched) if (this.pieces.has(block)) this.pieces.set(block, piecesOfYElement(block));
      return;
    }
    const after = this.current();
    const kept = new Set(after);
    for (const block of this.order) if (!kept.has(block)) this.pieces.delete(block);
    for (const block of after) {
      if (touched.has(block) || !this.pieces.has(block)) this.pieces.set(block, piecesOfYElement(block));
    }
    this.setOrder(after);
  }

  private current(): Block[] {
    return this.fragment.toArray().filter((b): b is Block => b instanceof Y.XmlElement || b instanceof Y.XmlText);
  }
}

const hasText = (pieces: Piece[] | undefined): boolean =>
  pieces?.some((p) => p.t === "text" && p.text.length > 0) ?? false;
