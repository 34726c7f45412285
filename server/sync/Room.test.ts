import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { createLogger } from "../log.ts";
import type { Store, UpdateRecord } from "../store/Store.ts";
import { Connection } from "./Connection.ts";
import { GroupCommit } from "./GroupCommit.ts";
import { Room } from "./Room.ts";
import { checkUpdate, missingDependency } from "./updateCheck.ts";

/** A store whose commits wait until the test opens the gate, to watch what happens meanwhile. */
function gatedStore() {
  const committed: UpdateRecord[] = [];
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const store = {
    async appendUpdates(batch: readonly UpdateRecord[]) {
      await gate;
      committed.push(...batch);
      return batch.map((_, i) => committed.length - batch.length + i + 1);
    },
  } as unknown as Store;
  return { store, committed, open };
}

/** The text of the first paragraph of a document's content, created if missing. */
function paragraphText(doc: Y.Doc): Y.XmlText {
  const content = doc.getXmlFragment(CONTENT_FIELD);
  if (content.length === 0) {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText()]);
    content.insert(0, [paragraph]);
  }
  return (content.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

function recordingConnection(name: string) {
  const received: Uint8Array[] = [];
  const conn = new Connection({ id: name, name, orgId: "kanton-so", orgName: "Kanton Solothurn" }, "editor", {
    send: (d) => received.push(d),
    close: () => {},
  });
  return { conn, received };
}

function updateFrame(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  encoding.writeVarUint(enc, 2);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}

describe("Room", () => {
  it("sends a peer nothing of an update before the store has committed it", async () => {
    const { store, committed, open } = gatedStore();
    const commit = new GroupCommit(store, createLogger("silent"));
    const room = new Room("doc", new Y.Doc(), {
      commit,
      log: createLogger("silent"),
      onEmpty: () => {},
      onBroken: () => {},
    });
    const a = recordingConnection("a");
    const b = recordingConnection("b");
    room.join(a.conn);
    room.join(b.conn);
    const receivedAtJoin = b.received.length;

    const client = new Y.Doc();
    paragraphText(client).insert(0, "Regierungsratsbeschluss");
    room.receive(a.conn, updateFrame(Y.encodeStateAsUpdate(client)));
    // A newcomer asking for the state must not get it early either.
    const c = recordingConnection("c");
    room.join(c.conn);

    await new Promise((r) => setTimeout(r, 20));
    expect(committed).toHaveLength(0);
    expect(b.received).toHaveLength(receivedAtJoin);
    expect(c.received).toHaveLength(0);

    open();
    await commit.flush();
    expect(committed).toHaveLength(1);
    expect(b.received.length).toBeGreaterThan(receivedAtJoin);
    expect(c.received.length).toBeGreaterThan(0);
  });

  it("stores nothing it queued after an update the locked log refused: it may depend on it", async () => {
    const { store, committed, open } = gatedStore();
    const refusing = {
      async appendUpdates(batch: readonly UpdateRecord[]) {
        const first = committed.length === 0;
        const seqs = await store.appendUpdates(batch);
        return first ? batch.map(() => null) : seqs; // the first batch meets the lock
      },
    } as unknown as Store;
    const commit = new GroupCommit(refusing, createLogger("silent"));
    let broken = false;
    const room = new Room("doc", new Y.Doc(), {
      commit,
      log: createLogger("silent"),
      onEmpty: () => {},
      onBroken: () => {
        broken = true;
      },
    });
    const a = recordingConnection("a");
    room.join(a.conn);
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on("update", (u: Uint8Array) => updates.push(u));
    paragraphText(client).insert(0, "gesperrt");
    room.receive(a.conn, updateFrame(updates[0] as Uint8Array));
    await new Promise((r) => setImmediate(r)); // the first commit is under way
    paragraphText(client).insert(0, "danach ");
    room.receive(a.conn, updateFrame(updates[1] as Uint8Array));
    open();
    await commit.flush();
    expect(broken).toBe(true);
    expect(committed).toHaveLength(1);
  });

  it("groups the updates of one event-loop turn into one commit", async () => {
    const batches: number[] = [];
    const store = {
      async appendUpdates(batch: readonly UpdateRecord[]) {
        batches.push(batch.length);
        return batch.map((_, i) => i + 1);
      },
    } as unknown as Store;
    const commit = new GroupCommit(store, createLogger("silent"));
    const room = new Room("doc", new Y.Doc(), {
      commit,
      log: createLogger("silent"),
      onEmpty: () => {},
      onBroken: () => {},
    });
    const a = recordingConnection("a");
    room.join(a.conn);
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on("update", (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 5; i++) paragraphText(client).insert(0, `${i}`);
    for (const u of updates) room.receive(a.conn, updateFrame(u));
    await commit.flush();
    expect(batches).toEqual([updates.length]);
  });

  it("sends a writer every change it did not make itself, including the cleanup Yjs adds after its update", async () => {
    const store = {
      async appendUpdates(batch: readonly UpdateRecord[]) {
        return batch.map((_, i) => i + 1);
      },
    } as unknown as Store;
    const commit = new GroupCommit(store, createLogger("silent"));
    const doc = new Y.Doc();
    paragraphText(doc).insert(0, "Regierungsratsbeschluss");
    const room = new Room("doc", doc, {
      commit,
      log: createLogger("silent"),
      onEmpty: () => {},
      onBroken: () => {},
    });
    // Two writers bold the same word concurrently; the second update leaves duplicate
    // format markers, which Yjs removes on the server in a transaction of its own.
    const writers = ["a", "b"].map((name) => {
      const replica = new Y.Doc();
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
      paragraphText(replica).format(0, 10, { bold: {} });
      return { ...recordingConnection(name), replica };
    });
    const [first, second] = writers;
    if (!first || !second) throw new Error("two writers");
    const notBySecond: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== second.conn) notBySecond.push(update);
    });
    for (const w of writers) room.join(w.conn);
    for (const w of writers) room.receive(w.conn, updateFrame(Y.encodeStateAsUpdate(w.replica)));
    await commit.flush();

    expect(notBySecond.length).toBe(2); // the first writer's update and the cleanup
    const sentToSecond = second.received.flatMap((frame) => {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 2) return [];
      return [decoding.readVarUint8Array(decoder)];
    });
    expect(sentToSecond).toEqual(notBySecond);
  });
});

