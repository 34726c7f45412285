import { expect, it } from "vitest";
import type { NewNotification } from "../ports/NotificationStore.ts";
import type { Store } from "../Store.ts";
import { ALICE, BOB, DOC_A, DOC_B, eachFresh } from "./fixtures.ts";

const NOW = new Date("2026-12-01T10:00:00.000Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

const mention = (userId: string, documentId: string, change: Partial<NewNotification> = {}): NewNotification => ({
  userId,
  documentId,
  kind: "mentioned",
  actorId: ALICE.id,
  detail: { threadId: "t1", excerpt: "Bitte prüfen" },
  groupKey: null,
  ...change,
});

/** Notification mail: settings, the pending pairs, claiming a mail once, unsubscribe tokens. */
export function describeNotificationMailContract(open: () => Promise<Store>): void {
  const t = eachFresh(open);

  it("answers every kind by mail until a user's settings are stored, and then what was stored", async () => {
    expect(await t.store.notificationSettings(BOB.id)).toEqual({ email: true, mutedKinds: [] });
    await t.store.setNotificationSettings(BOB.id, { email: false, mutedKinds: ["suggestions", "reply"] }, NOW);
    expect(await t.store.notificationSettings(BOB.id)).toEqual({ email: false, mutedKinds: ["reply", "suggestions"] });
    await t.store.setNotificationSettings(BOB.id, { email: true, mutedKinds: [] }, later(1));
    expect(await t.store.notificationSettings(BOB.id)).toEqual({ email: true, mutedKinds: [] });
    expect(await t.store.notificationSettings(ALICE.id)).toEqual({ email: true, mutedKinds: [] });
  });

  it("lists the pairs with unmailed notifications oldest first, and their notifications oldest first", async () => {
    await t.store.addNotifications([mention(BOB.id, DOC_B)], NOW);
    await t.store.addNotifications(
      [mention(BOB.id, DOC_A), mention(ALICE.id, DOC_A, { actorId: BOB.id })],
      later(1000),
    );
    await t.store.addNotifications([mention(BOB.id, DOC_A, { kind: "reply" })], later(2000));
    expect(await t.store.pendingMail(10)).toEqual([
      { userId: BOB.id, documentId: DOC_B, oldest: NOW.toISOString() },
      { userId: ALICE.id, documentId: DOC_A, oldest: later(1000).toISOString() },
      { userId: BOB.id, documentId: DOC_A, oldest: later(1000).toISOString() },
    ]);
    expect(await t.store.pendingMail(1)).toHaveLength(1);
    const bobA = await t.store.unmailedNotifications(BOB.id, DOC_A);
    expect(bobA.map((n) => n.kind)).toEqual(["mentioned", "reply"]);
    expect(bobA[0]).toMatchObject({ userId: BOB.id, documentId: DOC_A, detail: { excerpt: "Bitte prüfen" } });
  });

  it("records a mail once: marks the notifications mailed and the time, and refuses a second claim on the same window", async () => {
    const [n1, n2] = await t.store.addNotifications([mention(BOB.id, DOC_A), mention(BOB.id, DOC_A)], NOW);
    expect(await t.store.lastMailAt(BOB.id, DOC_A)).toBeNull();
    expect(await t.store.recordMail(BOB.id, DOC_A, [n1?.id ?? 0], null, later(1))).toBe(true);
    expect(await t.store.lastMailAt(BOB.id, DOC_A)).toBe(later(1).toISOString());
    // Another instance that read "no mail yet" too loses, and changes nothing.
    expect(await t.store.recordMail(BOB.id, DOC_A, [n2?.id ?? 0], null, later(2))).toBe(false);
    expect(await t.store.lastMailAt(BOB.id, DOC_A)).toBe(later(1).toISOString());
    expect((await t.store.unmailedNotifications(BOB.id, DOC_A)).map((n) => n.id)).toEqual([n2?.id]);
    // The next window starts from the recorded mail.
    expect(await t.store.recordMail(BOB.id, DOC_A, [n2?.id ?? 0], later(1).toISOString(), later(3))).toBe(true);
    expect(await t.store.recordMail(BOB.id, DOC_A, [], later(1).toISOString(), later(4))).toBe(false);
    expect(await t.store.unmailedNotifications(BOB.id, DOC_A)).toEqual([]);
    expect(await t.store.pendingMail(10)).toEqual([]);
  });

  it("of parallel claims on one window lets exactly one through", async () => {
    const [n] = await t.store.addNotifications([mention(BOB.id, DOC_A)], NOW);
    const claims = await Promise.all(
      [1, 2, 3, 4].map((i) => t.store.recordMail(BOB.id, DOC_A, [n?.id ?? 0], null, later(i))),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("marks only the user's own notifications mailed, whoever's ids it is given", async () => {
    const [bobs] = await t.store.addNotifications([mention(BOB.id, DOC_A)], NOW);
    const [alices] = await t.store.addNotifications([mention(ALICE.id, DOC_A, { actorId: BOB.id })], NOW);
    await t.store.markMailed(BOB.id, [bobs?.id ?? 0, alices?.id ?? 0], later(1));
    expect(await t.store.recordMail(BOB.id, DOC_A, [alices?.id ?? 0], null, later(2))).toBe(true);
    expect((await t.store.unmailedNotifications(ALICE.id, DOC_A)).map((n) => n.id)).toEqual([alices?.id]);
    expect(await t.store.unmailedNotifications(BOB.id, DOC_A)).toEqual([]);
    // Marking without a mail leaves the window alone.
    expect(await t.store.lastMailAt(ALICE.id, DOC_A)).toBeNull();
  });

  it("counts a grouped entry as unmailed again when it grows after its mail", async () => {
    const group = mention(BOB.id, DOC_A, { kind: "suggestions", groupKey: "suggestions:doc-a:sem" });
    const [first] = await t.store.addNotifications([group], NOW);
    expect(await t.store.recordMail(BOB.id, DOC_A, [first?.id ?? 0], null, later(1))).toBe(true);
    await t.store.addNotifications([group], later(5000));
    expect(await t.store.pendingMail(10)).toEqual([
      { userId: BOB.id, documentId: DOC_A, oldest: later(5000).toISOString() },
    ]);
    expect(await t.store.unmailedNotifications(BOB.id, DOC_A)).toMatchObject([{ id: first?.id, count: 2 }]);
  });

  it("finds an unsubscribe token's user by its hash until it expires, and nobody for another hash", async () => {
    await t.store.addUnsubscribeToken("hash-bob", BOB.id, later(1000));
    expect(await t.store.unsubscribeTokenUser("hash-bob", NOW)).toBe(BOB.id);
    expect(await t.store.unsubscribeTokenUser("hash-bob", later(1000))).toBeNull();
    expect(await t.store.unsubscribeTokenUser("hash-alice", NOW)).toBeNull();
  });
}
