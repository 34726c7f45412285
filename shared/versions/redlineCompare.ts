import type { JSONContent } from "@tiptap/core";
import { align } from "./redlineAlign.ts";
import { anchor, type ChangeKind, dressed, markAll, merged, wholly, wrap } from "./redlineNodes.ts";

export type { ChangeKind } from "./redlineNodes.ts";

import { formatting, type Mark, type Token, textblockOf, tokensOf } from "./redlineTokens.ts";

/** One change of a redline: its kind and the origin key its words came from ("" when unknown). */
export interface RedlineChange {
  kind: ChangeKind;
  origin: string;
}

/** Origin keys of the words of the two texts, by offset in their flat text (characters of text nodes, in order). */
export interface TextOrigins {
  inserted(laterOffset: number): string;
  deleted(earlierOffset: number): string;
}

type Piece = { inline: JSONContent; child: JSONContent } | { box: JSONContent };

interface Unit {
  pieces: Piece[];
  earlierStart?: JSONContent;
  laterStart?: JSONContent;
  /** The later text's block this unit becomes when accepting all (set when it is the block that survives the joins). */
  asLater?: JSONContent;
  /** The earlier text's block this unit becomes when rejecting all (likewise). */
  asEarlier?: JSONContent;
  /** The boundary before this unit: kept (C), deleted (D) or inserted (I), with the id of its change. */
  before: { kind: "C" } | { kind: "D" | "I"; id: string } | null;
}

/** Builds a redline from two texts; ids of changes are "c1", "c2"… listed in `changes`. */
export class RedlineBuilder {
  readonly changes: Record<string, RedlineChange> = {};
  private count = 0;
  private run: { kind: ChangeKind; origin: string; id: string } | null = null;

  constructor(private readonly origins: TextOrigins) {}

  /** The id for the next changed piece: the running change's if it continues, else a new one. */
  private idFor(kind: ChangeKind, origin: string, continues = false): string {
    if (this.run && this.run.kind === kind && (continues || this.run.origin === origin)) return this.run.id;
    const id = `c${++this.count}`;
    this.changes[id] = { kind, origin };
    this.run = { kind, origin, id };
    return id;
  }

  /** A change that stands alone (a whole box, a formatting or block-type change). */
  private single(kind: ChangeKind, origin: string): string {
    this.run = null;
    const id = this.idFor(kind, origin);
    this.run = null;
    return id;
  }

  /** Block sequences compared: `allowNodeMarks` when they are the document's top-level blocks. */
  blocks(
    from: readonly JSONContent[],
    to: readonly JSONContent[],
    starts: { earlier: number; later: number },
    allowNodeMarks: boolean,
  ): JSONContent[] {
    const ops = align(tokensOf(from, starts.earlier), tokensOf(to, starts.later));
    const units: Unit[] = [{ pieces: [], earlierStart: from[0], laterStart: to[0], before: null }];
    let unit = units[0] as Unit;
    let eOff = starts.earlier;
    let lOff = starts.later;
    this.run = null;
    for (const step of ops) {
      const token = step.op === "ins" ? step.l : step.e;
      if (token.kind === "sep") {
        let before: Unit["before"];
        if (step.op === "same") {
          this.run = null;
          before = { kind: "C" };
        } else if (step.op === "del") {
          before = { kind: "D", id: this.idFor("deletion", this.origins.deleted(eOff), true) };
        } else before = { kind: "I", id: this.idFor("insertion", this.origins.inserted(lOff), true) };
        unit = {
          pieces: [],
          before,
          ...(step.op !== "ins" && step.e.kind === "sep" ? { earlierStart: from[step.e.unit] } : {}),
          ...(step.op !== "del" && step.l.kind === "sep" ? { laterStart: to[step.l.unit] } : {}),
        };
        units.push(unit);
        continue;
      }
      if (step.op === "same") {
        const { e, l } = step;
        if (e.kind === "sep" || l.kind === "sep") continue;
        this.run = null;
        if (e.kind === "box" && l.kind === "box") {
          unit.pieces.push({ box: this.box(e.node, l.node, { earlier: e.offset, later: l.offset }) });
        } else if (e.kind === "text" && l.kind === "text") {
          unit.pieces.push({ inline: this.formatted(e, l), child: to[l.unit] ?? {} });
        }
        eOff = e.offset + length(e);
        lOff = l.offset + length(l);
        continue;
      }
      const kind: ChangeKind = step.op === "del" ? "deletion" : "insertion";
      const origin = step.op === "del" ? this.origins.deleted(token.offset) : this.origins.inserted(token.offset);
      if (token.kind === "box") {
        // A whole box continues the change around it: boundaries on both sides then share its
        // id, so accepting (rejecting) joins the blocks before and after it.
        unit.pieces.push({ box: markAll(token.node, kind, this.idFor(kind, origin, true)) });
      } else {
        // A space joins the change it sits in: the diff may pick the old space next to a
        // new word, which would cut one person's insertion in two.
        const blank = token.node.type === "text" && /^\s+$/.test(token.node.text ?? "");
        const mark: Mark = { type: kind, attrs: { id: this.idFor(kind, origin, blank) } };
        unit.pieces.push({
          inline: { ...token.node, marks: [...formatting(token.node.marks), mark] },
          child: (step.op === "del" ? from : to)[token.unit] ?? {},
        });
      }
      if (step.op === "del") eOff = token.offset + length(token);
      else lOff = token.offset + length(token);
    }
    this.run = null;
    survivors(
      units,
      "D",
      "deletion",
      (u, block) => {
        u.asLater = block;
      },
      (u) => u.laterStart,
    );
    survivors(
      units,
      "I",
      "insertion",
      (u, block) => {
        u.asEarlier = block;
      },
      (u) => u.earlierStart,
    );
    const endsInText = (u: Unit | undefined) => !!u && !("box" in (u.pieces.at(-1) ?? {}));
    const startsWithText = (u: Unit | undefined) => !!u && !("box" in (u.pieces[0] ?? {}));
    return units.flatMap((u, k) => {
      const joins = { before: endsInText(units[k - 1]), after: startsWithText(units[k + 1]) };
      return this.emit(u, units[k + 1]?.before ?? null, allowNodeMarks, lOff, joins);
    });
  }

