import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { connectClient } from "../helpers/yClient.ts";

const AGREEMENT = "kip3-vereinbarung-so";

describe("the Markdown export keeps hostile document text as text", async () => {
  const server = await startTestServer();
  const andrea = await login(server.url, "andrea.meier@so.ch");

  it("lets no raw HTML, list or heading come from text an editor typed over the raw protocol", async () => {
    const client = connectClient(server.url, AGREEMENT, andrea, { reconnect: false });
    await client.synced;
    const hostile = new Y.XmlText();
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [hostile]);
    const date = new Y.XmlElement("paragraph");
    date.insert(0, [new Y.XmlText("1. Januar 2024 <img src=x onerror=alert(1)>")]);
    const content = client.doc.getXmlFragment(CONTENT_FIELD);
    client.doc.transact(() => {
      content.insert(content.length, [paragraph, date]);
      hostile.insert(0, "Beispiel: ");
      hostile.insert(10, "x\n<script>alert(1)</script>", { code: {} });
    });
    const exported = async () =>
      (
        await fetch(`${server.url}/api/documents/${AGREEMENT}/export?format=md`, { headers: { cookie: andrea } })
      ).text();
    // The edit is stored before the export can see it; poll briefly for it.
    let md = await exported();
    for (let i = 0; i < 50 && !md.includes("Beispiel"); i++) {
      await new Promise((r) => setTimeout(r, 100));
      md = await exported();
    }
    client.destroy();
    expect(md).toContain("\nBeispiel: `x <script>alert(1)</script>`\n");
    expect(md).toContain("\n1\\. Januar 2024 \\<img src=x onerror=alert(1)\\>\n");
    expect(md.split("\n").filter((line) => /^\s*<(script|img)/i.test(line))).toEqual([]);
  });
});
