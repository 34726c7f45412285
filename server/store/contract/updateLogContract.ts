import { describe, expect, it } from "vitest";
import { mergeThroughDoc } from "../../sync/compaction.ts";
import type { UpdateLog } from "../../sync/UpdateLog.ts";
import { ALICE, bytes, DOC_A, DOC_B, eachFresh, hex, recordingMerge, textEditor, textOf, update } from "./fixtures.ts";

/** An update log under test, with a way to let go of it. */
export type ClosableLog = UpdateLog & { close(): Promise<void> };

/**
 * What every update log must do, whatever keeps the bytes: the SQL stores and the
 * in-memory log of the sync tests. `open` returns a fresh, empty log that knows exactly the
 * documents `DOC_A` and `DOC_B`.
 */
export function describeUpdateLogContract(open: () => Promise<ClosableLog>): void {
  const t = eachFresh(open);

  describe("update log", () => {
    it("stores nothing for a locked document, whoever sends, and numbers on after the unlock", async () => {
      await t.store.appendUpdates([update(DOC_A, 1)]);
      await t.store.setDocumentLock(DOC_A, true);
      expect(await t.store.appendUpdates([update(DOC_A, 2), update(DOC_B, 3)])).toEqual([null, 1]);
      expect((await t.store.loadState(DOC_A)).updates).toHaveLength(1);
      await t.store.setDocumentLock(DOC_A, false);
      expect(await t.store.appendUpdates([update(DOC_A, 4)])).toEqual([2]);
      expect(await t.store.lastSeqOf(DOC_A)).toBe(2);
      await expect(t.store.appendUpdates([update("doc-unknown", 5)])).rejects.toThrow();
    });

    it("stores a locked document's comment-only updates, but no batch of it that also holds a content change", async () => {
      await t.store.setDocumentLock(DOC_A, true);
      const comment = (n: number) => ({ ...update(DOC_A, n), commentsOnly: true });
      expect(await t.store.appendUpdates([comment(1), comment(2), update(DOC_B, 3)])).toEqual([1, 2, 1]);
      // A comment batched with a content change of the same document may depend on it: both are refused.
      expect(await t.store.appendUpdates([update(DOC_A, 4), comment(5)])).toEqual([null, null]);
      expect((await t.store.loadState(DOC_A)).updates).toHaveLength(2);
      expect(await t.store.lastSeqOf(DOC_A)).toBe(2);
    });

    it("reads the log after a sequence number, or the snapshot when compaction folded those rows", async () => {
      await t.store.appendUpdates([update(DOC_A, 1), update(DOC_A, 2), update(DOC_A, 3)]);
      const after1 = await t.store.readUpdatesSince(DOC_A, 1);
      expect(after1.snapshot).toBeNull();
      expect(after1.updates.map((u) => u.seq)).toEqual([2, 3]);
      expect(after1.lastSeq).toBe(3);
      await t.store.compact(DOC_A, (_snapshot, updates) => updates[updates.length - 1] ?? new Uint8Array());
      await t.store.appendUpdates([update(DOC_A, 4)]);
      const folded = await t.store.readUpdatesSince(DOC_A, 1);
      expect(folded.snapshot).not.toBeNull();
      expect(folded.updates.map((u) => u.seq)).toEqual([4]);
      expect(folded.lastSeq).toBe(4);
      expect((await t.store.readUpdatesSince(DOC_A, 4)).updates).toEqual([]);
    });

    it("numbers updates 1, 2, 3… per document, continuing across batches", async () => {
      expect(await t.store.appendUpdates([update(DOC_A, 1), update(DOC_A, 2)])).toEqual([1, 2]);
      expect(await t.store.appendUpdates([update(DOC_B, 3), update(DOC_A, 4)])).toEqual([1, 3]);
      expect(await t.store.appendUpdates([update(DOC_B, 5)])).toEqual([2]);
    });

    it("loads a document without updates as no snapshot, no updates and lastSeq 0", async () => {
      expect(await t.store.loadState(DOC_A)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
      expect(await t.store.tailLength(DOC_A)).toBe(0);
    });

    it("loads the updates in the order they were appended, with the last sequence number", async () => {
      await t.store.appendUpdates([update(DOC_A, 1), update(DOC_B, 9), update(DOC_A, 2)]);
      await t.store.appendUpdates([update(DOC_A, 3)]);
      const state = await t.store.loadState(DOC_A);
      expect(state.snapshot).toBeNull();
      expect(state.updates.map(hex)).toEqual([1, 2, 3].map((n) => hex(update(DOC_A, n).data)));
      expect(state.lastSeq).toBe(3);
      expect(await t.store.tailLength(DOC_A)).toBe(3);
    });

    it("stores updates that have no user, such as the server's own", async () => {
      expect(await t.store.appendUpdates([{ documentId: DOC_A, data: bytes(7, 7), userId: null }])).toEqual([1]);
      expect((await t.store.loadState(DOC_A)).updates.map(hex)).toEqual([hex(bytes(7, 7))]);
    });

    it("rejects an append to an unknown document and stores nothing", async () => {
      await expect(t.store.appendUpdates([update("no-such-document", 1)])).rejects.toThrow();
      expect(await t.store.loadState("no-such-document")).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
    });

    it("rolls back the whole batch when one of its documents is unknown", async () => {
      const batch = [update(DOC_A, 1), update("no-such-document", 2), update(DOC_B, 3)];
      await expect(t.store.appendUpdates(batch)).rejects.toThrow();
      expect(await t.store.loadState(DOC_A)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
      expect(await t.store.loadState(DOC_B)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
      // The sequence counters were rolled back too: no gap where the failed batch was.
      expect(await t.store.appendUpdates([update(DOC_A, 4), update(DOC_B, 5)])).toEqual([1, 1]);
    });
  });

  describe("compaction", () => {
    it("folds exactly the rows it read into a snapshot that yields the same text", async () => {
      const editor = textEditor();
      editor.type("Programmkonzept ");
      editor.type("KIP 3");
      await t.store.appendUpdates(editor.take().map((data) => ({ documentId: DOC_A, data, userId: ALICE.id })));
      editor.type(", Kanton Solothurn");
      const appended = editor.take();
      await t.store.appendUpdates(appended.map((data) => ({ documentId: DOC_A, data, userId: ALICE.id })));
      const before = await t.store.loadState(DOC_A);

      const merge = recordingMerge();
      expect(await t.store.compact(DOC_A, merge.fn)).toBe(before.updates.length);

      expect(merge.calls).toHaveLength(1);
      expect(merge.calls[0]?.snapshot).toBeNull();
      expect(merge.calls[0]?.updates).toEqual(before.updates.map(hex));
      const after = await t.store.loadState(DOC_A);
      expect(after.snapshot && hex(after.snapshot)).toBe(merge.calls[0]?.result);
      expect(after.updates).toEqual([]);
      expect(after.lastSeq).toBe(before.lastSeq);
      expect(await t.store.tailLength(DOC_A)).toBe(0);
      expect(textOf(after)).toBe("Programmkonzept KIP 3, Kanton Solothurn");
    });

    it("folds the previous snapshot and only the rows after it on the next compaction", async () => {
      const editor = textEditor();
      editor.type("Art. 1");
      await t.store.appendUpdates(editor.take().map((data) => ({ documentId: DOC_A, data, userId: null })));
      await t.store.compact(DOC_A, mergeThroughDoc);
      const firstSnapshot = (await t.store.loadState(DOC_A)).snapshot;
      editor.type(" Zweck");
      const tail = editor.take();
      await t.store.appendUpdates(tail.map((data) => ({ documentId: DOC_A, data, userId: null })));

      const merge = recordingMerge();
      expect(await t.store.compact(DOC_A, merge.fn)).toBe(tail.length);

      expect(merge.calls[0]?.snapshot).toBe(firstSnapshot && hex(firstSnapshot));
      expect(merge.calls[0]?.updates).toEqual(tail.map(hex));
      expect(textOf(await t.store.loadState(DOC_A))).toBe("Art. 1 Zweck");
    });

    it("loads the snapshot followed by the tail appended after it, in order", async () => {
      const editor = textEditor();
      editor.type("Ziele");
      await t.store.appendUpdates(editor.take().map((data) => ({ documentId: DOC_A, data, userId: null })));
      await t.store.compact(DOC_A, mergeThroughDoc);
      editor.type(" und ");
      editor.type("Massnahmen");
      const tail = editor.take();
      const seqs = await t.store.appendUpdates(tail.map((data) => ({ documentId: DOC_A, data, userId: null })));

      const state = await t.store.loadState(DOC_A);
      expect(state.snapshot).not.toBeNull();
      expect(state.updates.map(hex)).toEqual(tail.map(hex));
      expect(state.lastSeq).toBe(seqs.at(-1));
      expect(await t.store.tailLength(DOC_A)).toBe(tail.length);
      expect(textOf(state)).toBe("Ziele und Massnahmen");
    });

    it("keeps counting sequence numbers after compaction instead of reusing them", async () => {
      await t.store.appendUpdates([1, 2, 3].map((n) => update(DOC_A, n)));
      await t.store.compact(DOC_A, () => bytes(0, 0));
      expect(await t.store.appendUpdates([update(DOC_A, 4)])).toEqual([4]);
      expect((await t.store.loadState(DOC_A)).lastSeq).toBe(4);
    });

    it("folds nothing and leaves the state as it was when the tail is empty", async () => {
      const merge = recordingMerge();
      expect(await t.store.compact(DOC_A, merge.fn)).toBe(0);
      expect(merge.calls).toEqual([]);
      expect(await t.store.loadState(DOC_A)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });

      await t.store.appendUpdates([update(DOC_A, 1)]);
      await t.store.compact(DOC_A, () => bytes(0, 0));
      const compacted = await t.store.loadState(DOC_A);
      expect(await t.store.compact(DOC_A, merge.fn)).toBe(0);
      expect(merge.calls).toEqual([]);
      expect(await t.store.loadState(DOC_A)).toEqual(compacted);
    });

    it("keeps every row when the merge fails", async () => {
      await t.store.appendUpdates([update(DOC_A, 1), update(DOC_A, 2)]);
      const before = await t.store.loadState(DOC_A);
      await expect(
        t.store.compact(DOC_A, () => {
          throw new Error("merge failed");
        }),
      ).rejects.toThrow("merge failed");
      expect(await t.store.loadState(DOC_A)).toEqual(before);
      expect(await t.store.tailLength(DOC_A)).toBe(2);
    });

    it("leaves the other documents' logs alone", async () => {
      await t.store.appendUpdates([update(DOC_A, 1), update(DOC_B, 2)]);
      await t.store.compact(DOC_A, () => bytes(0, 0));
      expect(await t.store.tailLength(DOC_B)).toBe(1);
      expect((await t.store.loadState(DOC_B)).updates.map(hex)).toEqual([hex(update(DOC_B, 2).data)]);
    });
  });
}
