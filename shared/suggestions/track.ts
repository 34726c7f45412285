import { transformToSuggestionTransaction } from "@handlewithcare/prosemirror-suggest-changes";
import type { Mark, Node as PMNode } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { makeSuggestionId, parseSuggestionId, randomToken, type SuggestionAuthor } from "./ids.ts";
import { changedBlocks, regionChange } from "./region.ts";
import { suggestOnlyViolation } from "./rules.ts";

const ZWSP = "\u200B";

export type TrackResult = { ok: true; tr: Transaction } | { ok: false; reason: SuggestBlockReason };

/** Why an edit cannot be made while suggesting; the UI shows a message for each. */
export type SuggestBlockReason = "foreign_suggestion" | "not_trackable";

/**
 * Turns an edit into a suggestion by `author`, or says why it cannot be one.
 * 1. The library rewrites the transaction: deletions become deletion marks, insertions
 *    get insertion marks.
 * 2. Whole blocks the library marks with node marks get inline marks instead: Yjs keeps no
 *    node marks, so a node-marked suggestion would be lost on the way to everyone else.
 * 3. Attribution is stamped: the library reuses the id of an abutting suggestion and
 *    re-marks a neighbour with its new id, so new text can land under another person's
 *    name and theirs under ours. New or re-marked text gets the author's own id; text that
 *    carried someone else's mark gets it back.
 * 4. The result must pass the same rule the server applies (`suggestOnlyViolation`), so a
 *    client never sends what the server would refuse.
 */
export function trackAsSuggestion(
  state: EditorState,
  tr: Transaction,
  author: SuggestionAuthor,
  now: number,
): TrackResult {
  const id = makeSuggestionId(author, now, randomToken());
  let tracked: Transaction;
  try {
    tracked = transformToSuggestionTransaction(tr, state, () => id);
  } catch {
    // The library cannot express every step as a suggestion (e.g. a whole list item, whose
    // parent allows no marks): such an edit is not made, rather than made untracked.
    return { ok: false, reason: "not_trackable" };
  }
  inlineNodeMarks(tracked);
  stampAttribution(state.doc, tracked, author, id);
  if (suggestOnlyViolation(regionChange(state.doc, tracked.doc), author, now) === null)
    return { ok: true, tr: tracked };
  return {
    ok: false,
    reason: touchesForeignSuggestion(state.doc, tr, author) ? "foreign_suggestion" : "not_trackable",
  };
}

const isSuggestion = (mark: Mark) => mark.type.name === "insertion" || mark.type.name === "deletion";
const suggestionOf = (node: PMNode | null | undefined): Mark | null => node?.marks.find(isSuggestion) ?? null;
const isOwn = (mark: Mark, author: SuggestionAuthor) => parseSuggestionId(mark.attrs.id)?.userId === author.userId;

/** Positions (in `doc`) of the top-level blocks that differ from `before`. */
function changedSpan(before: PMNode, doc: PMNode): { from: number; to: number } {
  const range = changedBlocks(before, doc);
  let from = 0;
  for (let i = 0; i < range.start; i++) from += doc.child(i).nodeSize;
  let to = from;
  for (let i = range.start; i < range.endAfter; i++) to += doc.child(i).nodeSize;
  return { from, to };
}

function inlineNodeMarks(tr: Transaction): void {
  const marked: { pos: number; node: PMNode; mark: Mark }[] = [];
  tr.doc.descendants((node, pos) => {
    const mark = node.isInline ? null : suggestionOf(node);
    if (mark) marked.push({ pos, node, mark });
    return true;
  });
  for (const { pos, mark } of marked.reverse()) {
    tr.removeNodeMark(pos, mark.type);
    const node = tr.doc.nodeAt(pos);
    if (!node) continue;
    const empty: number[] = [];
    node.descendants((child, offset) => {
      if (child.isTextblock && child.content.size === 0) empty.push(pos + 1 + offset + 1);
      return true;
    });
    if (node.isTextblock && node.content.size === 0) empty.push(pos + 1);
    for (const at of empty.reverse()) tr.insertText(ZWSP, at);
    const end = pos + (tr.doc.nodeAt(pos)?.nodeSize ?? node.nodeSize);
    tr.addMark(pos, end, mark);
  }
}

function stampAttribution(before: PMNode, tr: Transaction, author: SuggestionAuthor, ownId: string): void {
  const { from, to } = changedSpan(before, tr.doc);
  const back = tr.mapping.invert();
  const fixes: { from: number; to: number; mark: Mark | null; drop: Mark | null }[] = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    const now = suggestionOf(node);
    // Marks only go astray where the library set one; unmarked text needs no check.
    if (!now) return false;
    for (let i = 0; i < node.nodeSize; i++) {
      const at = pos + i;
      const mapped = back.mapResult(at, 1);
      const old = mapped.deletedAfter ? null : before.resolve(mapped.pos).nodeAfter;
      const oldMark = old?.isText ? suggestionOf(old) : null;
      if (oldMark && !isOwn(oldMark, author)) {
        if (!now.eq(oldMark)) fixes.push({ from: at, to: at + 1, mark: oldMark, drop: now });
      } else if (!isOwn(now, author)) {
        fixes.push({ from: at, to: at + 1, mark: now.type.create({ id: ownId }), drop: now });
      }
    }
    return false;
  });
  for (const fix of fixes) {
    if (fix.drop) tr.removeMark(fix.from, fix.to, fix.drop.type);
    if (fix.mark) tr.addMark(fix.from, fix.to, fix.mark);
  }
}

/** True when the original edit removes or changes text that someone else suggested. */
function touchesForeignSuggestion(doc: PMNode, tr: Transaction, author: SuggestionAuthor): boolean {
  let touches = false;
  for (const step of tr.steps) {
    step.getMap().forEach((oldStart, oldEnd) => {
      if (oldEnd <= oldStart || oldEnd > doc.content.size) return;
      doc.nodesBetween(oldStart, oldEnd, (node) => {
        const mark = suggestionOf(node);
        if (mark && !isOwn(mark, author)) touches = true;
        return !touches;
      });
    });
  }
  return touches;
}
