import * as Y from "yjs";
import { CloseCode, closeReason } from "../../shared/protocol/closeCodes.ts";
import type { Logger } from "../log.ts";
import { LocalPubSub, type PubSub } from "../pubsub/PubSub.ts";
import type { AcceptedObserver } from "./AcceptedObserver.ts";
import { auditLater } from "./auditLater.ts";
import { CompactionSchedule } from "./CompactionSchedule.ts";
import { followClusterEvents } from "./clusterEvents.ts";
import type { GroupCommit } from "./GroupCommit.ts";
import { startGapChecks } from "./gapCheck.ts";
import { loadDoc } from "./loadDoc.ts";
import { withLockedRoom } from "./milestoneLock.ts";
import { Room, type RoomHooks } from "./Room.ts";
import { recheckRoles } from "./roleRecheck.ts";
import type { AuditRecord, DocumentFlags, SyncPorts } from "./SyncPorts.ts";
import { applyServerChange } from "./serverChange.ts";
import type { StoredState, UpdateLog } from "./UpdateLog.ts";

/** A copy of exactly the flags a room keeps (whatever else the port's answer carries). */
const roomFlags = (flags: DocumentFlags): DocumentFlags => ({
  crossPartyAcceptance: flags.crossPartyAcceptance,
  locked: flags.locked,
  final: flags.final,
  parties: flags.parties,
});

export interface RoomRegistryOptions {
  /** The sync layer's only storage. */
  updates: UpdateLog;
  /** Everything else it needs of the server: roles, document settings, audit, metrics. */
  ports: SyncPorts;
  commit: GroupCommit;
  log: Logger;
  /** How long an empty room stays loaded, so a reload does not pay the cold load again. */
  idleMs: number;
  /** Log rows after which the document is compacted. */
  compactThreshold: number;
  /** A connection must start the sync handshake within this time (default 10 s). */
  handshakeTimeoutMs?: number;
  /** Fan-out to other instances; in-process (none) by default. */
  pubsub?: PubSub;
  /** With other instances: how often a room checks the store for updates it missed (a lost relay message). */
  gapCheckMs?: number;
  /** Told of every client update a room took (e.g. the reset of settled sections). */
  observers?: readonly AcceptedObserver[];
}

interface Entry {
  room: Promise<Room>;
  /** While the room is read and not yet built: the stored state it is built from (see `loadingState`). */
  reading: Promise<StoredState | null> | null;
  /** The room once loaded; callbacks of an older, evicted room for the same document are ignored. */
  loaded: Room | null;
  compaction: CompactionSchedule | null;
  /** Stops relaying the document's messages from other instances. */
  unsubscribe: () => void;
  idleTimer: NodeJS.Timeout | null;
}

/**
 * The rooms in memory: loads each document once, unloads it when idle, and is the
 * server's one handle on open documents (access and settings changes, milestone locks,
 * server-made changes). Compaction, gap checks, role re-checks and cluster events each
 * live in a module of their own.
 */
