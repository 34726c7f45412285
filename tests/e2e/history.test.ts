import { describe, expect, it } from "vitest";
import {
  caretAtEndOf,
  editorText,
  focusedTestId,
  launchBrowser,
  openDocument,
  signedInPage,
} from "../helpers/browser.ts";
import { awayFromQuarterHourEdge } from "../helpers/quarterHour.ts";
import { startTestServer } from "../helpers/server.ts";

const DOC = "kip3-konzept-so";

describe("the Verlauf in the browser: two people's sessions, a redline, a restore", async () => {
  await awayFromQuarterHourEdge();
  const server = await startTestServer({ STATIC_DIR: "dist" });
  const browser = await launchBrowser();
  const andrea = await signedInPage(browser, server.url, "andrea.meier@so.ch");
  const lukas = await signedInPage(browser, server.url, "lukas.frei@so.ch");
  await openDocument(andrea.page, DOC);
  await openDocument(lukas.page, DOC);
  const line = (page: typeof andrea.page) =>
    page.getByTestId("editor").locator("p", { hasText: "Kanton Solothurn, Programmkonzept" });
  const entries = (page: typeof andrea.page) => page.getByTestId("history-entry");

  it("shows Andrea's and Lukas's sessions, newest first, and the redline of Lukas's", async () => {
    await caretAtEndOf(line(andrea.page));
    await andrea.page.keyboard.type(" Satz von Andrea.");
    await expect.poll(() => editorText(lukas.page), { timeout: 10_000 }).toContain("Satz von Andrea.");
    await caretAtEndOf(line(lukas.page));
    await lukas.page.keyboard.type(" Satz von Lukas.");
    await expect.poll(() => editorText(andrea.page), { timeout: 10_000 }).toContain("Satz von Lukas.");

    const panel = andrea.page.getByTestId("history-panel");
    await panel.getByTestId("history-toggle").click();
    // The list is read when shown; Lukas's last keystroke may still be on its way to the log.
    await expect
      .poll(
        async () => {
          await panel.getByTestId("history-refresh").click();
          return entries(andrea.page).getByTestId("history-names").allTextContents();
        },
        { timeout: 10_000 },
      )
      .toEqual(["Lukas Frei", "Andrea Meier"]);
    await expect.poll(() => entries(andrea.page).first().textContent()).toMatch(/heute, \d\d:\d\d/);

    await entries(andrea.page).first().getByTestId("history-open").click();
    const viewer = andrea.page.getByTestId("version-viewer");
    const inserted = viewer.locator("ins", { hasText: "Satz von Lukas." });
    await inserted.waitFor();
    await expect.poll(() => inserted.getAttribute("title")).toMatch(/^Eingefügt von Lukas Frei, /);
    // Only Lukas's session: Andrea's sentence is old text here, not a change.
    expect(await viewer.locator("ins", { hasText: "Satz von Andrea." }).count()).toBe(0);
    expect(await viewer.getByTestId("viewer-content").textContent()).toContain("Satz von Andrea.");
    await andrea.page.getByTestId("viewer-close").click();
  });

  it("restores the state after Andrea's session, after a confirmation, for both", async () => {
    await entries(andrea.page).nth(1).getByTestId("history-open").click();
    const viewer = andrea.page.getByTestId("version-viewer");
    await viewer.locator("ins", { hasText: "Satz von Andrea." }).first().waitFor();
    expect(await viewer.getByTestId("viewer-content").textContent()).not.toContain("Satz von Lukas.");

    // Cancel first: nothing happens.
    await viewer.getByTestId("history-restore").click();
    const dialog = andrea.page.getByTestId("history-confirm");
    await dialog.waitFor();
    expect(await dialog.evaluate((el) => el.tagName)).toBe("DIALOG");
    // Cancel has the focus: a stray Enter does not restore.
    expect(await focusedTestId(andrea.page)).toBe("history-confirm-cancel");
    await dialog.getByTestId("history-confirm-cancel").click();
    await dialog.waitFor({ state: "hidden" });
    expect(await editorText(lukas.page)).toContain("Satz von Lukas.");

    const newestBefore = await entries(andrea.page).first().getAttribute("data-entry");
    await viewer.getByTestId("history-restore").click();
    await andrea.page.getByTestId("history-confirm-confirm").click();
    await andrea.page.getByTestId("history-notice").waitFor();
    for (const page of [andrea.page, lukas.page]) {
      await expect.poll(() => editorText(page), { timeout: 10_000 }).not.toContain("Satz von Lukas.");
      expect(await editorText(page)).toContain("Satz von Andrea.");
    }
    // The restore is a new change by Andrea at the top of the Verlauf (in the same quarter hour
    // as her session before Lukas's, so one entry with both of them: she comes back to it).
    const newest = entries(andrea.page).first();
    await expect.poll(() => newest.getAttribute("data-entry"), { timeout: 10_000 }).not.toBe(newestBefore);
    const [, lastBefore] = (newestBefore ?? "").split("-").map(Number);
    const [, lastAfter] = ((await newest.getAttribute("data-entry")) ?? "").split("-").map(Number);
    expect(lastAfter).toBeGreaterThan(lastBefore ?? Number.POSITIVE_INFINITY);
    expect(await newest.getByTestId("history-names").textContent()).toContain("Andrea Meier");
  });

  it("offers no restore to a commenter, who still sees the Verlauf", async () => {
    const marco = await signedInPage(browser, server.url, "marco.rossi@sem.admin.ch");
    await openDocument(marco.page, DOC);
    await marco.page.getByTestId("history-toggle").click();
    await entries(marco.page).first().getByTestId("history-open").click();
    await marco.page.getByTestId("version-viewer").waitFor();
    expect(await marco.page.getByTestId("history-restore").count()).toBe(0);
  });
});
