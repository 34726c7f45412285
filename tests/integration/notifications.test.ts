import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { NotificationRow } from "../../server/store/ports/NotificationStore.ts";
import {
  addReply,
  type CommentAuthor,
  commentsOf,
  createThread,
  editThreadText,
  readThreads,
  setResolved,
} from "../../shared/comments/model.ts";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { HeadlessEditor } from "../helpers/headlessEditor.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { storedDoc } from "../helpers/stored.ts";
import { connectClient, eventually, type YClient } from "../helpers/yClient.ts";

// The concept: Andrea (canton, owner), Lukas (canton, editor), Claire (SEM, suggester),
// Marco (SEM, commenter); Sandra Keller (SEM) administers the instance and is no member.
const CONCEPT = "kip3-konzept-so";
const ANDREA: CommentAuthor = { id: "u-andrea", name: "Andrea Meier", orgId: "kanton-so" };
const LUKAS: CommentAuthor = { id: "u-lukas", name: "Lukas Frei", orgId: "kanton-so" };
const CLAIRE: CommentAuthor = { id: "u-claire", name: "Claire Dubois", orgId: "sem" };
const MARCO: CommentAuthor = { id: "u-marco", name: "Marco Rossi", orgId: "sem" };
const SANDRA = "u-admin";
const EVERYONE = [ANDREA.id, LUKAS.id, CLAIRE.id, MARCO.id, SANDRA];

