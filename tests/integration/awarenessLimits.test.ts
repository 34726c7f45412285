import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { AWARENESS_LIMITS } from "../../server/sync/AwarenessGate.ts";
import { startChildServer } from "../helpers/childServer.ts";
import { rssKb, sleep } from "../helpers/processStats.ts";
import { type RawSocket, rawSocket } from "../helpers/rawSocket.ts";
import { login, startTestServer, tempDataDir } from "../helpers/server.ts";
import { connectClient, eventually, type YClient } from "../helpers/yClient.ts";

const AGREEMENT = "kip3-vereinbarung-so"; // Marco is a viewer here, Lukas and Claire editors

/** An awareness frame (type 1) with the given entries, states as JSON. */
function awarenessFrame(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(update, e.clientId);
    encoding.writeVarUint(update, e.clock);
    encoding.writeVarString(update, JSON.stringify(e.state));
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

/** A raw connection that has started the sync handshake (so it is not dropped as silent). */
async function rawPeer(url: string, cookie: string): Promise<RawSocket> {
  const socket = rawSocket(url, AGREEMENT, cookie);
  await socket.opened;
  socket.ws.send(new Uint8Array([0, 0, 1, 0])); // sync step 1 with an empty state vector
  return socket;
}

/** The awareness state a stock client sees for `clientId`. */
const stateOf = (client: YClient, clientId: number) =>
  client.provider.awareness.getStates().get(clientId) as { cursor?: unknown; user?: { id: string } } | undefined;

/** Largest awareness state a stock client holds, as JSON bytes. */
const largestState = (client: YClient) =>
  Math.max(0, ...[...client.provider.awareness.getStates().values()].map((s) => JSON.stringify(s).length));

describe("awareness: size", async () => {
  const server = await startChildServer(tempDataDir());
  const pid = server.process.pid ?? 0;
  const marco = await login(server.url, "marco.rossi@sem.admin.ch");
  const andrea = await login(server.url, "andrea.meier@so.ch");

  it("drops oversize states: not relayed, not kept, and a stock client still opens the room", async () => {
    const watcher = connectClient(server.url, AGREEMENT, andrea, { reconnect: false });
    await watcher.synced;
    await sleep(1000);
    const before = rssKb(pid);
    // A viewer parks 4 states of 3.9 MiB on each of 8 connections: 125 MiB of carets (before
    // the limit the server grew by about 250 MiB; now only by frames it has received and freed).
    const big = { cursor: "x".repeat(3.9 * 1024 * 1024) };
    const parkers = await Promise.all(Array.from({ length: 8 }, () => rawPeer(server.url, marco)));
    // Paced, so what the server holds afterwards is what it kept, not frames still in flight.
    for (const [c, p] of parkers.entries()) {
      for (let i = 0; i < 4; i++) {
        p.ws.send(awarenessFrame([{ clientId: 7_000_000 + c * 10 + i, clock: 1, state: big }]));
        await sleep(20);
      }
    }
    await sleep(1500);
    const grewMiB = (rssKb(pid) - before) / 1024;
    console.info(`server RSS after parking 125 MiB of awareness states: +${grewMiB.toFixed(1)} MiB`);
    expect(grewMiB).toBeLessThan(125 * 0.6);
    expect(largestState(watcher)).toBeLessThan(AWARENESS_LIMITS.maxStateBytes);

    const newcomer = connectClient(server.url, AGREEMENT, andrea, { reconnect: false });
    await newcomer.synced;
    expect(largestState(newcomer)).toBeLessThan(AWARENESS_LIMITS.maxStateBytes);
    expect(newcomer.provider.wsconnected).toBe(true);
  });
});

describe("awareness: ownership, ids and rate", async () => {
  const server = await startTestServer();
  const lukas = await login(server.url, "lukas.frei@so.ch");
  const claire = await login(server.url, "claire.dubois@sem.admin.ch");
  const andrea = await login(server.url, "andrea.meier@so.ch");
  const watcher = connectClient(server.url, AGREEMENT, andrea);
  await watcher.synced;

  it("keeps a client id with the connection that registered it first, even against the same user's other one", async () => {
    const id = 8_100_001;
    const first = await rawPeer(server.url, lukas);
    first.ws.send(awarenessFrame([{ clientId: id, clock: 1, state: { cursor: "erste" } }]));
    await eventually(() => stateOf(watcher, id)?.cursor === "erste", "the first registration");
    const sameUser = await rawPeer(server.url, lukas);
    const otherUser = await rawPeer(server.url, claire);
    sameUser.ws.send(awarenessFrame([{ clientId: id, clock: 50, state: { cursor: "übernommen" } }]));
    otherUser.ws.send(awarenessFrame([{ clientId: id, clock: 60, state: { cursor: "fremd" } }]));
    otherUser.ws.send(awarenessFrame([{ clientId: id, clock: 61, state: null }]));
    await sleep(300);
    expect(stateOf(watcher, id)?.cursor).toBe("erste");
    first.ws.send(awarenessFrame([{ clientId: id, clock: 2, state: { cursor: "weiter" } }]));
    await eventually(() => stateOf(watcher, id)?.cursor === "weiter", "the owner's next state");
    expect(stateOf(watcher, id)?.user?.id).toBe("u-lukas");
  });

  it("registers at most four client ids per connection, also within one message", async () => {
    const greedy = await rawPeer(server.url, claire);
    const ids = Array.from({ length: 10 }, (_, i) => 8_200_000 + i);
    greedy.ws.send(awarenessFrame(ids.map((clientId) => ({ clientId, clock: 1, state: { cursor: clientId } }))));
    await eventually(() => stateOf(watcher, ids[0] ?? 0) !== undefined, "the first ids");
    await sleep(200);
    expect(ids.filter((id) => stateOf(watcher, id) !== undefined)).toHaveLength(AWARENESS_LIMITS.maxIds);
  });

  it("limits a burst of 1000 updates in a second, and peers still end with the newest state", async () => {
    const id = 8_300_001;
    let relayed = 0;
    watcher.provider.awareness.on("update", ({ added, updated }: { added: number[]; updated: number[] }) => {
      if (added.includes(id) || updated.includes(id)) relayed++;
    });
    const chatty = await rawPeer(server.url, lukas);
    const started = performance.now();
    for (let clock = 1; clock <= 1000; clock++) {
      chatty.ws.send(awarenessFrame([{ clientId: id, clock, state: { cursor: clock } }]));
    }
    await eventually(() => stateOf(watcher, id)?.cursor === 1000, "the newest state");
    const seconds = (performance.now() - started) / 1000;
    console.info(`1000 awareness updates: ${relayed} relayed in ${seconds.toFixed(2)} s`);
    expect(relayed).toBeLessThanOrEqual(AWARENESS_LIMITS.perSecond * (1 + seconds) + 2);
  });
});
