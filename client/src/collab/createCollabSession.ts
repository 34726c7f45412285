import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { isFinalClose } from "../../../shared/protocol/closeCodes.ts";
import { ConnectionMonitor } from "./ConnectionMonitor.ts";
import { collabUrl } from "./collabUrl.ts";

/** Everything one open document needs for live editing; `destroy` releases all of it. */
export interface CollabSession {
  readonly documentId: string;
  readonly ydoc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly persistence: IndexeddbPersistence;
  readonly monitor: ConnectionMonitor;
  destroy(): void;
}

/**
 * Opens a document for live editing: a Y.Doc, its offline copy in IndexedDB (per user, so
 * two people sharing a browser never see each other's unsynced edits) and the WebSocket
 * provider. The provider starts at once; the IndexedDB copy merges in whenever it is read.
 */
export function createCollabSession(documentId: string, userId: string): CollabSession {
  const ydoc = new Y.Doc();
  const persistence = new IndexeddbPersistence(`accord:${userId}:${documentId}`, ydoc);
  const provider = new WebsocketProvider(collabUrl(), documentId, ydoc, {
    // y-websocket's default gives up on every 44xx code; ours say which ones are final
    // (4409 "permissions changed" and 4429 must reconnect, 4500 must not).
    shouldReconnect: (event) => !isFinalClose(event.code),
  });
  const monitor = new ConnectionMonitor(provider, ydoc, [persistence]);

  return {
    documentId,
    ydoc,
    provider,
    persistence,
    monitor,
    destroy() {
      monitor.destroy();
      provider.destroy();
      void persistence.destroy();
      // Also destroys the awareness (its heartbeat timer) via the doc's destroy event.
      ydoc.destroy();
    },
  };
}
