/** What one instance tells the others. Events carry no state: receivers re-read the store. */
export type ClusterEvent =
  | { type: "access"; documentId: string; userId: string }
  | { type: "settings"; documentId: string }
  /** A session was ended (logout): its sockets close with 4401. `sessionId` is the token hash, never the token. */
  | { type: "sessionEnded"; sessionId: string }
  /** An account was deactivated: all its sockets close with 4401. */
  | { type: "userDeactivated"; userId: string }
  /** An account may sign in again: forget that it was deactivated (new sockets are welcome). */
  | { type: "userReactivated"; userId: string }
  /** The password changed or was reset: every socket of the user closes with 4401, except the session `keep`'s. */
  | { type: "userSignedOut"; userId: string; keep: string | null };

/** Receives what other instances relay about one document. */
export interface DocumentHandlers {
  /** Updates stored by another instance, with their sequence numbers: one commit's of this document, in order. */
  updates(updates: readonly { seq: number; data: Uint8Array }[]): void;
  awareness(data: Uint8Array): void;
}

/**
 * Fan-out between Accord instances. In-process by default (one instance: nothing to relay);
 * Redis when several instances share a PostgreSQL store. Delivery is fire-and-forget:
 * receivers detect gaps by sequence number and read what they missed from the store.
 * Nothing an instance publishes comes back to it.
 */
export interface PubSub {
  /** True when other instances may exist (the rooms then also check the store for gaps). */
  readonly distributed: boolean;
  publishUpdate(documentId: string, seq: number, data: Uint8Array): void;
  publishAwareness(documentId: string, data: Uint8Array): void;
  publishEvent(event: ClusterEvent): void;
  /** Starts receiving a document's messages; returns the way to stop. */
  subscribe(documentId: string, handlers: DocumentHandlers): () => void;
  onEvent(handler: (event: ClusterEvent) => void): void;
  /** Called after the connection to the broker was (re)established: messages may have been lost. */
  onReconnected(handler: () => void): void;
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

/** One instance, nothing to relay. */
export class LocalPubSub implements PubSub {
  readonly distributed = false;
  publishUpdate(): void {}
  publishAwareness(): void {}
  publishEvent(): void {}
  subscribe(): () => void {
    return () => {};
  }
  onEvent(): void {}
  onReconnected(): void {}
  async healthy(): Promise<boolean> {
    return true;
  }
  async close(): Promise<void> {}
}
