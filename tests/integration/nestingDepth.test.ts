import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { MAX_ELEMENT_DEPTH } from "../../shared/schema/yjsNode.ts";
import { HeadlessEditor } from "../helpers/headlessEditor.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { connectClient, textOf } from "../helpers/yClient.ts";

const AGREEMENT = "kip3-vereinbarung-so";
const CONCEPT = "kip3-konzept-so";

/** `depth` blockquotes, one inside the other, around a paragraph: depth + 1 levels of elements. */
function quotes(depth: number, text: string): Y.XmlElement {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  let inner = paragraph;
  for (let i = 0; i < depth; i++) {
    const quote = new Y.XmlElement("blockquote");
    quote.insert(0, [inner]);
    inner = quote;
  }
  return inner;
}

/** The deepest blockquote of the first block, if it is one. */
function deepestQuote(doc: Y.Doc): Y.XmlElement {
  let quote = doc.getXmlFragment(CONTENT_FIELD).get(0);
  if (!(quote instanceof Y.XmlElement) || quote.nodeName !== "blockquote") throw new Error("no blockquote first");
  for (
    let inner = quote.get(0);
    inner instanceof Y.XmlElement && inner.nodeName === "blockquote";
    inner = inner.get(0)
  ) {
    quote = inner;
  }
  return quote;
}

/** Puts `depth` blockquotes around a paragraph first in `doc`, each inside one already integrated, in one transaction. */
function nestQuotes(doc: Y.Doc, depth: number, text: string): void {
  doc.transact(() => {
    let parent: Y.XmlElement | Y.XmlFragment = doc.getXmlFragment(CONTENT_FIELD);
    for (let i = 0; i < depth; i++) {
      const quote = new Y.XmlElement("blockquote");
      parent.insert(0, [quote]);
      parent = quote;
    }
    const paragraph = new Y.XmlElement("paragraph");
    parent.insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText(text)]);
  });
}

/** Polls the store until `text` is stored in `id`. */
async function untilStored(server: Awaited<ReturnType<typeof startTestServer>>, id: string, text: string) {
  for (const until = Date.now() + 5000; !(await storedText(server, id)).includes(text); ) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${text} to be stored`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function storedText(server: Awaited<ReturnType<typeof startTestServer>>, id: string): Promise<string> {
  const doc = new Y.Doc();
  const state = await server.store.loadState(id);
  if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
  for (const update of state.updates) Y.applyUpdate(doc, update);
  return textOf(doc);
}

describe("the policy bounds how deep elements nest", async () => {
  const server = await startTestServer({ LOG_LEVEL: "error" });
  const andrea = await login(server.url, "andrea.meier@so.ch"); // owner

  async function expectRefused(write: (doc: Y.Doc) => void): Promise<void> {
    const attacker = connectClient(server.url, AGREEMENT, andrea, { reconnect: false });
    await attacker.synced;
    const before = await storedText(server, AGREEMENT);
    write(attacker.doc);
    const stillOpen = new Promise<{ code: number }>((resolve) => setTimeout(() => resolve({ code: 0 }), 3000));
    expect((await Promise.race([attacker.closed, stillOpen])).code).toBe(CloseCode.UpdateRefused);
    expect(await storedText(server, AGREEMENT)).toBe(before);
    const fresh = connectClient(server.url, AGREEMENT, andrea, { reconnect: false });
    await fresh.synced;
    expect(textOf(fresh.doc)).toBe(before);
    for (const c of [attacker, fresh]) c.destroy();
  }

  it("refuses 1,500 nested blockquotes built in one transaction with 4422, and the freeze still works", async () => {
    await expectRefused((doc) => nestQuotes(doc, 1500, "Tief verschachtelt"));
    const draft = await fetch(`${server.url}/api/documents/${AGREEMENT}/export?format=html`, {
      headers: { cookie: andrea },
    });
    expect(draft.status).toBe(200);
  });

  it("counts the ancestors: a level added inside the deepest allowed quote is refused", async () => {
    const writer = connectClient(server.url, AGREEMENT, andrea, { reconnect: false });
    await writer.synced;
    const content = writer.doc.getXmlFragment(CONTENT_FIELD);
    content.insert(0, [quotes(MAX_ELEMENT_DEPTH - 1, "Gerade noch erlaubt")]);
    await untilStored(server, AGREEMENT, "Gerade noch erlaubt");
    expect(writer.provider.wsconnected).toBe(true);
    writer.destroy();
    await expectRefused((doc) => deepestQuote(doc).insert(0, [quotes(1, "Eine Ebene zu tief")]));
  });

  it("accepts an honest list nested three levels deep made in the editor", async () => {
    const lukas = await login(server.url, "lukas.frei@so.ch");
    const writer = connectClient(server.url, CONCEPT, lukas, { reconnect: false });
    await writer.synced;
    const editor = new HeadlessEditor(writer.doc);
    const { schema } = editor.state;
    const item = (text: string, ...inner: ReturnType<typeof schema.node>[]) =>
      schema.node("listItem", null, [schema.node("paragraph", null, schema.text(text)), ...inner]);
    const list = (...items: ReturnType<typeof schema.node>[]) => schema.node("bulletList", null, items);
    editor.edit((tr) =>
      tr.insert(tr.doc.content.size, list(item("Ebene 1", list(item("Ebene 2", list(item("Ebene 3"))))))),
    );
    await untilStored(server, CONCEPT, "Ebene 3");
    expect(writer.provider.wsconnected).toBe(true);
    writer.destroy();
  });
});

describe("a stored document nested too deep", async () => {
  const server = await startTestServer({ LOG_LEVEL: "error" });
  const andrea = await login(server.url, "andrea.meier@so.ch");

  it("answers freeze and draft export with 422 document_too_deep, not 500", async () => {
    // Stored before the depth rule: written to the log directly, before any room opens it.
    const doc = new Y.Doc();
    const state = await server.store.loadState(AGREEMENT);
    if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(doc, update);
    const seen = Y.encodeStateVector(doc);
    nestQuotes(doc, 1500, "Alt und tief");
    await server.store.appendUpdates([{ documentId: AGREEMENT, data: Y.encodeStateAsUpdate(doc, seen), userId: null }]);

    for (let attempt = 0; attempt < 2; attempt++) {
      const freeze = await fetch(`${server.url}/api/documents/${AGREEMENT}/milestones`, {
        method: "POST",
        headers: { cookie: andrea, "content-type": "application/json" },
        body: JSON.stringify({ includeOpen: true }),
      });
      expect(freeze.status).toBe(422);
      expect(((await freeze.json()) as { code: string }).code).toBe("document_too_deep");
    }
    const draft = await fetch(`${server.url}/api/documents/${AGREEMENT}/export?format=pdf`, {
      headers: { cookie: andrea },
    });
    expect(draft.status).toBe(422);
    expect(((await draft.json()) as { code: string }).code).toBe("document_too_deep");
  });
});
