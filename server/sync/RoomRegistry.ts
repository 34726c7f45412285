import * as Y from "yjs";
import { CloseCode, closeReason } from "../../shared/protocol/closeCodes.ts";
import type { Logger } from "../log.ts";
import { LocalPubSub, type PubSub } from "../pubsub/PubSub.ts";
import type { Store } from "../store/Store.ts";
import { mergeThroughDoc } from "./compaction.ts";
import type { GroupCommit } from "./GroupCommit.ts";
import { loadDoc } from "./loadDoc.ts";
import { Room } from "./Room.ts";

export interface RoomRegistryOptions {
  store: Store;
  commit: GroupCommit;
  log: Logger;
  /** How long an empty room stays loaded, so a reload does not pay the cold load again. */
  idleMs: number;
  /** Log rows after which the document is compacted. */
  compactThreshold: number;
  /** A connection must start the sync handshake within this time (default 10 s). */
  handshakeTimeoutMs?: number;
  /** What the policy must know of a document: its acceptance setting and whether a milestone locks it. */
  describeDocument?: (documentId: string) => Promise<DocumentFlags>;
  /** Fan-out to other instances; in-process (none) by default. */
  pubsub?: PubSub;
  /** With other instances: how often a room checks the store for updates it missed (a lost relay message). */
  gapCheckMs?: number;
  /** Called for every update the policy refused (metrics). */
  onRefused?: () => void;
}

/** Per-document facts the update policy needs, read from the store when a room loads. */
export interface DocumentFlags {
  crossPartyAcceptance: boolean;
  locked: boolean;
}

interface Entry {
  room: Promise<Room>;
  /** The room once loaded; callbacks of an older, evicted room for the same document are ignored. */
  loaded: Room | null;
  /** Log rows after the snapshot, as far as this process knows. */
  tail: number;
  /** Stops relaying the document's messages from other instances. */
  unsubscribe: () => void;
  compacting: boolean;
  idleTimer: NodeJS.Timeout | null;
}

