import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { makeSuggestionId } from "../../shared/suggestions/ids.ts";
import { HeadlessEditor } from "../helpers/headlessEditor.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { storedDoc } from "../helpers/stored.ts";
import { connectClient, eventually, textOf } from "../helpers/yClient.ts";

const CONCEPT = "kip3-konzept-so";
const CLAIRE = { userId: "u-claire", orgId: "sem" };

/** The first element named `name` anywhere in the content, depth first. */
function first(doc: Y.Doc, name: string): Y.XmlElement {
  for (const node of doc.getXmlFragment(CONTENT_FIELD).createTreeWalker(() => true)) {
    if (node instanceof Y.XmlElement && node.nodeName === name) return node;
  }
  throw new Error(`no ${name} in the document`);
}

/** The text of the first paragraph that has some. */
function paragraphText(doc: Y.Doc): Y.XmlText {
  for (const node of doc.getXmlFragment(CONTENT_FIELD).toArray()) {
    const text = node instanceof Y.XmlElement && node.nodeName === "paragraph" ? node.get(0) : null;
    if (text instanceof Y.XmlText && text.length > 0) return text;
  }
  throw new Error("no paragraph text");
}

/** Sets a numeric attribute, as y-prosemirror stores numbers (Yjs types attributes as strings by default). */
const setNumber = (el: Y.XmlElement, key: string, value: number) =>
  (el as unknown as Y.XmlElement<Record<string, number>>).setAttribute(key, value);

const element = (name: string, children: (Y.XmlElement | Y.XmlText)[] = [], attrs: Record<string, number> = {}) => {
  const el = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) setNumber(el, key, value);
  el.insert(0, children);
  return el;
};
const para = (text: string) => element("paragraph", [new Y.XmlText(text)]);
const append = (doc: Y.Doc, block: Y.XmlElement) => {
  const content = doc.getXmlFragment(CONTENT_FIELD);
  content.insert(content.length, [block]);
};
/** A suggestion id of Claire's own, so that only the structure is wrong, not the attribution. */
const ownInsertion = () => ({ insertion: { id: makeSuggestionId(CLAIRE, Date.now(), "a1b2c3d4") } });

/** Raw Yjs writes of a modified suggester client: content the suggestion rule's flat reading skipped. */
const SUGGESTER_ATTACKS: { name: string; write: (doc: Y.Doc) => void }[] = [
  {
    name: "a Y.XmlText embedded in a paragraph's text",
    write: (doc) => paragraphText(doc).insertEmbed(3, new Y.XmlText("Unverfolgter Text")),
  },
  {
    name: "a Y.Map embedded in a paragraph's text",
    write: (doc) => {
      const map = new Y.Map<string>();
      map.set("text", "Unverfolgter Text");
      paragraphText(doc).insertEmbed(3, map);
    },
  },
  {
    name: "an object embedded in a paragraph's text",
    write: (doc) => paragraphText(doc).insertEmbed(3, { text: "Unverfolgter Text" }),
  },
  {
    name: "an embed carrying her own insertion mark",
    write: (doc) => paragraphText(doc).insertEmbed(3, new Y.XmlText("Unverfolgter Text"), ownInsertion()),
  },
];

/** Raw Yjs writes of a modified editor client: names the schema knows, in shapes it does not allow. */
const EDITOR_ATTACKS: { name: string; write: (doc: Y.Doc) => void }[] = [
  {
    name: "a table cell with colspan 100000000",
    write: (doc) => setNumber(first(doc, "tableCell"), "colspan", 100_000_000),
  },
  { name: "a heading of level 99", write: (doc) => setNumber(first(doc, "heading"), "level", 99) },
  {
    name: "an ordered list starting at -5",
    write: (doc) => append(doc, element("orderedList", [element("listItem", [para("Punkt")])], { start: -5 })),
  },
  {
    name: "an ordered list starting at 1e12",
    write: (doc) => append(doc, element("orderedList", [element("listItem", [para("Punkt")])], { start: 1e12 })),
  },
  { name: "a paragraph inside a paragraph", write: (doc) => first(doc, "paragraph").insert(0, [para("Innen")]) },
  { name: "a text element", write: (doc) => append(doc, element("text", [new Y.XmlText("Text")])) },
  {
    name: "a table inside a paragraph",
    write: (doc) =>
      first(doc, "paragraph").insert(0, [
        element("table", [element("tableRow", [element("tableCell", [para("Zelle")])])]),
      ]),
  },
  { name: "an element the schema does not know", write: (doc) => append(doc, element("section", [para("Neu")])) },
  { name: "text at the top level", write: (doc) => doc.getXmlFragment(CONTENT_FIELD).insert(0, [new Y.XmlText("x")]) },
];

