import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { createLogger } from "../log.ts";
import { AwarenessGate } from "./AwarenessGate.ts";
import { Connection } from "./Connection.ts";

/** An awareness update with one entry. */
function entry(clientId: number, clock: number, state: unknown): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 1);
  encoding.writeVarUint(enc, clientId);
  encoding.writeVarUint(enc, clock);
  encoding.writeVarString(enc, JSON.stringify(state));
  return encoding.toUint8Array(enc);
}

const connection = (id: string) =>
  new Connection({ id, name: id, orgId: "sem", orgName: "SEM", colour: "#1f5fa8" }, "viewer", {
    send: () => {},
    close: () => {},
  });

function setup() {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  const gate = new AwarenessGate(awareness, createLogger("silent"));
  const cursorOf = (clientId: number) =>
    (awareness.getStates().get(clientId) as { cursor?: string } | undefined)?.cursor;
  return { awareness, gate, cursorOf };
}

describe("AwarenessGate", () => {
  it("leaves a state relayed from another instance to its owner there", () => {
    const { awareness, gate, cursorOf } = setup();
    awarenessProtocol.applyAwarenessUpdate(awareness, entry(42, 1, { cursor: "remote" }), "remote");
    gate.receive(connection("a"), entry(42, 9, { cursor: "local" }));
    expect(cursorOf(42)).toBe("remote");
  });

  it("frees an id whose state timed out, for the same client's new connection", () => {
    const { awareness, gate, cursorOf } = setup();
    const stale = connection("a");
    gate.receive(stale, entry(7, 1, { cursor: "old" }));
    gate.receive(connection("a"), entry(7, 2, { cursor: "new" }));
    expect(cursorOf(7)).toBe("old");
    awarenessProtocol.removeAwarenessStates(awareness, [7], "timeout");
    gate.receive(connection("a"), entry(7, 3, { cursor: "new" }));
    expect(cursorOf(7)).toBe("new");
  });

  it("frees a connection's ids when it leaves, and removes their states", () => {
    const { gate, cursorOf } = setup();
    const first = connection("a");
    gate.receive(first, entry(5, 1, { cursor: "first" }));
    gate.leave(first);
    expect(cursorOf(5)).toBeUndefined();
    gate.receive(connection("b"), entry(5, 3, { cursor: "second" }));
    expect(cursorOf(5)).toBe("second");
  });
});
