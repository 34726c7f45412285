import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../Store.ts";
import { ALICE, BOB, BOB_NEW, ORG } from "./fixtures.ts";

/** Users, organisations and sessions. */
export function describeAccountContract(open: () => Promise<Store>): void {
  let store: Store;

  beforeEach(async () => {
    store = await open();
  });

  afterEach(async () => {
    await store.close();
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
}
