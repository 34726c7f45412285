import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { VersionSummary } from "../../shared/api/schemas.ts";
import { apiClient } from "../helpers/api.ts";
import { launchBrowser, openDocument, signedInPage } from "../helpers/browser.ts";
import { cleanup } from "../helpers/cleanup.ts";
import { HeadlessEditor } from "../helpers/headlessEditor.ts";
import { DEMO_PASSWORD, login, startTestServer } from "../helpers/server.ts";
import { connectClient } from "../helpers/yClient.ts";

const DOC = "kip3-vereinbarung-so";
const LATER = { timeout: 10_000 };

// Issue 15, item 2, in the browser: every decision is confirmed in a dialog that shows what is
// decided; the requester of a four-eyes milestone is told why she cannot approve and who can;
// a colleague approves; signatories are picked from a list.
describe("approvals with four eyes", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  const browser = await launchBrowser();
  const andrea = (await signedInPage(browser, server.url, "andrea.meier@so.ch")).page; // owner, requests
  const lukas = (await signedInPage(browser, server.url, "lukas.frei@so.ch")).page; // editor of the canton
  const claire = (await signedInPage(browser, server.url, "claire.dubois@sem.admin.ch")).page; // editor of the SEM
  for (const page of [andrea, lukas, claire]) await openDocument(page, DOC);
  const card = (page: Page) => page.getByTestId("version-card").first();
  const versions = async () =>
    (
      await apiClient(server.url)<VersionSummary[]>("GET", `/api/documents/${DOC}/versions`, {
        cookie: await login(server.url, "andrea.meier@so.ch"),
      })
    ).body;

  /**
   * Andrea requests the next milestone, freezing Claire's open suggestion with it, and everyone
   * sees it pending. `override`: the reason for requesting it although sections are not settled
   * by both parties (issue 15, item 5: "Programmvereinbarung bereinigt" is refused without one).
   */
  async function requestNext(override?: string) {
    await andrea.getByTestId("milestone-request").click();
    // Refused first for the open suggestion; then frozen with it, as asked.
    await andrea.getByTestId("milestone-confirm").click();
    await andrea.getByTestId("milestone-include-open").check();
    await andrea.getByTestId("milestone-confirm").click();
    if (override) {
      await andrea.getByTestId("milestone-override").fill(override);
      await andrea.getByTestId("milestone-confirm").click();
    }
    for (const page of [andrea, lukas, claire]) {
      await expect.poll(() => card(page).getAttribute("data-status"), LATER).toBe("pending");
    }
  }

  it("shows milestone, version, content hash and open items before an approval is sent; Cancel sends nothing", async () => {
    // One open suggestion of Claire's, frozen with the version.
    const client = connectClient(server.url, DOC, await login(server.url, "claire.dubois@sem.admin.ch"));
    await client.synced;
    const editor = new HeadlessEditor(client.doc, { userId: "u-claire", orgId: "sem" });
    let at = 0;
    editor.state.doc.forEach((node, offset) => {
      if (!at && node.type.name === "paragraph" && node.content.size > 0) at = offset + node.nodeSize - 1;
    });
    expect(editor.edit((tr) => tr.insertText(" (Vorschlag SEM)", at), true).ok).toBe(true);
    await andrea.getByTestId("editor").getByText("(Vorschlag SEM)").waitFor(LATER);
    client.destroy();
    await requestNext("Restliche Artikel werden mündlich bereinigt.");

    const [frozen] = await versions();
    expect(frozen).toMatchObject({ milestone: "pv-bereinigt", openItems: { suggestions: 1, threads: 0 } });
    await card(andrea).getByTestId("decision-approve").click();
    const dialog = andrea.getByTestId("decision-dialog");
    await dialog.waitFor();
    expect(await dialog.getByTestId("decision-dialog-milestone").textContent()).toBe("Programmvereinbarung bereinigt");
    expect(await dialog.getByTestId("decision-dialog-version").textContent()).toContain("Nr. 1");
    expect(await dialog.getByTestId("decision-dialog-version").textContent()).toContain("Andrea Meier");
    const hash = dialog.getByTestId("decision-dialog-hash");
    expect(await hash.textContent()).toBe(`${frozen?.contentHash.slice(0, 16)}…`);
    expect(await hash.getAttribute("title")).toBe(frozen?.contentHash);
    await dialog.getByText("Ganzen Hash zeigen").click();
    expect(await dialog.getByTestId("decision-dialog-hash-full").textContent()).toBe(frozen?.contentHash);
    expect(await dialog.getByTestId("decision-dialog-open-items").textContent()).toBe("1 offener Vorschlag");

    await dialog.getByTestId("decision-cancel").click();
    expect(await dialog.count()).toBe(0);
    expect((await versions())[0]?.approvals).toEqual([]);

    // "bereinigt" has no four eyes: the requester approves for her canton, once confirmed.
    await card(andrea).getByTestId("decision-approve").click();
    await andrea.getByTestId("decision-confirm").click();
    await card(andrea).locator('[data-testid="version-approval"][data-org="kanton-so"]').waitFor(LATER);
    await card(claire).locator('[data-testid="version-approval"][data-org="kanton-so"]').waitFor(LATER);
    await card(claire).getByTestId("decision-approve").click();
    await claire.getByTestId("decision-confirm").click();
    await expect.poll(() => card(andrea).getAttribute("data-status"), LATER).toBe("reached");
  });

  it("tells the requester why she cannot approve the RRB approval and who can; a colleague approves", async () => {
    await requestNext();
    const notice = card(andrea).getByTestId("four-eyes-notice");
    await notice.waitFor();
    expect(await notice.textContent()).toContain("Vier-Augen-Prinzip");
    await expect.poll(() => notice.getByTestId("four-eyes-others").textContent(), LATER).toContain("Lukas Frei");
    expect(await notice.textContent()).not.toContain("Andrea Meier");
    // No approve button for her; rejecting (withdrawing) stays possible.
    expect(await card(andrea).getByTestId("decision-approve").count()).toBe(0);
    expect(await card(andrea).getByTestId("decision-reject").count()).toBe(1);

    const pending = card(lukas);
    await pending.getByTestId("decision-rrbNumber").fill("RRB Nr. 2024/412");
    await pending.getByTestId("decision-rrbDate").fill("2024-04-17");
    await pending.getByTestId("decision-approve").click();
    await lukas.getByTestId("decision-confirm").click();
    await expect.poll(() => card(andrea).getAttribute("data-status"), LATER).toBe("reached");
    expect((await versions())[1]?.approvals.map((a) => a.userName)).toEqual(["Lukas Frei"]);
  });

  it("has the signatories picked from the people with signing authority, and shows them", async () => {
    await requestNext();
    const canton = card(lukas);
    const picker = canton.getByTestId("signatory-picker");
    await picker.getByTestId("signatory-option-u-andrea").waitFor(LATER);
    // Lukas holds no signing authority: only Andrea is offered.
    expect(await picker.locator('input[type="checkbox"]').count()).toBe(1);
    expect(await canton.getByTestId("decision-signatory").count()).toBe(0);
    await picker.getByTestId("signatory-option-u-andrea").check();
    await canton.getByTestId("decision-signedOn").fill("2024-05-02");
    await canton.getByTestId("decision-approve").click();
    const dialog = lukas.getByTestId("decision-dialog");
    expect(await dialog.getByTestId("decision-dialog-signatories").textContent()).toBe("Andrea Meier");
    expect(await dialog.getByTestId("decision-dialog-milestone").textContent()).toBe("Unterzeichnung");
    await lukas.getByTestId("decision-confirm").click();
    await card(claire).locator('[data-testid="version-approval"][data-org="kanton-so"]').waitFor(LATER);

    const sem = card(claire);
    await sem.getByTestId("signatory-option-u-claire").check();
    await sem.getByTestId("decision-signedOn").fill("2024-05-03");
    await sem.getByTestId("decision-approve").click();
    await claire.getByTestId("decision-confirm").click();
    await expect.poll(() => card(andrea).getAttribute("data-status"), LATER).toBe("reached");
    const approvals = card(andrea).getByTestId("version-approval");
    await expect.poll(() => approvals.first().textContent(), LATER).toContain("Unterzeichnet durch: Andrea Meier");
    expect(await approvals.nth(1).textContent()).toContain("Unterzeichnet durch: Claire Dubois");
  });

  it("has an administrator grant signing authority in the People tab", async () => {
    // Sandra is a member of no document: signed in by hand, she lands on an empty list.
    const context = await browser.newContext({ baseURL: server.url });
    cleanup(() => context.close());
    const sandra = await context.newPage();
    await sandra.goto("/#/login");
    await sandra.getByTestId("login-email").fill("sandra.keller@sem.admin.ch");
    await sandra.getByTestId("login-password").fill(DEMO_PASSWORD);
    await sandra.getByTestId("login-submit").click();
    await sandra.getByTestId("admin-link").click();
    await sandra.getByTestId("admin-people").waitFor();
    // The picker is a text field until the organisations are loaded, then a list.
    await sandra.locator('select[data-testid="admin-org"]').selectOption("kanton-so");
    const box = sandra.getByTestId("person-signing-lukas.frei@so.ch");
    expect(await box.isChecked()).toBe(false);
    expect(await sandra.getByTestId("person-signing-andrea.meier@so.ch").isChecked()).toBe(true);
    // The box shows what the server holds: it turns on once the change is stored and reloaded.
    await box.click();
    await expect.poll(async () => (await server.store.findUserById("u-lukas"))?.signingAuthority, LATER).toBe(true);
    await sandra.reload();
    await sandra.locator('select[data-testid="admin-org"]').selectOption("kanton-so");
    await expect.poll(() => sandra.getByTestId("person-signing-lukas.frei@so.ch").isChecked(), LATER).toBe(true);
  });
});
