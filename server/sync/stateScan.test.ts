import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { wholeStateVector } from "./stateScan.ts";

const stateVectorOf = (update: Uint8Array) => Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update));

/** A doc with every kind of content Yjs stores, edited by two clients. */
function richState(): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc({ gc: false });
  const fragment = doc.getXmlFragment("default");
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  fragment.push([paragraph]);
  text.insert(0, "Grüezi 👋 mitenand", { bold: true });
  text.delete(2, 3);
  text.insertEmbed(1, { image: "x.png" });
  const map = doc.getMap("meta");
  map.set("n", 1);
  map.set("list", [1, "two", { three: 3n.toString() }, null, true, new Uint8Array([1, 2])]);
  doc.getArray("json").push([{ a: 1 }]);
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  other.getXmlFragment("default").push([new Y.XmlElement("heading")]);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
  return { doc, update: Y.encodeStateAsUpdate(doc) };
}

describe("wholeStateVector", () => {
  it("reads the state vector of a whole state, as Yjs decodes it", () => {
    const { update } = richState();
    expect(wholeStateVector(update)).toEqual(stateVectorOf(update));
  });

  it("reads a garbage-collected state too", () => {
    const doc = new Y.Doc();
    const text = doc.getText("t");
    for (let i = 0; i < 200; i++) text.insert(i % 7, `x${i}`);
    text.delete(3, 100);
    const update = Y.encodeStateAsUpdate(doc);
    expect(wholeStateVector(update)).toEqual(stateVectorOf(update));
  });

  it("refuses bytes that do not decode, or trail", () => {
    const { update } = richState();
    expect(wholeStateVector(new TextEncoder().encode("not a yjs update at all"))).toBeNull();
    expect(wholeStateVector(update.subarray(0, update.length - 3))).toBeNull();
    expect(wholeStateVector(new Uint8Array([...update, 0]))).toBeNull();
  });

  it("refuses an empty state (the load would find stored data that loads empty)", () => {
    expect(wholeStateVector(Y.encodeStateAsUpdate(new Y.Doc()))).toBeNull();
  });

  it("refuses a state that needs clocks it does not have", () => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "first");
    const before = Y.encodeStateVector(doc);
    doc.getText("t").insert(5, " second");
    // The second transaction alone starts at clock 5 and refers to clock 4.
    expect(wholeStateVector(Y.encodeStateAsUpdate(doc, before))).toBeNull();
  });

  it("refuses a merged update with a gap (Skip)", () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    for (const s of ["a", "b", "c"]) doc.getText("t").insert(0, s);
    expect(wholeStateVector(Y.mergeUpdates([updates[0] as Uint8Array, updates[2] as Uint8Array]))).toBeNull();
  });

  it("refuses a delete of clocks outside the state", () => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "abc");
    const enc = encoding.createEncoder();
    // One client block: client 1, one string struct "abc" under the root type "t".
    encoding.writeVarUint(enc, 1);
    encoding.writeVarUint(enc, 1);
    encoding.writeVarUint(enc, 1);
    encoding.writeVarUint(enc, 0);
    encoding.writeUint8(enc, 4);
    encoding.writeVarUint(enc, 1);
    encoding.writeVarString(enc, "t");
    encoding.writeVarString(enc, "abc");
    const structs = encoding.toUint8Array(enc);
    const withDeletes = (clock: number, len: number) => {
      const ds = encoding.createEncoder();
      encoding.writeVarUint(ds, 1);
      encoding.writeVarUint(ds, 1);
      encoding.writeVarUint(ds, 1);
      encoding.writeVarUint(ds, clock);
      encoding.writeVarUint(ds, len);
      return new Uint8Array([...structs, ...encoding.toUint8Array(ds)]);
    };
    expect(wholeStateVector(withDeletes(1, 2))).toEqual(new Map([[1, 3]]));
    expect(wholeStateVector(withDeletes(2, 5))).toBeNull();
  });

  it("refuses a parent that is not a type", () => {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 1); // one client block
    encoding.writeVarUint(enc, 2); // two structs
    encoding.writeVarUint(enc, 1); // client 1
    encoding.writeVarUint(enc, 0); // from clock 0
    encoding.writeUint8(enc, 4); // a string under the root type "t"
    encoding.writeVarUint(enc, 1);
    encoding.writeVarString(enc, "t");
    encoding.writeVarString(enc, "a");
    encoding.writeUint8(enc, 4); // a string whose parent is that string item
    encoding.writeVarUint(enc, 0);
    encoding.writeVarUint(enc, 1);
    encoding.writeVarUint(enc, 0);
    encoding.writeVarString(enc, "b");
    encoding.writeVarUint(enc, 0); // no deletes
    expect(wholeStateVector(encoding.toUint8Array(enc))).toBeNull();
  });
});
