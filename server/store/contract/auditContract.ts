import { describe, expect, it } from "vitest";
import type { Store } from "../Store.ts";
import { ALICE, BOB, DOC_A, DOC_B, eachFresh } from "./fixtures.ts";

/** The audit log: per document, per account, newest first. */
export function describeAuditContract(open: () => Promise<Store>): void {
  const t = eachFresh(open);
  /** A failed sign-in to `user`'s account: nobody acted, the account is the subject. */
  const failedSignInTo = (user: { id: string; email: string }) => ({
    userId: null,
    documentId: null,
    subjectId: user.id,
    action: "auth.login_failed",
    detail: { email: user.email },
  });

  describe("audit", () => {
    it("lists a document's entries newest first, with the actor's name, up to a limit", async () => {
      await t.store.appendAudit({ userId: ALICE.id, documentId: DOC_A, action: "first", detail: { n: 1 } });
      await t.store.appendAudit({ userId: null, documentId: DOC_A, action: "second", detail: {} });
      await t.store.appendAudit({ userId: ALICE.id, documentId: DOC_B, action: "elsewhere", detail: {} });
      const rows = await t.store.listAudit(DOC_A, 10);
      expect(rows.map((r) => [r.action, r.userName, r.detail])).toEqual([
        ["second", null, {}],
        ["first", ALICE.name, { n: 1 }],
      ]);
      expect(await t.store.listAudit(DOC_A, 1)).toHaveLength(1);
    });

    it("keeps account events out of every document's log, even those of its members", async () => {
      await t.store.appendAudit({ userId: ALICE.id, documentId: null, action: "auth.login", detail: {} });
      await t.store.appendAudit(failedSignInTo(ALICE));
      await t.store.appendAudit({
        userId: ALICE.id,
        documentId: DOC_A,
        subjectId: BOB.id,
        action: "member.add",
        detail: { to: "viewer" },
      });
      const rows = await t.store.listAudit(DOC_A, 10);
      expect(rows.map((r) => [r.action, r.userName, r.subjectName])).toEqual([["member.add", ALICE.name, BOB.name]]);
    });

    it("lists one user's account events, as actor or subject, newest first, and nobody else's", async () => {
      await t.store.appendAudit({ userId: ALICE.id, documentId: null, action: "auth.login", detail: { n: 1 } });
      await t.store.appendAudit(failedSignInTo(ALICE));
      await t.store.appendAudit({ userId: BOB.id, documentId: null, action: "auth.login", detail: {} });
      await t.store.appendAudit({ userId: ALICE.id, documentId: DOC_A, action: "document.rename", detail: {} });
      const rows = await t.store.listAccountEvents(ALICE.id, 10);
      expect(rows.map((r) => [r.action, r.userId, r.subjectName])).toEqual([
        ["auth.login_failed", null, ALICE.name],
        ["auth.login", ALICE.id, null],
      ]);
      expect(await t.store.listAccountEvents(ALICE.id, 1)).toHaveLength(1);
      expect((await t.store.listAccountEvents(BOB.id, 10)).map((r) => r.userId)).toEqual([BOB.id]);
    });

    it("records audit entries with or without a user and document, and reads them back", async () => {
      await t.store.appendAudit({ userId: ALICE.id, documentId: DOC_A, action: "rename", detail: { title: "neu" } });
      await t.store.appendAudit({
        userId: null,
        documentId: null,
        subjectId: BOB.id,
        action: "login_failed",
        detail: { email: "bob@test.ch" },
      });
      const [renamed] = await t.store.listAudit(DOC_A, 10);
      expect(renamed).toMatchObject({
        userId: ALICE.id,
        userName: ALICE.name,
        documentId: DOC_A,
        subjectId: null,
        subjectName: null,
        action: "rename",
        detail: { title: "neu" },
      });
      expect(Number.isNaN(Date.parse(renamed?.at ?? ""))).toBe(false);
      const [failed] = await t.store.listAccountEvents(BOB.id, 10);
      expect(failed).toMatchObject({
        userId: null,
        userName: null,
        documentId: null,
        subjectId: BOB.id,
        subjectName: BOB.name,
        action: "login_failed",
        detail: { email: "bob@test.ch" },
      });
    });
  });
}
