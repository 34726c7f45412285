import type { Logger } from "../log.ts";
import type { UpdatesSince } from "./UpdateLog.ts";

/** What the follower needs of its room. */
export interface FollowerOptions {
  documentId: string;
  log: Logger;
  /** Sequence number of the last update in the state the room was loaded from. */
  lastSeq: number;
  /** Reads the log after a sequence number; without it (tests, one instance) there is nothing to catch up. */
  readSince?: (afterSeq: number) => Promise<UpdatesSince>;
  /** Applies stored updates to the live doc, in order, as ones that are stored already (one change). */
  apply(updates: readonly Uint8Array[]): void;
  /** True once the room is gone: nothing is applied any more. */
  isDestroyed(): boolean;
}

/**
 * Keeps a room in step with the log that several instances append to. Every stored update
 * has a sequence number; the follower knows up to which one the live doc is complete. A
 * relayed update next in line is applied; one after a gap (a relay message was lost) makes
 * the room read what it missed from the store, never ask other servers for their state.
 */
export class ClusterFollower {
  /** Highest sequence number up to which every stored update is in the live doc. */
  private lastSeq: number;
  /** Stored updates applied beyond a gap (own commits, or relayed out of order). */
  private readonly ahead = new Set<number>();
  private catchingUp: Promise<void> | null = null;
  private catchUpAgain = false;

  constructor(private readonly options: FollowerOptions) {
    this.lastSeq = options.lastSeq;
  }

  /** The sequence number the room is complete up to (for tests and metrics). */
  get completeUpTo(): number {
    return this.lastSeq;
  }

  /** An update of this room was stored (here, or relayed and applied) with `seq`. */
  noteSeq(seq: number): void {
    if (seq > this.lastSeq + 1) this.ahead.add(seq);
    else if (seq === this.lastSeq + 1) this.lastSeq = seq;
    while (this.ahead.delete(this.lastSeq + 1)) this.lastSeq++;
  }

  /** An update another instance stored, relayed with its sequence number. */
  receive(seq: number, update: Uint8Array): void {
    this.receiveAll([{ seq, data: update }]);
  }

  /**
   * Updates another instance stored, relayed together (one commit's, in order): those next
   * in line are applied as one change, so the room relays and follows them once; one after
   * a gap makes the room catch up from the store, as `receive` does.
   */
  receiveAll(updates: readonly { seq: number; data: Uint8Array }[]): void {
    if (this.options.isDestroyed()) return;
    const inLine: { seq: number; data: Uint8Array }[] = [];
    let complete = this.lastSeq;
    let gap = false;
    for (const u of updates) {
      if (u.seq <= complete || this.ahead.has(u.seq)) continue;
      if (u.seq !== complete + 1) {
        gap = true;
        break;
      }
      inLine.push(u);
      complete = u.seq;
      while (this.ahead.has(complete + 1)) complete++;
    }
    if (inLine.length > 0) {
      this.options.apply(inLine.map((u) => u.data));
      for (const u of inLine) this.noteSeq(u.seq);
    }
    if (gap) this.catchUpInBackground();
  }

  /** Reads and applies everything stored after what the room has; one read at a time. */
  catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return this.catchingUp;
    }
    const { readSince, apply, isDestroyed } = this.options;
    if (!readSince || isDestroyed()) return Promise.resolve();
    this.catchingUp = (async () => {
      do {
        this.catchUpAgain = false;
        const since = await readSince(this.lastSeq);
        if (isDestroyed()) return;
        const missed = since.updates.filter((u) => u.seq > this.lastSeq && !this.ahead.has(u.seq)).map((u) => u.data);
        if (since.snapshot) missed.unshift(since.snapshot);
        if (missed.length > 0) apply(missed);
        this.lastSeq = Math.max(this.lastSeq, since.lastSeq);
        for (const seq of this.ahead) if (seq <= this.lastSeq) this.ahead.delete(seq);
        this.noteSeq(this.lastSeq);
      } while (this.catchUpAgain && !isDestroyed());
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
        documentId: this.options.documentId,
        error: err instanceof Error ? err.message : String(err),
      }),
    );
  }
}