describe("notifications decided on the server, over the raw protocol", async () => {
  const server = await startTestServer();
  const cookies = {
    [ANDREA.id]: await login(server.url, "andrea.meier@so.ch"),
    [LUKAS.id]: await login(server.url, "lukas.frei@so.ch"),
    [CLAIRE.id]: await login(server.url, "claire.dubois@sem.admin.ch"),
    [MARCO.id]: await login(server.url, "marco.rossi@sem.admin.ch"),
  };

  /** A stock y-websocket client of `author` on the concept, synced. */
  async function open(author: CommentAuthor): Promise<YClient> {
    const client = connectClient(server.url, CONCEPT, cookies[author.id] ?? null, { reconnect: false });
    await client.synced;
    return client;
  }

  /** Starts a thread on the first characters of the content, as the comments panel does. */
  function comment(client: YClient, author: CommentAuthor, text: string, mentions: string[] = []): string {
    const first = client.doc.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement;
    const at = (i: number) =>
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(first.get(0) as Y.XmlText, i));
    return createThread(client.doc, { author, text, quote: "KIP", anchorStart: at(0), anchorEnd: at(3), mentions });
  }

  /** The inbox of a user as the store holds it, reduced to what a test compares. */
  const inbox = async (userId: string, where: (n: NotificationRow) => boolean = () => true) =>
    (await server.store.listNotifications(userId, 500))
      .filter(where)
      .map((n) => ({ kind: n.kind, actorId: n.actorId, count: n.count, ...n.detail }));
  const aboutThread = (threadId: string) => (n: NotificationRow) => n.detail.threadId === threadId;
  /** Everyone's entries about one thread, by user. */
  const allAbout = async (threadId: string) =>
    Object.fromEntries(await Promise.all(EVERYONE.map(async (id) => [id, await inbox(id, aboutThread(threadId))])));

  it("tells the mentioned member, in their inbox, who mentioned them where", async () => {
    const andrea = await open(ANDREA);
    const threadId = comment(andrea, ANDREA, "Bitte @Marco Rossi die Zahlen prüfen", [MARCO.id]);
    await expect
      .poll(() => inbox(MARCO.id, aboutThread(threadId)))
      .toEqual([
        {
          kind: "mentioned",
          actorId: ANDREA.id,
          count: 1,
          threadId,
          replyId: null,
          versionId: null,
          milestone: null,
          excerpt: "Bitte @Marco Rossi die Zahlen prüfen",
        },
      ]);
    expect(await allAbout(threadId)).toEqual({
      [ANDREA.id]: [],
      [LUKAS.id]: [],
      [CLAIRE.id]: [],
      [MARCO.id]: [expect.objectContaining({ kind: "mentioned" })],
      [SANDRA]: [],
    });
    andrea.destroy();
  });

  it("notifies nobody for a forged mention of a non-member, and audits the ids it ignored", async () => {
    const andrea = await open(ANDREA);
    const threadId = comment(andrea, ANDREA, "@Sandra @Lukas bitte ansehen", [SANDRA, LUKAS.id]);
    const unknown = comment(andrea, ANDREA, "@Niemand @Lukas", ["u-ghost", LUKAS.id]);
    // Lukas, a member, is told of both: the events were handled, so the checks below cannot pass by being early.
    await expect.poll(() => inbox(LUKAS.id, aboutThread(threadId))).toHaveLength(1);
    expect(await inbox(SANDRA)).toEqual([]);
    await expect.poll(() => inbox(LUKAS.id, aboutThread(unknown))).toHaveLength(1);
    expect(await server.store.listNotifications("u-ghost", 10)).toEqual([]);
    const audit = (await server.store.listAudit(CONCEPT, 200)).filter(
      (e) => e.action === "notification.mention_ignored" && [threadId, unknown].includes(String(e.detail.threadId)),
    );
    expect(audit.map((e) => [e.userId, e.detail.threadId, e.detail.userIds]).reverse()).toEqual([
      [ANDREA.id, threadId, [SANDRA]],
      [ANDREA.id, unknown, ["u-ghost"]],
    ]);
    // The comment itself stands, with the mentions the author chose: the client shows them as not notified.
    expect(readThreads(await storedDoc(server, CONCEPT)).find((t) => t.id === threadId)?.mentions).toEqual([
      SANDRA,
      LUKAS.id,
    ]);
    andrea.destroy();
  });

  it("refuses a thread forged under another author (4422), stores it not and notifies nobody", async () => {
    const marco = await open(MARCO);
    const forged = comment(marco, ANDREA, "Im Namen von Andrea @Lukas", [LUKAS.id]);
    expect((await marco.closed).code).toBe(CloseCode.UpdateRefused);
    const honest = await open(MARCO);
    const real = comment(honest, MARCO, "Eigener Kommentar @Lukas", [LUKAS.id]);
    await expect.poll(() => inbox(LUKAS.id, aboutThread(real))).toHaveLength(1);
    expect(readThreads(await storedDoc(server, CONCEPT)).some((t) => t.id === forged)).toBe(false);
    expect(await allAbout(forged)).toEqual(Object.fromEntries(EVERYONE.map((id) => [id, []])));
    honest.destroy();
  });

  it("refuses a mention added to another user's comment (4422), storing nothing and notifying nobody", async () => {
    const andrea = await open(ANDREA);
    const threadId = comment(andrea, ANDREA, "Ohne Erwähnung");
    const lukas = await open(LUKAS);
    await eventually(() => readThreads(lukas.doc).some((t) => t.id === threadId), "the thread at Lukas");
    // An editor may resolve anyone's thread, but not make it mention someone in Andrea's name.
    commentsOf(lukas.doc).get(threadId)?.set("mentions", [CLAIRE.id]);
    expect((await lukas.closed).code).toBe(CloseCode.UpdateRefused);
    const refused = readThreads(await storedDoc(server, CONCEPT)).find((t) => t.id === threadId);
    expect(refused).toMatchObject({ text: "Ohne Erwähnung", editedAt: null });
    expect(refused?.mentions).toBeUndefined();
    // Andrea's own edit adding the mention is taken, and tells Marco once.
    editThreadText(andrea.doc, threadId, "Jetzt mit @Marco", [MARCO.id]);
    await expect.poll(() => inbox(MARCO.id, aboutThread(threadId))).toHaveLength(1);
    const stored = readThreads(await storedDoc(server, CONCEPT)).find((t) => t.id === threadId);
    expect(stored).toMatchObject({ text: "Jetzt mit @Marco", mentions: [MARCO.id] });
    expect(await inbox(MARCO.id, aboutThread(threadId))).toEqual([
      expect.objectContaining({ kind: "mentioned", actorId: ANDREA.id, excerpt: "Jetzt mit @Marco" }),
    ]);
    // Another edit that keeps the mention does not tell Marco again.
    editThreadText(andrea.doc, threadId, "Jetzt mit @Marco und @Lukas", [MARCO.id, LUKAS.id]);
    await expect.poll(() => inbox(LUKAS.id, aboutThread(threadId))).toHaveLength(1);
    expect(await inbox(MARCO.id, aboutThread(threadId))).toHaveLength(1);
    expect(await inbox(CLAIRE.id, aboutThread(threadId))).toEqual([]);
    andrea.destroy();
  });

  it("tells nobody when another member replaces a thread with an identical copy", async () => {
    const andrea = await open(ANDREA);
    const threadId = comment(andrea, ANDREA, "Bitte @Marco ansehen", [MARCO.id]);
    await expect.poll(() => inbox(MARCO.id, aboutThread(threadId))).toHaveLength(1);
    const lukas = await open(LUKAS);
    await eventually(() => readThreads(lukas.doc).some((t) => t.id === threadId), "the thread at Lukas");
    // The copy changes nothing the policy compares, so it passes; it must not pass for a new comment.
    const json = commentsOf(lukas.doc).get(threadId)?.toJSON() as Record<string, unknown>;
    const copy = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(json)) if (key !== "replies") copy.set(key, value);
    copy.set("replies", new Y.Array());
    commentsOf(lukas.doc).set(threadId, copy);
    addReply(lukas.doc, threadId, LUKAS, "Gesehen");
    await expect.poll(() => inbox(ANDREA.id, aboutThread(threadId))).toHaveLength(1);
    expect(lukas.provider.wsconnected).toBe(true);
    expect(await inbox(MARCO.id, aboutThread(threadId))).toEqual([
      expect.objectContaining({ kind: "mentioned", actorId: ANDREA.id }),
    ]);
    for (const c of [andrea, lukas]) c.destroy();
  });

  it("tells the thread's people of replies and of its resolution, never the one who acted", async () => {
    const andrea = await open(ANDREA);
    const threadId = comment(andrea, ANDREA, "Ziel 3 unklar");
    const marco = await open(MARCO);
    await eventually(() => readThreads(marco.doc).some((t) => t.id === threadId), "the thread at Marco");
    addReply(marco.doc, threadId, MARCO, "Finde ich auch");
    await expect.poll(() => inbox(ANDREA.id, aboutThread(threadId))).toHaveLength(1);
    const lukas = await open(LUKAS);
    await eventually(
      () => (readThreads(lukas.doc).find((t) => t.id === threadId)?.replies.length ?? 0) === 1,
      "the reply",
    );
    addReply(lukas.doc, threadId, LUKAS, "@Marco ich formuliere es um", [MARCO.id]);
    await expect.poll(() => inbox(MARCO.id, aboutThread(threadId))).toHaveLength(1);
    setResolved(andrea.doc, threadId, true, ANDREA);
    await expect.poll(() => inbox(LUKAS.id, aboutThread(threadId))).toHaveLength(1);
    const kinds = async (userId: string) =>
      (await inbox(userId, aboutThread(threadId))).map((n) => [n.kind, n.actorId]).reverse();
    expect(await kinds(ANDREA.id)).toEqual([
      ["reply", MARCO.id],
      ["reply", LUKAS.id],
    ]);
    // Marco was mentioned in Lukas's reply: told once, as mentioned, not also of the reply.
    expect(await kinds(MARCO.id)).toEqual([
      ["mentioned", LUKAS.id],
      ["thread_resolved", ANDREA.id],
    ]);
    expect(await kinds(LUKAS.id)).toEqual([["thread_resolved", ANDREA.id]]);
    expect(await kinds(CLAIRE.id)).toEqual([]);
    setResolved(lukas.doc, threadId, false, LUKAS);
    await expect.poll(() => kinds(ANDREA.id)).toContainEqual(["thread_reopened", LUKAS.id]);
    expect(await kinds(MARCO.id)).toContainEqual(["thread_reopened", LUKAS.id]);
    expect(await kinds(LUKAS.id)).toEqual([["thread_resolved", ANDREA.id]]);
    for (const c of [andrea, marco, lukas]) c.destroy();
  });

  it("tells nobody when a client writes a thread's resolution again unchanged", async () => {
    const andrea = await open(ANDREA);
    const threadId = comment(andrea, ANDREA, "Offene Frage");
    const marco = await open(MARCO);
    await eventually(() => readThreads(marco.doc).some((t) => t.id === threadId), "the thread at Marco");
    addReply(marco.doc, threadId, MARCO, "Ich habe geantwortet");
    await expect.poll(() => inbox(ANDREA.id, aboutThread(threadId))).toHaveLength(1);
    // Marco, a commenter, may not reopen Andrea's thread, but writing "open" again changes nothing and passes.
    const thread = commentsOf(marco.doc).get(threadId);
    marco.doc.transact(() => {
      thread?.set("resolved", false);
      thread?.set("resolvedBy", null);
      thread?.set("resolvedAt", null);
    });
    addReply(marco.doc, threadId, MARCO, "Und noch etwas");
    await expect.poll(() => inbox(ANDREA.id, aboutThread(threadId))).toHaveLength(2);
    expect((await inbox(ANDREA.id, aboutThread(threadId))).map((n) => n.kind)).toEqual(["reply", "reply"]);
    // A real resolution and a repeated one: told once.
    setResolved(andrea.doc, threadId, true, ANDREA);
    await expect.poll(() => inbox(MARCO.id, aboutThread(threadId))).toHaveLength(1);
    setResolved(andrea.doc, threadId, true, ANDREA);
    setResolved(andrea.doc, threadId, false, ANDREA);
    await expect.poll(() => inbox(MARCO.id, aboutThread(threadId))).toHaveLength(2);
    expect((await inbox(MARCO.id, aboutThread(threadId))).map((n) => n.kind)).toEqual([
      "thread_reopened",
      "thread_resolved",
    ]);
    expect(marco.provider.wsconnected).toBe(true);
    for (const c of [andrea, marco]) c.destroy();
  });

  it("groups the other party's new suggestions into one entry per reader, counting them", async () => {
    const claire = await open(CLAIRE);
    const editor = new HeadlessEditor(claire.doc, { userId: CLAIRE.id, orgId: CLAIRE.orgId });
    const firstParagraphEnd = () => (editor.state.doc.firstChild?.nodeSize ?? 2) - 1;
    const suggestions = (n: NotificationRow) => n.kind === "suggestions";
    expect(editor.edit((tr) => tr.insertText(" Vorschlag eins", firstParagraphEnd()), true).ok).toBe(true);
    await expect.poll(() => inbox(ANDREA.id, suggestions)).toEqual([expect.objectContaining({ count: 1 })]);
    // Typing on in the same suggestion is no new one; one elsewhere is.
    expect(editor.edit((tr) => tr.insertText(" und mehr", firstParagraphEnd()), true).ok).toBe(true);
    expect(editor.edit((tr) => tr.insertText("Vorschlag zwei ", 1), true).ok).toBe(true);
    await expect.poll(() => inbox(ANDREA.id, suggestions)).toEqual([expect.objectContaining({ count: 2 })]);
    const entry = { kind: "suggestions", actorId: CLAIRE.id, count: 2, orgId: "sem", threadId: null };
    expect(await inbox(ANDREA.id, suggestions)).toEqual([expect.objectContaining(entry)]);
    expect(await inbox(LUKAS.id, suggestions)).toEqual([expect.objectContaining(entry)]);
    // Her own party (Marco), herself and non-members hear nothing.
    expect(await inbox(MARCO.id, suggestions)).toEqual([]);
    expect(await inbox(CLAIRE.id, suggestions)).toEqual([]);
    expect(await inbox(SANDRA, suggestions)).toEqual([]);
    claire.destroy();
  });
});
