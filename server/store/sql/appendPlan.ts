import type { UpdateRecord } from "../Store.ts";

/**
 * The updates of one commit batch grouped by document, in batch order, so a store takes
 * each document's sequence numbers with one statement (`last_seq + count`) instead of one
 * per update: the per-update statement was most of the commit's cost.
 */
export function byDocument(batch: readonly UpdateRecord[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const [i, u] of batch.entries()) {
    const indexes = groups.get(u.documentId);
    if (indexes) indexes.push(i);
    else groups.set(u.documentId, [i]);
  }
  return groups;
}

/**
 * Whether a document's updates of one batch may be stored while it is locked: only if
 * every one of them changes comments only. They are judged together because a client's
 * clocks are contiguous: a comment stored after its sender's refused edit would wait for
 * that edit forever and the document would no longer load.
 */
export const storableWhileLocked = (batch: readonly UpdateRecord[], indexes: readonly number[]): boolean =>
  indexes.every((i) => batch[i]?.commentsOnly === true);