  /** Common text whose formatting changed carries a `modification` mark with the formatting before. */
  private formatted(e: Token & { kind: "text" }, l: Token & { kind: "text" }): JSONContent {
    if (e.fine === l.fine) return l.node;
    const id = this.single("modification", this.origins.inserted(l.offset));
    const mark: Mark = {
      type: "modification",
      attrs: { id, type: "marks", attrName: null, previousValue: formatting(e.node.marks), newValue: null },
    };
    return { ...l.node, marks: [...formatting(l.node.marks), mark] };
  }

  /** Two boxes of one type compared inside (rows, cells, list items, lists, tables). */
  private box(from: JSONContent, to: JSONContent, starts: { earlier: number; later: number }): JSONContent {
    if (JSON.stringify(from) === JSON.stringify(to)) return to;
    return { ...to, content: this.blocks(from.content ?? [], to.content ?? [], starts, false) };
  }

  /** A unit as blocks: one text block (with its boundary anchors), or its boxes and the text around them. */
  private emit(
    unit: Unit,
    after: Unit["before"],
    allowNodeMarks: boolean,
    offset: number,
    joins: { before: boolean; after: boolean },
  ): JSONContent[] {
    const startAnchor = unit.before && unit.before.kind !== "C" ? anchor(unit.before) : null;
    const endAnchor = after && after.kind !== "C" ? anchor(after) : null;
    if (!unit.pieces.some((p) => "box" in p)) {
      const inline = unit.pieces.flatMap((p) => ("inline" in p ? [p.inline] : []));
      const content = merged([
        ...(startAnchor ? [dressed(startAnchor, inline[0])] : []),
        ...inline,
        ...(endAnchor ? [dressed(endAnchor, inline.at(-1))] : []),
      ]);
      const block = this.textblock(unit, content, allowNodeMarks, offset);
      const whole = wholly(content);
      if (!whole || !allowNodeMarks) return [block];
      // A block that is wholly inserted or deleted goes with a boundary it shares with a
      // neighbouring text block; between tables or at the document's edge there is none, so
      // the block itself carries the change (top-level blocks may carry suggestion marks).
      const sep = (b: Unit["before"]) => (b && b.kind !== "C" ? (b.kind === "D" ? "deletion" : "insertion") : null);
      const own = [sep(unit.before), sep(after)];
      const joined = (sep(unit.before) === whole.type && joins.before) || (sep(after) === whole.type && joins.after);
      // Never a block the other reading starts here: that one stays (emptied, if so).
      const other = whole.type === "deletion" ? unit.laterStart : unit.earlierStart;
      if (!own.includes(whole.type) || joined || (other && textblockOf(other))) return [block];
      return [{ ...block, marks: [...(block.marks ?? []), whole] }];
    }
    const out: JSONContent[] = [];
    let inline: JSONContent[] = [];
    let child: JSONContent | undefined;
    const flush = (last: boolean) => {
      const first = out.length === 0;
      const content = [
        ...(first && startAnchor ? [startAnchor] : []),
        ...inline,
        ...(last && endAnchor ? [endAnchor] : []),
      ];
      if (content.length > 0 && child) out.push(wrap(child, merged(content)));
      inline = [];
    };
    unit.pieces.forEach((piece, k) => {
      if ("box" in piece) {
        flush(false);
        out.push(piece.box);
      } else {
        inline.push(piece.inline);
        child ??= piece.child;
        if (k === unit.pieces.length - 1) flush(true);
      }
    });
    return out;
  }

