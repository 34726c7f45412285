import type { Connection } from "./Connection.ts";

/**
 * A room's outgoing frames, held until what they may carry is durable. Each update the
 * room enqueues for commit gets a ticket (increasing, from the group commit); a frame sent
 * while some ticket is not yet committed waits for that ticket, so no peer ever sees state
 * that a crash could still lose. Order is kept.
 */
export class Outbox {
  private readonly waiting: { ticket: number; deliver: () => void }[] = [];
  private lastTicket = 0;
  private committedTicket = 0;

  /** True while some update of this room is enqueued but not yet committed. */
  get hasUncommitted(): boolean {
    return this.lastTicket > this.committedTicket;
  }

  /** An update of this room was enqueued for commit with `ticket`. */
  enqueued(ticket: number): void {
    this.lastTicket = ticket;
  }

  /** Every update up to `ticket` is committed: what waited for them goes out. */
  committed(ticket: number): void {
    this.committedTicket = Math.max(this.committedTicket, ticket);
    while (this.waiting.length > 0 && (this.waiting[0]?.ticket ?? 0) <= this.committedTicket) {
      this.waiting.shift()?.deliver();
    }
  }

  /** Sends now if nothing is awaiting commit, else after the pending commit. */
  deliver(targets: readonly Connection[], frame: Uint8Array): void {
    if (targets.length === 0) return;
    const send = () => {
      for (const c of targets) c.send(frame);
    };
    if (this.hasUncommitted || this.waiting.length > 0) this.waiting.push({ ticket: this.lastTicket, deliver: send });
    else send();
  }

  /** Drops everything waiting: it may carry state that will never be stored. */
  discard(): void {
    this.waiting.length = 0;
  }
}
