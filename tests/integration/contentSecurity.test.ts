import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { connectClient, eventually, textOf } from "../helpers/yClient.ts";

const DOC = "kip3-vereinbarung-so";

/** The first text node inside the first paragraph of the content. */
function someText(doc: Y.Doc): Y.XmlText {
  const content = doc.getXmlFragment(CONTENT_FIELD);
  for (const node of content.toArray()) {
    if (node instanceof Y.XmlElement && node.nodeName === "paragraph" && node.get(0) instanceof Y.XmlText) {
      return node.get(0) as Y.XmlText;
    }
  }
  throw new Error("no paragraph text");
}

const LINK_VECTORS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "java\nscript:alert(1)",
  "\u0000javascript:alert(1)",
  "vbscript:msgbox(1)",
  "data:text/html,<script>alert(1)</script>",
  "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
  "/relative/path",
];

/** Raw Yjs writes that bypass the editor, as a modified client would send them. */
const RAW_VECTORS: { name: string; write: (doc: Y.Doc) => void }[] = [
  ...LINK_VECTORS.map((href) => ({
    name: `link to ${JSON.stringify(href)}`,
    write: (doc: Y.Doc) => someText(doc).format(0, 5, { link: { href } }),
  })),
  {
    name: "text inserted with a javascript: link mark",
    write: (doc) => someText(doc).insert(0, "klick", { link: { href: "javascript:alert(1)" } }),
  },
  {
    name: "an event-handler attribute on a paragraph",
    write: (doc) => {
      const p = new Y.XmlElement("paragraph");
      p.setAttribute("onclick", "alert(1)");
      doc.getXmlFragment(CONTENT_FIELD).insert(0, [p]);
    },
  },
  {
    name: "an SVG element",
    write: (doc) => {
      const svg = new Y.XmlElement("svg");
      svg.setAttribute("onload", "alert(1)");
      doc.getXmlFragment(CONTENT_FIELD).insert(0, [svg]);
    },
  },
  {
    name: "an image with onerror (not in the schema)",
    write: (doc) => {
      const img = new Y.XmlElement("image");
      img.setAttribute("src", "x");
      doc.getXmlFragment(CONTENT_FIELD).insert(0, [img]);
    },
  },
  {
    name: "a mark outside the schema",
    write: (doc) => someText(doc).format(0, 3, { script: { src: "https://evil.example/x.js" } }),
  },
];

describe("content security on the raw protocol", async () => {
  const server = await startTestServer();
  const editor = await login(server.url, "lukas.frei@so.ch");

  it.each(RAW_VECTORS)("refuses $name from an editor and stores nothing of it", async ({ write }) => {
    const client = connectClient(server.url, DOC, editor, { reconnect: false });
    await client.synced;
    const before = textOf(client.doc);
    write(client.doc);
    expect((await client.closed).code).toBe(CloseCode.UpdateRefused);

    const fresh = connectClient(server.url, DOC, editor, { reconnect: false });
    await fresh.synced;
    expect(textOf(fresh.doc)).toBe(before);
    expect(textOf(fresh.doc)).not.toMatch(/script|onclick|onload|<svg|<image/i);
    fresh.destroy();
  });

  it("accepts an https link from an editor", async () => {
    const client = connectClient(server.url, DOC, editor, { reconnect: false });
    const watcher = connectClient(server.url, DOC, editor, { reconnect: false });
    await Promise.all([client.synced, watcher.synced]);
    someText(client.doc).format(0, 5, { link: { href: "https://www.sem.admin.ch" } });
    await eventually(() => textOf(watcher.doc).includes("https://www.sem.admin.ch"), "the link at the peer");
  });
});
