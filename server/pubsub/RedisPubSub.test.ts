import { afterEach, expect, it } from "vitest";
import { describeNeeding, freshRedisPrefix } from "../../tests/helpers/needsServices.ts";
import { TEST_REDIS_URL } from "../../tests/helpers/services.ts";
import { createLogger } from "../log.ts";
import type { ClusterEvent } from "./PubSub.ts";
import { RedisPubSub } from "./RedisPubSub.ts";

const describeWithRedis = await describeNeeding("redis");

async function eventually(check: () => boolean, ms = 4000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Until `receiver` hears `sender` on document `doc` (both connected, subscription in place). */
async function linked(sender: RedisPubSub, receiver: RedisPubSub, doc: string): Promise<void> {
  let heard = false;
  const stop = receiver.subscribe(doc, { updates: () => {}, awareness: () => (heard = true) });
  await eventually(() => {
    if (!heard) sender.publishAwareness(doc, new Uint8Array([0]));
    return heard;
  });
  stop();
}

describeWithRedis("RedisPubSub", () => {
  const open: RedisPubSub[] = [];
  afterEach(async () => {
    for (const p of open.splice(0)) await p.close();
  });
  const instance = (prefix: string) => {
    const p = new RedisPubSub(TEST_REDIS_URL, prefix, createLogger("silent"));
    open.push(p);
    return p;
  };

  it("relays what one turn publishes in its order: a commit's updates per document, events between them", async () => {
    const prefix = freshRedisPrefix();
    const [sender, receiver] = [instance(prefix), instance(prefix)];
    const heard: string[] = [];
    for (const doc of ["a", "b"])
      receiver.subscribe(doc, {
        updates: (updates) => heard.push(updates.map((u) => `${doc}${u.seq}:${u.data.join(".")}`).join(" ")),
        awareness: (data) => heard.push(`${doc}~${data.join(".")}`),
      });
    receiver.onEvent((e: ClusterEvent) => heard.push(e.type));
    await linked(sender, receiver, "probe");
    await new Promise((r) => setTimeout(r, 100)); // nothing of the probe is still on its way
    heard.length = 0;
    // One commit batch: two documents, one of them twice around the other.
    sender.publishUpdate("a", 1, new Uint8Array([1]));
    sender.publishUpdate("a", 2, new Uint8Array([2, 2]));
    sender.publishUpdate("b", 7, new Uint8Array([]));
    sender.publishEvent({ type: "settings", documentId: "a" });
    sender.publishUpdate("a", 3, new Uint8Array([3]));
    sender.publishAwareness("b", new Uint8Array([9]));
    await eventually(() => heard.length === 5);
    expect(heard).toEqual(["a1:1 a2:2.2", "b7:", "settings", "a3:3", "b~9"]);
  });

  it("sends what was published before close", async () => {
    const prefix = freshRedisPrefix();
    const [sender, receiver] = [instance(prefix), instance(prefix)];
    const heard: number[] = [];
    receiver.subscribe("a", { updates: (updates) => heard.push(...updates.map((u) => u.seq)), awareness: () => {} });
    await linked(sender, receiver, "a");
    sender.publishUpdate("a", 1, new Uint8Array([1]));
    await sender.close();
    await eventually(() => heard.length === 1);
  });
});
