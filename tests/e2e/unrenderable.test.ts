import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { launchBrowser, signedInPage } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";
import { storedDoc } from "../helpers/stored.ts";

const DOC = "kip3-vereinbarung-so";

describe("a document holding content the client cannot render", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  // Written into the store directly, as a document stored before the policy checked structure
  // could hold it: a table inside the first paragraph.
  const doc = await storedDoc(server, DOC);
  const before = Y.encodeStateVector(doc);
  const paragraph = doc
    .getXmlFragment(CONTENT_FIELD)
    .toArray()
    .find((b): b is Y.XmlElement => b instanceof Y.XmlElement && b.nodeName === "paragraph");
  paragraph?.insert(0, [new Y.XmlElement("table")]);
  await server.store.appendUpdates([{ documentId: DOC, data: Y.encodeStateAsUpdate(doc, before), userId: null }]);
  const browser = await launchBrowser();

  it("shows a viewer an error and opens no more than two sockets instead of reconnecting in a loop", async () => {
    const viewer = await signedInPage(browser, server.url, "marco.rossi@sem.admin.ch");
    let sockets = 0;
    viewer.page.on("websocket", () => sockets++);
    await viewer.page.getByTestId(`doc-link-${DOC}`).click();
    const error = viewer.page.getByTestId("content-error");
    await error.waitFor({ timeout: 10_000 });
    expect(await error.textContent()).toContain("nicht darstellen");
    // Long enough for a reconnect loop to show itself (it opened hundreds of sockets in seconds).
    await new Promise((r) => setTimeout(r, 3000));
    console.info(`sockets opened in 3 s after the error: ${sockets}`);
    expect(sockets).toBeLessThanOrEqual(2);
    expect(await viewer.page.getByTestId("editor").count()).toBe(0);
  });
});
