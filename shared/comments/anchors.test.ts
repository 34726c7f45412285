import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";

/**
 * A comment anchors to a passage with two Yjs relative positions: the start sticks to
 * the first quoted character (assoc 0), the end to the last one (assoc -1). Whatever two
 * people type and delete concurrently, after syncing both replicas must agree on the
 * passage, and it must still hold exactly the quoted characters that survive.
 */

// Base text in lower case; the quoted passage in upper case, so survivors can be told apart.
const BEFORE = "die integrationsfoerderung stuetzt sich auf ";
const QUOTE = "AIGVINTA";
const AFTER = " und das kantonale sozialgesetz.";

type Op = { kind: "insert"; at: number; text: string } | { kind: "delete"; at: number; length: number };

const op = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.stringMatching(/^[a-z ]{1,4}$/) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
);

function apply(text: Y.Text, o: Op): void {
  const at = o.at % (text.length + 1);
  if (o.kind === "insert") text.insert(at, o.text);
  else if (at < text.length) text.delete(at, Math.min(o.length, text.length - at));
}

function resolve(doc: Y.Doc, rel: Uint8Array): number {
  const abs = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(rel), doc);
  if (!abs) throw new Error("anchor did not resolve");
  return abs.index;
}

describe("comment anchors", () => {
  it("keep exactly the surviving quoted text under concurrent edits on two replicas", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), fc.array(op, { maxLength: 12 }), (opsA, opsB) => {
        const a = new Y.Doc();
        const textA = a.getText("t");
        textA.insert(0, BEFORE + QUOTE + AFTER);
        const start = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(textA, BEFORE.length, 0));
        const end = Y.encodeRelativePosition(
          Y.createRelativePositionFromTypeIndex(textA, BEFORE.length + QUOTE.length, -1),
        );
        const b = new Y.Doc();
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

        for (const o of opsA) apply(textA, o);
        for (const o of opsB) apply(b.getText("t"), o);
        Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

        const final = textA.toString();
        expect(b.getText("t").toString()).toBe(final);
        const range = [resolve(a, start), resolve(a, end)] as const;
        expect([resolve(b, start), resolve(b, end)]).toEqual(range);

        const survivors = final.replace(/[^A-Z]/g, "");
        const inside = range[0] < range[1] ? final.slice(range[0], range[1]) : "";
        expect(inside.replace(/[^A-Z]/g, "")).toBe(survivors);
        // Orphaned exactly when nothing of the quote is left.
        expect(survivors === "").toBe(inside.replace(/[^A-Z]/g, "") === "");
      }),
      { numRuns: 500 },
    );
  });
});
