import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { AccordServer } from "../../server/startServer.ts";
import { addReply, type CommentAuthor, createThread, readThreads } from "../../shared/comments/model.ts";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { describeNeeding, freshRedisPrefix, freshSchema } from "../helpers/needsServices.ts";
import { login, startTestServer, tempDataDir } from "../helpers/server.ts";
import { TEST_REDIS_URL } from "../helpers/services.ts";
import { storedDoc } from "../helpers/stored.ts";
import { appendParagraph, connectClient, eventually, textOf, type YClient } from "../helpers/yClient.ts";

const CONCEPT = "kip3-konzept-so"; // Andrea owner, Lukas editor, Marco commenter
const MARCO: CommentAuthor = { id: "u-marco", name: "Marco Rossi", orgId: "sem" };
const LUKAS: CommentAuthor = { id: "u-lukas", name: "Lukas Frei", orgId: "kanton-so" };

async function requestMilestone(server: AccordServer, cookie: string): Promise<number> {
  const res = await fetch(`${server.url}/api/documents/${CONCEPT}/milestones`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ includeOpen: true }),
  });
  await res.body?.cancel();
  return res.status;
}

/** The concept exactly as the store holds it. */
const stored = (server: AccordServer) => storedDoc(server, CONCEPT);

/** Starts a thread on the first characters of the content, as the comments panel does. */
function comment(client: YClient, author: CommentAuthor, text: string): string {
  const first = client.doc.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement;
  const at = (i: number) =>
    Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(first.get(0) as Y.XmlText, i));
  return createThread(client.doc, { author, text, quote: "KIP", anchorStart: at(0), anchorEnd: at(3) });
}

const threadTexts = (doc: Y.Doc) => readThreads(doc).map((t) => [t.text, ...t.replies.map((r) => r.text)]);

/** Connects, syncs, and records whether the server closed the connection. */
async function open(url: string, cookie: string): Promise<YClient & { wasClosed: () => number | null }> {
  const client = connectClient(url, CONCEPT, cookie, { reconnect: false });
  await client.synced;
  let code: number | null = null;
  void client.closed.then((c) => {
    code = c.code;
  });
  return { ...client, wasClosed: () => code };
}

describe("comments while a milestone locks the document", () => {
  /** A server of its own per test, whose concept Andrea has just locked by requesting its milestone. */
  async function locked() {
    const dataDir = tempDataDir();
    const server = await startTestServer({}, dataDir);
    const andrea = await login(server.url, "andrea.meier@so.ch");
    const lukas = await login(server.url, "lukas.frei@so.ch");
    const marco = await login(server.url, "marco.rossi@sem.admin.ch");
    expect(await requestMilestone(server, andrea)).toBe(201);
    return { dataDir, server, andrea, lukas, marco };
  }

  it("stores and relays a commenter's thread and an editor's reply", async () => {
    const { server, andrea, lukas, marco } = await locked();
    const commenter = await open(server.url, marco);
    const editor = await open(server.url, lukas);
    const reader = await open(server.url, andrea);
    const threadId = comment(commenter, MARCO, "Bitte Zahlen prüfen");
    await eventually(() => readThreads(editor.doc).some((t) => t.id === threadId), "the thread to reach the editor");
    addReply(editor.doc, threadId, LUKAS, "Geprüft, stimmt");
    await eventually(() => threadTexts(reader.doc).some((t) => t.includes("Geprüft, stimmt")), "the reply to arrive");
    expect(threadTexts(await stored(server))).toContainEqual(["Bitte Zahlen prüfen", "Geprüft, stimmt"]);
    expect([commenter.wasClosed(), editor.wasClosed(), reader.wasClosed()]).toEqual([null, null, null]);
    for (const c of [commenter, editor, reader]) c.destroy();
  });

  it("still refuses an editor's content change, and a comment that comes with one, storing neither", async () => {
    const { server, lukas } = await locked();
    const before = await stored(server);
    const typist = await open(server.url, lukas);
    appendParagraph(typist.doc, "Während der Freigabe geschrieben");
    expect((await typist.closed).code).toBe(CloseCode.UpdateRefused);

    const sneaky = await open(server.url, lukas);
    sneaky.doc.transact(() => {
      comment(sneaky, LUKAS, "Kommentar mit Textänderung");
      appendParagraph(sneaky.doc, "Im Schatten des Kommentars");
    });
    expect((await sneaky.closed).code).toBe(CloseCode.UpdateRefused);

    const now = await stored(server);
    expect(textOf(now)).toBe(textOf(before));
    expect(threadTexts(now)).toEqual(threadTexts(before));
  });

  it("keeps the comments made during the lock across a restart", async () => {
    const { dataDir, server, lukas, marco } = await locked();
    const commenter = await open(server.url, marco);
    const threadId = comment(commenter, MARCO, "Bitte Zahlen prüfen");
    const editor = await open(server.url, lukas);
    await eventually(() => readThreads(editor.doc).some((t) => t.id === threadId), "the thread to reach the editor");
    addReply(editor.doc, threadId, LUKAS, "Geprüft, stimmt");
    await eventually(
      () => threadTexts(commenter.doc).some((t) => t.includes("Geprüft, stimmt")),
      "the reply to arrive",
    );
    for (const c of [commenter, editor]) c.destroy();
    await server.close();
    const restarted = await startTestServer({}, dataDir);
    const after = await open(restarted.url, await login(restarted.url, "andrea.meier@so.ch"));
    expect(threadTexts(after.doc)).toContainEqual(["Bitte Zahlen prüfen", "Geprüft, stimmt"]);
    after.destroy();
  });
});

const describeScaledOut = await describeNeeding("postgres", "redis");

describeScaledOut("comments while locked, across instances on PostgreSQL and Redis", async () => {
  const env = {
    DATABASE_URL: (await freshSchema("accord_lock")).url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: freshRedisPrefix(),
    GAP_CHECK_MS: "500",
  };
  const a = await startTestServer(env); // seeds and migrates first
  const b = await startTestServer(env);

  it("stores a comment made on the other instance while the lock holds, and relays it", async () => {
    const andreaA = await login(a.url, "andrea.meier@so.ch");
    const readerA = await open(a.url, andreaA);
    expect(await requestMilestone(a, andreaA)).toBe(201);
    const commenterB = await open(b.url, await login(b.url, "marco.rossi@sem.admin.ch"));
    const readerAgain = await open(a.url, andreaA); // the first was renewed (4409) by the lock
    comment(commenterB, MARCO, "Von Instanz B, während der Sperre");
    await eventually(
      () => threadTexts(readerAgain.doc).some((t) => t.includes("Von Instanz B, während der Sperre")),
      "the comment to reach instance A",
    );
    expect(threadTexts(await stored(a))).toContainEqual(["Von Instanz B, während der Sperre"]);
    expect(commenterB.wasClosed()).toBeNull();
    readerA.destroy();

    const editorB = await open(b.url, await login(b.url, "lukas.frei@so.ch"));
    appendParagraph(editorB.doc, "Von Instanz B, gesperrt");
    expect((await editorB.closed).code).toBe(CloseCode.UpdateRefused);
    expect(textOf(await stored(a))).not.toContain("Von Instanz B, gesperrt");
  });
});
