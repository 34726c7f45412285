import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { cleanup } from "../helpers/cleanup.ts";
import { login, startTestServer, tempDataDir } from "../helpers/server.ts";
import { eventually } from "../helpers/yClient.ts";

describe("review18: a cold load whose membership re-check fails", async () => {
  const dataDir = tempDataDir();
  const server = await startTestServer({ ROOM_IDLE_MS: "50" }, dataDir);
  const andrea = await login(server.url, "andrea.meier@so.ch");
  const db = new Database(path.join(dataDir, "accord.sqlite"));
  cleanup(() => db.close());

  it("does not leave the room it loaded open for ever", async () => {
    const res = await fetch(`${server.url}/api/documents`, {
      method: "POST",
      headers: { cookie: andrea, "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ title: "Kalt geladen", kind: "concept" }),
    });
    const { id } = (await res.json()) as { id: string };
    const doc = new Y.Doc();
    doc.getXmlFragment(CONTENT_FIELD).push([new Y.XmlElement("paragraph")]);
    db.prepare("DELETE FROM updates WHERE document_id = ?").run(id);
    db.prepare("DELETE FROM snapshots WHERE document_id = ?").run(id);
    db.prepare("UPDATE documents SET last_seq = last_seq + 1 WHERE id = ?").run(id);
    db.prepare(
      "INSERT INTO updates (document_id, seq, data, user_id, at) SELECT id, last_seq, ?, NULL, 'now' FROM documents WHERE id = ?",
    ).run(Buffer.from(Y.encodeStateAsUpdate(doc)), id);

    // The store answers the admission check, then fails (a database failing over) on the
    // re-check made just before the stored state would be sent.
    const roleOf = server.store.roleOf.bind(server.store);
    let calls = 0;
    server.store.roleOf = async (documentId, userId) => {
      if (documentId === id && ++calls === 2) throw new Error("connection terminated");
      return roleOf(documentId, userId);
    };
    cleanup(() => {
      server.store.roleOf = roleOf;
    });
    const ws = new WebSocket(`${server.url.replace(/^http/, "ws")}/collab/${id}`, { headers: { cookie: andrea } });
    cleanup(() => ws.terminate());
    const code = await new Promise<number>((resolve) => ws.on("close", resolve));
    expect(code).toBe(CloseCode.StorageUnavailable);
    const entries = (server.rooms as unknown as { entries: Map<string, unknown> }).entries;
    await eventually(() => !entries.has(id), "the room unloaded once idle");
  });
});
