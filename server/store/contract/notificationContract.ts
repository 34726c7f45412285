import { describe, expect, it } from "vitest";
import type { NewNotification } from "../ports/NotificationStore.ts";
import type { Store } from "../Store.ts";
import { ALICE, BOB, DOC_A, DOC_B, eachFresh } from "./fixtures.ts";

const NOW = new Date("2026-12-01T10:00:00.000Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

/** A notification for `userId`, by Bob unless told otherwise. */
const note = (userId: string, change: Partial<NewNotification> = {}): NewNotification => ({
  userId,
  documentId: DOC_A,
  kind: "mentioned",
  actorId: BOB.id,
  detail: { threadId: "t-1", excerpt: "Bitte prüfen" },
  groupKey: null,
  ...change,
});

const suggestions = (userId: string, change: Partial<NewNotification> = {}): NewNotification =>
  note(userId, {
    kind: "suggestions",
    groupKey: `suggestions:${DOC_A}:org-b`,
    detail: { orgId: "org-b" },
    ...change,
  });

/** The inbox: entries per user, unread ones with one group key folded into one, marking read. */
export function describeNotificationContract(
  open: () => Promise<Store>,
  rawSql: (store: Store, sql: string) => Promise<void>,
): void {
  const t = eachFresh(open);

  describe("notifications", () => {
    it("records entries and lists a user's own, newest first, up to a limit", async () => {
      const [first] = await t.store.addNotifications([note(ALICE.id)], NOW);
      await t.store.addNotifications([note(ALICE.id, { kind: "reply", documentId: DOC_B }), note(BOB.id)], later(1000));
      expect(first).toMatchObject({
        userId: ALICE.id,
        documentId: DOC_A,
        kind: "mentioned",
        actorId: BOB.id,
        detail: { threadId: "t-1", excerpt: "Bitte prüfen" },
        groupKey: null,
        count: 1,
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
        readAt: null,
        mailedAt: null,
      });
      expect(typeof first?.id).toBe("number");
      const mine = await t.store.listNotifications(ALICE.id, 10);
      expect(mine.map((n) => [n.kind, n.documentId])).toEqual([
        ["reply", DOC_B],
        ["mentioned", DOC_A],
      ]);
      expect(await t.store.listNotifications(ALICE.id, 1)).toHaveLength(1);
      expect((await t.store.listNotifications(BOB.id, 10)).map((n) => n.userId)).toEqual([BOB.id]);
    });

    it("keeps entries without a group key apart, even when they are alike", async () => {
      await t.store.addNotifications([note(ALICE.id), note(ALICE.id)], NOW);
      expect((await t.store.listNotifications(ALICE.id, 10)).map((n) => n.count)).toEqual([1, 1]);
      expect(await t.store.countUnread(ALICE.id)).toBe(2);
    });

    it("folds an unread entry with the same key: count added, detail, actor and time replaced, unmailed again", async () => {
      const [first] = await t.store.addNotifications([suggestions(ALICE.id, { count: 2 })], NOW);
      await rawSql(t.store, `UPDATE notifications SET mailed_at = '${later(500).toISOString()}'`);
      const [grouped] = await t.store.addNotifications(
        [suggestions(ALICE.id, { actorId: ALICE.id, detail: { orgId: "org-b", last: "x" }, count: 3 })],
        later(1000),
      );
      expect(grouped).toMatchObject({
        id: first?.id,
        count: 5,
        actorId: ALICE.id,
        detail: { orgId: "org-b", last: "x" },
        createdAt: NOW.toISOString(),
        updatedAt: later(1000).toISOString(),
        readAt: null,
        mailedAt: null,
      });
      expect(await t.store.listNotifications(ALICE.id, 10)).toEqual([grouped]);
    });

    it("folds entries of one call into each other, one more each without a count", async () => {
      const rows = await t.store.addNotifications([suggestions(ALICE.id), suggestions(ALICE.id)], NOW);
      expect(rows.map((r) => r.count)).toEqual([1, 2]);
      expect(rows[0]?.id).toBe(rows[1]?.id);
      expect(await t.store.countUnread(ALICE.id)).toBe(1);
    });

    it("never folds into another user's entry, another key, or an entry already read", async () => {
      await t.store.addNotifications([suggestions(ALICE.id)], NOW);
      await t.store.addNotifications([suggestions(BOB.id)], later(1));
      await t.store.addNotifications([suggestions(ALICE.id, { groupKey: `suggestions:${DOC_A}:org-c` })], later(2));
      expect(await t.store.markRead(ALICE.id, "all", later(3))).toBe(2);
      await t.store.addNotifications([suggestions(ALICE.id)], later(4));
      const mine = await t.store.listNotifications(ALICE.id, 10);
      expect(mine.map((n) => [n.groupKey, n.count, n.readAt === null])).toEqual([
        [`suggestions:${DOC_A}:org-b`, 1, true],
        [`suggestions:${DOC_A}:org-c`, 1, false],
        [`suggestions:${DOC_A}:org-b`, 1, false],
      ]);
      expect((await t.store.listNotifications(BOB.id, 10)).map((n) => n.count)).toEqual([1]);
    });

    it("counts unread entries, and unread events per document and kind (grouped ones by their count)", async () => {
      await t.store.addNotifications(
        [
          suggestions(ALICE.id, { count: 4 }),
          note(ALICE.id),
          note(ALICE.id),
          note(ALICE.id, { documentId: DOC_B, kind: "reply" }),
          note(BOB.id),
        ],
        NOW,
      );
      expect(await t.store.countUnread(ALICE.id)).toBe(4);
      const byDocument = await t.store.unreadByDocument(ALICE.id);
      expect(byDocument.sort((a, b) => `${a.documentId}${a.kind}`.localeCompare(`${b.documentId}${b.kind}`))).toEqual([
        { documentId: DOC_A, kind: "mentioned", count: 2 },
        { documentId: DOC_A, kind: "suggestions", count: 4 },
        { documentId: DOC_B, kind: "reply", count: 1 },
      ]);
      await t.store.markRead(ALICE.id, { documentId: DOC_A }, later(1));
      expect(await t.store.unreadByDocument(ALICE.id)).toEqual([{ documentId: DOC_B, kind: "reply", count: 1 }]);
      expect(await t.store.countUnread(ALICE.id)).toBe(1);
    });

    it("marks one's own entries read by id, and ignores the ids of another user's entries", async () => {
      const [a1, a2] = await t.store.addNotifications([note(ALICE.id), note(ALICE.id)], NOW);
      const [b1] = await t.store.addNotifications([note(BOB.id)], NOW);
      if (!a1 || !a2 || !b1) throw new Error("not stored");
      expect(await t.store.markRead(ALICE.id, { ids: [a1.id, b1.id] }, later(1))).toBe(1);
      expect(await t.store.markRead(ALICE.id, { ids: [a1.id] }, later(2))).toBe(0);
      expect(await t.store.markRead(ALICE.id, { ids: [] }, later(2))).toBe(0);
      const mine = await t.store.listNotifications(ALICE.id, 10);
      expect(mine.find((n) => n.id === a1.id)?.readAt).toBe(later(1).toISOString());
      expect(mine.find((n) => n.id === a2.id)?.readAt).toBeNull();
      expect((await t.store.listNotifications(BOB.id, 10))[0]?.readAt).toBeNull();
      expect(await t.store.countUnread(BOB.id)).toBe(1);
    });

    it("marks one document's or all of one's entries read, and nobody else's", async () => {
      await t.store.addNotifications(
        [note(ALICE.id), note(ALICE.id, { documentId: DOC_B }), note(BOB.id), note(BOB.id, { documentId: DOC_B })],
        NOW,
      );
      expect(await t.store.markRead(ALICE.id, { documentId: DOC_B }, later(1))).toBe(1);
      expect((await t.store.listNotifications(ALICE.id, 10)).map((n) => [n.documentId, n.readAt !== null])).toEqual([
        [DOC_B, true],
        [DOC_A, false],
      ]);
      expect(await t.store.markRead(ALICE.id, "all", later(2))).toBe(1);
      expect(await t.store.countUnread(ALICE.id)).toBe(0);
      expect(await t.store.countUnread(BOB.id)).toBe(2);
    });

    it("stores nothing of a call when one of its entries cannot be stored", async () => {
      await expect(t.store.addNotifications([note(ALICE.id), note("u-nobody")], NOW)).rejects.toThrow();
      expect(await t.store.listNotifications(ALICE.id, 10)).toEqual([]);
    });
  });
}
