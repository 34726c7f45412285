import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { missingDependency } from "./missingDependency.ts";

describe("missingDependency", () => {
  /** A doc with some text by one client, and a peer that has seen it. */
  function twoPeers() {
    const server = new Y.Doc();
    server.getText("t").insert(0, "Kanton Solothurn");
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));
    const known = (client: number) => Y.getState(server.store, client);
    /** The update `edit` makes on the peer, as it would send it. */
    const edit = (doc: Y.Doc, change: (d: Y.Doc) => void) => {
      const before = Y.encodeStateVector(doc);
      change(doc);
      return Y.decodeUpdate(Y.encodeStateAsUpdate(doc, before));
    };
    return { server, peer, known, edit };
  }

  it("finds nothing missing in an edit made on what the server has", () => {
    const inserting = twoPeers();
    expect(
      missingDependency(
        inserting.edit(inserting.peer, (d) => d.getText("t").insert(6, " und SEM")),
        inserting.known,
      ),
    ).toBeNull();
    const deleting = twoPeers();
    expect(
      missingDependency(
        deleting.edit(deleting.peer, (d) => d.getText("t").delete(0, 7)),
        deleting.known,
      ),
    ).toBeNull();
  });

  it("names a client's structs that start after the clock the server has", () => {
    const { peer, known, edit } = twoPeers();
    peer.getText("t").insert(0, "A"); // never sent
    expect(
      missingDependency(
        edit(peer, (d) => d.getText("t").insert(0, "B")),
        known,
      ),
    ).toMatch(/start at clock/);
  });

  it("names a struct placed next to another client's clock the server does not have", () => {
    const { server, peer, known, edit } = twoPeers();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    other.getText("t").insert(0, "X"); // someone's next keystroke, not sent
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(other));
    expect(
      missingDependency(
        edit(peer, (d) => d.getText("t").insert(1, "Y")),
        known,
      ),
    ).toMatch(/refers to clock/);
  });

  it("names deletions of clocks the server does not have", () => {
    const { server, peer, known, edit } = twoPeers();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    other.getText("t").insert(0, "X");
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(other));
    const deletion = edit(peer, (d) => d.getText("t").delete(0, 1));
    expect(deletion.structs).toHaveLength(0);
    expect(missingDependency(deletion, known)).toMatch(/deletes clocks/);
  });
});
