import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { syncStep1Message } from "../../server/sync/messages.ts";
import { startChildServer } from "../helpers/childServer.ts";
import { liveFigures, rssKb, sleep } from "../helpers/processStats.ts";
import { login, tempDataDir } from "../helpers/server.ts";
import { connectClient, textOf } from "../helpers/yClient.ts";

const CONNECTIONS = Number(process.env.RELIABILITY_CHURN ?? 3000);
const DOCS = ["kip3-konzept-so", "kip3-vereinbarung-so"];
const STEP1 = syncStep1Message(new Y.Doc());

type Way = "mid-handshake" | "after-sync" | "destroyed";

/** One connection that goes away in one of three ways. */
async function churnOnce(url: string, cookie: string, doc: string, way: Way): Promise<void> {
  const ws = new WebSocket(`${url.replace(/^http/, "ws")}/collab/${doc}`, { headers: { cookie } });
  ws.on("error", () => {});
  const closed = new Promise<void>((resolve) => ws.once("close", () => resolve()));
  if (way === "mid-handshake") {
    // Gone right after the upgrade, before the sync handshake, or even before the upgrade answer.
    ws.once("upgrade", () => ws.terminate());
    setTimeout(() => ws.terminate(), Math.random() * 5);
  } else {
    await Promise.race([new Promise((r) => ws.once("open", r)), closed]);
    ws.send(STEP1);
    await Promise.race([new Promise((r) => ws.once("message", r)), closed, sleep(5000)]);
    if (way === "after-sync") ws.close();
    else (ws as unknown as { _socket: { destroy(): void } })._socket.destroy();
  }
  await closed;
}

describe("connection churn", () => {
  it(`returns to zero connections, unloads rooms and keeps memory near baseline after ${CONNECTIONS} connections`, async () => {
    const server = await startChildServer(tempDataDir(), {
      MAX_CONNECTIONS_PER_USER: "1000",
      MAX_CONNECTIONS_PER_ADDRESS: "2000",
      ROOM_IDLE_MS: "200",
    });
    const pid = server.process.pid as number;
    const cookies = [await login(server.url, "andrea.meier@so.ch"), await login(server.url, "lukas.frei@so.ch")];
    // Warm up (rooms loaded once, code paths compiled), then take the baseline.
    await Promise.all(DOCS.map((d) => churnOnce(server.url, cookies[0] as string, d, "after-sync")));
    await sleep(500);
    const baselineKb = rssKb(pid);

    const ways: Way[] = ["mid-handshake", "after-sync", "destroyed"];
    let next = 0;
    let peakKb = baselineKb;
    const started = performance.now();
    const worker = async () => {
      while (next < CONNECTIONS) {
        const n = next++;
        await churnOnce(server.url, cookies[n % 2] as string, DOCS[n % 2] as string, ways[n % 3] as Way);
        if (n % 200 === 0) peakKb = Math.max(peakKb, rssKb(pid));
      }
    };
    await Promise.all(Array.from({ length: 40 }, worker));
    const churnMs = performance.now() - started;

    let figures = await liveFigures(server.url);
    const until = Date.now() + 10_000;
    while ((figures.connections !== 0 || figures.rooms !== 0) && Date.now() < until) {
      await sleep(100);
      figures = await liveFigures(server.url);
    }
    expect(figures).toEqual({ connections: 0, rooms: 0 });
    await sleep(1000);
    const afterKb = rssKb(pid);
    expect(afterKb).toBeLessThan(baselineKb + 100 * 1024);

    const client = connectClient(server.url, DOCS[0] as string, cookies[1] as string, { reconnect: false });
    await client.synced;
    expect(textOf(client.doc)).toContain("KIP");
    console.log(
      `churn: ${CONNECTIONS} connections in ${(churnMs / 1000).toFixed(1)} s; RSS baseline ${baselineKb >> 10} MB, peak ${peakKb >> 10} MB, after ${afterKb >> 10} MB`,
    );
  });
});
