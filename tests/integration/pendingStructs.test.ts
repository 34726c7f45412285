import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { AccordServer } from "../../server/startServer.ts";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { makeSuggestionId } from "../../shared/suggestions/ids.ts";
import { updateFrame } from "../helpers/frames.ts";
import { rawSocket } from "../helpers/rawSocket.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { storedDoc } from "../helpers/stored.ts";
import { appendParagraph, connectClient, eventually, textOf } from "../helpers/yClient.ts";

const AGREEMENT = "kip3-vereinbarung-so"; // Lukas (canton) and Claire (SEM) are both editors
const FORGED = "Gefälschte Zusage des SEM";

/** The first text node of the document content (the first block's text). */
function firstText(doc: Y.Doc): Y.XmlText {
  const block = doc.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement;
  return block.get(0) as Y.XmlText;
}

/** What waits in the room's live doc for missing dependencies (nothing, ever). */
async function waiting(server: AccordServer, documentId: string) {
  const room = await server.rooms.acquire(documentId);
  server.rooms.releaseIfEmpty(room);
  return { structs: room.doc.store.pendingStructs, ds: room.doc.store.pendingDs };
}

/** A delete set of `ranges` one-clock deletions of a client nobody has seen, 4 bytes each. */
function unknownDeletions(client: number, ranges: number): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0); // no structs
  encoding.writeVarUint(enc, 1); // one client in the delete set
  encoding.writeVarUint(enc, client);
  encoding.writeVarUint(enc, ranges);
  for (let i = 0; i < ranges; i++) {
    encoding.writeVarUint(enc, 10_000 + i * 2);
    encoding.writeVarUint(enc, 1);
  }
  return encoding.toUint8Array(enc);
}

describe("nobody acts in someone else's name through pending structs", async () => {
  const server = await startTestServer({ MAX_CONNECTIONS_PER_USER: "20" });
  const lukas = await login(server.url, "lukas.frei@so.ch");
  const claire = await login(server.url, "claire.dubois@sem.admin.ch");
  const andrea = await login(server.url, "andrea.meier@so.ch");

  it("refuses an editor's structs that wait for another user's next clock (4512); they never land in that user's update", async () => {
    const sem = connectClient(server.url, AGREEMENT, claire, { reconnect: false });
    const watcher = connectClient(server.url, AGREEMENT, andrea, { reconnect: false });
    await Promise.all([sem.synced, watcher.synced]);

    // The forger copies Claire's doc, plays her next keystroke under her client id, and
    // writes a "suggestion by Claire" right after it: structs that wait for her next clock.
    const guess = new Y.Doc();
    guess.clientID = sem.doc.clientID;
    Y.applyUpdate(guess, Y.encodeStateAsUpdate(sem.doc));
    firstText(guess).insert(0, "x");
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(guess));
    const seen = Y.encodeStateVector(forger);
    const inHerName = makeSuggestionId({ userId: "u-claire", orgId: "sem" }, Date.now(), "forged01");
    firstText(forger).insert(1, FORGED, { insertion: { id: inHerName } });
    const forged = Y.encodeStateAsUpdate(forger, seen);

    const attacker = rawSocket(server.url, AGREEMENT, lukas);
    await attacker.opened;
    attacker.ws.send(updateFrame(forged));
    const closed = await Promise.race([
      attacker.closed,
      new Promise<{ code: number }>((r) => setTimeout(() => r({ code: 0 }), 1000)),
    ]);

    // Claire now types her next character, honestly.
    firstText(sem.doc).insert(0, "Q");
    await eventually(() => textOf(watcher.doc).includes("Q"), "Claire's keystroke to reach Andrea");
    await server.rooms.currentState(AGREEMENT); // the commit has settled
    const inStore = textOf(await storedDoc(server, AGREEMENT));
    expect(inStore).toContain("Q");
    expect(inStore).not.toContain(FORGED);
    expect(textOf(watcher.doc)).not.toContain(FORGED);
    expect(textOf(sem.doc)).not.toContain(FORGED);
    expect(closed.code).toBe(CloseCode.MissingDependencies);
    expect(await waiting(server, AGREEMENT)).toEqual({ structs: null, ds: null });
  });

  it("stores the edits of an honest client that was offline, also when it types while reconnecting", async () => {
    const offline = connectClient(server.url, AGREEMENT, lukas);
    await offline.synced;
    offline.provider.disconnect();
    appendParagraph(offline.doc, "Offline geschrieben, Teil 1");
    appendParagraph(offline.doc, "Offline geschrieben, Teil 2");
    // A keystroke right as the socket opens goes out before the sync handshake: it depends on
    // the offline edits the server does not have yet. It is refused with 4512, the stock
    // client reconnects, and its sync step 2 brings everything.
    const closes: number[] = [];
    offline.provider.on("connection-close", (e: { code: number } | null) => closes.push(e?.code ?? 0));
    let typed = false;
    offline.provider.on("status", ({ status }: { status: string }) => {
      if (status !== "connected" || typed) return;
      typed = true;
      appendParagraph(offline.doc, "Beim Verbinden getippt");
    });
    offline.provider.connect();
    const reader = connectClient(server.url, AGREEMENT, andrea, { reconnect: false });
    await reader.synced;
    await eventually(() => textOf(reader.doc).includes("Beim Verbinden getippt"), "the offline edits to arrive");
    const inStore = textOf(await storedDoc(server, AGREEMENT));
    for (const line of ["Offline geschrieben, Teil 1", "Offline geschrieben, Teil 2", "Beim Verbinden getippt"]) {
      expect(inStore).toContain(line);
    }
    expect(closes).toEqual([CloseCode.MissingDependencies]);
    expect(await waiting(server, AGREEMENT)).toEqual({ structs: null, ds: null });
  });

  it("refuses ten connections' delete sets for unknown clocks: nothing waits and keystrokes stay fast", async () => {
    const writer = connectClient(server.url, AGREEMENT, andrea, { reconnect: false });
    const reader = connectClient(server.url, AGREEMENT, claire, { reconnect: false });
    await Promise.all([writer.synced, reader.synced]);
    const attackers = Array.from({ length: 10 }, () => rawSocket(server.url, AGREEMENT, lukas));
    await Promise.all(attackers.map((a) => a.opened));
    for (const [i, a] of attackers.entries()) {
      const deletions = unknownDeletions(987_654_321 + i, 225_000); // about 0.9 MiB each
      expect(deletions.byteLength).toBeGreaterThan(850_000);
      a.ws.send(updateFrame(deletions));
    }
    const codes = await Promise.all(attackers.map((a) => a.closed.then((c) => c.code)));
    expect(codes).toEqual(attackers.map(() => CloseCode.MissingDependencies));
    expect(await waiting(server, AGREEMENT)).toEqual({ structs: null, ds: null });

    const rounds: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      appendParagraph(writer.doc, `Nach dem Angriff ${i}`);
      await eventually(() => textOf(reader.doc).includes(`Nach dem Angriff ${i}`), "the keystroke to arrive");
      rounds.push(performance.now() - started);
    }
    const median = rounds.sort((a, b) => a - b)[2] ?? Number.NaN;
    console.info(`keystroke round trip after ten pending delete sets: median ${median.toFixed(1)} ms`);
    expect(median).toBeLessThan(100);
  });
});
