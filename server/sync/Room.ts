import * as decoding from "lib0/decoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { CloseCode, closeReason } from "../../shared/protocol/closeCodes.ts";
import { MessageType } from "../../shared/protocol/messageTypes.ts";
import type { Role } from "../../shared/roles.ts";
import type { Logger } from "../log.ts";
import type { AuditNote, Validator } from "../policy/Change.ts";
import { UpdatePolicy } from "../policy/UpdatePolicy.ts";
import { AwarenessGate } from "./AwarenessGate.ts";
import { Connection } from "./Connection.ts";
import type { CommitListener, Committed, GroupCommit } from "./GroupCommit.ts";
import {
  awarenessMessage,
  permissionDeniedMessage,
  syncStep1Message,
  syncStep2Message,
  updateMessage,
} from "./messages.ts";
import type { UpdatesSince } from "./UpdateLog.ts";
import { checkUpdate, MalformedUpdateError, missingDependency } from "./updateCheck.ts";

/** A frame that breaks the protocol; the connection is closed with BadMessage. */
export class BadMessageError extends Error {
  override name = "BadMessageError";
}

/** Origin of the transaction that loads stored state; its update event is not persisted again. */
export const LOAD_ORIGIN = Symbol("load");

/** Origin of an update or awareness change relayed from another instance: already stored, not sent on. */
const REMOTE_ORIGIN = Symbol("remote");

/** Origin of a change the server makes in someone's name. */
class ServerChange {
  constructor(readonly userId: string) {}
}

// y-protocols/sync message subtypes.
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export interface RoomOptions {
  commit: GroupCommit;
  log: Logger;
  /** Called when the last connection leaves. */
  onEmpty(room: Room): void;
  /** Called when the room can no longer vouch for its state (a commit failed). */
  onBroken(room: Room): void;
  /** Called after updates of this room were committed, with their sequence numbers (for other instances). */
  onCommitted?(room: Room, updates: { seq: number; data: Uint8Array }[]): void;
  /** Sequence number of the last update in the state the room was loaded from. */
  lastSeq?: number;
  /** Reads the log after a sequence number, to catch up with updates another instance stored. */
  readSince?(afterSeq: number): Promise<UpdatesSince>;
  /** Called with each awareness change made here (not one relayed from another instance). */
  onLocalAwareness?(room: Room, update: Uint8Array): void;
  /** The policy's validators; the default set if omitted. */
  validators?: readonly Validator[];
  /** A connection must start the sync handshake within this time. */
  handshakeTimeoutMs?: number;
  /** Called when the policy refused a connection's update. */
  onRefused?(room: Room, conn: Connection, reason: string): void;
  /** Called for accepted changes the policy wants on record (e.g. a thread resolved). */
  onAudit?(room: Room, conn: Connection, note: AuditNote): void;
}

type Handler = (conn: Connection, decoder: decoding.Decoder) => void;

/**
 * One open document: the live Y.Doc, its awareness and its connections. Every change a
 * connection makes is committed to the store before any peer sees it: outgoing frames
 * that may carry uncommitted state wait in the outbox until the group commit has
 * finished (`committed`).
 */