/** The rooms in memory: loads each document once, unloads it when idle, compacts its log. */
export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly pubsub: PubSub;
  private readonly gapTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: RoomRegistryOptions) {
    this.pubsub = options.pubsub ?? new LocalPubSub();
    this.pubsub.onEvent((event) => {
      if (event.type === "access") {
        this.closeConnectionsOf(
          event.documentId,
          event.userId,
          CloseCode.PermissionsChanged,
          closeReason[CloseCode.PermissionsChanged],
        );
      } else if (event.type === "settings") this.refreshInBackground(event.documentId);
    });
    // After Redis was away, relayed updates and events may be lost: every room reads the
    // updates it missed, and re-reads its settings and its members' roles.
    this.pubsub.onReconnected(() => {
      for (const entry of this.entries.values()) {
        const room = entry.loaded;
        if (!room) continue;
        room.catchUpInBackground();
        this.refreshInBackground(room.documentId);
        void this.recheckRoles(room);
      }
    });
    if (this.pubsub.distributed) {
      this.gapTimer = setInterval(() => void this.checkGaps(), options.gapCheckMs ?? 2000);
      this.gapTimer.unref();
    }
  }

  /** Tells every instance that a user's access to a document changed, closing their connections here now. */
  accessChanged(documentId: string, userId: string): void {
    this.closeConnectionsOf(
      documentId,
      userId,
      CloseCode.PermissionsChanged,
      closeReason[CloseCode.PermissionsChanged],
    );
    this.pubsub.publishEvent({ type: "access", documentId, userId });
  }

  /** Closes the connections of users whose role is no longer the one they connected with. */
  private async recheckRoles(room: Room): Promise<void> {
    for (const [userId, role] of room.connectedRoles()) {
      try {
        if ((await this.options.store.roleOf(room.documentId, userId)) === role) continue;
      } catch (err) {
        this.options.log.warn("role check failed", { documentId: room.documentId, error: String(err) });
        // Unknown: renew the connection, so the role is checked again when it reconnects.
      }
      room.closeUser(userId, CloseCode.PermissionsChanged, closeReason[CloseCode.PermissionsChanged]);
    }
  }

  private refreshInBackground(documentId: string): void {
    this.refreshSettings(documentId, { announce: false }).catch((err: unknown) =>
      this.options.log.warn("settings not refreshed", { documentId, error: String(err) }),
    );
  }

  /** The safety net for a relay message lost without a reconnect: compare with the store's last sequence number. */
  private async checkGaps(): Promise<void> {
    for (const entry of this.entries.values()) {
      const room = entry.loaded;
      if (!room || room.size === 0) continue;
      try {
        if ((await this.options.store.lastSeqOf(room.documentId)) > room.completeUpTo) await room.catchUp();
      } catch (err) {
        this.options.log.warn("gap check failed", { documentId: room.documentId, error: String(err) });
      }
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

  /** The room of a document, loading it if needed. Rejects with DocumentLoadError for damaged data. */
  acquire(documentId: string): Promise<Room> {
    const existing = this.entries.get(documentId);
    if (existing) {
      if (existing.idleTimer) clearTimeout(existing.idleTimer);
      existing.idleTimer = null;
      return existing.room;
    }
    const entry: Entry = {
      room: this.load(documentId),
      loaded: null,
      tail: 0,
      compacting: false,
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

  /** Closes the open connections of `userId` to `documentId`, if the document is loaded. */
  closeConnectionsOf(documentId: string, userId: string, code: number, reason: string): void {
    this.entries.get(documentId)?.loaded?.closeUser(userId, code, reason);
  }

  /**
   * Re-reads a document's flags into its open room, if any. When the lock changed, every
   * connection is renewed (4409) so that clients learn it and their editors follow.
   */
  async refreshSettings(documentId: string, options: { announce: boolean } = { announce: true }): Promise<void> {
    if (options.announce) this.pubsub.publishEvent({ type: "settings", documentId });
    const room = this.entries.get(documentId)?.loaded;
    if (!room) return;
    const flags = await this.flagsOf(documentId);
    room.crossPartyAcceptance = flags.crossPartyAcceptance;
    if (room.locked !== flags.locked) {
      room.locked = flags.locked;
      room.closeAll(CloseCode.PermissionsChanged, closeReason[CloseCode.PermissionsChanged]);
    }
  }

  /**
   * Locks the document's room against content changes, commits what was accepted before,
   * and runs `work` on the live doc, whose content no update can change meanwhile (comments
   * still arrive: `work` must read what it freezes in one synchronous step). If `work` fails
   * the lock is lifted; if it succeeds the lock stays (the store now says it is locked) and
   * every connection is renewed so that clients learn it.
   */
  async withLockedDocument<T>(documentId: string, work: (doc: Y.Doc) => Promise<T>): Promise<T> {
    const room = await this.acquire(documentId);
    const wasLocked = room.locked;
    room.locked = true;
    let logLocked = false;
    try {
      await this.options.commit.flush();
      // Lock the log itself: no instance can store an update for this document from now on.
      // Then read what other instances stored before that, so the freeze sees all of it.
      await this.options.store.setDocumentLock(documentId, true);
      logLocked = true;
      await room.catchUp();
      const result = await work(room.doc);
      room.closeAll(CloseCode.PermissionsChanged, closeReason[CloseCode.PermissionsChanged]);
      this.pubsub.publishEvent({ type: "settings", documentId });
      return result;
    } catch (err) {
      room.locked = wasLocked;
      if (logLocked && !wasLocked) await this.options.store.setDocumentLock(documentId, false).catch(() => {});
      throw err;
    } finally {
      this.releaseIfEmpty(room);
    }
  }

  /**
   * Makes a change in the document in `userId`'s name (restoring a version), committed and
   * sent like any other. False, changing nothing, while a milestone locks the document.
   */
  async applyServerChange(documentId: string, userId: string, change: (doc: Y.Doc) => void): Promise<boolean> {
    const room = await this.acquire(documentId);
    try {
      if (room.locked) return false;
      room.applyServerChange(userId, change);
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

  private async flagsOf(documentId: string): Promise<DocumentFlags> {
    if (this.options.describeDocument) return this.options.describeDocument(documentId);
    const row = await this.options.store.findDocument(documentId);
    return { crossPartyAcceptance: row?.crossPartyAcceptance ?? false, locked: false };
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
    if (this.gapTimer) clearInterval(this.gapTimer);
  }

  private async load(documentId: string): Promise<Room> {
    const { store, log } = this.options;
    const started = performance.now();
    const [state, flags] = await Promise.all([store.loadState(documentId), this.flagsOf(documentId)]);
    const doc = loadDoc(documentId, state);
    const room = new Room(documentId, doc, {
      commit: this.options.commit,
      log,
      onEmpty: (r) => this.scheduleUnload(r),
      onBroken: (r) => this.evict(r),
      onCommitted: (r, updates) => {
        for (const u of updates) this.pubsub.publishUpdate(r.documentId, u.seq, u.data);
        this.noteCommitted(r, updates.length);
      },
      onLocalAwareness: (r, update) => this.pubsub.publishAwareness(r.documentId, update),
      lastSeq: state.lastSeq,
      readSince: (afterSeq) => store.readUpdatesSince(documentId, afterSeq),
      handshakeTimeoutMs: this.options.handshakeTimeoutMs,
      onRefused: (r, conn, reason) => {
        this.options.onRefused?.();
        this.audit(r.documentId, conn.user.id, "update.refused", { reason, role: conn.role });
      },
      onAudit: (r, conn, note) => this.audit(r.documentId, conn.user.id, note.action, note.detail),
    });
    room.crossPartyAcceptance = flags.crossPartyAcceptance;
    room.locked = flags.locked;
    const entry = this.entries.get(documentId);
    if (entry) {
      entry.loaded = room;
      entry.tail = state.updates.length;
      entry.unsubscribe = this.pubsub.subscribe(documentId, {
        update: (seq, data) => room.receiveRemote(seq, data),
        awareness: (data) => room.receiveRemoteAwareness(data),
      });
      // Anything stored between the load and the subscription is read once now.
      if (this.pubsub.distributed) room.catchUpInBackground();
    }
    log.debug("room loaded", {
      documentId,
      updates: state.updates.length,
      snapshot: state.snapshot !== null,
      ms: +(performance.now() - started).toFixed(2),
    });
    return room;
  }

  /** The registry entry of exactly this room, not of a newer room of the same document. */
  private entryOf(room: Room): Entry | null {
    const entry = this.entries.get(room.documentId);
    return entry?.loaded === room ? entry : null;
  }

  /** Audit entries are written off the update path; a failure is logged, never silently lost. */
  private audit(documentId: string, userId: string, action: string, detail: Record<string, unknown>): void {
    this.options.store.appendAudit({ documentId, userId, action, detail }).catch((err: unknown) => {
      this.options.log.error("audit entry not written", { documentId, userId, action, error: String(err) });
    });
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
    if (entry.tail > 0) await this.compact(room.documentId, entry);
  }

  private evict(room: Room): void {
    const entry = this.entryOf(room);
    if (entry?.idleTimer) clearTimeout(entry.idleTimer);
    entry?.unsubscribe();
    if (entry) this.entries.delete(room.documentId);
    room.destroy();
  }

  private noteCommitted(room: Room, count: number): void {
    const entry = this.entryOf(room);
    if (!entry) return;
    entry.tail += count;
    if (entry.tail >= this.options.compactThreshold && !entry.compacting) {
      setImmediate(() => void this.compact(room.documentId, entry));
    }
  }

  private async compact(documentId: string, entry: Entry): Promise<void> {
    if (entry.compacting) return;
    entry.compacting = true;
    try {
      const folded = await this.options.store.compact(documentId, mergeThroughDoc);
      entry.tail = Math.max(0, entry.tail - folded);
      this.options.log.debug("compacted", { documentId, folded });
    } catch (err) {
      this.options.log.error("compaction failed; log kept", { documentId, error: String(err) });
    } finally {
      entry.compacting = false;
    }
  }
}
