import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadDoc } from "./loadDoc.ts";
import { wholeStateVector } from "./stateScan.ts";
import type { StoredState } from "./UpdateLog.ts";

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

/** A V1 update written by hand: per client a block of string items (optional origin), then delete ranges. */
function handUpdate(
  blocks: { client: number; items: { origin?: [number, number]; text: string }[] }[],
  deletes: [client: number, clock: number, len: number][] = [],
): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, blocks.length);
  for (const b of blocks) {
    encoding.writeVarUint(e, b.items.length);
    encoding.writeVarUint(e, b.client);
    encoding.writeVarUint(e, 0);
    for (const item of b.items) {
      if (item.origin) {
        encoding.writeUint8(e, 128 | 4);
        encoding.writeVarUint(e, item.origin[0]);
        encoding.writeVarUint(e, item.origin[1]);
      } else {
        encoding.writeUint8(e, 4);
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, "t");
      }
      encoding.writeVarString(e, item.text);
    }
  }
  encoding.writeVarUint(e, deletes.length);
  for (const [client, clock, len] of deletes) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, clock);
    encoding.writeVarUint(e, len);
  }
  return encoding.toUint8Array(e);
}

describe("wholeStateVector refuses what loadDoc refuses (review18)", () => {
  const loads = (update: Uint8Array) => {
    try {
      loadDoc("d", { snapshot: null, updates: [update] } as unknown as StoredState).destroy();
      return true;
    } catch {
      return false;
    }
  };
  const cases: Record<string, Uint8Array> = {
    "a zero-length delete at a client's end": handUpdate([{ client: 1, items: [{ text: "a" }] }], [[1, 1, 0]]),
    "a cycle between two clients": handUpdate([
      { client: 1, items: [{ origin: [2, 0], text: "a" }] },
      { client: 2, items: [{ origin: [1, 0], text: "b" }] },
    ]),
    "an item that is its own origin": handUpdate([{ client: 1, items: [{ origin: [1, 0], text: "a" }] }]),
    "an origin later in its own client": handUpdate([
      { client: 1, items: [{ origin: [1, 1], text: "a" }, { text: "b" }] },
    ]),
  };
  for (const [name, update] of Object.entries(cases)) {
    it(`null for ${name}`, () => {
      expect(loads(update)).toBe(false);
      expect(wholeStateVector(update)).toBeNull();
    });
  }

  it("still reads cross-client references in either block order", () => {
    const update = handUpdate([
      {
        client: 2,
        items: [
          { origin: [1, 1], text: "c" },
          { origin: [1, 0], text: "d" },
        ],
      },
      { client: 1, items: [{ text: "a" }, { origin: [1, 0], text: "b" }] },
      { client: 3, items: [{ origin: [2, 1], text: "e" }] },
    ]);
    expect(loads(update)).toBe(true);
    expect(wholeStateVector(update)).toEqual(
      new Map([
        [2, 2],
        [1, 2],
        [3, 1],
      ]),
    );
  });
});

describe("wholeStateVector on concurrent edits (review18)", () => {
  it("reads the state of three clients editing one text concurrently, merged in turns (random client ids: 30 runs)", () => {
    for (let run = 0; run < 30; run++) threeEditors();
  });
});

function threeEditors(): void {
  {
    const docs = [new Y.Doc({ gc: false }), new Y.Doc(), new Y.Doc()];
    for (let round = 0; round < 30; round++) {
      for (const [i, doc] of docs.entries()) {
        const text = doc.getText("t");
        text.insert(Math.floor(text.length / (i + 1)), `${i}:${round} `);
        if (text.length > 20 && round % 3 === i) text.delete(2, 3);
      }
      const [a, b, c] = docs as [Y.Doc, Y.Doc, Y.Doc];
      const pairs: [Y.Doc, Y.Doc][] =
        round % 2
          ? [
              [a, b],
              [b, c],
            ]
          : [
              [c, a],
              [a, b],
            ];
      for (const [from, to] of pairs) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
    }
    for (const doc of docs) {
      const update = Y.encodeStateAsUpdate(doc);
      expect(wholeStateVector(update)).toEqual(stateVectorOf(update));
    }
  }
}
