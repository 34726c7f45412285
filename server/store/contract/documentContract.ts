import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { keepsAnOwner } from "../../documents/lastOwner.ts";
import type { Store } from "../Store.ts";
import { ALICE, BOB, DOC_A, DOC_B, ORG } from "./fixtures.ts";

/** Documents, their settings and memberships. */
export function describeDocumentContract(open: () => Promise<Store>): void {
  let store: Store;

  beforeEach(async () => {
    store = await open();
  });

  afterEach(async () => {
    await store.close();
  });

  describe("documents", () => {
    it("makes the creator the owner of a new document", async () => {
      const created = await store.createDocument({
        id: "doc-new",
        title: "Vereinbarung",
        kind: "agreement",
        ownerId: BOB.id,
        crossPartyAcceptance: true,
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

    it("keeps the cross-party acceptance setting it was created with, and switches it", async () => {
      const agreement = await store.createDocument({
        id: "contract-agreement",
        title: "PV",
        kind: "agreement",
        ownerId: ALICE.id,
        crossPartyAcceptance: true,
      });
      expect(agreement.crossPartyAcceptance).toBe(true);
      expect(await store.findDocument("contract-agreement")).toEqual(agreement);
      expect((await store.findDocument(DOC_A))?.crossPartyAcceptance).toBe(false);
      await store.setCrossPartyAcceptance("contract-agreement", false);
      expect((await store.findDocument("contract-agreement"))?.crossPartyAcceptance).toBe(false);
      await store.setCrossPartyAcceptance(DOC_A, true);
      expect((await store.findDocument(DOC_A))?.crossPartyAcceptance).toBe(true);
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
      expect(await store.changeMembership(DOC_A, BOB.id, "viewer", keepsAnOwner)).toEqual({ ok: true, previous: null });
      expect(await store.changeMembership(DOC_A, BOB.id, "editor", keepsAnOwner)).toEqual({
        ok: true,
        previous: "viewer",
      });
      expect(await store.roleOf(DOC_A, BOB.id)).toBe("editor");
      expect(await store.changeMembership(DOC_A, BOB.id, null, keepsAnOwner)).toEqual({ ok: true, previous: "editor" });
      expect(await store.roleOf(DOC_A, BOB.id)).toBeNull();
      expect(await store.changeMembership(DOC_A, BOB.id, null, keepsAnOwner)).toEqual({ ok: true, previous: null });
    });

    it("refuses to demote or remove the last owner, and changes nothing", async () => {
      expect(await store.changeMembership(DOC_A, ALICE.id, "editor", keepsAnOwner)).toEqual({
        ok: false,
        reason: "last_owner",
      });
      expect(await store.changeMembership(DOC_A, ALICE.id, null, keepsAnOwner)).toEqual({
        ok: false,
        reason: "last_owner",
      });
      expect(await store.roleOf(DOC_A, ALICE.id)).toBe("owner");
      expect(await store.changeMembership(DOC_A, ALICE.id, "owner", keepsAnOwner)).toEqual({
        ok: true,
        previous: "owner",
      });
    });

    it("lets one of two owners go, then keeps the other", async () => {
      await store.changeMembership(DOC_A, BOB.id, "owner", keepsAnOwner);
      expect(await store.changeMembership(DOC_A, ALICE.id, "viewer", keepsAnOwner)).toEqual({
        ok: true,
        previous: "owner",
      });
      expect(await store.changeMembership(DOC_A, BOB.id, null, keepsAnOwner)).toEqual({
        ok: false,
        reason: "last_owner",
      });
      expect((await store.listMembers(DOC_A)).map((m) => [m.userId, m.role])).toEqual([
        [BOB.id, "owner"],
        [ALICE.id, "viewer"],
      ]);
    });

    it("lets only one of two owners demoting each other at the same time pass", async () => {
      await store.changeMembership(DOC_A, BOB.id, "owner", keepsAnOwner);
      const results = await Promise.all([
        store.changeMembership(DOC_A, ALICE.id, "editor", keepsAnOwner),
        store.changeMembership(DOC_A, BOB.id, "editor", keepsAnOwner),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "last_owner" }]);
      expect((await store.listMembers(DOC_A)).filter((m) => m.role === "owner")).toHaveLength(1);
    });

    it("keeps each document's owners apart", async () => {
      await store.changeMembership(DOC_B, BOB.id, "owner", keepsAnOwner);
      expect(await store.changeMembership(DOC_A, ALICE.id, "editor", keepsAnOwner)).toEqual({
        ok: false,
        reason: "last_owner",
      });
    });
  });
}
