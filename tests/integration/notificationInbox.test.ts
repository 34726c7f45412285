import { describe, expect, it } from "vitest";
import type { NewNotification } from "../../server/store/ports/NotificationStore.ts";
import { NotificationList } from "../../shared/api/notifications.ts";
import { DocumentListEntry } from "../../shared/api/schemas.ts";
import { apiClient } from "../helpers/api.ts";
import { inProcessApp } from "../helpers/inProcessApp.ts";
import { notificationFor } from "../helpers/notifications.ts";
import { addPeople, PEOPLE } from "../helpers/people.ts";
import { login, startTestServer } from "../helpers/server.ts";

const CONCEPT = "kip3-konzept-so";
const AGREEMENT = "kip3-vereinbarung-so";
const AT = new Date("2026-12-01T10:00:00.000Z");

const note = (userId: string, documentId: string, kind: NewNotification["kind"], detail = {}) =>
  notificationFor(userId, documentId, kind, { detail });

// Issue 16: the inbox over REST, in-process. Entries are recorded through the store, as the
// notify-events side records them; the routes only read and mark the caller's own.
describe("the notifications inbox", async () => {
  const app = await inProcessApp();
  const api = apiClient(app.request);
  const andrea = await login(app.request, "andrea.meier@so.ch");
  const claire = await login(app.request, "claire.dubois@sem.admin.ch");
  const inbox = async (cookie: string) => {
    const res = await api("GET", "/api/notifications", { cookie });
    expect(res.status).toBe(200);
    return NotificationList.parse(res.body);
  };
  const unreadOf = async (userId: string) => app.store.countUnread(userId);

  const [mention, reply, forAndrea] = await app.store.addNotifications(
    [
      note("u-claire", CONCEPT, "mentioned", { threadId: "t-1", excerpt: "@Claire Dubois bitte prüfen" }),
      note("u-claire", AGREEMENT, "reply", { threadId: "t-2", excerpt: "Einverstanden" }),
      note("u-lukas", CONCEPT, "mentioned", { threadId: "t-1", excerpt: "für Lukas" }),
    ],
    AT,
  );
  if (!mention || !reply || !forAndrea) throw new Error("not stored");

  it("lists the caller's own entries, newest first, with title, actor, target and the unread count", async () => {
    const list = await inbox(claire);
    expect(list.unread).toBe(2);
    expect(list.items.map((i) => i.id).sort()).toEqual([String(mention.id), String(reply.id)].sort());
    expect(list.items.find((i) => i.id === String(mention.id))).toMatchObject({
      kind: "mentioned",
      documentId: CONCEPT,
      documentTitle: expect.stringContaining("Programmkonzept"),
      actor: { id: "u-andrea", name: "Andrea Meier" },
      target: { documentId: CONCEPT, threadId: "t-1", versionId: null },
      excerpt: "@Claire Dubois bitte prüfen",
      milestone: null,
      count: 1,
      readAt: null,
    });
    // Andrea sees none of Claire's (nor Lukas's) entries.
    expect((await inbox(andrea)).items).toEqual([]);
  });

  it("refuses a signed-out caller with 401 on both routes, marking nothing", async () => {
    expect((await api("GET", "/api/notifications")).status).toBe(401);
    expect((await api("POST", "/api/notifications/read", { json: { all: true } })).status).toBe(401);
    expect(await unreadOf("u-claire")).toBe(2);
  });

  it("refuses malformed bodies with 400, marking nothing", async () => {
    for (const json of [
      {},
      { ids: [] },
      { ids: String(mention.id) },
      { ids: [mention.id] },
      { ids: ["1 OR 1=1"] },
      { ids: ["abc"] },
      { all: false },
      { all: true, ids: [String(mention.id)] },
      { documentId: 5 },
    ]) {
      const res = await api("POST", "/api/notifications/read", { cookie: claire, json });
      expect(res.status, JSON.stringify(json)).toBe(400);
    }
    expect((await api("POST", "/api/notifications/read", { cookie: claire, raw: "{" })).status).toBe(400);
    expect(await unreadOf("u-claire")).toBe(2);
  });

  it("changes nothing when another user's ids, or another user's document, are marked", async () => {
    const res = await api("POST", "/api/notifications/read", {
      cookie: andrea,
      json: { ids: [String(mention.id), String(reply.id), String(forAndrea.id)] },
    });
    expect(res.status).toBe(200);
    expect(NotificationList.parse(res.body).unread).toBe(0);
    expect((await api("POST", "/api/notifications/read", { cookie: andrea, json: { all: true } })).status).toBe(200);
    expect(await unreadOf("u-claire")).toBe(2);
    expect(await unreadOf("u-lukas")).toBe(1);
  });

  it("marks one entry, then a document's, read and answers the inbox as it is then", async () => {
    const one = await api("POST", "/api/notifications/read", { cookie: claire, json: { ids: [String(mention.id)] } });
    expect(one.status).toBe(200);
    const after = NotificationList.parse(one.body);
    expect(after.unread).toBe(1);
    expect(after.items.find((i) => i.id === String(mention.id))?.readAt).not.toBeNull();
    await api("POST", "/api/notifications/read", { cookie: claire, json: { documentId: AGREEMENT } });
    expect((await inbox(claire)).unread).toBe(0);
    expect(await unreadOf("u-lukas")).toBe(1);
  });

  it("leaves out the entries of documents the user is no longer a member of", async () => {
    const [later] = await app.store.addNotifications(
      [note("u-claire", CONCEPT, "reply", { threadId: "t-3", excerpt: "nach der Entfernung" })],
      AT,
    );
    expect((await inbox(claire)).items.map((i) => i.id)).toContain(String(later?.id));
    expect((await api("DELETE", `/api/documents/${CONCEPT}/members/u-claire`, { cookie: andrea })).status).toBe(204);
    const list = await inbox(claire);
    expect(list.items.every((i) => i.documentId !== CONCEPT)).toBe(true);
    expect(list.unread).toBe(0);
  });
});

