import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { launchBrowser, openDocument, signedInPage } from "../helpers/browser.ts";
import { docxParagraphs } from "../helpers/docx.ts";
import { startTestServer } from "../helpers/server.ts";

const DOC = "kip3-vereinbarung-so";

describe("a milestone approved by the canton and by SEM", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  const browser = await launchBrowser();
  const andrea = await signedInPage(browser, server.url, "andrea.meier@so.ch");
  const claire = await signedInPage(browser, server.url, "claire.dubois@sem.admin.ch");
  await openDocument(andrea.page, DOC);
  await openDocument(claire.page, DOC);
  const card = (page: typeof andrea.page) => page.getByTestId("version-card").first();

  it("locks the document for both parties when the owner requests the milestone", async () => {
    await andrea.page.getByTestId("milestone-request").click();
    await andrea.page.getByTestId("milestone-confirm").click();
    // "Programmvereinbarung bereinigt" while sections are not settled by both: only with a reason (issue 15).
    await andrea.page.getByTestId("milestone-override").fill("Restliche Artikel werden mündlich bereinigt.");
    await andrea.page.getByTestId("milestone-confirm").click();
    for (const page of [andrea.page, claire.page]) {
      await page.getByTestId("lock-banner").waitFor();
      await expect.poll(() => page.getByTestId("editor").getAttribute("contenteditable")).toBe("false");
      expect(await card(page).getAttribute("data-status")).toBe("pending");
    }
    expect(await andrea.page.getByTestId("lock-banner").textContent()).toContain("Programmvereinbarung bereinigt");
  });

  it("stays locked after the canton's approval and unlocks when SEM approves too", async () => {
    // "Programmvereinbarung bereinigt" has no four eyes: the requester approves for her canton,
    // after a confirmation.
    await card(andrea.page).getByTestId("decision-approve").click();
    await andrea.page.getByTestId("decision-confirm").click();
    await card(andrea.page).getByTestId("version-approval").first().waitFor();
    expect(await andrea.page.getByTestId("lock-banner").count()).toBe(1);
    // SEM sees the canton's approval without reloading, then decides.
    await card(claire.page)
      .locator('[data-testid="version-approval"][data-org="kanton-so"]')
      .waitFor({ timeout: 10_000 });
    await card(claire.page).getByTestId("decision-approve").click();
    await claire.page.getByTestId("decision-confirm").click();
    for (const page of [andrea.page, claire.page]) {
      await expect.poll(() => card(page).getAttribute("data-status"), { timeout: 10_000 }).toBe("reached");
      await expect.poll(() => page.getByTestId("lock-banner").count(), { timeout: 10_000 }).toBe(0);
      await expect.poll(() => page.getByTestId("editor").getAttribute("contenteditable")).toBe("true");
    }
  });

  it("opens the frozen version read-only", async () => {
    await card(claire.page).getByTestId("version-open").click();
    const viewer = claire.page.getByTestId("version-viewer");
    await viewer.waitFor();
    expect(await viewer.getByTestId("viewer-content").getAttribute("contenteditable")).toBe("false");
    expect(await viewer.textContent()).toContain("Programmvereinbarung");
    await claire.page.getByTestId("viewer-close").click();
    expect(await viewer.count()).toBe(0);
  });

  it("compares the version with the current text and downloads the version as DOCX", async () => {
    const editor = andrea.page.getByTestId("editor");
    // The last paragraph of the text itself: the agreement ends with grids, whose amount cells take figures only.
    await editor.locator(":scope > p").last().click();
    await andrea.page.keyboard.press("End");
    await andrea.page.keyboard.type(" Neuer Zusatz");
    await card(andrea.page).getByTestId("version-compare").click();
    const viewer = andrea.page.getByTestId("version-viewer");
    await viewer.locator("ins", { hasText: "Neuer Zusatz" }).waitFor();
    // Each change says who made it and when (from the update log, not "Accord (Vergleich)").
    const inserted = viewer.locator("ins", { hasText: "Neuer Zusatz" }).first();
    await expect.poll(() => inserted.getAttribute("title")).toMatch(/^Eingefügt von Andrea Meier, /);
    await andrea.page.getByTestId("viewer-close").click();

    const [download] = await Promise.all([
      andrea.page.waitForEvent("download"),
      card(andrea.page).getByTestId("export-docx").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Programmvereinbarung-KIP-3-.*-v1\.docx$/);
    // The version as frozen: its title and text, without what was typed after the freeze.
    const paragraphs = docxParagraphs(new Uint8Array(await readFile(await download.path())));
    expect(paragraphs).toContain("Art. 1 Gegenstand");
    expect(paragraphs[0]).toContain("Programmvereinbarung");
    expect(paragraphs.join("\n")).toContain("Versions-ID");
    expect(paragraphs.join("\n")).not.toContain("Neuer Zusatz");
  });

  it("names an approval field that holds a tab before sending it, and records nothing", async () => {
    await andrea.page.getByTestId("milestone-request").click();
    await andrea.page.getByTestId("milestone-confirm").click();
    await andrea.page.getByTestId("lock-banner").waitFor();
    // The RRB approval has four eyes: Andrea requested it, her colleague Lukas fills it in.
    const lukas = await signedInPage(browser, server.url, "lukas.frei@so.ch");
    await openDocument(lukas.page, DOC);
    const pending = card(lukas.page);
    await expect.poll(() => pending.getAttribute("data-status")).toBe("pending");
    await pending.getByTestId("decision-rrbNumber").fill("RRB 12\tSEM: freigegeben");
    await pending.getByTestId("decision-rrbDate").fill("2024-03-01");
    await pending.getByTestId("decision-approve").click();
    await expect.poll(() => pending.getByRole("alert").textContent()).toContain("RRB-Nummer: nur eine Zeile");
    expect(await pending.getByTestId("version-approval").count()).toBe(0);
    expect(await pending.getAttribute("data-status")).toBe("pending");
  });
});
