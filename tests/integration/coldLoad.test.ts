import path from "node:path";
import Database from "better-sqlite3";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { MessageType } from "../../shared/protocol/messageTypes.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { cleanup } from "../helpers/cleanup.ts";
import { login, startTestServer, tempDataDir } from "../helpers/server.ts";
import { connectClient, eventually, textOf } from "../helpers/yClient.ts";

/** A raw protocol client: the frames it got, in order, and how it was closed. */
interface RawClient {
  ws: WebSocket;
  /** Sync messages received: subtype and payload. */
  syncs: { type: number; payload: Uint8Array }[];
  closed: Promise<number>;
  send(frame: Uint8Array): void;
}

function rawClient(url: string, documentId: string, cookie: string, onOpen: Uint8Array[] = []): RawClient {
  const ws = new WebSocket(`${url.replace(/^http/, "ws")}/collab/${documentId}`, { headers: { cookie } });
  cleanup(() => ws.terminate());
  const syncs: RawClient["syncs"] = [];
  ws.on("message", (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== MessageType.Sync) return;
    syncs.push({ type: decoding.readVarUint(d), payload: decoding.readVarUint8Array(d) });
  });
  // Sent the moment the socket opens: before the server can have built the room.
  ws.on("open", () => {
    for (const frame of onOpen) ws.send(frame);
  });
  const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
  return { ws, syncs, closed, send: (frame) => ws.send(frame) };
}

const syncFrame = (type: number, payload: Uint8Array) => {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Sync);
  encoding.writeVarUint(enc, type);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
};
const emptyStep1 = () => syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc()));

/** A paragraph typed with corrections, not garbage-collected: re-encoding it on a server doc changes its bytes. */
function typedState(): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  doc.getXmlFragment(CONTENT_FIELD).push([paragraph]);
  text.insert(0, "Die Erstinformation erfolgt in den Gemeinden.");
  text.delete(4, 5);
  text.insert(4, "Erst");
  return Y.encodeStateAsUpdate(doc);
}

describe("a cold load", async () => {
  const dataDir = tempDataDir();
  const server = await startTestServer({}, dataDir);
  const andrea = await login(server.url, "andrea.meier@so.ch");
  const marco = await login(server.url, "marco.rossi@sem.admin.ch");
  const db = new Database(path.join(dataDir, "accord.sqlite"));
  cleanup(() => db.close());

  /** A new document of Andrea's whose log is exactly `update` (one row), not loaded by the server. */
  async function storedAs(update: Uint8Array): Promise<string> {
    const res = await fetch(`${server.url}/api/documents`, {
      method: "POST",
      headers: { cookie: andrea, "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ title: "Kalt geladen", kind: "concept" }),
    });
    const { id } = (await res.json()) as { id: string };
    db.prepare("DELETE FROM updates WHERE document_id = ?").run(id);
    db.prepare("DELETE FROM snapshots WHERE document_id = ?").run(id);
    db.prepare("UPDATE documents SET last_seq = last_seq + 1 WHERE id = ?").run(id);
    db.prepare(
      "INSERT INTO updates (document_id, seq, data, user_id, at) SELECT id, last_seq, ?, NULL, 'now' FROM documents WHERE id = ?",
    ).run(Buffer.from(update), id);
    return id;
  }

  it("answers the first sync with the stored bytes as stored, then only with what the room has beyond them", async () => {
    const stored = typedState();
    const client = rawClient(server.url, await storedAs(stored), andrea, [emptyStep1()]);
    await eventually(
      () => client.syncs.filter((s) => s.type === syncProtocol.messageYjsSyncStep2).length >= 2,
      "2 steps",
    );
    const [first, second] = client.syncs.filter((s) => s.type === syncProtocol.messageYjsSyncStep2);
    expect(Buffer.from(first?.payload ?? [])).toEqual(Buffer.from(stored));
    // The answer to the client's own (empty) state vector does not send the state again.
    expect(second?.payload.length ?? 0).toBeLessThan(stored.length / 2);
    const doc = new Y.Doc();
    for (const s of [first, second]) Y.applyUpdate(doc, s?.payload ?? new Uint8Array());
    const expected = new Y.Doc();
    Y.applyUpdate(expected, stored);
    expect(textOf(doc)).toBe(textOf(expected));
  });

  it("keeps an update sent while the room is still building, and applies it", async () => {
    const stored = typedState();
    const id = await storedAs(stored);
    const writer = new Y.Doc();
    Y.applyUpdate(writer, stored);
    const before = Y.encodeStateVector(writer);
    const text = (writer.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(text.length, " Neu.");
    const edit = Y.encodeStateAsUpdate(writer, before);
    const client = rawClient(server.url, id, andrea, [emptyStep1(), syncFrame(syncProtocol.messageYjsUpdate, edit)]);
    const reader = connectClient(server.url, id, andrea);
    await reader.synced;
    await eventually(() => textOf(reader.doc).includes("Neu."), "the edit sent during the load");
    expect(client.ws.readyState).toBe(WebSocket.OPEN);
  });

  it("refuses a stored state that needs clocks it lacks with 4500, before any byte of it is sent", async () => {
    const doc = new Y.Doc();
    doc.getXmlFragment(CONTENT_FIELD).push([new Y.XmlElement("paragraph")]);
    const sv = Y.encodeStateVector(doc);
    doc.getXmlFragment(CONTENT_FIELD).push([new Y.XmlElement("paragraph")]);
    const client = rawClient(server.url, await storedAs(Y.encodeStateAsUpdate(doc, sv)), andrea, [emptyStep1()]);
    expect(await client.closed).toBe(CloseCode.DocumentLoadFailed);
    expect(client.syncs.filter((s) => s.type !== syncProtocol.messageYjsSyncStep1)).toEqual([]);
  });

  it("refuses stored garbage with 4500, before any byte of it is sent", async () => {
    const garbage = new TextEncoder().encode("not a yjs update at all");
    const client = rawClient(server.url, await storedAs(garbage), andrea, [emptyStep1()]);
    expect(await client.closed).toBe(CloseCode.DocumentLoadFailed);
    expect(client.syncs).toEqual([]);
  });

  it("sends a non-member nothing of the document", async () => {
    const client = rawClient(server.url, await storedAs(typedState()), marco, [emptyStep1()]);
    expect(await client.closed).toBe(CloseCode.Forbidden);
    expect(client.syncs).toEqual([]);
  });

  it("refuses with 4500, before any byte of it is sent, a stored state whose clients reference each other in a cycle (review18)", async () => {
    // Two clients, each one string item whose origin is the other's: every byte checks out
    // (clocks, references inside the state), yet Yjs leaves both pending.
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 2);
    for (const [client, other] of [
      [1, 2],
      [2, 1],
    ]) {
      encoding.writeVarUint(enc, 1);
      encoding.writeVarUint(enc, client ?? 0);
      encoding.writeVarUint(enc, 0);
      encoding.writeUint8(enc, 128 | 4);
      encoding.writeVarUint(enc, other ?? 0);
      encoding.writeVarUint(enc, 0);
      encoding.writeVarString(enc, "geheim");
    }
    encoding.writeVarUint(enc, 0);
    const client = rawClient(server.url, await storedAs(encoding.toUint8Array(enc)), andrea, [emptyStep1()]);
    expect(await client.closed).toBe(CloseCode.DocumentLoadFailed);
    expect(client.syncs.filter((s) => s.type !== syncProtocol.messageYjsSyncStep1)).toEqual([]);
  });
});
