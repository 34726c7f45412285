import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { LOAD_ORIGIN } from "./origins.ts";
import { ProtocolError } from "./ProtocolError.ts";
import type { StoredState } from "./UpdateLog.ts";

/** Stored state that does not load cleanly (4500): the room is not opened and the data is left as it is. */
const loadFailed = (detail: string) => new ProtocolError(CloseCode.DocumentLoadFailed, detail);

/**
 * Builds the live Y.Doc from snapshot + tail. Anything odd is an error, never an empty
 * document: serving a blank doc for a broken one and then saving it is how documents
 * were lost elsewhere (hocuspocus#382).
 */
export function loadDoc(documentId: string, state: StoredState): Y.Doc {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
      for (const update of state.updates) Y.applyUpdate(doc, update);
    }, LOAD_ORIGIN);
  } catch (err) {
    doc.destroy();
    throw loadFailed(`document ${documentId} does not load: ${(err as Error).message}`);
  }
  if (doc.store.pendingStructs || doc.store.pendingDs) {
    doc.destroy();
    // Only integrated updates are ever stored, so missing dependencies mean damaged data.
    throw loadFailed(`document ${documentId} has stored updates with missing dependencies`);
  }
  const stored = (state.snapshot ? 1 : 0) + state.updates.length;
  if (stored > 0 && doc.store.clients.size === 0) {
    doc.destroy();
    throw loadFailed(`document ${documentId} has stored data but loads empty`);
  }
  return doc;
}
