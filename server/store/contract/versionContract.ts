import { describe, expect, it } from "vitest";
import type { ApprovalRow, VersionRow } from "../ports/VersionStore.ts";
import type { Store } from "../Store.ts";
import { ALICE, DOC_A, DOC_B, eachFresh, update } from "./fixtures.ts";

/** Versions and approvals: immutable, in chain order, and the log's copy of the lock kept in step. */
export function describeVersionContract(
  open: () => Promise<Store>,
  rawSql: (store: Store, sql: string) => Promise<void>,
): void {
  const t = eachFresh(open);

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
      await t.store.insertVersion(version(1));
      await t.store.insertVersion(version(2));
      await t.store.insertVersion(version(1, DOC_B));
      const list = await t.store.listVersions(DOC_A);
      expect(list.map((v) => v.seq)).toEqual([1, 2]);
      expect(list[1]).toEqual(version(2));
      expect(await t.store.findVersion("v-doc-a-2")).toEqual(version(2));
      expect(await t.store.findVersion("v-unknown")).toBeNull();
      expect((await t.store.findVersionsByHash("chain-2")).map((v) => v.id)).toEqual(["v-doc-a-2"]);
      expect((await t.store.findVersionsByHash("content-1")).map((v) => v.id)).toEqual(["v-doc-a-1", "v-doc-b-1"]);
      expect(await t.store.documentsWithVersions()).toEqual([DOC_A, DOC_B]);
      const { state: _state, pmJson: _pmJson, ...head } = version(2);
      expect((await t.store.listVersionHeads(DOC_A))[1]).toEqual(head);
    });

    it("refuses a second version in the same place of the chain", async () => {
      await t.store.insertVersion(version(1));
      await expect(t.store.insertVersion({ ...version(1), id: "v-other" })).rejects.toThrow();
      expect(await t.store.listVersions(DOC_A)).toHaveLength(1);
    });

    it("keeps one decision per organisation and version", async () => {
      await t.store.insertVersion(version(1));
      await t.store.insertApproval(approval("v-doc-a-1", "kanton-so"));
      await expect(t.store.insertApproval({ ...approval("v-doc-a-1", "kanton-so"), id: "a-again" })).rejects.toThrow();
      await t.store.insertApproval(approval("v-doc-a-1", "sem"));
      expect((await t.store.listApprovals(["v-doc-a-1"])).map((a) => a.orgId).sort()).toEqual(["kanton-so", "sem"]);
      const stored = await t.store.listApprovals(["v-doc-a-1"]);
      expect(stored.find((a) => a.orgId === "kanton-so")).toEqual(approval("v-doc-a-1", "kanton-so"));
      expect(stored.find((a) => a.orgId === "sem")?.record).toBeNull();
      expect(await t.store.listApprovals([])).toEqual([]);
    });

    it("refuses, in the database itself, to update or delete a version or an approval", async () => {
      await t.store.insertVersion(version(1));
      await t.store.insertApproval(approval("v-doc-a-1", "sem"));
      await expect(rawSql(t.store, "UPDATE versions SET pm_json = '{}'")).rejects.toThrow(/immutable/);
      await expect(rawSql(t.store, "DELETE FROM versions")).rejects.toThrow(/immutable/);
      await expect(rawSql(t.store, "UPDATE approvals SET decision = 'reject'")).rejects.toThrow(/immutable/);
      await expect(rawSql(t.store, "DELETE FROM approvals")).rejects.toThrow(/immutable/);
      expect(await t.store.findVersion("v-doc-a-1")).toEqual(version(1));
    });

    it("locks the document's log with a new version, in the version's own transaction", async () => {
      await t.store.insertVersion(version(1));
      expect(await t.store.appendUpdates([update(DOC_A, 1), update(DOC_B, 2)])).toEqual([null, 1]);
      expect(await t.store.lastSeqOf(DOC_A)).toBe(0);
    });

    it("unlocks the log with the decision that settles the milestone, not with one that leaves it pending", async () => {
      await t.store.insertVersion(version(1));
      await t.store.insertApproval(approval("v-doc-a-1", "kanton-so"), () => false);
      expect(await t.store.appendUpdates([update(DOC_A, 1)])).toEqual([null]);
      await t.store.insertApproval(approval("v-doc-a-1", "sem"), () => true);
      expect(await t.store.appendUpdates([update(DOC_A, 2)])).toEqual([1]);
    });

    it("judges settling on every decision on the version, so two made at once settle it together", async () => {
      await t.store.insertVersion(version(1));
      const seen: string[][] = [];
      const bothApproved = (decisions: readonly ApprovalRow[]) => {
        seen.push(decisions.map((d) => d.orgId).sort());
        return ["kanton-so", "sem"].every((org) => decisions.some((d) => d.orgId === org));
      };
      await Promise.all([
        t.store.insertApproval(approval("v-doc-a-1", "kanton-so"), bothApproved),
        t.store.insertApproval(approval("v-doc-a-1", "sem"), bothApproved),
      ]);
      expect(seen).toHaveLength(2);
      expect(seen.at(-1)).toEqual(["kanton-so", "sem"]);
      expect(await t.store.appendUpdates([update(DOC_A, 1)])).toEqual([1]);
    });

    it("keeps the lock when a freeze hold is let go while the newest version is still undecided", async () => {
      // An instance that lost the race to freeze lets go of its hold after the winner's version is stored.
      await t.store.setDocumentLock(DOC_A, true);
      await t.store.insertVersion(version(1));
      await t.store.setDocumentLock(DOC_A, false);
      expect(await t.store.appendUpdates([update(DOC_A, 1)])).toEqual([null]);
      // Once settled, a failed freeze's hold is let go as before.
      await t.store.insertApproval(approval("v-doc-a-1", "sem"), () => true);
      await t.store.setDocumentLock(DOC_A, true);
      await t.store.setDocumentLock(DOC_A, false);
      expect(await t.store.appendUpdates([update(DOC_A, 2)])).toEqual([1]);
    });
  });
}
