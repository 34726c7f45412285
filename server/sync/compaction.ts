import * as Y from "yjs";
import type { MergeUpdates } from "./UpdateLog.ts";

/**
 * Folds a snapshot and its tail through a Y.Doc. `Y.mergeUpdates` would avoid the doc,
 * but its cost grows super-linearly with the number of updates; integrating into a doc
 * is linear and yields the compact encoding of the resulting state.
 */
export const mergeThroughDoc: MergeUpdates = (snapshot, updates) => {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      if (snapshot) Y.applyUpdate(doc, snapshot);
      for (const u of updates) Y.applyUpdate(doc, u);
    });
    if (doc.store.pendingStructs || doc.store.pendingDs) {
      // Folding would silently drop the pending part; keep the rows instead.
      throw new Error("stored updates have missing dependencies; not compacting");
    }
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
};