export class Room implements CommitListener {
  readonly awareness: awarenessProtocol.Awareness;
  /** Who may write which awareness entries, how large and how often. */
  private readonly awarenessGate: AwarenessGate;
  private readonly connections = new Set<Connection>();
  private readonly outbox: { ticket: number; deliver: () => void }[] = [];
  private lastTicket = 0;
  private committedTicket = 0;
  /** While a client update is being applied, the updates Yjs emits for it are held here. */
  private held: { update: Uint8Array; origin: unknown }[] | null = null;
  private destroyed = false;
  private readonly policy: UpdatePolicy;
  /** The document's setting, kept current by the registry (see `RoomRegistry.refreshSettings`). */
  crossPartyAcceptance = false;
  /** A milestone awaits approval: every content change is refused. */
  locked = false;
  /** Highest sequence number up to which every stored update is in the live doc. */
  private lastSeq: number;
  /** Stored updates applied beyond a gap (own commits, or relayed out of order). */
  private readonly ahead = new Set<number>();
  private catchingUp: Promise<void> | null = null;
  private catchUpAgain = false;
  private readonly handlers: Record<number, Handler> = {
    [MessageType.Sync]: (conn, d) => this.onSync(conn, d),
    [MessageType.Awareness]: (conn, d) => this.onAwareness(conn, d),
    [MessageType.QueryAwareness]: (conn) => {
      // Each answer carries every state: a flood of queries would multiply the room's awareness.
      if (this.awarenessGate.mayQuery(conn))
        this.deliver([conn], awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
    },
  };

  constructor(
    readonly documentId: string,
    readonly doc: Y.Doc,
    private readonly options: RoomOptions,
  ) {
    this.policy = new UpdatePolicy(doc, options.validators);
    this.lastSeq = options.lastSeq ?? 0;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null); // the server has no caret
    this.awarenessGate = new AwarenessGate(this.awareness, options.log);
    doc.on("update", (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  get size(): number {
    return this.connections.size;
  }

  /** True while some update of this room is enqueued but not yet committed. */
  get hasUncommitted(): boolean {
    return this.lastTicket > this.committedTicket;
  }

  join(conn: Connection): void {
    this.connections.add(conn);
    conn.expectHandshake(this.options.handshakeTimeoutMs ?? 10_000, () =>
      conn.close(CloseCode.HandshakeTimeout, closeReason[CloseCode.HandshakeTimeout]),
    );
    this.deliver([conn], syncStep1Message(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) this.deliver([conn], awarenessMessage(this.awareness, states));
  }

  leave(conn: Connection): void {
    conn.handshakeDone();
    if (!this.connections.delete(conn) || this.destroyed) return;
    this.awarenessGate.leave(conn);
    if (this.connections.size === 0) this.options.onEmpty(this);
  }

  /** Handles one binary frame from `conn`. A frame that breaks the protocol closes that connection only. */
  receive(conn: Connection, frame: Uint8Array): void {
    if (!conn.isOpen || this.destroyed) return;
    try {
      const decoder = decoding.createDecoder(frame);
      const type = decoding.readVarUint(decoder);
      const handler = this.handlers[type];
      if (!handler) throw new BadMessageError(`unknown message type ${type}`);
      handler(conn, decoder);
      if (decoding.hasContent(decoder)) throw new BadMessageError("trailing bytes after message");
    } catch (err) {
      const reason =
        err instanceof BadMessageError || err instanceof MalformedUpdateError ? err.message : "malformed frame";
      this.options.log.warn("closing connection after bad frame", {
        documentId: this.documentId,
        userId: conn.user.id,
        reason,
        error: err instanceof Error ? err.message : String(err),
      });
      conn.close(CloseCode.BadMessage, `${closeReason[CloseCode.BadMessage]}: ${reason}`.slice(0, 120));
    }
  }

  /** Closes the connections of one user, e.g. when their role changed. */
  closeUser(userId: string, code: number, reason: string): void {
    for (const conn of [...this.connections]) if (conn.user.id === userId) conn.close(code, reason);
  }

  /** Closes every connection, e.g. on shutdown; the clients reconnect. */
  closeAll(code: number, reason: string): void {
    for (const conn of [...this.connections]) conn.close(code, reason);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.awareness.off("update", this.onAwarenessUpdate);
    this.awarenessGate.destroy();
    this.awareness.destroy();
    this.policy.destroy();
    this.doc.destroy();
  }

  committed(ticket: number, results: Committed[]): void {
    if (results.some((r) => r.seq === null)) {
      this.lockedOut();
      return;
    }
    this.committedTicket = Math.max(this.committedTicket, ticket);
    while (this.outbox.length > 0 && (this.outbox[0]?.ticket ?? 0) <= this.committedTicket) {
      this.outbox.shift()?.deliver();
    }
    const stored = results.map((r) => ({ seq: r.seq ?? 0, data: r.data }));
    for (const { seq } of stored) this.noteSeq(seq);
    this.options.onCommitted?.(this, stored);
  }

  /**
   * An update another instance stored, relayed with its sequence number. The next one in
   * line is applied; one after a gap (a relayed message was lost) makes the room read what
   * it missed from the store, never ask other servers for their state.
   */
  receiveRemote(seq: number, update: Uint8Array): void {
    if (this.destroyed || seq <= this.lastSeq || this.ahead.has(seq)) return;
    if (seq !== this.lastSeq + 1) {
      this.catchUpInBackground();
      return;
    }
    this.applyRemote(update);
    this.noteSeq(seq);
  }

  /** Reads and applies everything stored after what this room has; one read at a time. */
  catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return this.catchingUp;
    }
    const read = this.options.readSince;
    if (!read || this.destroyed) return Promise.resolve();
    this.catchingUp = (async () => {
      do {
        this.catchUpAgain = false;
        const since = await read(this.lastSeq);
        if (this.destroyed) return;
        if (since.snapshot) this.applyRemote(since.snapshot);
        for (const u of since.updates) if (u.seq > this.lastSeq && !this.ahead.has(u.seq)) this.applyRemote(u.data);
        this.lastSeq = Math.max(this.lastSeq, since.lastSeq);
        for (const seq of this.ahead) if (seq <= this.lastSeq) this.ahead.delete(seq);
        this.noteSeq(this.lastSeq);
      } while (this.catchUpAgain && !this.destroyed);
    })().finally(() => {
      this.catchingUp = null;
    });
    return this.catchingUp;
  }

  /**
   * `catchUp` for callers that do not wait: a store that cannot be read now is logged, and
   * the next relayed update, reconnect or gap check tries again.
   */
  catchUpInBackground(): void {
    this.catchUp().catch((err: unknown) =>
      this.options.log.warn("catch-up from the store failed; retried later", {
        documentId: this.documentId,
        error: err instanceof Error ? err.message : String(err),
      }),
    );
  }

  /** Each connected user once, with the role their connection was opened with. */
  connectedRoles(): Map<string, Role> {
    const roles = new Map<string, Role>();
    for (const c of this.connections) roles.set(c.user.id, c.role);
    return roles;
  }

  /** The sequence number this room is complete up to (for tests and metrics). */
  get completeUpTo(): number {
    return this.lastSeq;
  }

  /** An awareness change relayed from another instance: shown to this instance's connections. */
  receiveRemoteAwareness(update: Uint8Array): void {
    if (this.destroyed) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
  }

  private noteSeq(seq: number): void {
    if (seq > this.lastSeq + 1) this.ahead.add(seq);
    else if (seq === this.lastSeq + 1) this.lastSeq = seq;
    while (this.ahead.delete(this.lastSeq + 1)) this.lastSeq++;
  }

  private applyRemote(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
  }

  /**
   * The store refused this room's updates: the document was locked (by a milestone
   * requested, perhaps, on another instance). The live doc holds changes the store does
   * not, so the room is dropped and every client renews its connection and learns of the lock.
   */
  private lockedOut(): void {
    // What this room queued since may depend on the refused updates: none of it is stored.
    this.options.commit.withdraw(this);
    this.outbox.length = 0;
    this.locked = true;
    this.options.log.warn("updates refused by the locked log; room reloads", { documentId: this.documentId });
    this.closeAll(CloseCode.PermissionsChanged, closeReason[CloseCode.PermissionsChanged]);
    this.options.onBroken(this);
  }

  commitFailed(error: unknown): void {
    // The live doc now holds changes the store does not: drop both the outbox and the
    // room, so nothing uncommitted ever reaches a peer; clients reconnect and resync. What
    // it queued since may depend on the failed updates: none of it is stored either.
    this.options.commit.withdraw(this);
    this.outbox.length = 0;
    this.options.log.error("room dropped after failed commit", { documentId: this.documentId, error: String(error) });
    this.closeAll(CloseCode.StorageUnavailable, closeReason[CloseCode.StorageUnavailable]);
    this.options.onBroken(this);
  }

  private onSync(conn: Connection, decoder: decoding.Decoder): void {
    conn.handshakeDone();
    const subtype = decoding.readVarUint(decoder);
    switch (subtype) {
      case SYNC_STEP1: {
        const stateVector = decoding.readVarUint8Array(decoder);
        Y.decodeStateVector(stateVector); // throws on garbage before we answer
        this.deliver([conn], syncStep2Message(this.doc, stateVector));
        return;
      }
      case SYNC_STEP2:
      case SYNC_UPDATE:
        this.applyClientUpdate(conn, decoding.readVarUint8Array(decoder));
        return;
      default:
        throw new BadMessageError(`unknown sync message type ${subtype}`);
    }
  }

  private applyClientUpdate(conn: Connection, update: Uint8Array): void {
    const decoded = checkUpdate(update);
    // Sync step 2 of a client with nothing new is an empty update; not a change, for any role.
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
    if (conn.role === "viewer") {
      this.refuse(conn, "viewers cannot change the document");
      return;
    }
    const missing = missingDependency(decoded, (client) => Y.getState(this.doc.store, client));
    if (missing) {
      this.resync(conn, missing);
      return;
    }
    let verdict: ReturnType<UpdatePolicy["evaluate"]>;
    try {
      verdict = this.policy.evaluate({ user: conn.user, role: conn.role }, update, {
        crossPartyAcceptance: this.crossPartyAcceptance,
        locked: this.locked,
        now: Date.now(),
      });
    } catch (err) {
      throw new MalformedUpdateError(`update does not integrate: ${(err as Error).message}`);
    }
    if (!verdict.ok) {
      if (verdict.missingDependencies) this.resync(conn, verdict.reason);
      else this.refuse(conn, verdict.reason);
      return;
    }
    // An update can decode cleanly and still throw half-way through integration, after
    // Yjs has already emitted the part it applied. Hold what it emits until the apply
    // has returned, so a failed apply commits and sends nothing.
    this.held = [];
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch (err) {
      this.held = null;
      this.reload(conn, err);
      return;
    }
    const emitted = this.held;
    this.held = null;
    // Only the client's own transaction is echo-free; a transaction Yjs adds after it
    // (formatting cleanup, in the server's name) is news to the sender as well.
    // The policy saw what the update changes on the shadow: a comment-only one is stored even
    // while the document is locked (the lock rule refused any content change already).
    const commentsOnly = !verdict.contentChanged;
    for (const u of emitted) this.accept(u.update, u.origin === conn ? conn : null, conn.user.id, commentsOnly);
    for (const note of verdict.audit) this.options.onAudit?.(this, conn, note);
  }

  /**
   * Refuses an update that would wait for clocks the document does not have: nothing ever
   * waits in a room. The connection is closed with a code on which clients reconnect
   * keeping their copy (stock y-websocket too: 45xx is "try again"); an honest client then
   * answers the server's sync step 1 with everything the server lacks, dependencies first.
   */
  private resync(conn: Connection, reason: string): void {
    this.options.log.warn("update with missing dependencies refused", {
      documentId: this.documentId,
      userId: conn.user.id,
      reason,
    });
    conn.close(CloseCode.MissingDependencies, `${closeReason[CloseCode.MissingDependencies]}: ${reason}`.slice(0, 120));
  }

  /**
   * Refuses a change: the client learns why (y-protocols auth "permission denied"), the
   * refusal is audited, and the connection is reset, because Yjs clocks are contiguous
   * per client and every later update of that client would wait for the refused one.
   */
  private refuse(conn: Connection, reason: string): void {
    this.options.log.warn("update refused", {
      documentId: this.documentId,
      userId: conn.user.id,
      role: conn.role,
      reason,
    });
    conn.send(permissionDeniedMessage(reason));
    this.options.onRefused?.(this, conn, reason);
    conn.close(CloseCode.UpdateRefused, `${closeReason[CloseCode.UpdateRefused]}: ${reason}`.slice(0, 120));
  }

  private onAwareness(conn: Connection, decoder: decoding.Decoder): void {
    this.awarenessGate.receive(conn, decoding.readVarUint8Array(decoder));
  }

  /**
   * A change the server makes itself (restoring a version's text): applied to the live doc,
   * committed and sent like a client's, in the name of `userId`; not judged by the policy.
   */
  applyServerChange(userId: string, change: (doc: Y.Doc) => void): void {
    this.doc.transact(() => change(this.doc), new ServerChange(userId));
  }

  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === LOAD_ORIGIN) return;
    if (origin === REMOTE_ORIGIN) {
      // Stored by another instance already: the policy's shadow follows, peers here get it.
      this.policy.follow(update);
      this.deliver([...this.connections], updateMessage(update));
      return;
    }
    if (origin instanceof ServerChange) {
      this.policy.follow(update);
      this.accept(update, null, origin.userId);
      return;
    }
    if (this.held) this.held.push({ update, origin });
    else this.accept(update, origin instanceof Connection ? origin : null);
  }

