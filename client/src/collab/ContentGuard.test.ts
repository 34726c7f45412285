import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CONTENT_FIELD } from "../../../shared/schema/extensions.ts";
import { ContentGuard } from "./ContentGuard.ts";

/** A server-side doc with one paragraph, and a client doc with a guard that records its reports. */
function setup() {
  const server = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("Bund und Kantone")]);
  server.getXmlFragment(CONTENT_FIELD).insert(0, [paragraph]);
  const client = new Y.Doc();
  const reports: string[] = [];
  const guard = new ContentGuard(client.getXmlFragment(CONTENT_FIELD), (problem) => reports.push(problem));
  const sync = () => Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
  return { server, client, guard, reports, sync, paragraph };
}

describe("ContentGuard", () => {
  it("lets content the schema can build through, first sync and later edits", () => {
    const { server, reports, sync, paragraph } = setup();
    sync();
    (paragraph.get(0) as Y.XmlText).insert(0, "Neu: ", { bold: {} });
    server.getXmlFragment(CONTENT_FIELD).insert(1, [new Y.XmlElement("horizontalRule")]);
    sync();
    expect(reports).toEqual([]);
  });

  it("reports an embed in the text once, and nothing after it has stopped", () => {
    const { server, reports, sync, paragraph } = setup();
    sync();
    (paragraph.get(0) as Y.XmlText).insertEmbed(2, new Y.XmlText("versteckt"));
    sync();
    server.getXmlFragment(CONTENT_FIELD).insert(0, [new Y.XmlElement("section")]);
    sync();
    expect(reports).toEqual(["embedded content inside text is not allowed"]);
  });

  it.each([
    ["a text element", () => new Y.XmlElement("text")],
    [
      "a table inside a paragraph",
      () => {
        const p = new Y.XmlElement("paragraph");
        p.insert(0, [new Y.XmlElement("table")]);
        return p;
      },
    ],
  ])("reports %s in the first sync, before an editor could bind it", (_name, block) => {
    const { server, client, reports } = setup();
    server.getXmlFragment(CONTENT_FIELD).insert(1, [block()]);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    expect(reports).toHaveLength(1);
  });

  it("leaves this client's own edits to the server", () => {
    const { client, reports, sync } = setup();
    sync();
    client.getXmlFragment(CONTENT_FIELD).insert(0, [new Y.XmlElement("section")]);
    expect(reports).toEqual([]);
  });

  it("stops watching when destroyed", () => {
    const { server, guard, reports, sync } = setup();
    guard.destroy();
    server.getXmlFragment(CONTENT_FIELD).insert(0, [new Y.XmlElement("section")]);
    sync();
    expect(reports).toEqual([]);
  });
});
