import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { VerifyResult, VersionDetail } from "../../shared/api/schemas.ts";
import { addReply, type CommentAuthor, createThread, readThreads, setResolved } from "../../shared/comments/model.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { libreOfficeComments } from "../helpers/libreOfficeConvert.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { storedDoc } from "../helpers/stored.ts";
import { all, docxParts, first, textOf, type XmlElement } from "../helpers/xmlTree.ts";
import { connectClient, eventually } from "../helpers/yClient.ts";

const CONCEPT = "kip3-konzept-so"; // Andrea owner, Lukas editor, Marco commenter
const MARCO: CommentAuthor = { id: "u-marco", name: "Marco Rossi", orgId: "sem" };
const LUKAS: CommentAuthor = { id: "u-lukas", name: "Lukas Frei", orgId: "kanton-so" };

describe("comment threads in DOCX exports", async () => {
  const server = await startTestServer();
  const [andrea, lukas, marco] = await Promise.all([
    login(server.url, "andrea.meier@so.ch"),
    login(server.url, "lukas.frei@so.ch"),
    login(server.url, "marco.rossi@sem.admin.ch"),
  ]);
  const get = async (path: string) => {
    const r = await fetch(`${server.url}/api${path}`, { headers: { cookie: andrea } });
    return { status: r.status, bytes: new Uint8Array(await r.arrayBuffer()) };
  };
  const verify = async (body: Uint8Array) => {
    const r = await fetch(`${server.url}/api/verify`, { method: "POST", body });
    return (await r.json()) as VerifyResult;
  };

  // Marco comments on the first three characters of the text, Lukas replies; a second thread is resolved.
  const commenter = connectClient(server.url, CONCEPT, marco);
  const editor = connectClient(server.url, CONCEPT, lukas);
  await Promise.all([commenter.synced, editor.synced]);
  const firstText = (doc: Y.Doc) => (doc.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const at = (i: number) =>
    Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(firstText(commenter.doc), i));
  // Not at the very start of the document: y-tiptap reads a text position there as misresolved (the editor too).
  const quote = "Integrationsprogramm";
  const from = firstText(commenter.doc)
    .toDelta()
    .map((d: { insert: string }) => d.insert)
    .join("")
    .indexOf(quote);
  const open = createThread(commenter.doc, {
    author: MARCO,
    text: "Bitte Zahlen prüfen",
    quote,
    anchorStart: at(from),
    anchorEnd: at(from + quote.length),
  });
  const done = createThread(commenter.doc, {
    author: MARCO,
    text: "Titel ok?",
    quote: "Integration",
    anchorStart: at(from),
    anchorEnd: at(from + 11),
  });
  await eventually(() => readThreads(editor.doc).length >= 2, "the threads to reach the editor");
  addReply(editor.doc, open, LUKAS, "Geprüft, stimmt");
  setResolved(editor.doc, done, true, LUKAS);
  // Until the server has stored the reply and the resolution (exports read the stored state).
  const stored = async () => readThreads(await storedDoc(server, CONCEPT));
  const settled = (threads: Awaited<ReturnType<typeof stored>>) =>
    threads.some((t) => t.resolved) && threads.some((t) => t.replies.length > 0);
  for (let i = 0; i < 500 && !settled(await stored()); i++) await new Promise((r) => setTimeout(r, 10));

  it("exports the current text with its threads as Word comments: authors, replies, resolved state, ranges", async () => {
    const { status, bytes } = await get(`/documents/${CONCEPT}/export?format=docx`);
    expect(status).toBe(200);
    const comments = (await libreOfficeComments(bytes)).map((c) => [c.author, c.text, c.resolved]);
    expect(comments).toEqual(
      expect.arrayContaining([
        ["Marco Rossi", "Bitte Zahlen prüfen", false],
        ["Lukas Frei", "Geprüft, stimmt", false],
        ["Marco Rossi", "Titel ok?", true],
      ]),
    );
    const parts = docxParts(bytes);
    const body = parts["word/document.xml"] as XmlElement;
    const ids = all(parts["word/comments.xml"] as XmlElement, "w:comment")
      .filter((c) => textOf(c) === "Bitte Zahlen prüfen")
      .map((c) => c.attributes["w:id"]);
    const paragraph = all(body, "w:p").find((p) =>
      all(p, "w:commentRangeStart").some((s) => s.attributes["w:id"] === ids[0]),
    );
    const order = (paragraph as XmlElement).children.map((c) =>
      c.name === "w:r" ? textOf(c) : `${c.name}:${c.attributes["w:id"]}`,
    );
    const from = order.indexOf(`w:commentRangeStart:${ids[0]}`);
    const to = order.indexOf(`w:commentRangeEnd:${ids[0]}`);
    expect(
      order
        .slice(from, to)
        .filter((x) => !x.startsWith("w:"))
        .join(""),
    ).toBe(quote);
    expect(first(parts["word/commentsExtended.xml"] as XmlElement, "w15:commentsEx")).toBeDefined();
    expect(parts["word/commentsIds.xml"]).toBeDefined();
  }, 60_000);

  it("leaves the comments out with ?comments=false, and refuses any other value", async () => {
    const without = await get(`/documents/${CONCEPT}/export?format=docx&comments=false`);
    expect(without.status).toBe(200);
    expect(Object.keys(unzipSync(without.bytes))).not.toContain("word/comments.xml");
    expect((await get(`/documents/${CONCEPT}/export?format=docx&comments=yes`)).status).toBe(400);
  });

  it("verifies a version's export with comments and one without, and not one whose comment was edited", async () => {
    const r = await fetch(`${server.url}/api/documents/${CONCEPT}/milestones`, {
      method: "POST",
      headers: { cookie: andrea, "content-type": "application/json" },
      body: JSON.stringify({ includeOpen: true }),
    });
    expect(r.status).toBe(201);
    const version = (await r.json()) as VersionDetail;
    const withComments = (await get(`/versions/${version.id}/export?format=docx`)).bytes;
    const withoutComments = (await get(`/versions/${version.id}/export?format=docx&comments=false`)).bytes;
    expect(Buffer.from(withComments)).not.toEqual(Buffer.from(withoutComments));
    // Deterministic: the same bytes again.
    expect(Buffer.from((await get(`/versions/${version.id}/export?format=docx`)).bytes)).toEqual(
      Buffer.from(withComments),
    );
    for (const file of [withComments, withoutComments])
      expect(await verify(file)).toMatchObject({ verdict: "genuine", format: "docx" });
    const zipWithout = (await get(`/versions/${version.id}/export?format=zip&comments=false`)).bytes;
    expect(await verify(zipWithout)).toMatchObject({ verdict: "genuine", format: "zip" });

    // Someone puts words in Lukas's mouth: the comment part is edited and the file zipped again.
    const parts = unzipSync(withComments);
    const comments = strFromU8(parts["word/comments.xml"] ?? new Uint8Array());
    expect(comments).toContain("Geprüft, stimmt");
    parts["word/comments.xml"] = strToU8(comments.replace("Geprüft, stimmt", "Abgelehnt"));
    const forged = zipSync(parts);
    expect((await verify(forged)).verdict).not.toBe("genuine");
  }, 60_000);
});
