/**
 * WebSocket close codes of the collaboration endpoint, shared by server and client.
 * 4xxx codes are ours (see PROTOCOL.md); 1009 and 1012 are the standard ones we use.
 * The client decides from the code whether to reconnect, sign in again, or give up.
 */
export const CloseCode = {
  /** Frame larger than the configured limit (the `ws` library's maxPayload). */
  MessageTooLarge: 1009,
  /** The server is shutting down; reconnect, possibly to another instance. */
  ServerRestarting: 1012,
  /** Malformed frame, text frame, unknown message type or an update that fails to decode. */
  BadMessage: 4400,
  /** No valid session (sent when the refusal happens after the upgrade). */
  Unauthorized: 4401,
  /** Signed in, but not a member of this document. */
  Forbidden: 4403,
  /** No document with this id. */
  DocumentNotFound: 4404,
  /**
   * The connection must be renewed: the user's role changed, or a milestone locked or
   * unlocked the document. Fetch the document again (role, lock), then reconnect.
   */
  RenewConnection: 4409,
  /** The connection did not start the sync handshake in time. */
  HandshakeTimeout: 4408,
  /** An update was refused by the policy: the client must drop its local copy and reload. */
  UpdateRefused: 4422,
  /** The stored state of the document could not be loaded; nothing was served or changed. */
  DocumentLoadFailed: 4500,
  /** The room was reloaded from the store after an update failed to integrate; reconnect. */
  RoomReloaded: 4501,
  /** The store refused to commit; the update was not accepted. */
  StorageUnavailable: 4503,
  /**
   * An update depended on changes the server does not have (HTTP 412 "precondition failed",
   * in the 45xx "try again" range that stock y-websocket reconnects on); nothing of it was
   * applied. Reconnect keeping the local copy: sync step 2 then sends the missing changes.
   */
  MissingDependencies: 4512,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Human-readable reasons, sent as the close reason (at most 123 bytes by the WebSocket spec). */
export const closeReason: Record<CloseCode, string> = {
  [CloseCode.MessageTooLarge]: "message too large",
  [CloseCode.ServerRestarting]: "server restarting",
  [CloseCode.BadMessage]: "bad message",
  [CloseCode.Unauthorized]: "not signed in",
  [CloseCode.Forbidden]: "not a member of this document",
  [CloseCode.DocumentNotFound]: "document not found",
  [CloseCode.RenewConnection]: "renew the connection: role or lock changed",
  [CloseCode.HandshakeTimeout]: "sync handshake not started in time",
  [CloseCode.UpdateRefused]: "reset: a change was not accepted",
  [CloseCode.DocumentLoadFailed]: "document could not be loaded",
  [CloseCode.RoomReloaded]: "document reloaded; reconnect",
  [CloseCode.StorageUnavailable]: "storage unavailable",
  [CloseCode.MissingDependencies]: "resync: the update depends on changes the server does not have",
};

/** Codes after which reconnecting cannot help until the user acts (signs in, is invited). */
export const isFinalClose = (code: number): boolean =>
  code === CloseCode.Unauthorized ||
  code === CloseCode.Forbidden ||
  code === CloseCode.DocumentNotFound ||
  code === CloseCode.DocumentLoadFailed;
