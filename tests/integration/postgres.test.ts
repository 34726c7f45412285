import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { login, startTestServer, tempDataDir } from "../helpers/server.ts";
import { connectClient, eventually, textOf } from "../helpers/yClient.ts";

const BASE = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `accord_it_${randomBytes(6).toString("hex")}`;
const url = `${BASE}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: BASE });
  await client.connect();
  await client.query(sql);
  await client.end();
}

describe("Accord on PostgreSQL (DATABASE_URL)", async () => {
  await admin(`CREATE SCHEMA ${schema}`);
  afterAll(() => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));

  it("seeds the demo data, syncs edits and keeps them across a restart", async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ DATABASE_URL: url }, dataDir);
    expect(first.seeded).toBe(true);
    const cookie = await login(first.url, "andrea.meier@so.ch");
    const writer = connectClient(first.url, "kip3-konzept-so", cookie);
    const peer = connectClient(first.url, "kip3-konzept-so", await login(first.url, "lukas.frei@so.ch"));
    await Promise.all([writer.synced, peer.synced]);
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText("In PostgreSQL gespeichert.")]);
    writer.doc.getXmlFragment(CONTENT_FIELD).push([p]);
    await eventually(() => textOf(peer.doc).includes("In PostgreSQL gespeichert."), "the peer to see the edit");
    writer.destroy();
    peer.destroy();
    await first.close();

    const second = await startTestServer({ DATABASE_URL: url }, dataDir);
    expect(second.seeded).toBe(false);
    const reader = connectClient(second.url, "kip3-konzept-so", await login(second.url, "andrea.meier@so.ch"));
    await reader.synced;
    expect(textOf(reader.doc)).toContain("In PostgreSQL gespeichert.");
  });
});
