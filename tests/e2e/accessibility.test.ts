import { describe, expect, it } from "vitest";
import { axeFindings } from "../helpers/axe.ts";
import { launchBrowser, openDocument, selectByDragging, signedInPage } from "../helpers/browser.ts";
import { DEMO_PASSWORD, startTestServer } from "../helpers/server.ts";

const DOC = "kip3-konzept-so";

/**
 * WCAG 2.1 AA (eCH-0059): axe-core finds no serious or critical violation on any page or
 * panel, each checked in the state a user sees it (panels with content, dialogs open).
 */
describe("accessibility of every page and panel", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  const browser = await launchBrowser();

  it("has none on the sign-in page, with an error shown", async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto("/#/login");
    await page.getByTestId("login-email").waitFor();
    expect(await axeFindings(page)).toEqual([]);
    await page.getByTestId("login-email").fill("andrea.meier@so.ch");
    await page.getByTestId("login-password").fill(`${DEMO_PASSWORD}-wrong`);
    await page.getByTestId("login-submit").click();
    await page.getByRole("alert").waitFor();
    expect(await axeFindings(page)).toEqual([]);
    await page.goto("/#/forgot");
    await page.locator("form").waitFor();
    expect(await axeFindings(page)).toEqual([]);
    await context.close();
  });

  const andrea = await signedInPage(browser, server.url, "andrea.meier@so.ch");
  const claire = await signedInPage(browser, server.url, "claire.dubois@sem.admin.ch");
  const page = andrea.page;

  it("has none on the document list and the account page", async () => {
    expect(await axeFindings(page)).toEqual([]);
    await page.getByTestId("account-link").click();
    await page.locator("main form").first().waitFor();
    expect(await axeFindings(page)).toEqual([]);
    await page.goBack();
    await page.getByTestId("document-list").waitFor();
  });

  it("has none on the document with a suggestion, a comment and every panel open", async () => {
    await openDocument(claire.page, DOC);
    await claire.page.getByTestId("editor").locator("p").first().click();
    await claire.page.keyboard.press("End");
    await claire.page.keyboard.type(" Ergänzung der SEM.");
    await openDocument(page, DOC);
    await page.getByTestId("suggestion-card").first().waitFor();
    await selectByDragging(page, page.getByTestId("editor").locator("p").nth(1));
    await page.getByTestId("comment-button").click();
    await page.getByTestId("comment-input").fill("Bitte prüfen.");
    await page.getByTestId("comment-submit").click();
    await page.getByTestId("comment-thread").first().waitFor();
    expect(await axeFindings(page)).toEqual([]);
    expect(await axeFindings(claire.page)).toEqual([]);
  });

  it("has none in the versions panel, the version viewer and the comparison", async () => {
    await page.getByTestId("milestone-request").click();
    await page.getByTestId("milestone-confirm").click();
    await page.getByTestId("milestone-include-open").check();
    await page.getByTestId("milestone-confirm").click();
    await page.getByTestId("version-card").first().waitFor();
    await page.getByTestId("lock-banner").waitFor();
    expect(await axeFindings(page)).toEqual([]);
    await page.getByTestId("version-open").first().click();
    await page.getByTestId("viewer-content").waitFor();
    expect(await axeFindings(page)).toEqual([]);
    await page.getByTestId("viewer-close").click();
    await page.getByTestId("version-compare").first().click();
    await page.getByTestId("compare-target").waitFor();
    expect(await axeFindings(page)).toEqual([]);
    await page.getByTestId("viewer-close").click();
  });

  it("has none on the verify page", async () => {
    await page.getByTestId("verify-link").click();
    await page.getByTestId("verify-page").waitFor();
    expect(await axeFindings(page)).toEqual([]);
  });

  it("has none on the administration's tabs", async () => {
    // Sandra is a member of no document: signed in by hand, she lands on an empty list.
    const context = await browser.newContext({ baseURL: server.url });
    const sandra = await context.newPage();
    await sandra.goto("/#/login");
    await sandra.getByTestId("login-email").fill("sandra.keller@sem.admin.ch");
    await sandra.getByTestId("login-password").fill(DEMO_PASSWORD);
    await sandra.getByTestId("login-submit").click();
    await sandra.getByTestId("admin-link").click();
    await sandra.getByTestId("admin-people").waitFor();
    for (const tab of ["people", "organisations", "outbox"]) {
      await sandra.getByTestId(`admin-tab-${tab}`).click();
      await sandra.locator(`[data-testid="admin-tab-${tab}"][aria-selected="true"]`).waitFor();
      expect(await axeFindings(sandra), tab).toEqual([]);
    }
    await context.close();
  });
});
