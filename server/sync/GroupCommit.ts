import type { Logger } from "../log.ts";
import type { Store, UpdateRecord } from "../store/Store.ts";

/** Told when the updates it enqueued are durable, or that they never will be. */
export interface CommitListener {
  /** Every update with a ticket up to `ticket` is committed; `count` of them were this listener's. */
  committed(ticket: number, count: number): void;
  commitFailed(error: unknown): void;
}

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
    private readonly store: Store,
    private readonly log: Logger,
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
      const byListener = new Map<CommitListener, number>();
      for (const p of batch) byListener.set(p.listener, (byListener.get(p.listener) ?? 0) + 1);
      const lastTicket = batch[batch.length - 1]?.ticket ?? 0;
      const started = performance.now();
      try {
        await this.store.appendUpdates(batch.map((p) => p.record));
      } catch (error) {
        this.log.error("commit failed", { updates: batch.length, error: String(error) });
        for (const listener of byListener.keys()) listener.commitFailed(error);
        continue;
      }
      this.log.debug("committed", { updates: batch.length, ms: +(performance.now() - started).toFixed(2) });
      for (const [listener, count] of byListener) listener.committed(lastTicket, count);
    }
  }
}
