import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { mergeThroughDoc } from "./compaction.ts";
import { historyRuns } from "./historyRuns.ts";

/** An edit of one of two synced clients: insert `text` or delete `length` characters, at a relative position. */
const editArb = fc.record({
  client: fc.constantFrom(0, 1),
  insert: fc.boolean(),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  text: fc.string({ minLength: 1, maxLength: 4 }),
  length: fc.integer({ min: 1, max: 5 }),
});

type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

/** Plays the edits on two synced docs; returns each update and the text after it. */
function play(edits: readonly Edit[]) {
  const docs = [new Y.Doc(), new Y.Doc()];
  const log: { data: Uint8Array; text: string }[] = [];
  docs.forEach((doc, i) => {
    doc.on("update", (data: Uint8Array, origin: unknown) => {
      if (origin === "remote") return;
      Y.applyUpdate(docs[1 - i] as Y.Doc, data, "remote");
      log.push({ data, text: doc.getText("t").toString() });
    });
  });
  for (const e of edits) {
    const text = (docs[e.client] as Y.Doc).getText("t");
    const at = Math.floor(e.at * text.length);
    if (e.insert || text.length === 0) text.insert(at, e.text);
    else text.delete(at, Math.min(e.length, text.length - at) || 1);
  }
  return log.filter((u) => u.data.length > 2);
}

const textOf = (updates: readonly Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText("t").toString();
};

describe("historyRuns", () => {
  it("rebuilds the text after every run, across a compaction, with what was deleted before", () => {
    fc.assert(
      fc.property(
        fc.array(editArb, { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (edits, runLengths, cut) => {
          const log = play(edits);
          // Runs of the log as compaction groups them, and a compaction somewhere between runs.
          const runs: (typeof log)[] = [];
          for (let i = 0, k = 0; i < log.length; k++) {
            const n = runLengths[k % runLengths.length] as number;
            runs.push(log.slice(i, i + n));
            i += n;
          }
          const split = Math.floor(cut * runs.length);
          const first = runs.slice(0, split);
          const second = runs.slice(split);
          const rows = historyRuns(
            null,
            first.map((r) => r.map((u) => u.data)),
          );
          const snapshot = first.length
            ? mergeThroughDoc(
                null,
                first.flat().map((u) => u.data),
              )
            : null;
          rows.push(
            ...historyRuns(
              snapshot,
              second.map((r) => r.map((u) => u.data)),
            ),
          );
          expect(rows).toHaveLength(runs.length);
          runs.forEach((run, k) => {
            expect(textOf(rows.slice(0, k + 1))).toBe(run.at(-1)?.text);
          });
        },
      ),
    );
  });

  it("keeps one item for a typed word (a few bytes a keystroke less than merging the updates)", () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    for (const ch of "Integrationsförderung") doc.getText("t").insert(doc.getText("t").length, ch);
    const [row] = historyRuns(null, [updates]);
    expect(Y.decodeUpdate(row as Uint8Array).structs).toHaveLength(1);
    expect(Y.decodeUpdate(Y.mergeUpdates(updates)).structs).toHaveLength(updates.length);
    expect(textOf([row as Uint8Array])).toBe("Integrationsförderung");
  });

  it("stores a run's own deletions only, not every deletion before it", () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    const text = doc.getText("t");
    for (let i = 0; i < 50; i++) {
      text.insert(0, "ab");
      text.delete(1, 1);
    }
    const rows = historyRuns(
      null,
      updates.map((u) => [u]),
    );
    const last = Y.decodeUpdate(rows.at(-1) as Uint8Array);
    expect([...last.ds.clients.values()].flat()).toHaveLength(1);
    expect(textOf(rows)).toBe(text.toString());
  });
});