  /**
   * The block a unit becomes. Accepting joins it to its predecessor when its boundary was
   * deleted, rejecting when it was inserted, and a join keeps the first block's type: so the
   * block takes the later text's type where the later text starts a block here and the
   * earlier one's otherwise; where both start one and differ, a `modification` node mark
   * records the earlier type so rejecting restores it.
   */
  private textblock(unit: Unit, content: JSONContent[], allowNodeMarks: boolean, offset: number): JSONContent {
    const later = unit.asLater && textblockOf(unit.asLater) ? unit.asLater : undefined;
    const earlier = unit.asEarlier && textblockOf(unit.asEarlier) ? unit.asEarlier : undefined;
    const first = unit.pieces.find((p): p is Extract<Piece, { inline: JSONContent }> => "inline" in p)?.child;
    const base = later ?? earlier ?? first ?? { type: "paragraph" };
    const block = wrap(base, content);
    const now = textblockOf(block);
    const was = earlier ? textblockOf(earlier) : null;
    if (!later || !was || !now || !allowNodeMarks || base.type !== block.type) return block;
    const marks: Mark[] = [];
    // The level first: a reader that takes one mark (a heading that became a paragraph) then
    // still knows which heading it was.
    const level = (n: JSONContent) => (n.type === "heading" ? (n.attrs?.level ?? null) : null);
    if (was.type === "heading" && (now.type !== "heading" || level(was) !== level(now))) {
      marks.push(
        this.nodeMark({ type: "attr", attrName: "level", previousValue: level(was), newValue: level(now) }, offset),
      );
    }
    if (was.type !== now.type) {
      marks.push(
        this.nodeMark({ type: "nodeType", attrName: null, previousValue: was.type, newValue: now.type }, offset),
      );
    }
    return marks.length > 0 ? { ...block, marks: [...(block.marks ?? []), ...marks] } : block;
  }

  private nodeMark(attrs: Record<string, unknown>, offset: number): Mark {
    return {
      type: "modification",
      attrs: { id: this.single("modification", this.origins.inserted(offset)), ...attrs },
    };
  }
}

/**
 * Marks the unit that survives each join of one reading with the block it becomes. Rejecting
 * (or accepting) removes the boundaries of one kind and joins the units they separate; the
 * join keeps the first unit that keeps some text in that reading or one emptied before it
 * (ProseMirror may drop a block whose whole content goes), or the group's first unit.
 */
function survivors(
  units: Unit[],
  joining: "D" | "I",
  removed: ChangeKind,
  set: (u: Unit, block: JSONContent) => void,
  startOf: (u: Unit) => JSONContent | undefined,
) {
  // Only text keeps a block: a table or list between is not one it could join into.
  const keeps = (u: Unit) =>
    u.pieces.some((p) => "inline" in p && !(p.inline.marks ?? []).some((m) => m.type === removed));
  let k = 0;
  while (k < units.length) {
    let end = k + 1;
    while (end < units.length && units[end]?.before?.kind === joining) end++;
    const group = units.slice(k, end);
    const first = group[0];
    const block = first ? startOf(first) : undefined;
    // ProseMirror keeps either the emptied block or the one that joins it, depending on their
    // types: every unit up to the survivor gets the block, so whichever stays is right.
    const found = group.findIndex(keeps);
    const last = found < 0 ? group.length - 1 : found;
    if (block) for (const u of group.slice(0, last + 1)) set(u, block);
    k = end;
  }
}

const length = (t: Token) => (t.kind === "text" && t.node.type === "text" ? (t.node.text ?? "").length : 0);
