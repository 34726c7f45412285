import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { CheckResult } from "../../shared/api/checks.ts";
import { apiClient } from "../helpers/api.ts";
import { launchBrowser, openDocument, signedInPage } from "../helpers/browser.ts";
import { login, startTestServer } from "../helpers/server.ts";

const DOC = "kip3-vereinbarung-so";
const LATER = { timeout: 10_000 };

// Issue 15, item 3, in two browsers: the demo agreement's finance grid falls short of the
// matching rule in 2026; the canton raises its Sprache figure for 2026 in the grid, and the
// totals panel and the checks turn green live, for the SEM's reader too.
describe("the finance grid's matching check in the browser", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  const browser = await launchBrowser();
  const andrea = (await signedInPage(browser, server.url, "andrea.meier@so.ch")).page; // canton, owner
  const claire = (await signedInPage(browser, server.url, "claire.dubois@sem.admin.ch")).page; // SEM
  for (const page of [andrea, claire]) await openDocument(page, DOC);
  const year = (page: Page, key: string) => page.getByTestId(`finance-year-${key}`);
  const failingChecks = (page: Page) => page.getByTestId("check-item").allTextContents();

  it("shows 2026 red, and green once the canton raises its figure", async () => {
    for (const page of [andrea, claire]) {
      await expect.poll(() => year(page, "2026").getAttribute("data-ok"), LATER).toBe("false");
      expect(await year(page, "2025").getAttribute("data-ok")).toBe("true");
      expect(await year(page, "total").getAttribute("data-ok")).toBe("true");
      await expect
        .poll(() => failingChecks(page), LATER)
        .toContainEqual(expect.stringContaining("Mitfinanzierung 2026 nicht erfüllt: Kanton 960'000 < Bund 1'000'000"));
    }

    // The canton's Sprache cell of 2026: 220'000 → 260'000, typed like any text.
    const cell = andrea.locator('table[data-year="2026"] tr:has(td[data-area="fb2"]) td[data-source="kanton"] p');
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    // The grid's rows and columns are fixed: the table buttons are off inside it.
    for (const id of ["add-row", "delete-row", "add-column", "delete-table"]) {
      expect(await andrea.getByTestId(`toolbar-${id}`).isDisabled()).toBe(true);
    }
    await andrea.keyboard.press("End");
    for (let i = 0; i < "220'000".length; i++) await andrea.keyboard.press("Backspace");
    await andrea.keyboard.type("260'000");

    for (const page of [andrea, claire]) {
      await expect.poll(() => year(page, "2026").getAttribute("data-ok"), LATER).toBe("true");
      await expect
        .poll(() => failingChecks(page), LATER)
        .not.toContainEqual(expect.stringContaining("Mitfinanzierung"));
    }
    // The server's check agrees: stored, not just shown.
    const checks = await apiClient(server.url)<CheckResult[]>("GET", `/api/documents/${DOC}/checks`, {
      cookie: await login(server.url, "claire.dubois@sem.admin.ch"),
    });
    const matching = (checks.body as CheckResult[]).filter((r) => r.id === "finance.matching");
    expect(matching.every((r) => r.ok)).toBe(true);
    expect(matching.find((r) => r.params.year === 2026)?.params.cantonSide).toBe(1_000_000);
  });

  it("inserts a finance grid from the toolbar: the totals appear, and the year is offered no more", async () => {
    const cookie = await login(server.url, "andrea.meier@so.ch");
    const created = await apiClient(server.url)<{ id: string }>("POST", "/api/documents", {
      cookie,
      json: { title: "Neues Konzept", kind: "concept" },
    });
    expect(created.status).toBe(201);
    await andrea.goto(`/#/documents/${created.body.id}`);
    await andrea.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();
    await andrea.getByTestId("editor").click();
    expect(await andrea.getByTestId("finance-panel").count()).toBe(0);
    await andrea.getByTestId("toolbar-insert-grid").selectOption("2025");
    await andrea.locator('table[data-grid="finance"][data-year="2025"]').waitFor(LATER);
    await year(andrea, "2025").waitFor(LATER);
    // Typed into the grid like any text: the panel's totals follow.
    const cell = andrea.locator('table[data-year="2025"] tr:has(td[data-area="fb7"]) td[data-source="bund"] p');
    await cell.click();
    await andrea.keyboard.type("50'000");
    await expect.poll(() => year(andrea, "2025").getAttribute("data-ok"), LATER).toBe("false");
    expect(await andrea.getByTestId("toolbar-insert-grid").locator('option[value="2025"]').isDisabled()).toBe(true);
    // Stored on the server: the check sees the same grid.
    await expect
      .poll(async () => {
        const res = await apiClient(server.url)<CheckResult[]>("GET", `/api/documents/${created.body.id}/checks`, {
          cookie,
        });
        return (res.body as CheckResult[]).find((r) => r.id === "finance.matching" && r.params.year === 2025)?.params
          .bund;
      }, LATER)
      .toBe(50_000);
  });
});
