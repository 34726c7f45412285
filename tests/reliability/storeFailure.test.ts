import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it, onTestFinished } from "vitest";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { type ChildServer, startChildServer } from "../helpers/childServer.ts";
import { sleep } from "../helpers/processStats.ts";
import { login, tempDataDir } from "../helpers/server.ts";
import { appendParagraph, connectClient, eventually, textOf, type YClient } from "../helpers/yClient.ts";

const DOC = "kip3-konzept-so";
const marks = (text: string) => new Set(text.match(/f\d+/g) ?? []);

/** A writer (Andrea) and a peer (Lukas), both synced on the concept. */
async function writerAndPeer(url: string) {
  const andrea = await login(url, "andrea.meier@so.ch");
  const lukas = await login(url, "lukas.frei@so.ch");
  const writer = connectClient(url, DOC, andrea);
  const peer = connectClient(url, DOC, lukas);
  await Promise.all([writer.synced, peer.synced]);
  return { andrea, writer, peer };
}

/** Crashes the server (kill -9), restarts it on the same data and port, and reads what it stored. */
async function storedAfterCrash(server: ChildServer, dataDir: string, cookie: string) {
  await server.kill9();
  const restarted = await startChildServer(dataDir, { PORT: new URL(server.url).port });
  const reader = connectClient(restarted.url, DOC, cookie, { reconnect: false });
  await reader.synced;
  return { server: restarted, stored: marks(textOf(reader.doc)) };
}

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
    const server = await startChildServer(dataDir);
    const { andrea, writer, peer } = await writerAndPeer(server.url);
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
    const { stored } = await storedAfterCrash(server, dataDir, andrea);
    expect([...seen].filter((m) => !stored.has(m))).toEqual([]);
    console.log(
      `storeFailure: ${n} edits (${lockedAt}..${releasedAt} during the outage); writer closes ${writerLog.codes.join(",")}; attempts writer ${writerLog.attempts}, peer ${peerLog.attempts}`,
    );
  });
});

/** A 24 MB tmpfs, if this process may mount one (root with CAP_SYS_ADMIN); null otherwise. */
function tinyFilesystem(): string | null {
  if (process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(path.join(tmpdir(), "accord-tiny-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=24m", "tmpfs", dir], { stdio: "ignore" });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return dir;
}

describe("the disk fills up while clients edit", () => {
  const dir = tinyFilesystem();
  it.skipIf(dir === null)(
    "refuses with 4503, loses nothing a peer saw, and edits again once space is back",
    async () => {
      const mount = dir as string;
      let server = await startChildServer(mount);
      onTestFinished(async () => {
        await server.kill9();
        execFileSync("umount", [mount]);
        rmSync(mount, { recursive: true, force: true });
      });
      const { andrea, writer, peer } = await writerAndPeer(server.url);
      const writerLog = watch(writer);

      // Fill the filesystem to the last byte.
      const filler = path.join(mount, "filler");
      const chunk = Buffer.alloc(64 * 1024, 1);
      let size = 0;
      try {
        for (;;) {
          writeFileSync(filler, chunk, { flag: "a" });
          size += chunk.length;
        }
      } catch {
        // ENOSPC: full.
      }
      // Large paragraphs, so the WAL must grow (a WAL reset after a checkpoint could reuse its space).
      let n = 0;
      const big = "x".repeat(16 * 1024);
      const until = Date.now() + 6000;
      while (Date.now() < until && !writerLog.codes.includes(CloseCode.StorageUnavailable)) {
        appendParagraph(writer.doc, `f${n++} ${big}`);
        await sleep(100);
      }
      expect(writerLog.codes).toContain(CloseCode.StorageUnavailable);
      const seenWhileFull = marks(textOf(peer.doc));

      rmSync(filler);
      for (let i = 0; i < 10; i++) {
        appendParagraph(writer.doc, `f${n++}`);
        await sleep(200);
      }
      await eventually(() => textOf(peer.doc).includes(`f${n - 1}<`), "edits flow again", 15_000);
      for (let i = 0; i < n; i++) expect(textOf(peer.doc)).toContain(`f${i}`);
      expect(writerLog.attempts).toBeLessThanOrEqual(10);
      const seen = marks(textOf(peer.doc));
      writer.destroy();
      peer.destroy();
      const restart = await storedAfterCrash(server, mount, andrea);
      server = restart.server;
      const stored = restart.stored;
      expect([...seenWhileFull, ...seen].filter((m) => !stored.has(m))).toEqual([]);
      console.log(
        `storeFailure (full disk): filler ${size >> 20} MB, ${n} edits, writer closes ${writerLog.codes.join(",")}, attempts ${writerLog.attempts}`,
      );
    },
  );
});
