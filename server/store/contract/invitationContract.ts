import { expect, it } from "vitest";
import type { AdministratorCheck } from "../ports/AccountStore.ts";
import type { NewInvitation } from "../ports/InvitationStore.ts";
import type { Store } from "../Store.ts";
import { ALICE, BOB, eachFresh, ORG } from "./fixtures.ts";

const HOUR = 3600_000;
const NOW = new Date("2026-12-01T10:00:00.000Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

const invitation = (id: string, change: Partial<NewInvitation> = {}): NewInvitation => ({
  id,
  tokenHash: `hash-${id}`,
  email: `${id}@test.ch`,
  orgId: ORG.id,
  name: null,
  language: "fr",
  invitedBy: ALICE.id,
  createdAt: NOW.toISOString(),
  expiresAt: later(HOUR).toISOString(),
  ...change,
});

const newcomer = (id: string) => ({ id, name: "Neu", passwordHash: "h-new" });

/** Invitations, password resets, the mail outbox and the account changes they make. */
export function describeInvitationContract(open: () => Promise<Store>): void {
  const t = eachFresh(open);

  it("finds an open invitation by its token hash until it expires, and lists the open ones of an organisation", async () => {
    await t.store.createInvitation(invitation("i1"));
    await t.store.createInvitation(invitation("i2", { orgId: "kanton-be" }));
    expect(await t.store.findOpenInvitation("hash-i1", NOW)).toMatchObject({ id: "i1", email: "i1@test.ch" });
    expect(await t.store.findOpenInvitation("hash-i1", later(HOUR))).toBeNull();
    expect(await t.store.findOpenInvitation("hash-nope", NOW)).toBeNull();
    expect((await t.store.listOpenInvitations([ORG.id], NOW)).map((i) => i.id)).toEqual(["i1"]);
    expect(await t.store.listOpenInvitations([ORG.id], later(HOUR))).toEqual([]);
  });

  it("revokes an open invitation once; a revoked one is neither found nor accepted", async () => {
    await t.store.createInvitation(invitation("i1"));
    expect(await t.store.revokeInvitation("i1", NOW)).toBe(true);
    expect(await t.store.revokeInvitation("i1", NOW)).toBe(false);
    expect(await t.store.findOpenInvitation("hash-i1", NOW)).toBeNull();
    expect(await t.store.acceptInvitation("hash-i1", NOW, newcomer("u-new"))).toBe("invalid");
    expect(await t.store.findUserById("u-new")).toBeNull();
  });

  it("accepts an invitation once, creating the user in its organisation with its e-mail", async () => {
    await t.store.createInvitation(invitation("i1"));
    const accepted = await t.store.acceptInvitation("hash-i1", NOW, newcomer("u-new"));
    expect(accepted).toMatchObject({ invitation: { id: "i1" } });
    expect(await t.store.findUserById("u-new")).toMatchObject({
      email: "i1@test.ch",
      orgId: ORG.id,
      name: "Neu",
      language: "fr",
    });
    expect(await t.store.acceptInvitation("hash-i1", NOW, newcomer("u-again"))).toBe("invalid");
    expect(await t.store.findUserById("u-again")).toBeNull();
    expect(await t.store.findInvitation("i1")).toMatchObject({ acceptedAt: NOW.toISOString() });
  });

  it("of two parallel accepts creates exactly one account", async () => {
    await t.store.createInvitation(invitation("i1"));
    const results = await Promise.all([
      t.store.acceptInvitation("hash-i1", NOW, newcomer("u-a")),
      t.store.acceptInvitation("hash-i1", NOW, newcomer("u-b")),
    ]);
    expect(results.filter((r) => r === "invalid")).toHaveLength(1);
    expect((await t.store.listUsersOf([ORG.id])).filter((u) => u.email === "i1@test.ch")).toHaveLength(1);
  });

  it("refuses an expired invitation and one whose e-mail has an account by now, writing nothing", async () => {
    await t.store.createInvitation(invitation("i1"));
    expect(await t.store.acceptInvitation("hash-i1", later(HOUR), newcomer("u-late"))).toBe("invalid");
    await t.store.createInvitation(invitation("i2", { email: BOB.email }));
    expect(await t.store.acceptInvitation("hash-i2", NOW, newcomer("u-dup"))).toBe("email_taken");
    expect(await t.store.findUserById("u-dup")).toBeNull();
    expect(await t.store.findOpenInvitation("hash-i2", NOW)).not.toBeNull();
  });

  it("resets a password once per token, ending every session and every other link of the user", async () => {
    await t.store.createSession("s1", ALICE.id, later(HOUR));
    await t.store.createPasswordReset("r1", ALICE.id, NOW, later(HOUR));
    await t.store.createPasswordReset("r2", ALICE.id, NOW, later(HOUR));
    expect(await t.store.findPasswordReset("r1", NOW)).toBe(ALICE.id);
    expect(await t.store.findPasswordReset("r1", later(HOUR))).toBeNull();
    expect(await t.store.resetPassword("r1", NOW, "h-reset")).toBe(ALICE.id);
    expect(await t.store.findPasswordReset("r1", NOW)).toBeNull();
    expect((await t.store.findUserById(ALICE.id))?.passwordHash).toBe("h-reset");
    expect(await t.store.findSession("s1", NOW)).toBeNull();
    expect(await t.store.resetPassword("r1", NOW, "h-again")).toBeNull();
    expect(await t.store.resetPassword("r2", NOW, "h-again")).toBeNull();
    expect((await t.store.findUserById(ALICE.id))?.passwordHash).toBe("h-reset");
  });

  it("refuses an expired reset token and one of a deactivated user, changing nothing", async () => {
    await t.store.createPasswordReset("r1", ALICE.id, NOW, later(HOUR));
    expect(await t.store.resetPassword("r1", later(HOUR), "h-late")).toBeNull();
    await t.store.createPasswordReset("r2", BOB.id, NOW, later(HOUR));
    await t.store.deactivateUser(BOB.id, NOW);
    expect(await t.store.resetPassword("r2", NOW, "h-x")).toBeNull();
    expect((await t.store.findUserById(ALICE.id))?.passwordHash).toBe(ALICE.passwordHash);
    expect((await t.store.findUserById(BOB.id))?.passwordHash).toBe(BOB.passwordHash);
  });

  it("changes a password keeping only the named session", async () => {
    await t.store.createSession("keep", ALICE.id, later(HOUR));
    await t.store.createSession("other", ALICE.id, later(HOUR));
    await t.store.createSession("bobs", BOB.id, later(HOUR));
    expect(await t.store.setPassword(ALICE.id, "h-new", "keep")).toBe(true);
    expect(await t.store.findSession("keep", NOW)).not.toBeNull();
    expect(await t.store.findSession("other", NOW)).toBeNull();
    expect(await t.store.findSession("bobs", NOW)).not.toBeNull();
    expect(await t.store.setPassword("u-nobody", "h", null)).toBe(false);
  });

  /** Refuses to take away the last active administrator (the domain's rule, as `keepsAnAdministrator`). */
  const keeps =
    (userId: string): AdministratorCheck =>
    (active) =>
      !active.includes(userId) || active.some((id) => id !== userId) ? null : "last_admin";

  it("judges a change to the administrators on the active ones, and changes nothing when refused", async () => {
    await t.store.setInstanceRole(ALICE.id, "admin");
    const seen: string[][] = [];
    expect(
      await t.store.setInstanceRole(BOB.id, "org_admin", (a) => {
        seen.push([...a]);
        return null;
      }),
    ).toBe(true);
    expect(seen).toEqual([[ALICE.id]]);
    expect(await t.store.setInstanceRole(ALICE.id, null, keeps(ALICE.id))).toBe("last_admin");
    expect(await t.store.deactivateUser(ALICE.id, NOW, keeps(ALICE.id))).toBe("last_admin");
    expect(await t.store.findUserById(ALICE.id)).toMatchObject({ instanceRole: "admin", deactivatedAt: null });
    expect(await t.store.setInstanceRole("u-nobody", null, keeps("u-nobody"))).toBe(false);
  });

  it("lets only one of two administrators demoting or deactivating each other at once pass", async () => {
    for (const [first, second] of [
      [
        (id: string) => t.store.setInstanceRole(id, null, keeps(id)),
        (id: string) => t.store.setInstanceRole(id, null, keeps(id)),
      ],
      [
        (id: string) => t.store.deactivateUser(id, NOW, keeps(id)),
        (id: string) => t.store.setInstanceRole(id, null, keeps(id)),
      ],
    ] as const) {
      await t.store.setInstanceRole(ALICE.id, "admin");
      await t.store.setInstanceRole(BOB.id, "admin");
      await t.store.reactivateUser(ALICE.id);
      await t.store.reactivateUser(BOB.id);
      const outcomes = await Promise.all([first(ALICE.id), second(BOB.id)]);
      expect([...outcomes].sort()).toEqual(["last_admin", true].sort());
      const left = [await t.store.findUserById(ALICE.id), await t.store.findUserById(BOB.id)].filter(
        (u) => u?.instanceRole === "admin" && u.deactivatedAt === null,
      );
      expect(left).toHaveLength(1);
    }
  });

  it("sets roles and language and reactivates", async () => {
    expect(await t.store.setInstanceRole(ALICE.id, "admin")).toBe(true);
    expect(await t.store.setInstanceRole(BOB.id, "admin")).toBe(true);
    await t.store.deactivateUser(BOB.id, NOW);
    expect(await t.store.reactivateUser(BOB.id)).toBe(true);
    expect(await t.store.findUserById(BOB.id)).toMatchObject({ deactivatedAt: null, instanceRole: "admin" });
    expect(await t.store.setLanguage(ALICE.id, "it")).toBe(true);
    expect((await t.store.findUserById(ALICE.id))?.language).toBe("it");
    await expect(t.store.setLanguage(ALICE.id, "xx" as never)).rejects.toThrow();
  });

  it("keeps outbox mail per organisation, newest first", async () => {
    const mail = {
      recipient: "a@test.ch",
      orgId: ORG.id,
      userId: ALICE.id,
      kind: "reset",
      subject: "S",
      text: "T",
      html: "<p>T</p>",
    };
    await t.store.appendMail(mail, NOW);
    await t.store.appendMail({ ...mail, orgId: "kanton-be", userId: null, subject: "S2" }, later(1000));
    expect((await t.store.listMail([ORG.id], 10)).map((m) => m.subject)).toEqual(["S"]);
    expect((await t.store.listMail(null, 10)).map((m) => m.subject)).toEqual(["S2", "S"]);
    expect(await t.store.listMail([], 10)).toEqual([]);
    expect((await t.store.listMail(null, 1))[0]).toMatchObject({
      ...mail,
      orgId: "kanton-be",
      userId: null,
      subject: "S2",
      at: later(1000).toISOString(),
    });
  });
}
