import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createLogger } from "../log.ts";
import type { Store, UpdateRecord } from "../store/Store.ts";
import { Connection } from "./Connection.ts";
import { GroupCommit } from "./GroupCommit.ts";
import { Room } from "./Room.ts";

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

function recordingConnection(name: string) {
  const received: Uint8Array[] = [];
  const conn = new Connection({ id: name, name, orgId: "kanton-so" }, "editor", {
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
      maxPendingBytes: 1 << 20,
      onEmpty: () => {},
      onBroken: () => {},
    });
    const a = recordingConnection("a");
    const b = recordingConnection("b");
    room.join(a.conn);
    room.join(b.conn);
    const receivedAtJoin = b.received.length;

    const client = new Y.Doc();
    client.getText("t").insert(0, "Regierungsratsbeschluss");
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
      maxPendingBytes: 1 << 20,
      onEmpty: () => {},
      onBroken: () => {},
    });
    const a = recordingConnection("a");
    room.join(a.conn);
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on("update", (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 5; i++) client.getText("t").insert(0, `${i}`);
    for (const u of updates) room.receive(a.conn, updateFrame(u));
    await commit.flush();
    expect(batches).toEqual([5]);
  });
});
