import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { startChildServer } from "../helpers/childServer.ts";
import { sleep } from "../helpers/processStats.ts";
import { login, tempDataDir } from "../helpers/server.ts";
import { appendParagraph, connectClient, eventually, textOf, type YClient } from "../helpers/yClient.ts";

const DOC = "kip3-konzept-so";
const marks = (text: string) => new Set(text.match(/f\d+/g) ?? []);

/** Counts a client's connection attempts and the close codes it receives. */
function watch(client: YClient) {
  const seen = { attempts: 0, codes: [] as number[] };
  client.provider.on("status", (e: { status: string }) => {
    if (e.status === "connecting") seen.attempts++;
  });
  client.provider.on("connection-close", (e: { code: number } | null) => seen.codes.push(e?.code ?? 0));
  return seen;
}

/*
 * The store fails while clients edit: another process holds SQLite's write lock (a stuck
 * backup or migration), so every commit waits out busy_timeout and fails with SQLITE_BUSY.
 * This works as root too, where a read-only file or directory would not stop the server.
 */
describe("the store refuses writes while clients edit", () => {
  it("closes with 4503, relays nothing it could not store, and recovers without a reconnect storm", async () => {
    const dataDir = tempDataDir();
    const file = path.join(dataDir, "accord.sqlite");
    let server = await startChildServer(dataDir);
    const port = new URL(server.url).port;
    const andrea = await login(server.url, "andrea.meier@so.ch");
    const lukas = await login(server.url, "lukas.frei@so.ch");
    const writer = connectClient(server.url, DOC, andrea);
    const peer = connectClient(server.url, DOC, lukas);
    await Promise.all([writer.synced, peer.synced]);
    const writerLog = watch(writer);
    const peerLog = watch(peer);

    let n = 0;
    let typing = true;
    const typist = (async () => {
      while (typing) {
        appendParagraph(writer.doc, `f${n++}`);
        await sleep(200);
      }
    })();
    await sleep(1000);

    const lock = new Database(file);
    lock.exec("BEGIN EXCLUSIVE");
    const lockedAt = n;
    await sleep(8000);
    const seenWhileLocked = marks(textOf(peer.doc));
    lock.exec("ROLLBACK");
    lock.close();
    const releasedAt = n;
    await sleep(4000);
    typing = false;
    await typist;

    // (b) Refused with a clear code, and nothing typed well into the outage reached the peer then.
    expect(writerLog.codes).toContain(CloseCode.StorageUnavailable);
    const relayedUnstored = [...seenWhileLocked].filter((m) => Number(m.slice(1)) >= lockedAt + 2);
    expect(relayedUnstored).toEqual([]);
    // (c) Back to normal: the writer's edits arrive again, everything typed is at the peer.
    await eventually(() => textOf(peer.doc).includes(`f${n - 1}<`), "the last edit at the peer", 15_000);
    for (let i = 0; i < n; i++) expect(textOf(peer.doc)).toContain(`f${i}<`);
    // No storm: a handful of reconnects over the 12 s, not one per backoff tick (y-websocket
    // retries every ≤200 ms here, so a server forcing instant reconnects would show ~60).
    expect(writerLog.attempts).toBeLessThanOrEqual(10);
    expect(peerLog.attempts).toBeLessThanOrEqual(10);
    const seen = marks(textOf(peer.doc));
    writer.destroy();
    peer.destroy();

    // What the peer saw is in the store: crash the server and read with a fresh client.
    await server.kill9();
    server = await startChildServer(dataDir, { PORT: port });
    const reader = connectClient(server.url, DOC, andrea, { reconnect: false });
    await reader.synced;
    const stored = marks(textOf(reader.doc));
    expect([...seen].filter((m) => !stored.has(m))).toEqual([]);
    console.log(
      `storeFailure: ${n} edits (${lockedAt}..${releasedAt} during the outage); writer closes ${writerLog.codes.join(",")}; attempts writer ${writerLog.attempts}, peer ${peerLog.attempts}`,
    );
  });
});
