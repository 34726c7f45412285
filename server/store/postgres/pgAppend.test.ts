import { afterEach, expect, it } from "vitest";
import { describeNeeding } from "../../../tests/helpers/needsServices.ts";
import { TEST_DATABASE_URL } from "../../../tests/helpers/services.ts";
import { ALICE, ALICE_NEW, BOB_NEW, DOC_A, DOC_B, hex, ORG, PARTIES, update } from "../contract/fixtures.ts";
import type { Store } from "../Store.ts";
import { openPgStore } from "./openPgStore.ts";
import { pgTestStores } from "./pgTestStores.ts";

const describeOnPostgres = await describeNeeding("postgres");
const DOC_L = "doc-l"; // locked in the tests that lock

/*
 * The one-statement append (pgAppend.ts) numbers and refuses inside SQL: what the store
 * contract cannot show with its small batches. Every batch here mixes documents.
 */
describeOnPostgres("PostgreSQL append of a whole commit batch", () => {
  const stores = pgTestStores("accord_append");
  const open: Store[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  async function fresh(): Promise<Store> {
    const store = await stores.fresh();
    open.push(store);
    expect(await store.createOrganisation(ORG)).toBeNull();
    for (const user of [ALICE_NEW, BOB_NEW]) await store.createUser(user);
    for (const id of [DOC_A, DOC_B, DOC_L])
      await store.createDocument({
        id,
        title: id,
        kind: "concept",
        ownerId: ALICE.id,
        crossPartyAcceptance: false,
        parties: PARTIES,
      });
    return store;
  }

  /** Another instance on the same schema (a pool of its own). */
  async function sibling(store: Store): Promise<Store> {
    const other = await openPgStore({
      connectionString: TEST_DATABASE_URL,
      options: `-c search_path=${stores.schemaOf(store)}`,
    });
    open.push(other);
    return other;
  }

  const stored = async (store: Store, documentId: string) => (await store.loadState(documentId)).updates.map(hex);

  it("numbers each document's updates in batch order when documents interleave", async () => {
    const store = await fresh();
    await store.appendUpdates([update(DOC_B, 1)]);
    const batch = [update(DOC_A, 1), update(DOC_B, 2), update(DOC_A, 3), update(DOC_B, 4), update(DOC_A, 5)];
    expect(await store.appendUpdates(batch)).toEqual([1, 2, 2, 3, 3]);
    expect(await stored(store, DOC_A)).toEqual([1, 3, 5].map((n) => hex(update(DOC_A, n).data)));
    expect(await stored(store, DOC_B)).toEqual([1, 2, 4].map((n) => hex(update(DOC_B, n).data)));
    expect((await store.readUpdatesSince(DOC_A, 0)).updates.map((u) => u.seq)).toEqual([1, 2, 3]);
  });

  it("refuses a locked document's updates in the middle of a batch and stores the others around them", async () => {
    const store = await fresh();
    await store.setDocumentLock(DOC_L, true);
    const comment = { ...update(DOC_B, 9), commentsOnly: true };
    const batch = [update(DOC_A, 1), update(DOC_L, 2), comment, update(DOC_L, 3), update(DOC_A, 4)];
    expect(await store.appendUpdates(batch)).toEqual([1, null, 1, null, 2]);
    expect(await stored(store, DOC_L)).toEqual([]);
    expect(await store.lastSeqOf(DOC_L)).toBe(0);
    expect(await stored(store, DOC_A)).toEqual([1, 4].map((n) => hex(update(DOC_A, n).data)));
    // A locked document's comment-only updates pass, numbered among the batch's others.
    const comments = [2, 3].map((n) => ({ ...update(DOC_L, n), commentsOnly: true }));
    expect(await store.appendUpdates([update(DOC_A, 5), ...comments, update(DOC_B, 6)])).toEqual([3, 1, 2, 2]);
  });

  it("stores nothing of a batch with an unknown document in the middle, and names it", async () => {
    const store = await fresh();
    const batch = [update(DOC_A, 1), update("doc-nowhere", 2), update(DOC_B, 3)];
    await expect(store.appendUpdates(batch)).rejects.toThrow(/unknown document.*doc-nowhere/);
    expect(await stored(store, DOC_A)).toEqual([]);
    expect(await store.appendUpdates([update(DOC_A, 4), update(DOC_B, 5)])).toEqual([1, 1]);
  });

  it("stores a batch larger than any placeholder limit in one statement", async () => {
    const store = await fresh();
    const batch = Array.from({ length: 3000 }, (_, i) => update(i % 2 ? DOC_A : DOC_B, i % 250));
    const seqs = await store.appendUpdates(batch);
    expect(seqs.slice(0, 4)).toEqual([1, 1, 2, 2]);
    expect(await store.lastSeqOf(DOC_A)).toBe(1500);
    expect(await store.tailLength(DOC_B)).toBe(1500);
  });

  it("keeps sequence numbers gap-free and each instance's order when two instances append at once", async () => {
    const one = await fresh();
    const two = await sibling(one);
    const rounds = 40;
    const appendAll = (store: Store, base: number) =>
      (async () => {
        const out: (number | null)[][] = [];
        for (let r = 0; r < rounds; r++)
          out.push(
            await store.appendUpdates([update(DOC_A, base + r), update(DOC_B, base + r), update(DOC_A, base + r)]),
          );
        return out;
      })();
    const [fromOne, fromTwo] = await Promise.all([appendAll(one, 0), appendAll(two, 100)]);
    const seqsOfA = [...fromOne, ...fromTwo].flatMap((s) => [s[0], s[2]]).sort((x, y) => Number(x) - Number(y));
    expect(seqsOfA).toEqual(Array.from({ length: 4 * rounds }, (_, i) => i + 1));
    // Each batch's two updates of A are adjacent, and each instance's batches keep their order.
    for (const s of [...fromOne, ...fromTwo]) expect(s[2]).toBe(Number(s[0]) + 1);
    for (const runs of [fromOne, fromTwo])
      for (let r = 1; r < rounds; r++) expect(Number(runs[r]?.[0])).toBeGreaterThan(Number(runs[r - 1]?.[0]));
    expect(await two.lastSeqOf(DOC_B)).toBe(2 * rounds);
  });

  it("never deadlocks two instances whose batches hold the same documents in opposite orders", async () => {
    const one = await fresh();
    const two = await sibling(one);
    const docs = [DOC_A, DOC_B, DOC_L];
    const appendAll = (store: Store, order: string[]) =>
      (async () => {
        for (let r = 0; r < 60; r++) await store.appendUpdates(order.map((d) => update(d, r)));
      })();
    await Promise.all([appendAll(one, docs), appendAll(two, [...docs].reverse())]);
    for (const d of docs) expect(await one.lastSeqOf(d)).toBe(120);
  });
});
