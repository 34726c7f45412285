import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { login, startTestServer, tempDataDir } from "../helpers/server.ts";
import { connectClient, textOf } from "../helpers/yClient.ts";

describe("a document whose stored state is damaged", async () => {
  const dataDir = tempDataDir();
  const server = await startTestServer({}, dataDir);
  const cookie = await login(server.url, "andrea.meier@so.ch");
  const db = new Database(path.join(dataDir, "accord.sqlite"));
  const damage = Buffer.from("not a yjs update at all");
  db.prepare("UPDATE documents SET last_seq = last_seq + 1 WHERE id = 'kip3-konzept-so'").run();
  db.prepare(
    `INSERT INTO updates (document_id, seq, data, user_id, at)
     SELECT id, last_seq, ?, NULL, 'now' FROM documents WHERE id = 'kip3-konzept-so'`,
  ).run(damage);
  const rowsBefore = db.prepare("SELECT seq, data FROM updates WHERE document_id = 'kip3-konzept-so'").all();

  it("is not served: the connection is closed with 4500", async () => {
    const client = connectClient(server.url, "kip3-konzept-so", cookie, { reconnect: false });
    expect((await client.closed).code).toBe(CloseCode.DocumentLoadFailed);
    expect(textOf(client.doc)).toBe("");
  });

  it("is left exactly as stored, not saved over as a blank document", () => {
    const rowsAfter = db.prepare("SELECT seq, data FROM updates WHERE document_id = 'kip3-konzept-so'").all();
    expect(rowsAfter).toEqual(rowsBefore);
    expect(db.prepare("SELECT count(*) AS n FROM snapshots WHERE document_id = 'kip3-konzept-so'").get()).toEqual({
      n: 0,
    });
  });

  it("does not affect the other documents", async () => {
    const client = connectClient(server.url, "kip3-vereinbarung-so", cookie);
    await client.synced;
    expect(textOf(client.doc)).toContain("Programmvereinbarung");
  });
});