  /**
   * The live doc may now hold part of an update that will never be stored. Drop the room
   * (its state is the store's again on the next load) and let every client resync.
   */
  private reload(offender: Connection, error: unknown): void {
    this.options.log.warn("update failed to integrate; reloading room", {
      documentId: this.documentId,
      userId: offender.user.id,
      error: error instanceof Error ? error.message : String(error),
    });
    offender.close(CloseCode.BadMessage, `${closeReason[CloseCode.BadMessage]}: update does not integrate`);
    this.outbox.length = 0;
    this.closeAll(CloseCode.RoomReloaded, closeReason[CloseCode.RoomReloaded]);
    this.options.onBroken(this);
  }

  /** Enqueues an integrated update for commit and for the peers of `conn`. */
  private accept(
    update: Uint8Array,
    conn: Connection | null,
    userId: string | null = conn?.user.id ?? null,
    commentsOnly = false,
  ): void {
    this.lastTicket = this.options.commit.enqueue(
      { documentId: this.documentId, data: update, userId, commentsOnly },
      this,
    );
    const peers = [...this.connections].filter((c) => c !== conn);
    this.deliver(peers, updateMessage(update));
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    const message = awarenessMessage(this.awareness, changed);
    this.deliver([...this.connections], message);
    if (origin !== REMOTE_ORIGIN && this.options.onLocalAwareness) {
      this.options.onLocalAwareness(this, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    }
  };

  /** Sends now if nothing is awaiting commit, else after the pending commit. Order is kept. */
  private deliver(targets: Connection[], frame: Uint8Array): void {
    if (targets.length === 0) return;
    const send = () => {
      for (const c of targets) c.send(frame);
    };
    if (this.hasUncommitted || this.outbox.length > 0) this.outbox.push({ ticket: this.lastTicket, deliver: send });
    else send();
  }
}
