import { describe, expect, it } from "vitest";
import { startChildServer } from "../helpers/childServer.ts";
import { sleep } from "../helpers/processStats.ts";
import { login, tempDataDir } from "../helpers/server.ts";
import { appendParagraph, connectClient, textOf } from "../helpers/yClient.ts";

const DOC = "kip3-konzept-so";
const marks = (text: string) => new Set(text.match(/s\d+-\d+/g) ?? []);

describe("SIGTERM during active editing", () => {
  it("flushes, exits 0 within a few seconds, and keeps every edit a peer had seen", async () => {
    const dataDir = tempDataDir();
    const server = await startChildServer(dataDir);
    const andrea = await login(server.url, "andrea.meier@so.ch");
    const lukas = await login(server.url, "lukas.frei@so.ch");
    const writers = [0, 1, 2, 3].map((i) =>
      connectClient(server.url, DOC, i % 2 ? lukas : andrea, { reconnect: false }),
    );
    const peer = connectClient(server.url, DOC, lukas, { reconnect: false });
    await Promise.all([...writers.map((w) => w.synced), peer.synced]);

    let typing = true;
    const typists = writers.map(async (w, i) => {
      for (let n = 0; typing; n++) {
        appendParagraph(w.doc, `s${i}-${n}`);
        await sleep(5 + Math.random() * 10);
      }
    });
    await sleep(1500);
    const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      server.process.once("exit", (code, signal) => resolve({ code, signal })),
    );
    const sent = performance.now();
    server.process.kill("SIGTERM");
    const closes = writers.map((w) => w.closed);
    const { code, signal } = await exit;
    const ms = performance.now() - sent;
    // What the peer saw is fixed now: the server is gone.
    const seen = marks(textOf(peer.doc));
    typing = false;
    await Promise.all(typists);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(ms).toBeLessThan(5000);
    // Clients are told to come back (1012), not left to time out.
    for (const close of await Promise.all(closes)) expect(close.code).toBe(1012);
    expect(seen.size).toBeGreaterThan(20);

    const restarted = await startChildServer(dataDir);
    const reader = connectClient(restarted.url, DOC, andrea, { reconnect: false });
    await reader.synced;
    const stored = marks(textOf(reader.doc));
    expect([...seen].filter((m) => !stored.has(m))).toEqual([]);
    console.log(`sigterm: exit 0 after ${ms.toFixed(0)} ms; ${seen.size} edits seen by the peer, all stored`);
  });
});
