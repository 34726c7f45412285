import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { CheckResult } from "../../shared/api/checks.ts";
import { apiClient } from "../helpers/api.ts";
import { launchBrowser, openDocument, signedInPage } from "../helpers/browser.ts";
import { login, startTestServer } from "../helpers/server.ts";

const DOC = "kip3-vereinbarung-so";
const LATER = { timeout: 10_000 };
const ART2 = "Art. 2 Bestandteile der Vereinbarung"; // demo: settled by the canton only
const ART3 = "Art. 3 Strategische Programmziele"; // demo: settled by the SEM only

// Issue 15, item 5, in two browsers: the SEM and the canton settle sections one by one, the
// outline shows them "bereinigt" (text and colour) for both, and an edit resets the status.
describe("negotiation status per section", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  const browser = await launchBrowser();
  const andrea = (await signedInPage(browser, server.url, "andrea.meier@so.ch")).page; // canton
  const claire = (await signedInPage(browser, server.url, "claire.dubois@sem.admin.ch")).page; // SEM
  for (const page of [andrea, claire]) await openDocument(page, DOC);
  const entry = (page: Page, title: string) =>
    page
      .getByTestId("outline")
      .locator("li")
      .filter({ has: page.getByRole("button", { name: title, exact: true }) });
  const bereinigt = (page: Page, title: string) => entry(page, title).getByTestId("section-bereinigt");
  const setOwn = (page: Page, title: string, status: string) =>
    entry(page, title).locator("select").selectOption(status);
  const unsettled = async () =>
    (
      await apiClient(server.url)<CheckResult[]>("GET", `/api/documents/${DOC}/checks`, {
        cookie: await login(server.url, "andrea.meier@so.ch"),
      })
    ).body
      .filter((c) => c.id === "sections.unsettled" && !c.ok)
      .map((c) => c.params.title);

  it("shows each party's status, and bereinigt once both settled a section", async () => {
    // The demo: Art. 1 bereinigt, Art. 2 settled by the canton only.
    await bereinigt(andrea, "Art. 1 Gegenstand").waitFor(LATER);
    expect(await bereinigt(claire, ART2).count()).toBe(0);
    expect(await entry(claire, ART2).getByTestId("section-party-kanton-so").textContent()).toContain("bereinigt");
    expect(await entry(claire, ART2).getByTestId("section-party-sem").textContent()).toContain("offen");

    // The SEM settles Art. 2: both see it bereinigt.
    await setOwn(claire, ART2, "settled");
    for (const page of [andrea, claire]) await bereinigt(page, ART2).waitFor(LATER);
    // The canton settles Art. 3 (which the SEM settled): bereinigt too.
    await setOwn(andrea, ART3, "settled");
    for (const page of [andrea, claire]) await bereinigt(page, ART3).waitFor(LATER);
    expect(await bereinigt(andrea, ART3).textContent()).toContain("bereinigt");
    expect(await unsettled()).not.toContain(ART2);
    expect(await unsettled()).not.toContain(ART3);
    // The checks panel lists what is still open, by title.
    await expect
      .poll(() => andrea.getByTestId("checks-panel").textContent(), LATER)
      .toContain("Art. 4 Leistungen des Kantons");
  });

  it("puts a settled section back in discussion for both when its text changes", async () => {
    const paragraph = andrea
      .getByTestId("editor")
      .locator("h2", { hasText: ART2 })
      .locator("xpath=following-sibling::p[1]");
    await paragraph.click();
    await andrea.keyboard.press("End");
    await andrea.keyboard.type(" Ergänzt.");
    for (const page of [andrea, claire]) {
      await expect.poll(() => bereinigt(page, ART2).count(), LATER).toBe(0);
      await expect
        .poll(() => entry(page, ART2).getByTestId("section-party-sem").textContent(), LATER)
        .toContain("in Diskussion");
      expect(await entry(page, ART2).getByTestId("section-party-kanton-so").textContent()).toContain("in Diskussion");
      // The section not edited stays bereinigt.
      expect(await bereinigt(page, ART3).count()).toBe(1);
    }
    expect(await unsettled()).toContain(ART2);
  });

  it("lists the unsettled sections when the agreement is requested as bereinigt, and freezes it with a reason", async () => {
    await andrea.getByTestId("milestone-request").click();
    await andrea.getByTestId("milestone-confirm").click();
    const listed = andrea.getByTestId("milestone-failing-checks");
    await listed.waitFor(LATER);
    expect(await listed.textContent()).toContain(ART2);
    expect(await listed.textContent()).not.toContain(ART3);
    await andrea.getByTestId("milestone-override").fill("Art. 4 ff. werden mündlich bereinigt.");
    await andrea.getByTestId("milestone-confirm").click();
    await andrea.getByTestId("lock-banner").waitFor(LATER);
  });
});
