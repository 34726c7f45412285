import type { PubSub } from "../pubsub/PubSub.ts";

/** What the registry does when another instance tells it something. */
export interface ClusterReactions {
  /** A user's access to a document changed: their connections are renewed. */
  accessChanged(documentId: string, userId: string): void;
  /** A document's settings (acceptance, lock) changed: its room re-reads them. */
  settingsChanged(documentId: string): void;
  /** The broker was away: relayed updates and events may be lost, so every room checks again. */
  reconnected(): void;
}

/** Routes the cluster's events to the registry. Events carry no state: receivers re-read the store. */
export function followClusterEvents(pubsub: PubSub, reactions: ClusterReactions): void {
  pubsub.onEvent((event) => {
    if (event.type === "access") reactions.accessChanged(event.documentId, event.userId);
    else if (event.type === "settings") reactions.settingsChanged(event.documentId);
  });
  pubsub.onReconnected(() => reactions.reconnected());
}
