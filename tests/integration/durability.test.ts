import { describe, expect, it } from "vitest";
import { startChildServer } from "../helpers/childServer.ts";
import { login, startTestServer, tempDataDir } from "../helpers/server.ts";
import { appendParagraph, connectClient, eventually, textOf } from "../helpers/yClient.ts";

const DOC = "kip3-konzept-so";

describe("durability", () => {
  it("keeps the content across a restart", async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({}, dataDir);
    const cookie = await login(first.url, "andrea.meier@so.ch");
    const writer = connectClient(first.url, DOC, cookie);
    const peer = connectClient(first.url, DOC, await login(first.url, "lukas.frei@so.ch"));
    await Promise.all([writer.synced, peer.synced]);
    appendParagraph(writer.doc, "Vor dem Neustart geschrieben.");
    await eventually(() => textOf(peer.doc).includes("Vor dem Neustart"), "the peer to see the edit");
    const expected = textOf(writer.doc);
    writer.destroy();
    peer.destroy();
    await first.close();

    const second = await startTestServer({}, dataDir);
    const reader = connectClient(second.url, DOC, await login(second.url, "andrea.meier@so.ch"));
    await reader.synced;
    expect(textOf(reader.doc)).toBe(expected);
  });

  it("loses no update a peer has seen when the server is killed with SIGKILL", async () => {
    const dataDir = tempDataDir();
    const server = await startChildServer(dataDir);
    const writer = connectClient(server.url, DOC, await login(server.url, "andrea.meier@so.ch"), { reconnect: false });
    const peer = connectClient(server.url, DOC, await login(server.url, "lukas.frei@so.ch"), { reconnect: false });
    await Promise.all([writer.synced, peer.synced]);

    // Type a burst; kill the server the moment the peer has seen edit 30, while later edits are in flight.
    let seenAtKill = "";
    const killed = new Promise<void>((resolve) => {
      peer.doc.on("update", () => {
        if (!seenAtKill && textOf(peer.doc).includes("Zeile 30<")) {
          seenAtKill = textOf(peer.doc);
          void server.kill9().then(resolve);
        }
      });
    });
    for (let i = 0; i < 200; i++) {
      appendParagraph(writer.doc, `Zeile ${i}`);
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    await killed;
    writer.destroy();
    peer.destroy();

    const restarted = await startChildServer(dataDir);
    const reader = connectClient(restarted.url, DOC, await login(restarted.url, "lukas.frei@so.ch"));
    await reader.synced;
    const after = textOf(reader.doc);
    // Everything the peer had seen is there (the stored text may contain more).
    for (let i = 0; i <= 30; i++) expect(after).toContain(`Zeile ${i}<`);
    expect(after.length).toBeGreaterThanOrEqual(seenAtKill.length);
  });

  it("compacts the log into a snapshot past the threshold and loads the same content", async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer({ COMPACT_THRESHOLD: "20", ROOM_IDLE_MS: "20" }, dataDir);
    const cookie = await login(server.url, "andrea.meier@so.ch");
    const writer = connectClient(server.url, DOC, cookie);
    await writer.synced;
    for (let i = 0; i < 50; i++) {
      appendParagraph(writer.doc, `Absatz ${i}`);
      await new Promise((r) => setTimeout(r, 2));
    }
    await eventually(() => textOf(writer.doc).includes("Absatz 49"), "local edits");
    const expected = textOf(writer.doc);
    await eventually(() => server.rooms.openRooms === 1, "room open");
    writer.destroy();
    await eventually(() => server.rooms.openRooms === 0, "the idle room to leave memory");
    const state = await server.store.loadState(DOC);
    expect(state.snapshot).not.toBeNull();
    expect(state.updates.length).toBe(0);

    const reader = connectClient(server.url, DOC, cookie);
    await reader.synced;
    expect(textOf(reader.doc)).toBe(expected);
  });
});
