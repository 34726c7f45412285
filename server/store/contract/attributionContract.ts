import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { mergeThroughDoc } from "../../sync/compaction.ts";
import { indexUpdates, readUpdateRanges } from "../../sync/updateRanges.ts";
import type { Store } from "../Store.ts";
import { ALICE, BOB, DOC_A, DOC_B, eachFresh, hex, textOf } from "./fixtures.ts";

/** Two people's updates to one text: Alice types "ab", Bob deletes the "a". */
function twoPeople() {
  const doc = new Y.Doc();
  doc.clientID = 7;
  const text = doc.getText("content");
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  text.insert(0, "ab");
  text.delete(0, 1);
  const [typed, deleted] = updates as [Uint8Array, Uint8Array];
  return [
    { documentId: DOC_A, data: typed, userId: ALICE.id },
    { documentId: DOC_A, data: deleted, userId: BOB.id },
  ];
}

/** The attribution index: who inserted and deleted what, kept when compaction folds the log. */
export function describeAttributionContract(open: () => Promise<Store>): void {
  const t = eachFresh(open);

  describe("attribution index", () => {
    it("reads a document's updates with user and time while they are in the log", async () => {
      await t.store.appendUpdates([
        ...twoPeople(),
        { documentId: DOC_B, data: new Uint8Array([0, 0]), userId: BOB.id },
      ]);
      const rows = await t.store.attributedUpdates(DOC_A);
      expect(rows.map((r) => [r.seq, r.userId, r.form])).toEqual([
        [1, ALICE.id, "update"],
        [2, BOB.id, "update"],
      ]);
      expect(rows[0]?.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    });

    it("keeps each folded update's inserted ranges and delete set, user and time through compaction", async () => {
      await t.store.appendUpdates(twoPeople());
      const before = await t.store.attributedUpdates(DOC_A);
      expect(await t.store.compact(DOC_A, mergeThroughDoc, indexUpdates)).toBe(2);
      const after = await t.store.attributedUpdates(DOC_A);
      expect(after.map((r) => [r.seq, r.userId, r.at, r.form])).toEqual(
        before.map((r) => [r.seq, r.userId, r.at, "index"]),
      );
      expect(after.map((r) => readUpdateRanges(r.data))).toEqual([
        { inserted: [[7, 0, 2]], deleted: [] },
        { inserted: [], deleted: [[7, 0, 1]] },
      ]);
      expect(textOf(await t.store.loadState(DOC_A))).toBe("b");
    });

    it("folds one person's consecutive updates of a quarter hour into one entry, under the last one", async () => {
      const doc = new Y.Doc();
      doc.clientID = 9;
      const typed: Uint8Array[] = [];
      doc.on("update", (u: Uint8Array) => typed.push(u));
      for (const ch of "Kanton") doc.getText("content").insert(doc.getText("content").length, ch);
      await t.store.appendUpdates(typed.map((data) => ({ documentId: DOC_A, data, userId: ALICE.id })));
      await t.store.compact(DOC_A, mergeThroughDoc, indexUpdates);
      const rows = await t.store.attributedUpdates(DOC_A);
      expect(rows.map((r) => [r.seq, r.userId, r.form])).toEqual([[6, ALICE.id, "index"]]);
      expect(readUpdateRanges(rows[0]?.data ?? new Uint8Array())).toEqual({ inserted: [[9, 0, 6]], deleted: [] });
    });

    it("lists updates still in the log after those of the index, each once", async () => {
      const [typed, deleted] = twoPeople();
      await t.store.appendUpdates([typed as never]);
      await t.store.compact(DOC_A, mergeThroughDoc, indexUpdates);
      await t.store.appendUpdates([deleted as never]);
      expect((await t.store.attributedUpdates(DOC_A)).map((r) => [r.seq, r.form])).toEqual([
        [1, "index"],
        [2, "update"],
      ]);
    });

    it("loses nothing when an update cannot be indexed: the compaction fails and the rows stay", async () => {
      await t.store.appendUpdates(twoPeople());
      const garbage = () => {
        throw new Error("not an update");
      };
      await expect(t.store.compact(DOC_A, mergeThroughDoc, garbage)).rejects.toThrow("not an update");
      const rows = await t.store.attributedUpdates(DOC_A);
      expect(rows.map((r) => r.form)).toEqual(["update", "update"]);
      expect((await t.store.loadState(DOC_A)).updates.map(hex)).toEqual(twoPeople().map((u) => hex(u.data)));
    });
  });
}