describe("the policy checks the structure of content", async () => {
  const server = await startTestServer();
  const claire = await login(server.url, "claire.dubois@sem.admin.ch");
  const lukas = await login(server.url, "lukas.frei@so.ch");

  /** The content as the store holds it, attributes included. */
  const stored = async () => textOf(await storedDoc(server, CONCEPT));

  /** Sends `write` as `cookie`; expects 4422, the store, a fresh client and a watcher unchanged. */
  async function expectRefused(cookie: string, write: (doc: Y.Doc) => void): Promise<void> {
    const watcher = connectClient(server.url, CONCEPT, lukas, { reconnect: false });
    const attacker = connectClient(server.url, CONCEPT, cookie, { reconnect: false });
    await Promise.all([watcher.synced, attacker.synced]);
    const before = textOf(watcher.doc);
    expect(await stored()).toBe(before);
    write(attacker.doc);
    expect(textOf(attacker.doc)).not.toBe(before);
    const stillOpen = new Promise<{ code: number }>((resolve) => setTimeout(() => resolve({ code: 0 }), 3000));
    expect((await Promise.race([attacker.closed, stillOpen])).code).toBe(CloseCode.UpdateRefused);

    expect(await stored()).toBe(before);
    const fresh = connectClient(server.url, CONCEPT, lukas, { reconnect: false });
    await fresh.synced;
    expect(textOf(fresh.doc)).toBe(before);
    expect(watcher.provider.wsconnected).toBe(true);
    expect(textOf(watcher.doc)).toBe(before);
    for (const c of [watcher, attacker, fresh]) c.destroy();
  }

  it.each(SUGGESTER_ATTACKS)("refuses $name from a suggester with 4422 and stores nothing", async ({ write }) => {
    await expectRefused(claire, write);
  });

  it.each(EDITOR_ATTACKS)("refuses $name from an editor with 4422 and stores nothing", async ({ write }) => {
    await expectRefused(lukas, write);
  });

  it("refuses the owner's colspan 100000000 and table inside a paragraph too", async () => {
    const andrea = await login(server.url, "andrea.meier@so.ch");
    for (const name of ["a table cell with colspan 100000000", "a table inside a paragraph"]) {
      const attack = EDITOR_ATTACKS.find((a) => a.name === name);
      if (!attack) throw new Error(`no attack ${name}`);
      await expectRefused(andrea, attack.write);
    }
  });

  it("accepts an editor's heading, numbered list and merged cells made in the editor", async () => {
    const writer = connectClient(server.url, CONCEPT, lukas, { reconnect: false });
    const watcher = connectClient(server.url, CONCEPT, lukas, { reconnect: false });
    await Promise.all([writer.synced, watcher.synced]);
    const editor = new HeadlessEditor(writer.doc);
    const { schema } = editor.state;
    editor.edit((tr) =>
      tr.insert(tr.doc.content.size, [
        schema.node("heading", { level: 4 }, schema.text("Anhang")),
        schema.node("orderedList", { start: 3 }, [
          schema.node("listItem", null, [schema.node("paragraph", null, schema.text("Dritter Punkt"))]),
        ]),
        schema.node("table", null, [
          schema.node("tableRow", null, [
            schema.node("tableCell", { colspan: 2, colwidth: [120, 80] }, [schema.node("paragraph")]),
          ]),
        ]),
      ]),
    );
    await eventually(() => textOf(watcher.doc).includes("Dritter Punkt"), "the list at the peer");
    expect(await stored()).toContain('<orderedlist start="3">');
    expect(await stored()).toContain('colspan="2"');
    expect(writer.provider.wsconnected).toBe(true);
  });
});
