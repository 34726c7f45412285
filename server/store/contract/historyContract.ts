import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { mergeThroughDoc } from "../../sync/compaction.ts";
import { historyRuns } from "../../sync/historyRuns.ts";
import { indexUpdates } from "../../sync/updateRanges.ts";
import type { HistoryUnit } from "../ports/HistoryStore.ts";
import type { Store } from "../Store.ts";
import { ALICE, BOB, DOC_A, DOC_B, eachFresh, hex } from "./fixtures.ts";

/** Alice types "Kanton ", Bob deletes "Kanton" and types "Bund", Alice types "!": three runs. */
function turns() {
  const doc = new Y.Doc();
  doc.clientID = 11;
  const text = doc.getText("content");
  const out: { documentId: string; data: Uint8Array; userId: string }[] = [];
  let user = ALICE.id;
  doc.on("update", (data: Uint8Array) => out.push({ documentId: DOC_A, data, userId: user }));
  for (const ch of "Kanton ") text.insert(text.length, ch);
  user = BOB.id;
  text.delete(0, 6);
  text.insert(0, "Bund");
  user = ALICE.id;
  text.insert(text.length, "!");
  return out;
}

/** The text after the units up to and including sequence number `seq`. */
function textAt(units: readonly HistoryUnit[], seq: number): string {
  const doc = new Y.Doc();
  for (const u of units) if (u.lastSeq <= seq) Y.applyUpdate(doc, u.data);
  return doc.getText("content").toString();
}

const spans = (units: readonly HistoryUnit[]) => units.map((u) => [u.firstSeq, u.lastSeq, u.userId]);

/** The Verlauf's history: nothing it shows is lost when compaction folds the log. */
export function describeHistoryContract(open: () => Promise<Store>): void {
  const t = eachFresh(open);

  describe("history of the update log", () => {
    it("lists the log's rows as units while nothing is compacted, of this document only", async () => {
      await t.store.appendUpdates([...turns(), { documentId: DOC_B, data: new Uint8Array([0, 0]), userId: BOB.id }]);
      const units = await t.store.historyUnits(DOC_A);
      expect(units).toHaveLength(10);
      expect(units.map((u) => u.firstSeq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(units.map((u) => hex(u.data))).toEqual(turns().map((u) => hex(u.data)));
      expect(units[7]?.userId).toBe(BOB.id);
      expect(units[0]?.from).toMatch(/^\d{4}-\d\d-\d\dT/);
    });

    it("keeps one unit per run through compaction, with its people and times, and every run's state", async () => {
      await t.store.appendUpdates(turns());
      const before = await t.store.historyUnits(DOC_A);
      expect(await t.store.compact(DOC_A, mergeThroughDoc, indexUpdates, historyRuns)).toBe(10);
      const after = await t.store.historyUnits(DOC_A);
      expect(spans(after)).toEqual([
        [1, 7, ALICE.id],
        [8, 9, BOB.id],
        [10, 10, ALICE.id],
      ]);
      expect(after.map((u) => [u.from, u.to])).toEqual([
        [before[0]?.from, before[6]?.to],
        [before[7]?.from, before[8]?.to],
        [before[9]?.from, before[9]?.to],
      ]);
      // The deleted "Kanton" is still there to see in the state after the first run.
      for (const seq of [7, 9, 10]) expect(textAt(after, seq)).toBe(textAt(before, seq));
      expect(textAt(after, 7)).toBe("Kanton ");
      expect(textAt(after, 9)).toBe("Bund ");
      expect(textAt(after, 10)).toBe("Bund !");
    });

    it("lists the rows appended after a compaction after the history", async () => {
      const [first, ...rest] = turns();
      await t.store.appendUpdates([first as never]);
      await t.store.compact(DOC_A, mergeThroughDoc, indexUpdates, historyRuns);
      await t.store.appendUpdates(rest);
      expect(spans(await t.store.historyUnits(DOC_A)).slice(0, 3)).toEqual([
        [1, 1, ALICE.id],
        [2, 2, ALICE.id],
        [3, 3, ALICE.id],
      ]);
      await t.store.compact(DOC_A, mergeThroughDoc, indexUpdates, historyRuns);
      const units = await t.store.historyUnits(DOC_A);
      expect(spans(units)).toEqual([
        [1, 1, ALICE.id],
        [2, 7, ALICE.id],
        [8, 9, BOB.id],
        [10, 10, ALICE.id],
      ]);
      expect(textAt(units, 10)).toBe("Bund !");
    });

    it("starts a document compacted before the history with its snapshot as a baseline, read and then stored", async () => {
      const updates = turns();
      await t.store.appendUpdates(updates.slice(0, 7));
      await t.store.compact(DOC_A, mergeThroughDoc, indexUpdates); // as before migration 15: no history
      await t.store.appendUpdates(updates.slice(7));
      const read = await t.store.historyUnits(DOC_A);
      expect(spans(read)).toEqual([
        [1, 7, null],
        [8, 8, BOB.id],
        [9, 9, BOB.id],
        [10, 10, ALICE.id],
      ]);
      expect(textAt(read, 7)).toBe("Kanton ");
      await t.store.compact(DOC_A, mergeThroughDoc, indexUpdates, historyRuns);
      const stored = await t.store.historyUnits(DOC_A);
      expect(spans(stored)).toEqual([
        [1, 7, null],
        [8, 9, BOB.id],
        [10, 10, ALICE.id],
      ]);
      expect([7, 9, 10].map((seq) => textAt(stored, seq))).toEqual(["Kanton ", "Bund ", "Bund !"]);
    });

    it("loses nothing when a run cannot be merged: the compaction fails and the rows stay", async () => {
      await t.store.appendUpdates(turns());
      const broken = () => {
        throw new Error("cannot merge");
      };
      await expect(t.store.compact(DOC_A, mergeThroughDoc, indexUpdates, broken)).rejects.toThrow("cannot merge");
      expect(spans(await t.store.historyUnits(DOC_A))).toHaveLength(10);
      expect(await t.store.attributedUpdates(DOC_A)).toHaveLength(10);
      expect(await t.store.tailLength(DOC_A)).toBe(10);
    });
  });
}
