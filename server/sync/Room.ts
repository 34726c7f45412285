import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { CloseCode, closeReason } from "../../shared/protocol/closeCodes.ts";
import { MessageType } from "../../shared/protocol/messageTypes.ts";
import type { Role } from "../../shared/roles.ts";
import type { Logger } from "../log.ts";
import type { AuditNote, Validator } from "../policy/Change.ts";
import type { AcceptedObserver } from "./AcceptedObserver.ts";
import { ClusterFollower } from "./ClusterFollower.ts";
import type { Connection } from "./Connection.ts";
import type { CommitListener, Committed, GroupCommit } from "./GroupCommit.ts";
import {
  readAwarenessMessage,
  readMessageType,
  readSyncMessage,
  syncStep1Message,
  syncStep2Message,
  updateMessage,
} from "./messages.ts";
import { Outbox } from "./Outbox.ts";
import { LOAD_ORIGIN, REMOTE_ORIGIN } from "./origins.ts";
import { ProtocolError } from "./ProtocolError.ts";
import { RoomAwareness } from "./RoomAwareness.ts";
import type { DocumentFlags } from "./SyncPorts.ts";
import { applyServerChange, ServerChange } from "./serverChange.ts";
import { type Accepted, UpdateGate } from "./UpdateGate.ts";
import type { UpdatesSince } from "./UpdateLog.ts";

/** What a room tells its owner (the registry). */
export interface RoomHooks {
  /** The last connection left. */
  empty(room: Room): void;
  /** The room can no longer vouch for its state (a commit failed or was refused, an apply broke). */
  broken(room: Room): void;
  /** Updates of this room were committed, with their sequence numbers (for other instances). */
  committed(room: Room, updates: { seq: number; data: Uint8Array }[]): void;
  /** An awareness change made here (not one relayed from another instance), for the others. */
  awareness(room: Room, update: Uint8Array): void;
  /** The policy refused a connection's update. */
  refused(room: Room, conn: Connection, reason: string): void;
  /** An accepted change the policy wants on record (e.g. a thread resolved). */
  audit(room: Room, conn: Connection, note: AuditNote): void;
}

export interface RoomOptions {
  commit: GroupCommit;
  log: Logger;
  hooks: RoomHooks;
  /** The document's settings as the room opens; the registry replaces them when they change. */
  flags?: DocumentFlags;
  /** Sequence number of the last update in the state the room was loaded from. */
  lastSeq?: number;
  /** Reads the log after a sequence number, to catch up with updates another instance stored. */
  readSince?(afterSeq: number): Promise<UpdatesSince>;
  /** The policy's validators; the default set if omitted. */
  validators?: readonly Validator[];
  /** A connection must start the sync handshake within this time. */
  handshakeTimeoutMs?: number;
  /** Told of every client update the live doc took; may answer with a server change. */
  observers?: readonly AcceptedObserver[];
}

type Handler = (conn: Connection, decoder: decoding.Decoder) => void;

/** A client's state vector raised to what it was sent already (each client's clock, the higher one). */
function withDelivered(stateVector: Uint8Array, delivered: Map<number, number>): Uint8Array {
  const known = Y.decodeStateVector(stateVector);
  for (const [client, clock] of delivered) known.set(client, Math.max(clock, known.get(client) ?? 0));
  return Y.encodeStateVector(known);
}

/**
 * One open document: the live Y.Doc and its connections. A room joins and lets go of
 * connections and dispatches their frames; every change a connection makes passes the
 * policy, is committed to the store and only then reaches a peer (the outbox).
 */
export class Room implements CommitListener {
  /** The document's settings the policy judges by, replaced as a whole by the registry. */
  flags: DocumentFlags;
  /** Where the live doc stands in the stored log, with other instances appending to it. */
  readonly follower: ClusterFollower;
  /** Carets and selections, and who may write which. */
  readonly presence: RoomAwareness;
  private readonly connections = new Set<Connection>();
  private readonly outbox = new Outbox();
  private readonly gate: UpdateGate;
  /** What a connection was sent before it joined (the stored state, see `answerFromStore`), until its sync step 1. */
  private readonly delivered = new WeakMap<Connection, Map<number, number>>();
  private destroyed = false;
  /** The transactions a client update being received made on the live doc; null outside a receive. */
  private observed: Y.Transaction[] | null = null;
  /** The audit notes the policy made of the client update being applied, for the observers. */
  private observedNotes: AuditNote[] = [];
  private readonly handlers: Record<number, Handler> = {
    [MessageType.Sync]: (conn, d) => this.onSync(conn, d),
    [MessageType.Awareness]: (conn, d) => this.presence.receive(conn, readAwarenessMessage(d)),
    [MessageType.QueryAwareness]: (conn) => this.presence.query(conn),
  };

