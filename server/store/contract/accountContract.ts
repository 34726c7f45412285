import { describe, expect, it } from "vitest";
import type { Store } from "../Store.ts";
import { ALICE, BOB, BOB_NEW, eachFresh, ORG } from "./fixtures.ts";

/** Users, organisations and sessions. */
export function describeAccountContract(open: () => Promise<Store>): void {
  const t = eachFresh(open);

  describe("users and organisations", () => {
    it("finds a user by e-mail and by id", async () => {
      expect(await t.store.findUserByEmail(ALICE.email)).toEqual(ALICE);
      expect(await t.store.findUserById(BOB.id)).toEqual(BOB);
    });

    it("answers null for an unknown e-mail or id", async () => {
      expect(await t.store.findUserByEmail("nobody@example.ch")).toBeNull();
      expect(await t.store.findUserById("u-nobody")).toBeNull();
    });

    it("counts its users", async () => {
      expect(await t.store.countUsers()).toBe(2);
    });

    it("refuses a second user with the same e-mail", async () => {
      await expect(t.store.createUser({ ...BOB_NEW, id: "u-bob-2", email: ALICE.email })).rejects.toThrow();
      expect(await t.store.countUsers()).toBe(2);
    });
  });

  describe("directory", () => {
    it("lists the users of the given organisations by organisation and name, and nobody for none", async () => {
      expect(await t.store.listUsersOf([ORG.id])).toEqual([ALICE, BOB]);
      await t.store.createUser({ ...BOB_NEW, id: "u-so", email: "so@so.ch", name: "Aaron", orgId: "kanton-so" });
      expect((await t.store.listUsersOf(["kanton-so"])).map((u) => u.id)).toEqual(["u-so"]);
      expect((await t.store.listUsersOf(["kanton-so", ORG.id])).map((u) => u.id)).toEqual(["u-so", ALICE.id, BOB.id]);
      expect(await t.store.listUsersOf([])).toEqual([]);
      expect(await t.store.listUsersOf(["kanton-be"])).toEqual([]);
    });

    it("keeps the instance role and language a user was created with", async () => {
      await t.store.createUser({
        ...BOB_NEW,
        id: "u-adm",
        email: "adm@test.ch",
        instanceRole: "admin",
        language: "fr",
      });
      expect(await t.store.findUserById("u-adm")).toMatchObject({ instanceRole: "admin", language: "fr" });
      await expect(
        t.store.createUser({ ...BOB_NEW, id: "u-x", email: "x@test.ch", instanceRole: "root" as never }),
      ).rejects.toThrow();
      expect(await t.store.findUserById("u-x")).toBeNull();
    });

    it("grants and withdraws signing authority of one user only, and keeps it given at creation", async () => {
      expect(await t.store.setSigningAuthority(ALICE.id, true)).toBe(true);
      expect((await t.store.findUserById(ALICE.id))?.signingAuthority).toBe(true);
      expect((await t.store.findUserById(BOB.id))?.signingAuthority).toBe(false);
      expect((await t.store.listUsersOf([ORG.id])).map((u) => u.signingAuthority)).toEqual([true, false]);
      expect(await t.store.setSigningAuthority(ALICE.id, false)).toBe(true);
      expect((await t.store.findUserById(ALICE.id))?.signingAuthority).toBe(false);
      expect(await t.store.setSigningAuthority("u-nobody", true)).toBe(false);
      await t.store.createUser({ ...BOB_NEW, id: "u-sig", email: "sig@test.ch", signingAuthority: true });
      expect((await t.store.findUserById("u-sig"))?.signingAuthority).toBe(true);
    });

    it("records the last sign-in of one user only", async () => {
      await t.store.recordSignIn(ALICE.id, new Date("2026-12-01T10:00:00.000Z"));
      expect((await t.store.findUserById(ALICE.id))?.lastSignInAt).toBe("2026-12-01T10:00:00.000Z");
      expect((await t.store.findUserById(BOB.id))?.lastSignInAt).toBeNull();
    });
  });

  describe("sessions", () => {
    const expiresAt = new Date("2030-01-01T12:00:00.000Z");
    const justBefore = new Date(expiresAt.getTime() - 1);

    it("finds the session's user and end until the session expires", async () => {
      await t.store.createSession("token-hash", ALICE.id, expiresAt);
      expect(await t.store.findSession("token-hash", justBefore)).toEqual({
        tokenHash: "token-hash",
        user: ALICE,
        expiresAt: expiresAt.toISOString(),
      });
      expect(await t.store.findSession("token-hash", expiresAt)).toBeNull();
      expect(await t.store.findSession("token-hash", new Date(expiresAt.getTime() + 1))).toBeNull();
    });

    it("answers null for an unknown session", async () => {
      expect(await t.store.findSession("unknown-hash", justBefore)).toBeNull();
    });

    it("forgets a deleted session and keeps the user's other sessions", async () => {
      await t.store.createSession("first", ALICE.id, expiresAt);
      await t.store.createSession("second", ALICE.id, expiresAt);
      await t.store.deleteSession("first");
      expect(await t.store.findSession("first", justBefore)).toBeNull();
      expect((await t.store.findSession("second", justBefore))?.user).toEqual(ALICE);
    });

    it("tells which of many sessions are still live: not deleted, not expired", async () => {
      await t.store.createSession("kept", ALICE.id, expiresAt);
      await t.store.createSession("deleted", ALICE.id, expiresAt);
      await t.store.createSession("expiring", BOB.id, justBefore);
      await t.store.deleteSession("deleted");
      const live = await t.store.liveSessions(["kept", "deleted", "expiring", "unknown"], justBefore);
      expect(live).toEqual(["kept"]);
      expect(await t.store.liveSessions([], justBefore)).toEqual([]);
      const many = Array.from({ length: 40_000 }, (_, i) => `other-${i}`);
      expect(await t.store.liveSessions([...many, "kept"], justBefore)).toEqual(["kept"]);
    });

    it("deactivates an account: its sessions are gone, it stays findable as deactivated, others are untouched", async () => {
      await t.store.createSession("alice-1", ALICE.id, expiresAt);
      await t.store.createSession("alice-2", ALICE.id, expiresAt);
      await t.store.createSession("bob", BOB.id, expiresAt);
      const at = new Date("2029-06-01T08:00:00.000Z");
      expect(await t.store.deactivateUser(ALICE.id, at)).toBe(true);
      expect(await t.store.findSession("alice-1", justBefore)).toBeNull();
      expect(await t.store.liveSessions(["alice-1", "alice-2", "bob"], justBefore)).toEqual(["bob"]);
      expect(await t.store.findUserByEmail(ALICE.email)).toEqual({ ...ALICE, deactivatedAt: at.toISOString() });
      // A second deactivation keeps the first date; an unknown user is no error.
      expect(await t.store.deactivateUser(ALICE.id, new Date("2029-07-01T00:00:00.000Z"))).toBe(true);
      expect((await t.store.findUserById(ALICE.id))?.deactivatedAt).toBe(at.toISOString());
      expect(await t.store.deactivateUser("u-nobody", at)).toBe(false);
      expect(await t.store.findUserById(BOB.id)).toEqual(BOB);
    });

    it("finds no session of a deactivated account, even one written after the deactivation", async () => {
      await t.store.deactivateUser(ALICE.id, new Date());
      await t.store.createSession("late", ALICE.id, expiresAt);
      expect(await t.store.findSession("late", justBefore)).toBeNull();
      expect(await t.store.liveSessions(["late"], justBefore)).toEqual([]);
    });
  });
}
