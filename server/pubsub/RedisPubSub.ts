import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { Logger } from "../log.ts";
import type { ClusterEvent, DocumentHandlers, PubSub } from "./PubSub.ts";
import { AWARENESS, decodeUpdates, encodeUpdates, type RelayedUpdate, UPDATE, UPDATES } from "./relayFrames.ts";

const ID_BYTES = 8;

/** A message waiting for the end of the turn; a document's consecutive updates share one. */
type Outgoing =
  | { channel: string; message: Buffer }
  | { channel: string; documentId: string; updates: RelayedUpdate[] };

/**
 * Redis pub/sub between instances (ioredis). One channel per document carries updates
 * (with their store sequence number) and awareness; one channel carries cluster events.
 * A message is `kind ‖ sender id ‖ body` (relayFrames.ts), so an instance skips its own.
 * What one turn publishes (a commit batch's updates, one message per document) leaves in
 * one pipeline, in the order it was published, at the end of the turn (a microtask, so
 * no later than the event loop's next step). Publishing never waits for a Redis that is
 * down: the update is stored already, and the others catch up from the store when Redis returns.
 */
export class RedisPubSub implements PubSub {
  readonly distributed = true;
  private readonly id = randomBytes(ID_BYTES);
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly documents = new Map<string, Set<DocumentHandlers>>();
  private readonly eventHandlers: ((event: ClusterEvent) => void)[] = [];
  private readonly reconnectHandlers: (() => void)[] = [];
  private outgoing: Outgoing[] = [];

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {
    const options = {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt: number) => Math.min(200 * attempt, 2000),
    };
    const name = this.id.toString("hex");
    this.pub = new Redis(url, { ...options, connectionName: `accord-pub-${name}` });
    // The subscriber queues its SUBSCRIBE commands until it is connected.
    this.sub = new Redis(url, { ...options, enableOfflineQueue: true, connectionName: `accord-sub-${name}` });
    for (const client of [this.pub, this.sub])
      client.on("error", (err: Error) => this.log.warn("redis", { error: err.message }));
    this.sub.on("ready", () => {
      this.log.info("redis subscriber ready");
      for (const handler of this.reconnectHandlers) handler();
    });
    this.sub.on("messageBuffer", (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
    void this.sub.subscribe(this.eventsChannel).catch(() => {});
  }

  private get eventsChannel(): string {
    return `${this.prefix}events`;
  }

  private channelOf(documentId: string): string {
    return `${this.prefix}doc:${documentId}`;
  }

  publishUpdate(documentId: string, seq: number, data: Uint8Array): void {
    const last = this.outgoing.at(-1);
    if (last && "updates" in last && last.documentId === documentId) last.updates.push({ seq, data });
    else this.queue({ channel: this.channelOf(documentId), documentId, updates: [{ seq, data }] });
  }

  publishAwareness(documentId: string, data: Uint8Array): void {
    this.queue({ channel: this.channelOf(documentId), message: this.frame(AWARENESS, data) });
  }

  publishEvent(event: ClusterEvent): void {
    this.queue({ channel: this.eventsChannel, message: Buffer.concat([this.id, Buffer.from(JSON.stringify(event))]) });
  }

  private frame(kind: number, body: Uint8Array): Buffer {
    const header = Buffer.alloc(1 + ID_BYTES);
    header[0] = kind;
    this.id.copy(header, 1);
    return Buffer.concat([header, body]);
  }

  subscribe(documentId: string, handlers: DocumentHandlers): () => void {
    let set = this.documents.get(documentId);
    if (!set) {
      set = new Set();
      this.documents.set(documentId, set);
      void this.sub.subscribe(this.channelOf(documentId)).catch(() => {});
    }
    set.add(handlers);
    return () => {
      const current = this.documents.get(documentId);
      if (!current?.delete(handlers) || current.size > 0) return;
      this.documents.delete(documentId);
      void this.sub.unsubscribe(this.channelOf(documentId)).catch(() => {});
    };
  }

  onEvent(handler: (event: ClusterEvent) => void): void {
    this.eventHandlers.push(handler);
  }

  onReconnected(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  async healthy(): Promise<boolean> {
    if (this.pub.status !== "ready" || this.sub.status !== "ready") return false;
    try {
      return (await this.pub.ping()) === "PONG";
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.flush(); // what this turn published still leaves, as it did before the pipeline
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private queue(message: Outgoing): void {
    if (this.outgoing.length === 0) queueMicrotask(() => this.flush());
    this.outgoing.push(message);
  }

  private flush(): void {
    const messages = this.outgoing;
    this.outgoing = [];
    if (this.pub.status !== "ready") return; // the others catch up from the store
    const pipeline = this.pub.pipeline();
    for (const m of messages) {
      if ("message" in m) pipeline.publish(m.channel, m.message);
      else {
        const { kind, body } = encodeUpdates(m.updates);
        pipeline.publish(m.channel, this.frame(kind, body));
      }
    }
    pipeline.exec().then(
      (replies) => {
        const failed = replies?.find(([err]) => err)?.[0];
        if (failed) this.log.warn("redis publish failed", { error: failed.message });
      },
      (err: Error) => this.log.warn("redis publish failed", { error: err.message }),
    );
  }

  private receive(channel: string, message: Buffer): void {
    if (channel === this.eventsChannel) {
      if (message.subarray(0, ID_BYTES).equals(this.id)) return;
      try {
        const event = JSON.parse(message.subarray(ID_BYTES).toString()) as ClusterEvent;
        for (const handler of this.eventHandlers) handler(event);
      } catch {
        this.log.warn("unreadable cluster event");
      }
      return;
    }
    const documentId = channel.slice(`${this.prefix}doc:`.length);
    const handlers = this.documents.get(documentId);
    if (!handlers || message.length < 1 + ID_BYTES) return;
    if (message.subarray(1, 1 + ID_BYTES).equals(this.id)) return;
    const kind = message[0] ?? 0;
    if (kind === UPDATE || kind === UPDATES) {
      const updates = decodeUpdates(kind, message.subarray(1 + ID_BYTES));
      if (!updates) this.log.warn("unreadable relayed updates", { documentId });
      else for (const h of handlers) h.updates(updates);
    } else if (kind === AWARENESS) {
      const data = new Uint8Array(message.subarray(1 + ID_BYTES));
      for (const h of handlers) h.awareness(data);
    }
  }
}
