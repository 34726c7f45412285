import { expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { apiClient } from "../helpers/api.ts";
import { type ChildServer, startChildServer } from "../helpers/childServer.ts";
import { describeNeeding, freshRedisPrefix, freshSchema } from "../helpers/needsServices.ts";
import { login, tempDataDir } from "../helpers/server.ts";
import { TEST_DATABASE_URL, TEST_REDIS_URL, withSearchPath } from "../helpers/services.ts";
import { startTcpProxy, type TcpProxy } from "../helpers/tcpProxy.ts";
import { appendParagraph, connectClient, eventually, textOf } from "../helpers/yClient.ts";

const REDIS = new URL(TEST_REDIS_URL);
const PG = new URL(TEST_DATABASE_URL);
const DOC = "kip3-konzept-so";
const describeScaledOut = await describeNeeding("postgres", "redis");

/**
 * Two Accord instances on one PostgreSQL schema and one Redis (fresh channel prefix), each
 * reaching Redis and PostgreSQL through its own cuttable proxy, as behind a load balancer
 * without sticky sessions.
 */
describeScaledOut("several instances on PostgreSQL and Redis", async () => {
  const { schema } = await freshSchema("accord_so");
  const prefix = freshRedisPrefix();

  async function instance(): Promise<{ server: ChildServer; redis: TcpProxy; db: TcpProxy }> {
    const redis = await startTcpProxy(Number(REDIS.port || 6379), REDIS.hostname);
    const db = await startTcpProxy(Number(PG.port || 5432), PG.hostname);
    const dbUrl = new URL(TEST_DATABASE_URL);
    dbUrl.port = String(db.port);
    dbUrl.hostname = "127.0.0.1";
    const server = await startChildServer(tempDataDir(), {
      DATABASE_URL: withSearchPath(dbUrl.toString(), schema),
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

  /** A new document of Andrea's, made on instance A, with Lukas as its editor. */
  async function documentWithLukas(): Promise<string> {
    const call = apiClient(a.server.url);
    const created = await call<{ id: string }>("POST", "/api/documents", {
      cookie: cookieA,
      json: { title: "Rollenwechsel", kind: "concept" },
    });
    expect(created.status).toBe(201);
    expect((await changeRole(created.body.id, "editor")).status).toBe(200);
    return created.body.id;
  }
  const changeRole = (documentId: string, role: string) =>
    fetch(`${a.server.url}/api/documents/${documentId}/members`, {
      method: "PUT",
      headers: { cookie: cookieA, "content-type": "application/json", origin: a.server.url },
      body: JSON.stringify({ userId: "u-lukas", role }),
    });

  it("closes a member's connection on instance B when their role changes on instance A", async () => {
    const doc = await documentWithLukas();
    const lukasOnB = connectClient(b.server.url, doc, cookieB, { reconnect: false });
    await lukasOnB.synced;
    expect((await changeRole(doc, "commenter")).status).toBe(200);
    expect((await lukasOnB.closed).code).toBe(CloseCode.RenewConnection);
  });

  it("closes a member's connection whose role changed while its instance's Redis link was down, once it returns", async () => {
    const doc = await documentWithLukas();
    const lukasOnB = connectClient(b.server.url, doc, cookieB, { reconnect: false });
    await lukasOnB.synced;
    await b.redis.cut();
    expect((await changeRole(doc, "commenter")).status).toBe(200);
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
    const doomed = await instance(); // its own: the other tests keep both instances
    const writer = connectClient(doomed.server.url, DOC, await login(doomed.server.url, "andrea.meier@so.ch"));
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
    await doomed.server.kill9();
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
