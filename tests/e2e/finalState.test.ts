import { describe, expect, it } from "vitest";
import type { DocumentSummary, VersionDetail } from "../../shared/api/schemas.ts";
import { apiClient } from "../helpers/api.ts";
import { editorText, launchBrowser, openDocument, signedInPage } from "../helpers/browser.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { storedDoc } from "../helpers/stored.ts";
import { textOf } from "../helpers/yClient.ts";

const DOC = "kip3-vereinbarung-so";
const LATER = { timeout: 10_000 };
const RRB = { rrbNumber: "RRB Nr. 2024/412", rrbDate: "2024-04-17" };

// Issue 15, item 1, in the browser: a signed agreement shows as final in its header and in the
// list, its editor is read-only, and an amendment started from it opens as a document of its
// own, linked back, that can be edited.
describe("final state and amendments in the browser", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  const browser = await launchBrowser();
  const api = apiClient(server.url);
  const cookies = {
    andrea: await login(server.url, "andrea.meier@so.ch"),
    lukas: await login(server.url, "lukas.frei@so.ch"),
    claire: await login(server.url, "claire.dubois@sem.admin.ch"),
  };
  const call = <T>(method: string, path: string, cookie: string, json?: unknown) =>
    api<T>(method, `/api${path}`, { cookie, json });

  /** Andrea requests the next milestone (with the demo's open items), as the versions panel does. */
  // The demo agreement's sections are not all settled by both parties: the first request gives a reason.
  const request = async (override?: string) =>
    (
      await call<VersionDetail>("POST", `/documents/${DOC}/milestones`, cookies.andrea, {
        includeOpen: true,
        ...(override ? { override } : {}),
      })
    ).body;
  const approve = async (versionId: string, cookie: string, json: Record<string, unknown> = {}) =>
    expect(
      (await call("POST", `/versions/${versionId}/approvals`, cookie, { decision: "approve", ...json })).status,
    ).toBe(201);

  it("marks the signed agreement final in header and list, makes the editor read-only, and starts an amendment", async () => {
    const { page: andrea } = await signedInPage(browser, server.url, "andrea.meier@so.ch");
    const { page: lukas } = await signedInPage(browser, server.url, "lukas.frei@so.ch");
    await openDocument(andrea, DOC);
    await openDocument(lukas, DOC);
    expect(await andrea.getByTestId("final-badge").count()).toBe(0);

    // Settled by both, approved by the government (Lukas: four eyes), signed by both parties:
    // Lukas approves for the canton naming Andrea, Claire for the SEM naming herself.
    // Each step is awaited on both pages, as people see it, before the next one is taken.
    const locked = async (expected: boolean) => {
      for (const page of [andrea, lukas]) {
        await expect.poll(() => page.getByTestId("lock-banner").count(), LATER).toBe(expected ? 1 : 0);
      }
    };
    const settled = await request("Die übrigen Artikel sind mündlich bereinigt.");
    await locked(true);
    await approve(settled.id, cookies.andrea);
    await approve(settled.id, cookies.claire);
    await locked(false);
    const rrb = await request();
    await locked(true);
    await approve(rrb.id, cookies.lukas, { details: RRB });
    await locked(false);
    const signature = await request();
    await locked(true);
    await approve(signature.id, cookies.lukas, { details: { signedOn: "2024-05-02" }, signatories: ["u-andrea"] });
    await approve(signature.id, cookies.claire, { details: { signedOn: "2024-05-02" }, signatories: ["u-claire"] });

    // The open pages learn it (their connections are renewed) and say so in the header.
    for (const page of [andrea, lukas]) {
      const badge = page.getByTestId("final-badge");
      await badge.waitFor(LATER);
      expect(await badge.textContent()).toMatch(
        /^Unterzeichnet am \d{2}\.\d{2}\.\d{4} von Andrea Meier, Claire Dubois$/,
      );
      await page.getByTestId("final-banner").waitFor(LATER);
      await expect.poll(() => page.getByTestId("editor").getAttribute("contenteditable"), LATER).toBe("false");
    }
    // The editor takes no typing, and no comment can be started.
    const before = await editorText(lukas);
    await lukas.getByTestId("editor").click();
    await lukas.keyboard.type("Nach der Unterzeichnung");
    expect(await editorText(lukas)).toBe(before);
    expect(await lukas.getByTestId("comment-button").count()).toBe(0);

    // The list marks it too.
    await lukas.locator("a.back-link").click();
    const row = lukas.getByTestId(`doc-row-${DOC}`);
    await row.waitFor(LATER);
    expect(await row.getByTestId("final-badge").textContent()).toContain("Unterzeichnet am");

    // Andrea starts an amendment: it opens, says what it amends, and can be edited.
    await andrea.getByTestId("start-amendment").click();
    const link = andrea.getByTestId("amends-link");
    await link.waitFor(LATER);
    expect(await link.textContent()).toBe("Programmvereinbarung KIP 3 Kanton Solothurn 2024–2027");
    expect(await andrea.getByTestId("document-kind").textContent()).toBe("Nachtrag");
    expect(await andrea.getByTestId("final-badge").count()).toBe(0);
    await andrea.locator('[data-testid="connection-status"][data-status="connected"]').waitFor(LATER);
    const amendments = (await call<DocumentSummary>("GET", `/documents/${DOC}`, cookies.andrea)).body.amendments;
    expect(amendments).toHaveLength(1);
    const amendmentId = amendments[0]?.id ?? "";
    expect(andrea.url()).toContain(amendmentId);
    const paragraph = andrea.getByTestId("editor").locator("p").first();
    await paragraph.click();
    await andrea.keyboard.press("End");
    await andrea.keyboard.type(" (Nachtrag)");
    await expect.poll(async () => textOf(await storedDoc(server, amendmentId)), LATER).toContain("(Nachtrag)");
    // The signed agreement is untouched and lists its amendment.
    expect(textOf(await storedDoc(server, DOC))).not.toContain("(Nachtrag)");
    await link.click();
    await andrea.getByTestId(`amendment-${amendmentId}`).waitFor(LATER);
  });
});
