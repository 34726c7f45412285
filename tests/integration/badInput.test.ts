import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { updateFrame } from "../helpers/frames.ts";
import { rawSocket } from "../helpers/rawSocket.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { appendParagraph, connectClient, eventually, textOf } from "../helpers/yClient.ts";

const DOC = "kip3-vereinbarung-so";

describe("bad input on the collaboration endpoint", async () => {
  const server = await startTestServer({ MAX_MESSAGE_BYTES: String(64 * 1024) });
  const andrea = await login(server.url, "andrea.meier@so.ch");
  const claire = await login(server.url, "claire.dubois@sem.admin.ch");

  // Two well-behaved users keep editing while a third connection misbehaves.
  const a = connectClient(server.url, DOC, andrea);
  const b = connectClient(server.url, DOC, claire);
  await Promise.all([a.synced, b.synced]);
  let round = 0;

  /** Sends `frame` on a fresh raw connection, returns its close, and checks the others are unaffected. */
  async function misbehave(frame: Uint8Array | string): Promise<{ code: number; reason: string }> {
    const before = (await server.store.loadState(DOC)).updates.length;
    const socket = rawSocket(server.url, DOC, andrea);
    await socket.opened;
    socket.ws.send(frame);
    const closed = await socket.closed;
    const text = `weiter ${round++}`;
    appendParagraph(a.doc, text);
    await eventually(() => textOf(b.doc).includes(text), "the peer to keep receiving edits");
    // Exactly the good edit was stored, nothing from the bad frame.
    expect((await server.store.loadState(DOC)).updates.length).toBe(before + 1);
    return closed;
  }

  it("closes a connection that sends a text frame with 4400", async () => {
    const closed = await misbehave("hello");
    expect(closed.code).toBe(CloseCode.BadMessage);
    expect(closed.reason).toContain("text frame");
  });

  it("closes a connection that sends an unknown message type with 4400", async () => {
    expect((await misbehave(new Uint8Array([7, 1, 2]))).code).toBe(CloseCode.BadMessage);
  });

  it("closes a connection that sends a truncated frame with 4400", async () => {
    expect((await misbehave(new Uint8Array([0]))).code).toBe(CloseCode.BadMessage);
  });

  it("closes a connection whose update is garbage with 4400 (yjs#479)", async () => {
    const garbage = new Uint8Array(Buffer.from("garbagedoc", "base64"));
    expect((await misbehave(updateFrame(garbage))).code).toBe(CloseCode.BadMessage);
  });

  it("closes a connection whose update is empty with 4400 (yjs#498)", async () => {
    expect((await misbehave(updateFrame(new Uint8Array()))).code).toBe(CloseCode.BadMessage);
  });

  it("closes a connection that sends an invalid awareness update with 4400", async () => {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 1);
    encoding.writeVarUint8Array(enc, new Uint8Array([1, 5, 1, 3, 0x7b, 0x7b, 0x7b])); // state "{{{"
    expect((await misbehave(encoding.toUint8Array(enc))).code).toBe(CloseCode.BadMessage);
  });

  it("closes a connection that sends a frame over the size limit with 1009", async () => {
    expect((await misbehave(new Uint8Array(100 * 1024))).code).toBe(CloseCode.MessageTooLarge);
  });

  it("closes a connection whose update waits for missing dependencies with 4512, storing nothing", async () => {
    // An update of a client whose first edit never arrived: it would wait for it.
    const stranger = new Y.Doc();
    stranger.getText("x").insert(0, "first");
    const seen = Y.encodeStateVector(stranger);
    stranger.getText("x").insert(0, "y".repeat(40_000));
    const closed = await misbehave(updateFrame(Y.encodeStateAsUpdate(stranger, seen)));
    expect(closed.code).toBe(CloseCode.MissingDependencies);
    expect(textOf(a.doc)).not.toContain("yyyy");
  });

  it("keeps the process and the document intact after all of that", async () => {
    const fresh = connectClient(server.url, DOC, claire);
    await fresh.synced;
    expect(textOf(fresh.doc)).toBe(textOf(a.doc));
  });
});
