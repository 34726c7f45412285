import * as Y from "yjs";

interface Sent {
  end: number;
  at: number;
  got: number;
}

/**
 * Edit-to-everyone latency without touching the document: a sender notes the clock its
 * insert ends at (Yjs clocks count inserted items), receivers read which clocks an
 * incoming update covers (`parseUpdateMeta`, no decoding of content). An edit is done when
 * `receivers` clients have it. Deletes add no clock and are not timed.
 */
export class LatencyTracker {
  private sent = new Map<number, Sent[]>();
  readonly latencies: number[] = [];
  sentCount = 0;

  constructor(private readonly receivers: number) {}

  /** Call right after a local insert in `doc`. */
  noteSent(doc: Y.Doc): void {
    const list = this.sent.get(doc.clientID) ?? [];
    this.sent.set(doc.clientID, list);
    list.push({ end: Y.getState(doc.store, doc.clientID), at: performance.now(), got: 0 });
    this.sentCount++;
  }

  /** Attaches a receiver: every remote update it gets advances its view of each sender. */
  watch(doc: Y.Doc): void {
    const seen = new Map<number, number>();
    doc.on("update", (update: Uint8Array) => {
      const now = performance.now();
      for (const [client, to] of Y.parseUpdateMeta(update).to) {
        if (client === doc.clientID) continue;
        const list = this.sent.get(client);
        if (!list) continue;
        let i = seen.get(client) ?? 0;
        while (i < list.length && (list[i] as Sent).end <= to) {
          const entry = list[i] as Sent;
          if (++entry.got === this.receivers) this.latencies.push(now - entry.at);
          i++;
        }
        seen.set(client, i);
      }
    });
  }

  /** Timed edits that not every receiver got. */
  incomplete(): number {
    return this.sentCount - this.latencies.length;
  }
}
