import { IndexeddbPersistence } from "y-indexeddb";
import * as authProtocol from "y-protocols/auth";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CloseCode } from "../../../shared/protocol/closeCodes.ts";
import { MessageType } from "../../../shared/protocol/messageTypes.ts";
import { CONTENT_FIELD } from "../../../shared/schema/extensions.ts";
import { ConnectionMonitor } from "./ConnectionMonitor.ts";
import { ContentGuard } from "./ContentGuard.ts";
import { collabUrl } from "./collabUrl.ts";
import { shouldReconnect } from "./reconnectPolicy.ts";

/** Everything one open document needs for live editing; `destroy` releases all of it. */
export interface CollabSession {
  readonly documentId: string;
  readonly ydoc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly persistence: IndexeddbPersistence;
  readonly monitor: ConnectionMonitor;
  /** Subscribes to what the server says about this user's access; returns the unsubscribe. */
  onServerNotice(listener: (notice: ServerNotice) => void): () => void;
  destroy(): void;
}

/**
 * What the server told this session: a change of ours was refused (the local copy must be
 * dropped: its later updates could never apply), our role changed (reconnecting), we are
 * connected again after a drop (what changed meanwhile is unknown), or it sent
 * content this client cannot render (the session has stopped: reconnecting would only loop).
 */
export type ServerNotice =
  | { kind: "refused"; reason: string }
  | { kind: "permissionsChanged" }
  | { kind: "reconnected" }
  | { kind: "unrenderable"; problem: string };

/**
 * Opens a document for live editing: a Y.Doc, its offline copy in IndexedDB (per user, so
 * two people sharing a browser never see each other's unsynced edits) and the WebSocket
 * provider. The provider starts at once; the IndexedDB copy merges in whenever it is read.
 */
export function createCollabSession(documentId: string, userId: string): CollabSession {
  const ydoc = new Y.Doc();
  // Before the IndexedDB copy, the provider and the editor: it must judge content first.
  const guard = new ContentGuard(ydoc.getXmlFragment(CONTENT_FIELD), (problem) => {
    // Stop for good: a reconnect would bring the same content (and, for a reader, a 4422 loop).
    monitor.destroy();
    provider.disconnect();
    notify({ kind: "unrenderable", problem });
  });
  const persistence = new IndexeddbPersistence(`accord:${userId}:${documentId}`, ydoc);
  const provider = new WebsocketProvider(collabUrl(), documentId, ydoc, {
    shouldReconnect: (event) => shouldReconnect(event.code),
  });
  const listeners = new Set<(notice: ServerNotice) => void>();
  const notify = (notice: ServerNotice) => {
    for (const listener of listeners) listener(notice);
  };
  let deniedReason = "";
  // The server sends the reason of a refusal as a y-protocols auth message before closing.
  provider.messageHandlers[MessageType.Auth] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, ydoc, (_doc, reason) => {
      deniedReason = reason;
    });
  };
  provider.on("connection-close", (event: CloseEvent | null) => {
    if (event?.code === CloseCode.UpdateRefused) notify({ kind: "refused", reason: deniedReason || event.reason });
    if (event?.code === CloseCode.RenewConnection) notify({ kind: "permissionsChanged" });
  });
  // A renewal (4409: lock, role, final) can come while the socket is down; the reconnection
  // then brings the new state but no close ever told this page. Every reconnection says so.
  let connectedBefore = false;
  provider.on("status", ({ status }: { status: string }) => {
    if (status !== "connected") return;
    if (connectedBefore) notify({ kind: "reconnected" });
    connectedBefore = true;
  });
  const monitor = new ConnectionMonitor(provider, ydoc, [persistence]);

  return {
    documentId,
    ydoc,
    provider,
    persistence,
    monitor,
    onServerNotice(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      guard.destroy();
      monitor.destroy();
      provider.destroy();
      void persistence.destroy();
      // Also destroys the awareness (its heartbeat timer) via the doc's destroy event.
      ydoc.destroy();
    },
  };
}