  constructor(
    readonly documentId: string,
    readonly doc: Y.Doc,
    private readonly options: RoomOptions,
  ) {
    this.flags = options.flags ?? { crossPartyAcceptance: false, locked: false, final: false, parties: [] };
    this.follower = new ClusterFollower({
      documentId,
      log: options.log,
      lastSeq: options.lastSeq ?? 0,
      readSince: options.readSince,
      // One transaction: the gate follows and relays the stored updates as one.
      apply: (updates) =>
        Y.transact(
          doc,
          () => {
            for (const update of updates) Y.applyUpdate(doc, update, REMOTE_ORIGIN);
          },
          REMOTE_ORIGIN,
        ),
      isDestroyed: () => this.destroyed,
    });
    this.presence = new RoomAwareness(doc, options.log, {
      broadcast: (frame) => this.outbox.deliver([...this.connections], frame),
      sendTo: (conn, frame) => this.outbox.deliver([conn], frame),
      published: (update) => options.hooks.awareness(this, update),
    });
    this.gate = new UpdateGate(
      documentId,
      doc,
      options.log,
      {
        accepted: (accepted) => this.accept(accepted),
        relayed: (update) => this.outbox.deliver([...this.connections], updateMessage(update)),
        refused: (conn, reason) => options.hooks.refused(this, conn, reason),
        audit: (conn, note) => {
          if (this.observed) this.observedNotes.push(note);
          options.hooks.audit(this, conn, note);
        },
        broken: () => this.reload(),
      },
      options.validators,
    );
    if (options.observers?.length) {
      doc.on("afterTransaction", (tr: Y.Transaction) => {
        if (
          this.observed &&
          !(tr.origin instanceof ServerChange) &&
          tr.origin !== REMOTE_ORIGIN &&
          tr.origin !== LOAD_ORIGIN
        )
          this.observed.push(tr);
      });
    }
  }

  get size(): number {
    return this.connections.size;
  }

  /** True while some update of this room is enqueued but not yet committed. */
  get hasUncommitted(): boolean {
    return this.outbox.hasUncommitted;
  }

  /**
   * Takes a connection in. `delivered`: the state vector of what it was sent already (the
   * stored state this room was built from), so that its sync step 1 is answered with only
   * what the room has beyond that: frames to one client keep their order, so by then it has it.
   */
  join(conn: Connection, delivered?: Map<number, number>): void {
    this.connections.add(conn);
    if (delivered) this.delivered.set(conn, delivered);
    conn.expectHandshake(this.options.handshakeTimeoutMs ?? 10_000, () =>
      conn.close(CloseCode.HandshakeTimeout, closeReason[CloseCode.HandshakeTimeout]),
    );
    this.outbox.deliver([conn], syncStep1Message(this.doc));
    const states = this.presence.statesMessage();
    if (states) this.outbox.deliver([conn], states);
  }

  leave(conn: Connection): void {
    conn.handshakeDone();
    if (!this.connections.delete(conn) || this.destroyed) return;
    this.presence.leave(conn);
    if (this.connections.size === 0) this.options.hooks.empty(this);
  }

