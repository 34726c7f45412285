import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { MAX_COMMENT_EVENTS } from "../../server/notifications/reportEdits.ts";
import { addReply, type CommentAuthor, commentsOf, createThread, readThreads } from "../../shared/comments/model.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { storedDoc } from "../helpers/stored.ts";
import { connectClient } from "../helpers/yClient.ts";

// Review of issue 16 from the attacker's side.
const CONCEPT = "kip3-konzept-so";
const ANDREA: CommentAuthor = { id: "u-andrea", name: "Andrea Meier", orgId: "kanton-so" };
const LUKAS: CommentAuthor = { id: "u-lukas", name: "Lukas Frei", orgId: "kanton-so" };
const MARCO = "u-marco";

describe("review 16: notification amplification", async () => {
  const server = await startTestServer();
  const cookie = await login(server.url, "andrea.meier@so.ch");
  const lukasCookie = await login(server.url, "lukas.frei@so.ch");

  it("one update opening hundreds of threads that mention a member tells them of MAX_COMMENT_EVENTS only", async () => {
    const andrea = connectClient(server.url, CONCEPT, cookie, { reconnect: false });
    await andrea.synced;
    const first = andrea.doc.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement;
    const at = (i: number) =>
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(first.get(0) as Y.XmlText, i));
    const open = (text: string) =>
      createThread(andrea.doc, {
        author: ANDREA,
        text,
        quote: "KIP",
        anchorStart: at(0),
        anchorEnd: at(3),
        mentions: [MARCO],
      });
    const flood = MAX_COMMENT_EVENTS * 3;
    const ids = new Set<string>();
    andrea.doc.transact(() => {
      for (let i = 0; i < flood; i++) ids.add(open(`Flut ${i}`));
    });
    // Events of one document are handled in order: once the next update's mention is in, the flood's are too.
    const sentinel = open("Danach");
    const mentions = async () =>
      (await server.store.listNotifications(MARCO, 10_000)).filter((n) => n.kind === "mentioned");
    await expect.poll(async () => (await mentions()).some((n) => n.detail.threadId === sentinel)).toBe(true);
    // The comments themselves are all kept; only the notifications are bounded.
    await expect
      .poll(async () => readThreads(await storedDoc(server, CONCEPT)).length)
      .toBeGreaterThanOrEqual(flood + 1);
    expect((await mentions()).filter((n) => ids.has(String(n.detail.threadId)))).toHaveLength(MAX_COMMENT_EVENTS);
    andrea.destroy();
  });
  it("a reply put back unchanged (deleted and inserted again as it was) tells the thread nobody again", async () => {
    const andrea = connectClient(server.url, CONCEPT, cookie, { reconnect: false });
    const lukas = connectClient(server.url, CONCEPT, lukasCookie, { reconnect: false });
    await Promise.all([andrea.synced, lukas.synced]);
    const first = andrea.doc.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement;
    const at = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(first.get(0) as Y.XmlText, 0));
    const threadId = createThread(andrea.doc, {
      author: ANDREA,
      text: "Frage",
      quote: "K",
      anchorStart: at,
      anchorEnd: at,
    });
    const replies = () => commentsOf(lukas.doc).get(threadId)?.get("replies") as Y.Array<Y.Map<unknown>> | undefined;
    await expect.poll(() => replies() !== undefined).toBe(true);
    const replyId = addReply(lukas.doc, threadId, LUKAS, "Antwort");
    const told = async (id: string) =>
      (await server.store.listNotifications(ANDREA.id, 500)).filter(
        (n) => n.kind === "reply" && n.detail.replyId === id,
      );
    await expect.poll(async () => (await told(replyId)).length).toBe(1);
    // Lukas writes his reply again as it was, as a new map: the policy sees no change and lets it through.
    for (let i = 0; i < 3; i++) {
      lukas.doc.transact(() => {
        const list = replies() as Y.Array<Y.Map<unknown>>;
        const copy = new Y.Map<unknown>();
        for (const [key, value] of (list.get(0) as Y.Map<unknown>).entries()) copy.set(key, value);
        list.delete(0, 1);
        list.insert(0, [copy]);
      });
    }
    const sentinel = addReply(lukas.doc, threadId, LUKAS, "Noch etwas");
    await expect.poll(async () => (await told(sentinel)).length).toBe(1);
    expect(
      readThreads(lukas.doc)
        .find((t) => t.id === threadId)
        ?.replies.map((r) => r.id),
    ).toEqual([replyId, sentinel]);
    expect(await told(replyId)).toHaveLength(1);
    andrea.destroy();
    lukas.destroy();
  });
});
