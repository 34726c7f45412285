import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { createLogger } from "../log.ts";
import { missingDependency } from "../policy/missingDependency.ts";
import { Connection } from "./Connection.ts";
import { GroupCommit } from "./GroupCommit.ts";
import { updateMessage as updateFrame } from "./messages.ts";
import { Room, type RoomHooks } from "./Room.ts";
import type { UpdateLog, UpdateRecord } from "./UpdateLog.ts";
import { checkUpdate } from "./updateCheck.ts";

/**
 * The update log in memory: the whole port in a few lines. Appends wait for `gate`, so a
 * test can watch what happens while a commit is under way; `offered` is everything the
 * group commit handed it, `rows` what it stored.
 */
function memoryLog(gate: Promise<void> = Promise.resolve()) {
  const rows: (UpdateRecord & { seq: number })[] = [];
  const offered: UpdateRecord[] = [];
  const batches: number[] = [];
  const locked = new Set<string>();
  const of = (id: string) => rows.filter((r) => r.documentId === id);
  const last = (id: string) => of(id).at(-1)?.seq ?? 0;
  const log: UpdateLog = {
    async appendUpdates(batch) {
      await gate;
      offered.push(...batch);
      batches.push(batch.length);
      // A document's updates in one batch are stored or refused together.
      const refused = new Set(
        batch.filter((r) => locked.has(r.documentId) && !r.commentsOnly).map((r) => r.documentId),
      );
      return batch.map((r) => {
        if (refused.has(r.documentId)) return null;
        rows.push({ ...r, seq: last(r.documentId) + 1 });
        return last(r.documentId);
      });
    },
    async setDocumentLock(id, on) {
      if (on) locked.add(id);
      else locked.delete(id);
    },
    async readUpdatesSince(id, after) {
      const updates = of(id).filter((r) => r.seq > after);
      return { snapshot: null, updates, lastSeq: Math.max(after, last(id)) };
    },
    lastSeqOf: async (id) => last(id),
    loadState: async (id) => ({ snapshot: null, updates: of(id).map((r) => r.data), lastSeq: last(id) }),
    tailLength: async (id) => of(id).length,
    compact: async () => 0,
  };
  return { log, rows, offered, batches, locked };
}

/** A log whose appends wait until the test opens it. */
function gatedLog() {
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { ...memoryLog(gate), open };
}

/** A room on `doc` over `log`, with hooks that do nothing unless given. */
function roomOver(log: UpdateLog, doc = new Y.Doc(), hooks: Partial<RoomHooks> = {}) {
  const commit = new GroupCommit(log, createLogger("silent"));
  const room = new Room("doc", doc, {
    commit,
    log: createLogger("silent"),
    hooks: { empty() {}, broken() {}, committed() {}, awareness() {}, refused() {}, audit() {}, ...hooks },
  });
  return { room, commit };
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
  const conn = new Connection(
    { id: name, name, orgId: "kanton-so", orgName: "Kanton SO", colour: "#c8102e" },
    "editor",
    {
      send: (d) => received.push(d),
      close: () => {},
    },
  );
  return { conn, received };
}

describe("Room", () => {
  it("sends a peer nothing of an update before the store has committed it", async () => {
    const { log, rows: committed, open } = gatedLog();
    const { room, commit } = roomOver(log);
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
    const { log, rows, offered, locked, open } = gatedLog();
    locked.add("doc"); // locked by a milestone on another instance; the room does not know yet
    let broken = false;
    const { room, commit } = roomOver(log, new Y.Doc(), {
      broken: () => {
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
    expect(offered).toHaveLength(1); // the second update never reached the log
    expect(rows).toHaveLength(0);
  });

  it("groups the updates of one event-loop turn into one commit", async () => {
    const { log, batches } = memoryLog();
    const { room, commit } = roomOver(log);
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
    const doc = new Y.Doc();
    paragraphText(doc).insert(0, "Regierungsratsbeschluss");
    const { room, commit } = roomOver(memoryLog().log, doc);
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
    const { log, offered: committed } = memoryLog();
    const doc = new Y.Doc();
    paragraphText(doc).insert(0, "Programmvereinbarung");
    let broken = false;
    const { room, commit } = roomOver(log, doc, {
      broken: () => {
        broken = true;
      },
    });
    const bad = partiallyIntegratingUpdate(doc);
    const closes: Record<string, number> = {};
    const conn = (name: string) => {
      const received: Uint8Array[] = [];
      const c = new Connection({ id: name, name, orgId: "sem", orgName: "SEM", colour: "#1f5fa8" }, "editor", {
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
