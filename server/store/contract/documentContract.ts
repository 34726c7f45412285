import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Role } from "../../../shared/roles.ts";
import { keepsAnOwner } from "../../documents/lastOwner.ts";
import type { Store } from "../Store.ts";
import { ALICE, BOB, DOC_A, DOC_B, eachFresh, ORG, PARTIES, textEditor, textOf } from "./fixtures.ts";

/** Documents, their settings and memberships. */
export function describeDocumentContract(open: () => Promise<Store>): void {
  const t = eachFresh(open);
  /** A new agreement with cross-party acceptance, as the domain creates one by default. */
  const agreement = (id: string, title: string, ownerId: string) =>
    t.store.createDocument({ id, title, kind: "agreement", ownerId, crossPartyAcceptance: true, parties: PARTIES });
  /** A membership change under the domain's last-owner rule, as the members routes make it. */
  const change = (documentId: string, userId: string, role: Role | null) =>
    t.store.changeMembership(documentId, userId, role, keepsAnOwner);
  const LAST_OWNER = { ok: false, reason: "last_owner" } as const;

  describe("documents", () => {
    it("makes the creator the owner of a new document", async () => {
      const created = await agreement("doc-new", "Vereinbarung", BOB.id);
      expect(created).toMatchObject({ id: "doc-new", title: "Vereinbarung", kind: "agreement" });
      expect(await t.store.findDocument("doc-new")).toEqual(created);
      expect(await t.store.roleOf("doc-new", BOB.id)).toBe("owner");
      expect(await t.store.roleOf("doc-new", ALICE.id)).toBeNull();
    });

    it("keeps a document's parties, canton first, and lists them with the user's documents", async () => {
      const federalFirst = [...PARTIES].reverse();
      const created = await t.store.createDocument({
        id: "doc-parties",
        title: "Parteien",
        kind: "concept",
        ownerId: BOB.id,
        crossPartyAcceptance: false,
        parties: federalFirst,
      });
      expect(created.parties).toEqual(PARTIES);
      expect((await t.store.findDocument("doc-parties"))?.parties).toEqual(PARTIES);
      expect((await t.store.listDocumentsOf(BOB.id)).map((d) => [d.id, d.parties])).toEqual([["doc-parties", PARTIES]]);
      expect((await t.store.findDocument(DOC_A))?.parties).toEqual(PARTIES);
    });

    it("creates an amendment with its link, members and first content in one go, and lists it with the amended document", async () => {
      await agreement("doc-signed", "Vereinbarung", BOB.id);
      const version = {
        id: "v-signed-1",
        documentId: "doc-signed",
        seq: 1,
        milestone: "unterzeichnung",
        state: new Uint8Array([0, 0]),
        pmJson: '{"type":"doc"}',
        contentHash: "c1",
        stateHash: "s1",
        prevHash: null,
        chainHash: "h1",
        frozenBy: BOB.id,
        frozenAt: "2026-01-01T00:00:00.000Z",
        openItems: "[]",
        record: null,
      };
      await t.store.insertVersion(version);
      const editor = textEditor();
      editor.type("Unterzeichneter Text");
      const initialState = Y.mergeUpdates(editor.take());
      const amends = { documentId: "doc-signed", versionId: version.id };
      const created = await t.store.createDocument({
        id: "doc-amendment",
        title: "Nachtrag 1 zu Vereinbarung",
        kind: "amendment",
        ownerId: ALICE.id,
        crossPartyAcceptance: true,
        parties: PARTIES,
        amends,
        members: [
          { userId: BOB.id, role: "editor" },
          { userId: ALICE.id, role: "viewer" },
        ],
        initialState,
      });
      expect(created).toMatchObject({ kind: "amendment", amends });
      expect(await t.store.findDocument("doc-amendment")).toEqual(created);
      // The owner stays the owner whatever the copied members say.
      expect(await t.store.roleOf("doc-amendment", ALICE.id)).toBe("owner");
      expect(await t.store.roleOf("doc-amendment", BOB.id)).toBe("editor");
      const state = await t.store.loadState("doc-amendment");
      expect([state.lastSeq, textOf(state)]).toEqual([1, "Unterzeichneter Text"]);
      expect(await t.store.listAmendments("doc-signed")).toEqual([
        { id: "doc-amendment", title: "Nachtrag 1 zu Vereinbarung", createdAt: created.createdAt },
      ]);
      expect(await t.store.listAmendments("doc-amendment")).toEqual([]);
      expect((await t.store.findDocument("doc-signed"))?.amends).toBeNull();
      // Its log goes on after the first row.
      editor.type(" und mehr");
      await t.store.appendUpdates([
        { documentId: "doc-amendment", data: Y.mergeUpdates(editor.take()), userId: BOB.id },
      ]);
      expect(textOf(await t.store.loadState("doc-amendment"))).toBe("Unterzeichneter Text und mehr");
    });

    it("creates no amendment of a version that does not exist", async () => {
      await agreement("doc-signed", "Vereinbarung", BOB.id);
      await expect(
        t.store.createDocument({
          id: "doc-forged",
          title: "Nachtrag",
          kind: "amendment",
          ownerId: BOB.id,
          crossPartyAcceptance: true,
          parties: PARTIES,
          amends: { documentId: "doc-signed", versionId: "v-nowhere" },
        }),
      ).rejects.toThrow();
      expect(await t.store.findDocument("doc-forged")).toBeNull();
    });

    it("creates nothing when a party cannot be stored (two parties in one role)", async () => {
      const twoCantons = [
        { orgId: ORG.id, role: "canton" as const },
        { orgId: "kanton-be", role: "canton" as const },
      ];
      await expect(
        t.store.createDocument({
          id: "doc-two-cantons",
          title: "Zwei Kantone",
          kind: "concept",
          ownerId: BOB.id,
          crossPartyAcceptance: false,
          parties: twoCantons,
        }),
      ).rejects.toThrow();
      expect(await t.store.findDocument("doc-two-cantons")).toBeNull();
      expect(await t.store.roleOf("doc-two-cantons", BOB.id)).toBeNull();
    });

    it("answers null for an unknown document", async () => {
      expect(await t.store.findDocument("no-such-document")).toBeNull();
      expect(await t.store.roleOf("no-such-document", ALICE.id)).toBeNull();
    });

    it("lists exactly the documents a user is a member of, with the role in each", async () => {
      await t.store.setMembership({ documentId: DOC_B, userId: BOB.id, role: "commenter" });
      const byId = <T extends { id: string }>(docs: T[]) => [...docs].sort((a, b) => a.id.localeCompare(b.id));

      expect(byId(await t.store.listDocumentsOf(ALICE.id)).map((d) => [d.id, d.role])).toEqual([
        [DOC_A, "owner"],
        [DOC_B, "owner"],
      ]);
      const bobs = await t.store.listDocumentsOf(BOB.id);
      expect(bobs).toEqual([{ ...(await t.store.findDocument(DOC_B)), role: "commenter" }]);
      expect(await t.store.listDocumentsOf("u-nobody")).toEqual([]);
    });

    it("changes a member's role when the membership is set again", async () => {
      await t.store.setMembership({ documentId: DOC_A, userId: BOB.id, role: "viewer" });
      expect(await t.store.roleOf(DOC_A, BOB.id)).toBe("viewer");
      await t.store.setMembership({ documentId: DOC_A, userId: BOB.id, role: "editor" });
      expect(await t.store.roleOf(DOC_A, BOB.id)).toBe("editor");
      expect((await t.store.listDocumentsOf(BOB.id)).map((d) => d.role)).toEqual(["editor"]);
    });

    it("keeps the cross-party acceptance setting it was created with, and switches it", async () => {
      const created = await agreement("contract-agreement", "PV", ALICE.id);
      expect(created.crossPartyAcceptance).toBe(true);
      expect(await t.store.findDocument("contract-agreement")).toEqual(created);
      expect((await t.store.findDocument(DOC_A))?.crossPartyAcceptance).toBe(false);
      await t.store.setCrossPartyAcceptance("contract-agreement", false);
      expect((await t.store.findDocument("contract-agreement"))?.crossPartyAcceptance).toBe(false);
      await t.store.setCrossPartyAcceptance(DOC_A, true);
      expect((await t.store.findDocument(DOC_A))?.crossPartyAcceptance).toBe(true);
    });

    it("renames a document and moves its updatedAt, not its createdAt", async () => {
      const before = await t.store.findDocument(DOC_A);
      await t.store.renameDocument(DOC_A, "Programmkonzept KIP 3");
      const after = await t.store.findDocument(DOC_A);
      expect(after?.title).toBe("Programmkonzept KIP 3");
      expect(after?.createdAt).toBe(before?.createdAt);
      expect(Date.parse(after?.updatedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(before?.updatedAt ?? ""));
    });
  });

  describe("members", () => {
    it("lists members with their details, owners first, and removes one", async () => {
      await t.store.setMembership({ documentId: DOC_A, userId: BOB.id, role: "commenter" });
      expect(await t.store.listMembers(DOC_A)).toEqual([
        { documentId: DOC_A, userId: ALICE.id, role: "owner", email: ALICE.email, name: ALICE.name, orgId: ORG.id },
        { documentId: DOC_A, userId: BOB.id, role: "commenter", email: BOB.email, name: BOB.name, orgId: ORG.id },
      ]);
      await t.store.removeMembership(DOC_A, BOB.id);
      expect((await t.store.listMembers(DOC_A)).map((m) => m.userId)).toEqual([ALICE.id]);
      expect(await t.store.roleOf(DOC_A, BOB.id)).toBeNull();
    });

    it("adds, changes and removes a member with changeMembership, telling the role before", async () => {
      expect(await change(DOC_A, BOB.id, "viewer")).toEqual({ ok: true, previous: null });
      expect(await change(DOC_A, BOB.id, "editor")).toEqual({
        ok: true,
        previous: "viewer",
      });
      expect(await t.store.roleOf(DOC_A, BOB.id)).toBe("editor");
      expect(await change(DOC_A, BOB.id, null)).toEqual({ ok: true, previous: "editor" });
      expect(await t.store.roleOf(DOC_A, BOB.id)).toBeNull();
      expect(await change(DOC_A, BOB.id, null)).toEqual({ ok: true, previous: null });
    });

    it("refuses to demote or remove the last owner, and changes nothing", async () => {
      expect(await change(DOC_A, ALICE.id, "editor")).toEqual(LAST_OWNER);
      expect(await change(DOC_A, ALICE.id, null)).toEqual(LAST_OWNER);
      expect(await t.store.roleOf(DOC_A, ALICE.id)).toBe("owner");
      expect(await change(DOC_A, ALICE.id, "owner")).toEqual({
        ok: true,
        previous: "owner",
      });
    });

    it("lets one of two owners go, then keeps the other", async () => {
      await change(DOC_A, BOB.id, "owner");
      expect(await change(DOC_A, ALICE.id, "viewer")).toEqual({
        ok: true,
        previous: "owner",
      });
      expect(await change(DOC_A, BOB.id, null)).toEqual(LAST_OWNER);
      expect((await t.store.listMembers(DOC_A)).map((m) => [m.userId, m.role])).toEqual([
        [BOB.id, "owner"],
        [ALICE.id, "viewer"],
      ]);
    });

    it("lets only one of two owners demoting each other at the same time pass", async () => {
      await change(DOC_A, BOB.id, "owner");
      const results = await Promise.all([change(DOC_A, ALICE.id, "editor"), change(DOC_A, BOB.id, "editor")]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([LAST_OWNER]);
      expect((await t.store.listMembers(DOC_A)).filter((m) => m.role === "owner")).toHaveLength(1);
    });

    it("keeps each document's owners apart", async () => {
      await change(DOC_B, BOB.id, "owner");
      expect(await change(DOC_A, ALICE.id, "editor")).toEqual(LAST_OWNER);
    });
  });
}