  /** Handles one binary frame from `conn`. A frame that breaks the protocol closes that connection only. */
  receive(conn: Connection, frame: Uint8Array): void {
    if (!conn.isOpen || this.destroyed) return;
    try {
      const decoder = decoding.createDecoder(frame);
      const type = readMessageType(decoder);
      const handler = this.handlers[type];
      if (!handler) throw new ProtocolError(CloseCode.BadMessage, `unknown message type ${type}`);
      handler(conn, decoder);
      if (decoding.hasContent(decoder)) throw new ProtocolError(CloseCode.BadMessage, "trailing bytes after message");
    } catch (err) {
      // lib0's own reads throw plain errors on truncated frames: those are bad messages too.
      const problem = err instanceof ProtocolError ? err : new ProtocolError(CloseCode.BadMessage, "malformed frame");
      this.options.log.warn("closing connection after bad frame", {
        documentId: this.documentId,
        userId: conn.user.id,
        reason: problem.detail,
        error: err instanceof Error ? err.message : String(err),
      });
      conn.close(problem.code, problem.closeReason);
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
    this.presence.destroy();
    this.gate.destroy();
    this.doc.destroy();
  }

  /** Each connected user once, with the role their connection was opened with. */
  connectedRoles(): Map<string, Role> {
    const roles = new Map<string, Role>();
    for (const c of this.connections) roles.set(c.user.id, c.role);
    return roles;
  }

  committed(ticket: number, results: Committed[]): void {
    if (results.some((r) => r.seq === null)) {
      this.lockedOut();
      return;
    }
    this.outbox.committed(ticket);
    const stored = results.map((r) => ({ seq: r.seq ?? 0, data: r.data }));
    for (const { seq } of stored) this.follower.noteSeq(seq);
    this.options.hooks.committed(this, stored);
  }

  commitFailed(error: unknown): void {
    this.options.log.error("room dropped after failed commit", { documentId: this.documentId, error: String(error) });
    this.dropUncommitted(CloseCode.StorageUnavailable);
  }

  /**
   * The store refused this room's updates: the document was locked (by a milestone
   * requested, perhaps, on another instance). The live doc holds changes the store does
   * not, so the room is dropped and every client renews its connection and learns of the lock.
   */
  private lockedOut(): void {
    this.flags = { ...this.flags, locked: true };
    this.options.log.warn("updates refused by the locked log; room reloads", { documentId: this.documentId });
    this.dropUncommitted(CloseCode.RenewConnection);
  }

  /**
   * The live doc now holds changes the store does not: drop both the outbox and the room,
   * so nothing uncommitted ever reaches a peer; clients reconnect and resync. What the
   * room queued since may depend on the lost updates: none of it is stored either.
   */
  private dropUncommitted(code: CloseCode): void {
    this.options.commit.withdraw(this);
    this.outbox.discard();
    this.closeAll(code, closeReason[code]);
    this.options.hooks.broken(this);
  }

  private onSync(conn: Connection, decoder: decoding.Decoder): void {
    conn.handshakeDone();
    const message = readSyncMessage(decoder);
    if (message.type === "step1") {
      const delivered = this.delivered.get(conn);
      this.delivered.delete(conn);
      const known = delivered ? withDelivered(message.stateVector, delivered) : message.stateVector;
      this.outbox.deliver([conn], syncStep2Message(this.doc, known));
      return;
    }
    if (!this.options.observers?.length) {
      this.gate.receive(conn, message.update, this.flags);
      return;
    }
    this.observed = [];
    this.observedNotes = [];
    try {
      this.gate.receive(conn, message.update, this.flags);
    } finally {
      const transactions = this.observed;
      const audit = this.observedNotes;
      this.observed = null;
      this.observedNotes = [];
      if (transactions.length > 0 && !this.destroyed) this.notifyObservers(conn, transactions, audit);
    }
  }

  /** Runs the observers on an accepted update; their follow-ups are server changes, committed after it. */
  private notifyObservers(conn: Connection, transactions: Y.Transaction[], audit: readonly AuditNote[]): void {
    for (const observe of this.options.observers ?? []) {
      const followUp = observe({
        documentId: this.documentId,
        userId: conn.user.id,
        parties: this.flags.parties,
        doc: this.doc,
        transactions,
        audit,
      });
      if (!followUp) continue;
      applyServerChange(this.doc, conn.user.id, followUp.change);
      this.options.hooks.audit(this, conn, followUp.audit);
    }
  }

  /**
   * The live doc may now hold part of an update that will never be stored. Drop the room
   * (its state is the store's again on the next load) and let every client resync.
   */
  private reload(): void {
    this.outbox.discard();
    this.closeAll(CloseCode.RoomReloaded, closeReason[CloseCode.RoomReloaded]);
    this.options.hooks.broken(this);
  }

  /** Enqueues an update the live doc took for commit, and for every connection but its sender. */
  private accept({ update, from, userId, commentsOnly }: Accepted): void {
    this.outbox.enqueued(
      this.options.commit.enqueue({ documentId: this.documentId, data: update, userId, commentsOnly }, this),
    );
    const peers = [...this.connections].filter((c) => c !== from);
    this.outbox.deliver(peers, updateMessage(update));
  }
}
