import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { mergeThroughDoc } from "../sync/compaction.ts";
import type { ApprovalRow, MergeUpdates, NewUser, Store, UserRow, VersionRow } from "./Store.ts";

/**
 * The behaviour every Store must show, whatever keeps the bytes. Register it once per
 * implementation (`describeStoreContract("SqliteStore", …)`); `makeStore` must return a
 * fresh, empty, migrated store each time. The suite closes every store it made.
 */
export function describeStoreContract(
  name: string,
  makeStore: () => Promise<Store>,
  /** Runs SQL on the store's database behind its back, as an operator with database access could. */
  rawSql: (store: Store, sql: string) => Promise<void>,
): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;

    beforeEach(async () => {
      store = await makeStore();
      await store.upsertOrganisation(ORG);
      for (const user of [ALICE_NEW, BOB_NEW]) await store.createUser(user);
      for (const id of [DOC_A, DOC_B])
        await store.createDocument({ id, title: id, kind: "concept", ownerId: ALICE.id });
    });

    afterEach(async () => {
      await store.close();
    });

    describe("versions and approvals", () => {
      const version = (seq: number, documentId = DOC_A): VersionRow => ({
        id: `v-${documentId}-${seq}`,
        documentId,
        seq,
        milestone: "konzept-entwurf",
        state: new Uint8Array([1, 2, 3, seq]),
        pmJson: '{"type":"doc"}',
        contentHash: `content-${seq}`,
        stateHash: `state-${seq}`,
        prevHash: seq === 1 ? null : `chain-${seq - 1}`,
        chainHash: `chain-${seq}`,
        frozenBy: ALICE.id,
        frozenAt: new Date(2026, 0, seq).toISOString(),
        openItems: "[]",
        // Rows frozen before the record was kept have none; later ones do.
        record: seq === 1 ? null : `{"title":"Programmkonzept ${seq}"}`,
      });
      const approval = (versionId: string, orgId: string): ApprovalRow => ({
        id: `a-${versionId}-${orgId}`,
        versionId,
        userId: ALICE.id,
        orgId,
        decision: "approve",
        details: '{"rrbNumber":"RRB Nr. 2023/657"}',
        reason: null,
        at: "2026-01-05T10:00:00.000Z",
        record: orgId === "sem" ? null : '{"orgName":"Kanton Solothurn","userName":"Alice"}',
        hash: "h",
      });

      it("keeps versions in chain order, byte for byte, and finds them by id and by hash", async () => {
        await store.insertVersion(version(1));
        await store.insertVersion(version(2));
        await store.insertVersion(version(1, DOC_B));
        const list = await store.listVersions(DOC_A);
        expect(list.map((v) => v.seq)).toEqual([1, 2]);
        expect(list[1]).toEqual(version(2));
        expect(await store.findVersion("v-doc-a-2")).toEqual(version(2));
        expect(await store.findVersion("v-unknown")).toBeNull();
        expect((await store.findVersionsByHash("chain-2")).map((v) => v.id)).toEqual(["v-doc-a-2"]);
        expect((await store.findVersionsByHash("content-1")).map((v) => v.id)).toEqual(["v-doc-a-1", "v-doc-b-1"]);
        expect(await store.documentsWithVersions()).toEqual([DOC_A, DOC_B]);
        const { state: _state, pmJson: _pmJson, ...head } = version(2);
        expect((await store.listVersionHeads(DOC_A))[1]).toEqual(head);
      });

      it("refuses a second version in the same place of the chain", async () => {
        await store.insertVersion(version(1));
        await expect(store.insertVersion({ ...version(1), id: "v-other" })).rejects.toThrow();
        expect(await store.listVersions(DOC_A)).toHaveLength(1);
      });

      it("keeps one decision per organisation and version", async () => {
        await store.insertVersion(version(1));
        await store.insertApproval(approval("v-doc-a-1", "kanton-so"));
        await expect(store.insertApproval({ ...approval("v-doc-a-1", "kanton-so"), id: "a-again" })).rejects.toThrow();
        await store.insertApproval(approval("v-doc-a-1", "sem"));
        expect((await store.listApprovals(["v-doc-a-1"])).map((a) => a.orgId).sort()).toEqual(["kanton-so", "sem"]);
        const stored = await store.listApprovals(["v-doc-a-1"]);
        expect(stored.find((a) => a.orgId === "kanton-so")).toEqual(approval("v-doc-a-1", "kanton-so"));
        expect(stored.find((a) => a.orgId === "sem")?.record).toBeNull();
        expect(await store.listApprovals([])).toEqual([]);
      });

      it("refuses, in the database itself, to update or delete a version or an approval", async () => {
        await store.insertVersion(version(1));
        await store.insertApproval(approval("v-doc-a-1", "sem"));
        await expect(rawSql(store, "UPDATE versions SET pm_json = '{}'")).rejects.toThrow(/immutable/);
        await expect(rawSql(store, "DELETE FROM versions")).rejects.toThrow(/immutable/);
        await expect(rawSql(store, "UPDATE approvals SET decision = 'reject'")).rejects.toThrow(/immutable/);
        await expect(rawSql(store, "DELETE FROM approvals")).rejects.toThrow(/immutable/);
        expect(await store.findVersion("v-doc-a-1")).toEqual(version(1));
      });
    });

    describe("update log", () => {
      it("stores nothing for a locked document, whoever sends, and numbers on after the unlock", async () => {
        await store.appendUpdates([update(DOC_A, 1)]);
        await store.setDocumentLock(DOC_A, true);
        expect(await store.appendUpdates([update(DOC_A, 2), update(DOC_B, 3)])).toEqual([null, 1]);
        expect((await store.loadState(DOC_A)).updates).toHaveLength(1);
        await store.setDocumentLock(DOC_A, false);
        expect(await store.appendUpdates([update(DOC_A, 4)])).toEqual([2]);
        expect(await store.lastSeqOf(DOC_A)).toBe(2);
        await expect(store.appendUpdates([update("doc-unknown", 5)])).rejects.toThrow();
      });

      it("stores a locked document's comment-only updates, but no batch of it that also holds a content change", async () => {
        await store.setDocumentLock(DOC_A, true);
        const comment = (n: number) => ({ ...update(DOC_A, n), commentsOnly: true });
        expect(await store.appendUpdates([comment(1), comment(2), update(DOC_B, 3)])).toEqual([1, 2, 1]);
        // A comment batched with a content change of the same document may depend on it: both are refused.
        expect(await store.appendUpdates([update(DOC_A, 4), comment(5)])).toEqual([null, null]);
        expect((await store.loadState(DOC_A)).updates).toHaveLength(2);
        expect(await store.lastSeqOf(DOC_A)).toBe(2);
      });

      it("reads the log after a sequence number, or the snapshot when compaction folded those rows", async () => {
        await store.appendUpdates([update(DOC_A, 1), update(DOC_A, 2), update(DOC_A, 3)]);
        const after1 = await store.readUpdatesSince(DOC_A, 1);
        expect(after1.snapshot).toBeNull();
        expect(after1.updates.map((u) => u.seq)).toEqual([2, 3]);
        expect(after1.lastSeq).toBe(3);
        await store.compact(DOC_A, (_snapshot, updates) => updates[updates.length - 1] ?? new Uint8Array());
        await store.appendUpdates([update(DOC_A, 4)]);
        const folded = await store.readUpdatesSince(DOC_A, 1);
        expect(folded.snapshot).not.toBeNull();
        expect(folded.updates.map((u) => u.seq)).toEqual([4]);
        expect(folded.lastSeq).toBe(4);
        expect((await store.readUpdatesSince(DOC_A, 4)).updates).toEqual([]);
        expect(await store.ping()).toBe(true);
      });

      it("numbers updates 1, 2, 3… per document, continuing across batches", async () => {
        expect(await store.appendUpdates([update(DOC_A, 1), update(DOC_A, 2)])).toEqual([1, 2]);
        expect(await store.appendUpdates([update(DOC_B, 3), update(DOC_A, 4)])).toEqual([1, 3]);
        expect(await store.appendUpdates([update(DOC_B, 5)])).toEqual([2]);
      });

      it("loads a document without updates as no snapshot, no updates and lastSeq 0", async () => {
        expect(await store.loadState(DOC_A)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
        expect(await store.tailLength(DOC_A)).toBe(0);
      });

      it("loads the updates in the order they were appended, with the last sequence number", async () => {
        await store.appendUpdates([update(DOC_A, 1), update(DOC_B, 9), update(DOC_A, 2)]);
        await store.appendUpdates([update(DOC_A, 3)]);
        const state = await store.loadState(DOC_A);
        expect(state.snapshot).toBeNull();
        expect(state.updates.map(hex)).toEqual([1, 2, 3].map((n) => hex(update(DOC_A, n).data)));
        expect(state.lastSeq).toBe(3);
        expect(await store.tailLength(DOC_A)).toBe(3);
      });

      it("stores updates that have no user, such as the server's own", async () => {
        expect(await store.appendUpdates([{ documentId: DOC_A, data: bytes(7, 7), userId: null }])).toEqual([1]);
        expect((await store.loadState(DOC_A)).updates.map(hex)).toEqual([hex(bytes(7, 7))]);
      });

      it("rejects an append to an unknown document and stores nothing", async () => {
        await expect(store.appendUpdates([update("no-such-document", 1)])).rejects.toThrow();
        expect(await store.loadState("no-such-document")).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
      });

      it("rolls back the whole batch when one of its documents is unknown", async () => {
        const batch = [update(DOC_A, 1), update("no-such-document", 2), update(DOC_B, 3)];
        await expect(store.appendUpdates(batch)).rejects.toThrow();
        expect(await store.loadState(DOC_A)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
        expect(await store.loadState(DOC_B)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
        // The sequence counters were rolled back too: no gap where the failed batch was.
        expect(await store.appendUpdates([update(DOC_A, 4), update(DOC_B, 5)])).toEqual([1, 1]);
      });
    });

    describe("compaction", () => {
      it("folds exactly the rows it read into a snapshot that yields the same text", async () => {
        const editor = textEditor();
        editor.type("Programmkonzept ");
        editor.type("KIP 3");
        await store.appendUpdates(editor.take().map((data) => ({ documentId: DOC_A, data, userId: ALICE.id })));
        editor.type(", Kanton Solothurn");
        const appended = editor.take();
        await store.appendUpdates(appended.map((data) => ({ documentId: DOC_A, data, userId: ALICE.id })));
        const before = await store.loadState(DOC_A);

        const merge = recordingMerge();
        expect(await store.compact(DOC_A, merge.fn)).toBe(before.updates.length);

        expect(merge.calls).toHaveLength(1);
        expect(merge.calls[0]?.snapshot).toBeNull();
        expect(merge.calls[0]?.updates).toEqual(before.updates.map(hex));
        const after = await store.loadState(DOC_A);
        expect(after.snapshot && hex(after.snapshot)).toBe(merge.calls[0]?.result);
        expect(after.updates).toEqual([]);
        expect(after.lastSeq).toBe(before.lastSeq);
        expect(await store.tailLength(DOC_A)).toBe(0);
        expect(textOf(after)).toBe("Programmkonzept KIP 3, Kanton Solothurn");
      });

      it("folds the previous snapshot and only the rows after it on the next compaction", async () => {
        const editor = textEditor();
        editor.type("Art. 1");
        await store.appendUpdates(editor.take().map((data) => ({ documentId: DOC_A, data, userId: null })));
        await store.compact(DOC_A, mergeThroughDoc);
        const firstSnapshot = (await store.loadState(DOC_A)).snapshot;
        editor.type(" Zweck");
        const tail = editor.take();
        await store.appendUpdates(tail.map((data) => ({ documentId: DOC_A, data, userId: null })));

        const merge = recordingMerge();
        expect(await store.compact(DOC_A, merge.fn)).toBe(tail.length);

        expect(merge.calls[0]?.snapshot).toBe(firstSnapshot && hex(firstSnapshot));
        expect(merge.calls[0]?.updates).toEqual(tail.map(hex));
        expect(textOf(await store.loadState(DOC_A))).toBe("Art. 1 Zweck");
      });

      it("loads the snapshot followed by the tail appended after it, in order", async () => {
        const editor = textEditor();
        editor.type("Ziele");
        await store.appendUpdates(editor.take().map((data) => ({ documentId: DOC_A, data, userId: null })));
        await store.compact(DOC_A, mergeThroughDoc);
        editor.type(" und ");
        editor.type("Massnahmen");
        const tail = editor.take();
        const seqs = await store.appendUpdates(tail.map((data) => ({ documentId: DOC_A, data, userId: null })));

        const state = await store.loadState(DOC_A);
        expect(state.snapshot).not.toBeNull();
        expect(state.updates.map(hex)).toEqual(tail.map(hex));
        expect(state.lastSeq).toBe(seqs.at(-1));
        expect(await store.tailLength(DOC_A)).toBe(tail.length);
        expect(textOf(state)).toBe("Ziele und Massnahmen");
      });

      it("keeps counting sequence numbers after compaction instead of reusing them", async () => {
        await store.appendUpdates([1, 2, 3].map((n) => update(DOC_A, n)));
        await store.compact(DOC_A, () => bytes(0, 0));
        expect(await store.appendUpdates([update(DOC_A, 4)])).toEqual([4]);
        expect((await store.loadState(DOC_A)).lastSeq).toBe(4);
      });

      it("folds nothing and leaves the state as it was when the tail is empty", async () => {
        const merge = recordingMerge();
        expect(await store.compact(DOC_A, merge.fn)).toBe(0);
        expect(merge.calls).toEqual([]);
        expect(await store.loadState(DOC_A)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });

        await store.appendUpdates([update(DOC_A, 1)]);
        await store.compact(DOC_A, () => bytes(0, 0));
        const compacted = await store.loadState(DOC_A);
        expect(await store.compact(DOC_A, merge.fn)).toBe(0);
        expect(merge.calls).toEqual([]);
        expect(await store.loadState(DOC_A)).toEqual(compacted);
      });

      it("keeps every row when the merge fails", async () => {
        await store.appendUpdates([update(DOC_A, 1), update(DOC_A, 2)]);
        const before = await store.loadState(DOC_A);
        await expect(
          store.compact(DOC_A, () => {
            throw new Error("merge failed");
          }),
        ).rejects.toThrow("merge failed");
        expect(await store.loadState(DOC_A)).toEqual(before);
        expect(await store.tailLength(DOC_A)).toBe(2);
      });

      it("leaves the other documents' logs alone", async () => {
        await store.appendUpdates([update(DOC_A, 1), update(DOC_B, 2)]);
        await store.compact(DOC_A, () => bytes(0, 0));
        expect(await store.tailLength(DOC_B)).toBe(1);
        expect((await store.loadState(DOC_B)).updates.map(hex)).toEqual([hex(update(DOC_B, 2).data)]);
      });
    });

    describe("users and organisations", () => {
      it("finds a user by e-mail and by id", async () => {
        expect(await store.findUserByEmail(ALICE.email)).toEqual(ALICE);
        expect(await store.findUserById(BOB.id)).toEqual(BOB);
      });

      it("answers null for an unknown e-mail or id", async () => {
        expect(await store.findUserByEmail("nobody@example.ch")).toBeNull();
        expect(await store.findUserById("u-nobody")).toBeNull();
      });

      it("counts its users", async () => {
        expect(await store.countUsers()).toBe(2);
      });

      it("refuses a second user with the same e-mail", async () => {
        await expect(store.createUser({ ...BOB_NEW, id: "u-bob-2", email: ALICE.email })).rejects.toThrow();
        expect(await store.countUsers()).toBe(2);
      });

      it("names an organisation, renames it on a second upsert, and answers null for an unknown one", async () => {
        expect(await store.organisationName(ORG.id)).toBe(ORG.name);
        await store.upsertOrganisation({ id: ORG.id, name: "Kanton Solothurn" });
        expect(await store.organisationName(ORG.id)).toBe("Kanton Solothurn");
        expect(await store.organisationName("no-such-org")).toBeNull();
      });
    });

    describe("sessions", () => {
      const expiresAt = new Date("2030-01-01T12:00:00.000Z");
      const justBefore = new Date(expiresAt.getTime() - 1);

      it("finds the session's user and end until the session expires", async () => {
        await store.createSession("token-hash", ALICE.id, expiresAt);
        expect(await store.findSession("token-hash", justBefore)).toEqual({
          tokenHash: "token-hash",
          user: ALICE,
          expiresAt: expiresAt.toISOString(),
        });
        expect(await store.findSession("token-hash", expiresAt)).toBeNull();
        expect(await store.findSession("token-hash", new Date(expiresAt.getTime() + 1))).toBeNull();
      });

      it("answers null for an unknown session", async () => {
        expect(await store.findSession("unknown-hash", justBefore)).toBeNull();
      });

      it("forgets a deleted session and keeps the user's other sessions", async () => {
        await store.createSession("first", ALICE.id, expiresAt);
        await store.createSession("second", ALICE.id, expiresAt);
        await store.deleteSession("first");
        expect(await store.findSession("first", justBefore)).toBeNull();
        expect((await store.findSession("second", justBefore))?.user).toEqual(ALICE);
      });

      it("tells which of many sessions are still live: not deleted, not expired", async () => {
        await store.createSession("kept", ALICE.id, expiresAt);
        await store.createSession("deleted", ALICE.id, expiresAt);
        await store.createSession("expiring", BOB.id, justBefore);
        await store.deleteSession("deleted");
        const live = await store.liveSessions(["kept", "deleted", "expiring", "unknown"], justBefore);
        expect(live).toEqual(["kept"]);
        expect(await store.liveSessions([], justBefore)).toEqual([]);
        const many = Array.from({ length: 40_000 }, (_, i) => `other-${i}`);
        expect(await store.liveSessions([...many, "kept"], justBefore)).toEqual(["kept"]);
      });

      it("deactivates an account: its sessions are gone, it stays findable as deactivated, others are untouched", async () => {
        await store.createSession("alice-1", ALICE.id, expiresAt);
        await store.createSession("alice-2", ALICE.id, expiresAt);
        await store.createSession("bob", BOB.id, expiresAt);
        const at = new Date("2029-06-01T08:00:00.000Z");
        expect(await store.deactivateUser(ALICE.id, at)).toBe(true);
        expect(await store.findSession("alice-1", justBefore)).toBeNull();
        expect(await store.liveSessions(["alice-1", "alice-2", "bob"], justBefore)).toEqual(["bob"]);
        expect(await store.findUserByEmail(ALICE.email)).toEqual({ ...ALICE, deactivatedAt: at.toISOString() });
        // A second deactivation keeps the first date; an unknown user is no error.
        expect(await store.deactivateUser(ALICE.id, new Date("2029-07-01T00:00:00.000Z"))).toBe(true);
        expect((await store.findUserById(ALICE.id))?.deactivatedAt).toBe(at.toISOString());
        expect(await store.deactivateUser("u-nobody", at)).toBe(false);
        expect(await store.findUserById(BOB.id)).toEqual(BOB);
      });

      it("finds no session of a deactivated account, even one written after the deactivation", async () => {
        await store.deactivateUser(ALICE.id, new Date());
        await store.createSession("late", ALICE.id, expiresAt);
        expect(await store.findSession("late", justBefore)).toBeNull();
        expect(await store.liveSessions(["late"], justBefore)).toEqual([]);
      });
    });

    describe("documents", () => {
      it("makes the creator the owner of a new document", async () => {
        const created = await store.createDocument({
          id: "doc-new",
          title: "Vereinbarung",
          kind: "agreement",
          ownerId: BOB.id,
        });
        expect(created).toMatchObject({ id: "doc-new", title: "Vereinbarung", kind: "agreement" });
        expect(await store.findDocument("doc-new")).toEqual(created);
        expect(await store.roleOf("doc-new", BOB.id)).toBe("owner");
        expect(await store.roleOf("doc-new", ALICE.id)).toBeNull();
      });

      it("answers null for an unknown document", async () => {
        expect(await store.findDocument("no-such-document")).toBeNull();
        expect(await store.roleOf("no-such-document", ALICE.id)).toBeNull();
      });

      it("lists exactly the documents a user is a member of, with the role in each", async () => {
        await store.setMembership({ documentId: DOC_B, userId: BOB.id, role: "commenter" });
        const byId = <T extends { id: string }>(docs: T[]) => [...docs].sort((a, b) => a.id.localeCompare(b.id));

        expect(byId(await store.listDocumentsOf(ALICE.id)).map((d) => [d.id, d.role])).toEqual([
          [DOC_A, "owner"],
          [DOC_B, "owner"],
        ]);
        const bobs = await store.listDocumentsOf(BOB.id);
        expect(bobs).toEqual([{ ...(await store.findDocument(DOC_B)), role: "commenter" }]);
        expect(await store.listDocumentsOf("u-nobody")).toEqual([]);
      });

      it("changes a member's role when the membership is set again", async () => {
        await store.setMembership({ documentId: DOC_A, userId: BOB.id, role: "viewer" });
        expect(await store.roleOf(DOC_A, BOB.id)).toBe("viewer");
        await store.setMembership({ documentId: DOC_A, userId: BOB.id, role: "editor" });
        expect(await store.roleOf(DOC_A, BOB.id)).toBe("editor");
        expect((await store.listDocumentsOf(BOB.id)).map((d) => d.role)).toEqual(["editor"]);
      });

      it("keeps the cross-party acceptance setting: on for agreements by default, switchable", async () => {
        const agreement = await store.createDocument({
          id: "contract-agreement",
          title: "PV",
          kind: "agreement",
          ownerId: ALICE.id,
        });
        expect(agreement.crossPartyAcceptance).toBe(true);
        expect((await store.findDocument(DOC_A))?.crossPartyAcceptance).toBe(false);
        await store.setCrossPartyAcceptance("contract-agreement", false);
        expect((await store.findDocument("contract-agreement"))?.crossPartyAcceptance).toBe(false);
      });

      it("renames a document and moves its updatedAt, not its createdAt", async () => {
        const before = await store.findDocument(DOC_A);
        await store.renameDocument(DOC_A, "Programmkonzept KIP 3");
        const after = await store.findDocument(DOC_A);
        expect(after?.title).toBe("Programmkonzept KIP 3");
        expect(after?.createdAt).toBe(before?.createdAt);
        expect(Date.parse(after?.updatedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(before?.updatedAt ?? ""));
      });
    });

    describe("members", () => {
      it("lists members with their details, owners first, and removes one", async () => {
        await store.setMembership({ documentId: DOC_A, userId: BOB.id, role: "commenter" });
        expect(await store.listMembers(DOC_A)).toEqual([
          { documentId: DOC_A, userId: ALICE.id, role: "owner", email: ALICE.email, name: ALICE.name, orgId: ORG.id },
          { documentId: DOC_A, userId: BOB.id, role: "commenter", email: BOB.email, name: BOB.name, orgId: ORG.id },
        ]);
        await store.removeMembership(DOC_A, BOB.id);
        expect((await store.listMembers(DOC_A)).map((m) => m.userId)).toEqual([ALICE.id]);
        expect(await store.roleOf(DOC_A, BOB.id)).toBeNull();
      });

      it("adds, changes and removes a member with changeMembership, telling the role before", async () => {
        expect(await store.changeMembership(DOC_A, BOB.id, "viewer")).toEqual({ ok: true, previous: null });
        expect(await store.changeMembership(DOC_A, BOB.id, "editor")).toEqual({ ok: true, previous: "viewer" });
        expect(await store.roleOf(DOC_A, BOB.id)).toBe("editor");
        expect(await store.changeMembership(DOC_A, BOB.id, null)).toEqual({ ok: true, previous: "editor" });
        expect(await store.roleOf(DOC_A, BOB.id)).toBeNull();
        expect(await store.changeMembership(DOC_A, BOB.id, null)).toEqual({ ok: true, previous: null });
      });

      it("refuses to demote or remove the last owner, and changes nothing", async () => {
        expect(await store.changeMembership(DOC_A, ALICE.id, "editor")).toEqual({ ok: false, reason: "last_owner" });
        expect(await store.changeMembership(DOC_A, ALICE.id, null)).toEqual({ ok: false, reason: "last_owner" });
        expect(await store.roleOf(DOC_A, ALICE.id)).toBe("owner");
        expect(await store.changeMembership(DOC_A, ALICE.id, "owner")).toEqual({ ok: true, previous: "owner" });
      });

      it("lets one of two owners go, then keeps the other", async () => {
        await store.changeMembership(DOC_A, BOB.id, "owner");
        expect(await store.changeMembership(DOC_A, ALICE.id, "viewer")).toEqual({ ok: true, previous: "owner" });
        expect(await store.changeMembership(DOC_A, BOB.id, null)).toEqual({ ok: false, reason: "last_owner" });
        expect((await store.listMembers(DOC_A)).map((m) => [m.userId, m.role])).toEqual([
          [BOB.id, "owner"],
          [ALICE.id, "viewer"],
        ]);
      });

      it("keeps each document's owners apart", async () => {
        await store.changeMembership(DOC_B, BOB.id, "owner");
        expect(await store.changeMembership(DOC_A, ALICE.id, "editor")).toEqual({ ok: false, reason: "last_owner" });
      });
    });

    describe("audit", () => {
      it("lists a document's entries newest first, with the actor's name, up to a limit", async () => {
        await store.appendAudit({ userId: ALICE.id, documentId: DOC_A, action: "first", detail: { n: 1 } });
        await store.appendAudit({ userId: null, documentId: DOC_A, action: "second", detail: {} });
        await store.appendAudit({ userId: ALICE.id, documentId: DOC_B, action: "elsewhere", detail: {} });
        const rows = await store.listAudit(DOC_A, 10);
        expect(rows.map((r) => [r.action, r.userName, r.detail])).toEqual([
          ["second", null, {}],
          ["first", ALICE.name, { n: 1 }],
        ]);
        expect(await store.listAudit(DOC_A, 1)).toHaveLength(1);
      });

      it("keeps account events out of every document's log, even those of its members", async () => {
        await store.appendAudit({ userId: ALICE.id, documentId: null, action: "auth.login", detail: {} });
        await store.appendAudit({
          userId: null,
          documentId: null,
          subjectId: ALICE.id,
          action: "auth.login_failed",
          detail: { email: ALICE.email },
        });
        await store.appendAudit({
          userId: ALICE.id,
          documentId: DOC_A,
          subjectId: BOB.id,
          action: "member.add",
          detail: { to: "viewer" },
        });
        const rows = await store.listAudit(DOC_A, 10);
        expect(rows.map((r) => [r.action, r.userName, r.subjectName])).toEqual([["member.add", ALICE.name, BOB.name]]);
      });

      it("lists one user's account events, as actor or subject, newest first, and nobody else's", async () => {
        await store.appendAudit({ userId: ALICE.id, documentId: null, action: "auth.login", detail: { n: 1 } });
        await store.appendAudit({
          userId: null,
          documentId: null,
          subjectId: ALICE.id,
          action: "auth.login_failed",
          detail: { email: ALICE.email },
        });
        await store.appendAudit({ userId: BOB.id, documentId: null, action: "auth.login", detail: {} });
        await store.appendAudit({ userId: ALICE.id, documentId: DOC_A, action: "document.rename", detail: {} });
        const rows = await store.listAccountEvents(ALICE.id, 10);
        expect(rows.map((r) => [r.action, r.userId, r.subjectName])).toEqual([
          ["auth.login_failed", null, ALICE.name],
          ["auth.login", ALICE.id, null],
        ]);
        expect(await store.listAccountEvents(ALICE.id, 1)).toHaveLength(1);
        expect((await store.listAccountEvents(BOB.id, 10)).map((r) => r.userId)).toEqual([BOB.id]);
      });

      it("records audit entries with or without a user and document", async () => {
        await expect(
          store.appendAudit({ userId: ALICE.id, documentId: DOC_A, action: "rename", detail: { title: "neu" } }),
        ).resolves.toBeUndefined();
        await expect(
          store.appendAudit({ userId: null, documentId: null, action: "login_failed", detail: {} }),
        ).resolves.toBeUndefined();
      });
    });
  });
}

