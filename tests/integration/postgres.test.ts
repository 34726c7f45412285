import { expect, it } from "vitest";
import * as Y from "yjs";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { describeNeeding, freshSchema } from "../helpers/needsServices.ts";
import { login, startTestServer, tempDataDir } from "../helpers/server.ts";
import { connectClient, eventually, textOf } from "../helpers/yClient.ts";

const describeOnPostgres = await describeNeeding("postgres");

describeOnPostgres("Accord on PostgreSQL (DATABASE_URL)", async () => {
  const { url } = await freshSchema("accord_it");

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