/** Finds, deterministically, a mutated real update that decodes but throws half-way through integration. */
function partiallyIntegratingUpdate(base: Y.Doc): Uint8Array {
  const author = new Y.Doc();
  Y.applyUpdate(author, Y.encodeStateAsUpdate(base));
  const text = paragraphText(author);
  const before = Y.encodeStateVector(author);
  for (let i = 0; i < 20; i++) text.insert(i % 3, `Absatz ${i} `);
  text.format(0, 10, { bold: true });
  const good = Y.encodeStateAsUpdate(author, before);
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let attempt = 0; attempt < 100_000; attempt++) {
    const bad = good.slice();
    for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
      bad[Math.floor(random() * bad.length)] = Math.floor(random() * 256);
    }
    try {
      // One the room would refuse before applying (missing dependencies) is no use here.
      if (missingDependency(checkUpdate(bad), (client) => Y.getState(base.store, client))) continue;
    } catch {
      continue;
    }
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(base));
    let emitted = false;
    scratch.on("update", () => {
      emitted = true;
    });
    try {
      Y.applyUpdate(scratch, bad);
    } catch {
      if (emitted) return bad;
    }
  }
  throw new Error("no partially integrating update found");
}

describe("Room with an update that throws during integration", () => {
  it("commits and sends nothing of it and closes only the sender, with 4400", async () => {
    const committed: UpdateRecord[] = [];
    const store = {
      async appendUpdates(batch: readonly UpdateRecord[]) {
        committed.push(...batch);
        return batch.map((_, i) => i + 1);
      },
    } as unknown as Store;
    const commit = new GroupCommit(store, createLogger("silent"));
    const doc = new Y.Doc();
    paragraphText(doc).insert(0, "Programmvereinbarung");
    let broken = false;
    const room = new Room("doc", doc, {
      commit,
      log: createLogger("silent"),
      onEmpty: () => {},
      onBroken: () => {
        broken = true;
      },
    });
    const bad = partiallyIntegratingUpdate(doc);
    const closes: Record<string, number> = {};
    const conn = (name: string) => {
      const received: Uint8Array[] = [];
      const c = new Connection({ id: name, name, orgId: "sem", orgName: "SEM" }, "editor", {
        send: (d) => received.push(d),
        close: (code) => {
          closes[name] = code;
        },
      });
      room.join(c);
      return { c, received };
    };
    const offender = conn("offender");
    const peer = conn("peer");
    const receivedBefore = peer.received.length;

    room.receive(offender.c, updateFrame(bad));
    await commit.flush();

    expect(committed).toHaveLength(0);
    expect(peer.received).toHaveLength(receivedBefore);
    // The shadow doc took the damage; the live doc and the peer never saw it.
    expect(closes).toEqual({ offender: 4400 });
    expect(broken).toBe(false);
    expect(paragraphText(doc).toString()).toBe("Programmvereinbarung");
  });
});
