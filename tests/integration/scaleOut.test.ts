import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { type ChildServer, startChildServer } from "../helpers/childServer.ts";
import { login, tempDataDir } from "../helpers/server.ts";
import { startTcpProxy, type TcpProxy } from "../helpers/tcpProxy.ts";
import { appendParagraph, connectClient, eventually, textOf } from "../helpers/yClient.ts";

const BASE = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const REDIS_PORT = Number(process.env.TEST_REDIS_PORT ?? 6379);
const PG_PORT = Number(new URL(BASE).port || 5432);
const DOC = "kip3-konzept-so";

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: BASE });
  await client.connect();
  await client.query(sql);
  await client.end();
}

/**
 * Two Accord instances on one PostgreSQL schema and one Redis (fresh channel prefix), each
 * reaching Redis and PostgreSQL through its own cuttable proxy, as behind a load balancer
 * without sticky sessions.
 */
describe("several instances on PostgreSQL and Redis", async () => {
  const schema = `accord_so_${randomBytes(5).toString("hex")}`;
  await admin(`CREATE SCHEMA ${schema}`);
  afterAll(() => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  const prefix = `accord-test-${randomBytes(4).toString("hex")}:`;

  async function instance(): Promise<{ server: ChildServer; redis: TcpProxy; db: TcpProxy }> {
    const redis = await startTcpProxy(REDIS_PORT);
    const db = await startTcpProxy(PG_PORT);
    const dbUrl = new URL(BASE);
    dbUrl.port = String(db.port);
    dbUrl.hostname = "127.0.0.1";
    const server = await startChildServer(tempDataDir(), {
      DATABASE_URL: `${dbUrl.toString()}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      REDIS_PREFIX: prefix,
      GAP_CHECK_MS: "500",
      LOG_LEVEL: "info",
    });
    return { server, redis, db };
  }

  // One after the other: the first seeds the demo data and migrates the schema.
  const a = await instance();
  const b = await instance();
  const cookieA = await login(a.server.url, "andrea.meier@so.ch");
  const cookieB = await login(b.server.url, "lukas.frei@so.ch");

  it("lets clients on different instances edit one document concurrently and converge", async () => {
    const onA = connectClient(a.server.url, DOC, cookieA);
    const onB = connectClient(b.server.url, DOC, cookieB);
    await Promise.all([onA.synced, onB.synced]);
    for (let i = 0; i < 20; i++) {
      appendParagraph(onA.doc, `A schreibt ${i}`);
      appendParagraph(onB.doc, `B schreibt ${i}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await eventually(
      () =>
        textOf(onA.doc) === textOf(onB.doc) &&
        textOf(onA.doc).includes("B schreibt 19") &&
        textOf(onB.doc).includes("A schreibt 19"),
      "both instances' clients to converge",
      10_000,
    );
    onA.destroy();
    onB.destroy();
  });

  it("recovers from the store what an instance missed while its Redis link was down, and kept serving its own clients", async () => {
    const onA = connectClient(a.server.url, DOC, cookieA);
    const onB = connectClient(b.server.url, DOC, cookieB);
    const alsoOnB = connectClient(b.server.url, DOC, cookieA);
    await Promise.all([onA.synced, onB.synced, alsoOnB.synced]);
    await b.redis.cut();
    appendParagraph(onA.doc, "Während Redis für B weg war");
    appendParagraph(onB.doc, "B arbeitet ohne Redis weiter");
    // B's own clients still see each other's edits, durably stored.
    await eventually(() => textOf(alsoOnB.doc).includes("B arbeitet ohne Redis weiter"), "B's local peer");
    await b.redis.restore();
    await eventually(
      () => textOf(onB.doc).includes("Während Redis für B weg war"),
      "B to catch up after Redis returns",
      10_000,
    );
    await eventually(() => textOf(onA.doc).includes("B arbeitet ohne Redis weiter"), "A to get B's edit", 10_000);
    for (const c of [onA, onB, alsoOnB]) c.destroy();
  });

  it("closes a member's connection on instance B when their role changes on instance A", async () => {
    const lukasOnB = connectClient(b.server.url, DOC, cookieB, { reconnect: false });
    await lukasOnB.synced;
    const res = await fetch(`${a.server.url}/api/documents/${DOC}/members`, {
      method: "PUT",
      headers: { cookie: cookieA, "content-type": "application/json", origin: a.server.url },
      body: JSON.stringify({ email: "lukas.frei@so.ch", role: "commenter" }),
    });
    expect(res.status).toBe(200);
    expect((await lukasOnB.closed).code).toBe(CloseCode.RenewConnection);
  });

  it("closes a member's connection whose role changed while its instance's Redis link was down, once it returns", async () => {
    const lukasOnB = connectClient(b.server.url, DOC, cookieB, { reconnect: false });
    await lukasOnB.synced;
    await b.redis.cut();
    const res = await fetch(`${a.server.url}/api/documents/${DOC}/members`, {
      method: "PUT",
      headers: { cookie: cookieA, "content-type": "application/json", origin: a.server.url },
      body: JSON.stringify({ email: "lukas.frei@so.ch", role: "editor" }),
    });
    expect(res.status).toBe(200);
    await b.redis.restore();
    expect((await lukasOnB.closed).code).toBe(CloseCode.RenewConnection);
  });

  it("refuses updates with 4503 while PostgreSQL is unreachable, and serves again when it returns", async () => {
    const client = connectClient(a.server.url, DOC, cookieA, { reconnect: false });
    await client.synced;
    await a.db.cut();
    appendParagraph(client.doc, "Ohne Datenbank geschrieben");
    const closed = await client.closed;
    if (closed.code !== CloseCode.StorageUnavailable) console.log(a.server.output().slice(-3000));
    expect(closed.code).toBe(CloseCode.StorageUnavailable);
    await a.db.restore();
    const again = connectClient(a.server.url, DOC, cookieA);
    await again.synced;
    expect(textOf(again.doc)).not.toContain("Ohne Datenbank geschrieben");
    again.destroy();
  });

  it("loses no update a peer on the survivor has seen when an instance is killed, and its clients converge on the survivor", async () => {
    const writer = connectClient(a.server.url, DOC, cookieA);
    const peer = connectClient(b.server.url, DOC, cookieB);
    await Promise.all([writer.synced, peer.synced]);
    let typing = true;
    let n = 0;
    const typed = (async () => {
      while (typing) {
        appendParagraph(writer.doc, `Zeile ${n++} vor dem Absturz`);
        await new Promise((r) => setTimeout(r, 4));
      }
    })();
    await eventually(() => textOf(peer.doc).includes("Zeile 30 vor dem Absturz"), "the peer to see line 30", 10_000);
    await a.server.kill9();
    typing = false;
    await typed;
    const seen = textOf(peer.doc);
    const fresh = connectClient(b.server.url, DOC, cookieB, { reconnect: false });
    await fresh.synced;
    for (const line of seen.match(/Zeile \d+ vor dem Absturz/g) ?? []) expect(textOf(fresh.doc)).toContain(line);
    fresh.destroy();
    // The killed instance's client moves to the survivor with its own copy and converges.
    writer.provider.destroy();
    const moved = connectClient(b.server.url, DOC, cookieA, { doc: writer.doc });
    await moved.synced;
    await eventually(
      () => textOf(peer.doc) === textOf(writer.doc),
      "the moved client and the peer to converge",
      10_000,
    );
    expect(Y.encodeStateVector(writer.doc)).toEqual(Y.encodeStateVector(peer.doc));
    moved.destroy();
    peer.destroy();
  });
});
