import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Logger } from "../log.ts";
import type { Store } from "../store/Store.ts";
import { openSqliteStore } from "../store/sqlite/openSqliteStore.ts";
import { sqliteTestFiles } from "../store/sqlite/sqliteTestFiles.ts";
import type { NotificationEvent } from "./events.ts";
import { Notifications } from "./Notifications.ts";

const freshFile = sqliteTestFiles("notifications");
const DOC = "doc-n";
const NOW = new Date("2026-12-01T10:00:00.000Z");
const SECRET_TEXT = "Vertraulich: Budget 1.2 Mio";

/** A logger that keeps its lines, to check what was logged. */
function recordingLog() {
  const lines: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) => lines.push({ level, msg, fields });
  const log: Logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), banner: () => {} };
  return { log, lines };
}

const comment = (change: Partial<Extract<NotificationEvent, { kind: "comment" }>> = {}): NotificationEvent => ({
  kind: "comment",
  documentId: DOC,
  actorId: "u-a",
  threadId: "t-1",
  replyId: null,
  mentions: ["u-b"],
  created: true,
  text: SECRET_TEXT,
  participants: [],
  ...change,
});

describe("Notifications", () => {
  let store: Store;
  beforeEach(async () => {
    store = await openSqliteStore(freshFile());
    for (const [id, orgId] of [
      ["u-a", "kanton-so"],
      ["u-b", "kanton-so"],
      ["u-c", "sem"],
    ] as const) {
      await store.createUser({ id, email: `${id}@test.ch`, name: id, orgId, passwordHash: "h" });
    }
    await store.createDocument({
      id: DOC,
      title: "Konzept",
      kind: "concept",
      ownerId: "u-a",
      crossPartyAcceptance: false,
      parties: [
        { orgId: "kanton-so", role: "canton" },
        { orgId: "sem", role: "federal" },
      ],
    });
    await store.setMembership({ documentId: DOC, userId: "u-b", role: "editor" });
    await store.setMembership({ documentId: DOC, userId: "u-c", role: "suggester" });
  });
  afterEach(() => store.close());

  it("records the entries, then wakes the mail batching once per recipient and document", async () => {
    const woken: [string, string, boolean][] = [];
    const { log } = recordingLog();
    const notifications = new Notifications({
      store,
      log,
      now: () => NOW,
      mailWake: {
        // What the wake finds already stored: recorded before it is woken.
        wake: (userId, documentId) =>
          void store.countUnread(userId).then((n) => woken.push([userId, documentId, n > 0])),
      },
    });
    notifications.emit(comment({ mentions: ["u-b", "u-c"] }));
    notifications.emit({ kind: "suggestions", documentId: DOC, actorId: "u-c", count: 3 });
    await notifications.settled();
    await expect.poll(() => woken.length).toBe(4);
    expect(woken.sort()).toEqual([
      ["u-a", DOC, true],
      ["u-b", DOC, true],
      ["u-b", DOC, true],
      ["u-c", DOC, true],
    ]);
    const [suggestions] = await store.listNotifications("u-a", 10);
    expect(suggestions).toMatchObject({ kind: "suggestions", count: 3, actorId: "u-c", createdAt: NOW.toISOString() });
  });

  it("logs a failure without the event's text, and goes on with the next event", async () => {
    const { log, lines } = recordingLog();
    let fail = true;
    const flaky: Store = Object.create(store, {
      addNotifications: {
        value: (...args: Parameters<Store["addNotifications"]>) => {
          if (fail) {
            fail = false;
            return Promise.reject(new Error(`cannot store ${SECRET_TEXT}`));
          }
          return store.addNotifications(...args);
        },
      },
    });
    const notifications = new Notifications({ store: flaky, log });
    expect(() => notifications.emit(comment())).not.toThrow();
    notifications.emit(comment({ threadId: "t-2" }));
    await notifications.settled();
    expect(lines).toEqual([
      {
        level: "error",
        msg: "notification not recorded",
        fields: { kind: "comment", documentId: DOC, error: "Error" },
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain("Vertraulich");
    expect((await store.listNotifications("u-b", 10)).map((n) => n.detail.threadId)).toEqual(["t-2"]);
  });

  it("tells nobody of the suggestions of someone who is no member any more", async () => {
    const notifications = new Notifications({ store, log: recordingLog().log });
    await store.removeMembership(DOC, "u-c");
    notifications.emit({ kind: "suggestions", documentId: DOC, actorId: "u-c", count: 1 });
    notifications.emit(comment({ actorId: "u-a", mentions: ["u-b"] }));
    await notifications.settled();
    expect((await store.listNotifications("u-a", 10)).map((n) => n.kind)).toEqual([]);
    expect((await store.listNotifications("u-b", 10)).map((n) => n.kind)).toEqual(["mentioned"]);
  });
});
