import type { Logger } from "../log.ts";
import type { UpdateLog, UpdateRecord } from "./UpdateLog.ts";

/** One of a listener's updates after the commit: its sequence number, or null if the log refused it (locked). */
export interface Committed {
  data: Uint8Array;
  seq: number | null;
}

/** Told when the updates it enqueued are durable, or that they never will be. */
export interface CommitListener {
  /** Every update with a ticket up to `ticket` is committed; `results` are this listener's, in order. */
  committed(ticket: number, results: Committed[]): void;
  commitFailed(error: unknown): void;
}

/** Observes every commit, for metrics. */
export type CommitObserver = (updates: number, ms: number) => void;

interface Pending {
  record: UpdateRecord;
  listener: CommitListener;
  ticket: number;
}

/**
 * Group commit: every update enqueued in one event-loop turn is appended in one store
 * transaction, right after the turn (setImmediate), never later on a timer. Listeners
 * release their outgoing messages only when told, so no peer sees an update that a
 * crash could still lose. Batches commit strictly in order.
 */
export class GroupCommit {
  private batch: Pending[] = [];
  private nextTicket = 1;
  private scheduled = false;
  private running: Promise<void> | null = null;

  constructor(
    private readonly store: Pick<UpdateLog, "appendUpdates">,
    private readonly log: Logger,
    private readonly observe?: CommitObserver,
  ) {}

  /** Queues an update for the next commit and returns its ticket (increasing). */
  enqueue(record: UpdateRecord, listener: CommitListener): number {
    const ticket = this.nextTicket++;
    this.batch.push({ record, listener, ticket });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.drain();
      });
    }
    return ticket;
  }

  /**
   * Drops the updates `listener` queued that no commit has taken yet: a room whose commit
   * was refused or failed withdraws what came after, since it may depend on what was lost.
   */
  withdraw(listener: CommitListener): void {
    this.batch = this.batch.filter((p) => p.listener !== listener);
  }

  /** Resolves when everything enqueued so far is committed (or has failed). */
  async flush(): Promise<void> {
    while (this.running || this.batch.length > 0) await this.drain();
  }

  private drain(): Promise<void> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    while (this.batch.length > 0) {
      const batch = this.batch;
      this.batch = [];
      const lastTicket = batch[batch.length - 1]?.ticket ?? 0;
      const started = performance.now();
      let seqs: (number | null)[];
      try {
        seqs = await this.store.appendUpdates(batch.map((p) => p.record));
      } catch (error) {
        this.log.error("commit failed", { updates: batch.length, error: String(error) });
        for (const listener of new Set(batch.map((p) => p.listener))) listener.commitFailed(error);
        continue;
      }
      const ms = performance.now() - started;
      this.log.debug("committed", { updates: batch.length, ms: +ms.toFixed(2) });
      this.observe?.(batch.length, ms);
      const byListener = new Map<CommitListener, Committed[]>();
      batch.forEach((p, i) => {
        const results = byListener.get(p.listener) ?? [];
        results.push({ data: p.record.data, seq: seqs[i] ?? null });
        byListener.set(p.listener, results);
      });
      for (const [listener, results] of byListener) listener.committed(lastTicket, results);
    }
  }
}