// Issue 16, item 3: the document list says per document what waits for the caller. A real
// server, since requesting a milestone freezes the live document.
describe("what waits for me in the document list", async () => {
  const server = await startTestServer();
  const api = apiClient(server.url);
  // Sara is of the canton, as Andrea and Lukas, but only comments on the concept.
  await addPeople(server.store, PEOPLE.sara);
  const cookies = {
    sara: await login(server.url, PEOPLE.sara.email),
    andrea: await login(server.url, "andrea.meier@so.ch"),
    lukas: await login(server.url, "lukas.frei@so.ch"),
    claire: await login(server.url, "claire.dubois@sem.admin.ch"),
    marco: await login(server.url, "marco.rossi@sem.admin.ch"),
  };
  const waitingIn = async (who: keyof typeof cookies, documentId: string) => {
    const res = await api("GET", "/api/documents", { cookie: cookies[who] });
    expect(res.status).toBe(200);
    return DocumentListEntry.array()
      .parse(res.body)
      .find((d) => d.id === documentId)?.waiting;
  };
  const andreaPuts = await api("PUT", `/api/documents/${CONCEPT}/members`, {
    cookie: cookies.andrea,
    json: { userId: PEOPLE.sara.id, role: "commenter" },
  });
  expect(andreaPuts.status).toBe(200);
  const request = async (documentId: string, override?: string) => {
    const res = await api<{ id: string }>("POST", `/api/documents/${documentId}/milestones`, {
      cookie: cookies.andrea,
      json: { includeOpen: true, override },
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };

  it("counts unread replies and mentions, and the other party's suggestions, per document", async () => {
    await server.store.addNotifications(
      [
        note("u-claire", CONCEPT, "reply"),
        note("u-claire", CONCEPT, "mentioned"),
        note("u-claire", CONCEPT, "thread_resolved"),
        { ...note("u-claire", AGREEMENT, "suggestions"), groupKey: "s" },
        { ...note("u-claire", AGREEMENT, "suggestions"), groupKey: "s" },
        note("u-marco", CONCEPT, "reply"),
      ],
      AT,
    );
    expect(await waitingIn("claire", CONCEPT)).toEqual({ approval: false, replies: 2, suggestions: 0 });
    expect(await waitingIn("claire", AGREEMENT)).toEqual({ approval: false, replies: 0, suggestions: 2 });
    expect(await waitingIn("andrea", CONCEPT)).toEqual({ approval: false, replies: 0, suggestions: 0 });
    await api("POST", "/api/notifications/read", { cookie: cookies.claire, json: { documentId: CONCEPT } });
    expect(await waitingIn("claire", CONCEPT)).toEqual({ approval: false, replies: 0, suggestions: 0 });
  });

  it("shows a pending milestone only to those of the deciding organisation who may decide and have not", async () => {
    const draft = await request(CONCEPT); // Konzept: Entwurf, the canton decides, no four eyes
    expect((await waitingIn("andrea", CONCEPT))?.approval).toBe(true);
    expect((await waitingIn("lukas", CONCEPT))?.approval).toBe(true);
    // SEM does not decide this one; Marco could not anyway (commenter), nor can Sara of the canton.
    expect((await waitingIn("claire", CONCEPT))?.approval).toBe(false);
    expect((await waitingIn("sara", CONCEPT))?.approval).toBe(false);
    expect((await waitingIn("marco", CONCEPT))?.approval).toBe(false);
    const approved = await api("POST", `/api/versions/${draft}/approvals`, {
      cookie: cookies.lukas,
      json: { decision: "approve" },
    });
    expect(approved.status).toBe(201);
    expect((await waitingIn("andrea", CONCEPT))?.approval).toBe(false);
    expect((await waitingIn("lukas", CONCEPT))?.approval).toBe(false);
  });

  it("does not show a four-eyes milestone to its requester, who cannot approve it", async () => {
    await request(CONCEPT); // RRB, four eyes: Andrea requested
    expect((await waitingIn("andrea", CONCEPT))?.approval).toBe(false);
    expect((await waitingIn("lukas", CONCEPT))?.approval).toBe(true);
  });

  it("stops showing a milestone to an organisation once it decided, while the other still must", async () => {
    // Programmvereinbarung bereinigt: both parties decide (its section check overridden here).
    const settled = await request(AGREEMENT, "Abschnitte mündlich bereinigt");
    for (const who of ["andrea", "lukas", "claire"] as const)
      expect((await waitingIn(who, AGREEMENT))?.approval).toBe(true);
    expect((await waitingIn("marco", AGREEMENT))?.approval).toBe(false); // viewer
    const approved = await api("POST", `/api/versions/${settled}/approvals`, {
      cookie: cookies.andrea,
      json: { decision: "approve" },
    });
    expect(approved.status).toBe(201);
    expect((await waitingIn("andrea", AGREEMENT))?.approval).toBe(false);
    expect((await waitingIn("lukas", AGREEMENT))?.approval).toBe(false);
    expect((await waitingIn("claire", AGREEMENT))?.approval).toBe(true);
  });
});