const ORG = { id: "org-test", name: "Testamt" };
const ALICE_NEW: NewUser = { id: "u-alice", email: "alice@test.ch", name: "Alice", orgId: ORG.id, passwordHash: "h1" };
const BOB_NEW: NewUser = { id: "u-bob", email: "bob@test.ch", name: "Bob", orgId: ORG.id, passwordHash: "h2" };
/** The users as the store answers them: active. */
const ALICE: UserRow = { ...ALICE_NEW, deactivatedAt: null };
const BOB: UserRow = { ...BOB_NEW, deactivatedAt: null };
const DOC_A = "doc-a";
const DOC_B = "doc-b";

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

/** An opaque update whose bytes tell which document and which append it was. */
const update = (documentId: string, n: number) => ({
  documentId,
  data: bytes(documentId.charCodeAt(documentId.length - 1), n, 0xff - n),
  userId: ALICE.id,
});

/** Bytes as hex, so that a Buffer and a Uint8Array with the same content compare equal. */
const hex = (data: Uint8Array): string => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("hex");

/** `mergeThroughDoc`, recording what each call was given and returned (as hex). */
function recordingMerge() {
  const calls: { snapshot: string | null; updates: string[]; result: string }[] = [];
  const fn: MergeUpdates = (snapshot, updates) => {
    const result = mergeThroughDoc(snapshot, updates);
    calls.push({ snapshot: snapshot && hex(snapshot), updates: updates.map(hex), result: hex(result) });
    return result;
  };
  return { fn, calls };
}

/** A Y.Doc with one text whose updates are collected, as a client would send them. */
function textEditor() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  const text = doc.getText("content");
  return {
    type: (s: string) => text.insert(text.length, s),
    take: () => updates.splice(0),
  };
}

/** The text a client sees after loading `state`. */
function textOf(state: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string {
  const doc = new Y.Doc();
  if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
  for (const u of state.updates) Y.applyUpdate(doc, u);
  return doc.getText("content").toString();
}