export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly pubsub: PubSub;
  private readonly stopGapChecks: () => void = () => {};
  private readonly audit: (entry: AuditRecord) => void;

  constructor(private readonly options: RoomRegistryOptions) {
    const { ports, log } = options;
    this.pubsub = options.pubsub ?? new LocalPubSub();
    this.audit = auditLater(ports, log);
    followClusterEvents(this.pubsub, {
      accessChanged: (documentId, userId) => this.renewConnectionsOf(documentId, userId),
      settingsChanged: (documentId) => this.refreshInBackground(documentId),
      reconnected: () => {
        for (const room of this.loadedRooms()) {
          room.follower.catchUpInBackground();
          this.refreshInBackground(room.documentId);
          void recheckRoles(room, ports, log);
        }
      },
    });
    if (this.pubsub.distributed) {
      this.stopGapChecks = startGapChecks(() => this.loadedRooms(), options.updates, log, options.gapCheckMs ?? 2000);
    }
  }

  get openRooms(): number {
    return this.entries.size;
  }

  get connectionCount(): number {
    let n = 0;
    for (const entry of this.entries.values()) n += entry.loaded?.size ?? 0;
    return n;
  }

  /** Tells every instance that a user's access to a document changed, closing their connections here now. */
  accessChanged(documentId: string, userId: string): void {
    this.renewConnectionsOf(documentId, userId);
    this.pubsub.publishEvent({ type: "access", documentId, userId });
  }

  /** The room of a document, loading it if needed. Rejects with a 4500 ProtocolError for damaged data. */
  acquire(documentId: string): Promise<Room> {
    const existing = this.entries.get(documentId);
    if (existing) {
      if (existing.idleTimer) clearTimeout(existing.idleTimer);
      existing.idleTimer = null;
      return existing.room;
    }
    const { updates, ports } = this.options;
    const read = Promise.all([updates.loadState(documentId), ports.documentFlags(documentId)]);
    const entry: Entry = {
      room: this.load(documentId, read),
      reading: read.then(
        ([state]) => state,
        () => null,
      ),
      loaded: null,
      compaction: null,
      idleTimer: null,
      unsubscribe: () => {},
    };
    this.entries.set(documentId, entry);
    entry.room.catch(() => {
      // A failed load leaves nothing behind, so the next attempt reads the store again.
      if (this.entries.get(documentId) === entry) this.entries.delete(documentId);
    });
    return entry.room;
  }

  /**
   * The stored state the room of a document is being built from, while it is read and not
   * yet built (else null): a connection waiting for the room can answer its client from
   * these bytes (`answerFromStore`). Null, not a rejection, if the read fails.
   */
  loadingState(documentId: string): Promise<StoredState | null> | null {
    return this.entries.get(documentId)?.reading ?? null;
  }

  /**
   * Re-reads a document's flags into its open room, if any. When the lock changed, every
   * connection is renewed (4409) so that clients learn it and their editors follow.
   */
  async refreshSettings(documentId: string, options: { announce: boolean } = { announce: true }): Promise<void> {
    if (options.announce) this.pubsub.publishEvent({ type: "settings", documentId });
    const room = this.entries.get(documentId)?.loaded;
    if (!room) return;
    const flags = await this.options.ports.documentFlags(documentId);
    const lockChanged = room.flags.locked !== flags.locked || room.flags.final !== flags.final;
    room.flags = roomFlags(flags);
    if (lockChanged) room.closeAll(CloseCode.RenewConnection, closeReason[CloseCode.RenewConnection]);
  }

  /** Runs `work` on the live doc of a document locked for a milestone (see `withLockedRoom`). */
  async withLockedDocument<T>(documentId: string, work: (doc: Y.Doc) => Promise<T>): Promise<T> {
    const room = await this.acquire(documentId);
    try {
      const { commit, updates, log } = this.options;
      const announce = () => this.pubsub.publishEvent({ type: "settings", documentId });
      return await withLockedRoom(room, { commit, updates, announce, log }, work);
    } finally {
      this.releaseIfEmpty(room);
    }
  }

  /**
   * Makes a change in the document in `userId`'s name (restoring a version), committed and
   * sent like any other. False, changing nothing, while a milestone locks the document and
   * once it is final (the caller tells which from the chain).
   */
  async applyServerChange(documentId: string, userId: string, change: (doc: Y.Doc) => void): Promise<boolean> {
    const room = await this.acquire(documentId);
    try {
      if (room.flags.locked || room.flags.final) return false;
      applyServerChange(room.doc, userId, change);
      await this.options.commit.flush();
      return true;
    } finally {
      this.releaseIfEmpty(room);
    }
  }

  /** The document's live state (loading it if needed), as one Yjs update. */
  async currentState(documentId: string): Promise<Uint8Array> {
    const room = await this.acquire(documentId);
    try {
      return Y.encodeStateAsUpdate(room.doc);
    } finally {
      this.releaseIfEmpty(room);
    }
  }

  /** Call when a connection that acquired the room did not join it (e.g. it closed while loading). */
  releaseIfEmpty(room: Room): void {
    if (room.size === 0) this.scheduleUnload(room);
  }

  /** Closes every connection with `code` and unloads every room, compacting their logs. */
  async closeAll(code: number, reason: string): Promise<void> {
    const rooms = await Promise.allSettled([...this.entries.values()].map((e) => e.room));
    for (const r of rooms) if (r.status === "fulfilled") r.value.closeAll(code, reason);
    await this.options.commit.flush();
    for (const r of rooms) if (r.status === "fulfilled") await this.unload(r.value, true);
    this.stopGapChecks();
  }

  /** Renews the open connections of `userId` to `documentId`, if the document is loaded. */
  private renewConnectionsOf(documentId: string, userId: string): void {
    const code = CloseCode.RenewConnection;
    this.entries.get(documentId)?.loaded?.closeUser(userId, code, closeReason[code]);
  }

  private refreshInBackground(documentId: string): void {
    this.refreshSettings(documentId, { announce: false }).catch((err: unknown) =>
      this.options.log.warn("settings not refreshed", { documentId, error: String(err) }),
    );
  }

  private *loadedRooms(): Iterable<Room> {
    for (const entry of this.entries.values()) if (entry.loaded) yield entry.loaded;
  }

  private async load(documentId: string, read: Promise<[StoredState, DocumentFlags]>): Promise<Room> {
    const { updates, log } = this.options;
    const started = performance.now();
    // Building the live doc takes the thread about as long as a client takes to apply the
    // state: the connections waiting for it send the stored bytes first, in this turn.
    const [state, flags] = await read.finally(() => new Promise((resolve) => setImmediate(resolve)));
    const entry = this.entries.get(documentId);
    if (entry) entry.reading = null;
    const room = new Room(documentId, loadDoc(documentId, state), {
      commit: this.options.commit,
      log,
      hooks: this.hooks,
      flags: roomFlags(flags),
      lastSeq: state.lastSeq,
      readSince: (afterSeq) => updates.readUpdatesSince(documentId, afterSeq),
      handshakeTimeoutMs: this.options.handshakeTimeoutMs,
      observers: this.options.observers,
    });
    if (entry) {
      entry.loaded = room;
      const { compactThreshold } = this.options;
      entry.compaction = new CompactionSchedule(documentId, updates, log, compactThreshold, state.updates.length);
      entry.unsubscribe = this.pubsub.subscribe(documentId, {
        updates: (updates) => room.follower.receiveAll(updates),
        awareness: (data) => room.presence.receiveRemote(data),
      });
      // Anything stored between the load and the subscription is read once now.
      if (this.pubsub.distributed) room.follower.catchUpInBackground();
    }
    log.debug("room loaded", {
      documentId,
      updates: state.updates.length,
      snapshot: state.snapshot !== null,
      ms: +(performance.now() - started).toFixed(2),
    });
    return room;
  }

  /** What every room tells the registry; a room that is no longer the loaded one is ignored where it matters. */
  private readonly hooks: RoomHooks = {
    empty: (room) => this.scheduleUnload(room),
    broken: (room) => this.evict(room),
    committed: (room, updates) => {
      for (const u of updates) this.pubsub.publishUpdate(room.documentId, u.seq, u.data);
      this.entryOf(room)?.compaction?.committed(updates.length);
    },
    awareness: (room, update) => this.pubsub.publishAwareness(room.documentId, update),
    refused: (room, conn, reason) => {
      this.options.ports.refused();
      this.audit({
        documentId: room.documentId,
        userId: conn.user.id,
        action: "update.refused",
        detail: { reason, role: conn.role },
      });
    },
    audit: (room, conn, note) =>
      this.audit({ documentId: room.documentId, userId: conn.user.id, action: note.action, detail: note.detail }),
  };

  /** The registry entry of exactly this room, not of a newer room of the same document. */
  private entryOf(room: Room): Entry | null {
    const entry = this.entries.get(room.documentId);
    return entry?.loaded === room ? entry : null;
  }

  private scheduleUnload(room: Room): void {
    const entry = this.entryOf(room);
    if (!entry || entry.idleTimer) return;
    entry.idleTimer = setTimeout(() => {
      entry.idleTimer = null;
      if (room.size === 0) {
        this.unload(room).catch((err: unknown) =>
          this.options.log.error("room not unloaded", { documentId: room.documentId, error: String(err) }),
        );
      }
    }, this.options.idleMs);
    entry.idleTimer.unref();
  }

  /** Unloads an idle room; `force` (shutdown) also one whose connections are still closing. */
  private async unload(room: Room, force = false): Promise<void> {
    if (room.hasUncommitted) await this.options.commit.flush();
    const entry = this.entryOf(room);
    if (!entry || (room.size > 0 && !force)) return;
    this.evict(room);
    // Fold the tail now, so the next open is a single snapshot read.
    await entry.compaction?.finish();
  }

  private evict(room: Room): void {
    const entry = this.entryOf(room);
    if (entry?.idleTimer) clearTimeout(entry.idleTimer);
    entry?.unsubscribe();
    if (entry) this.entries.delete(room.documentId);
    room.destroy();
  }
}
