import { describe, expect, it } from "vitest";
import { accessibilityTree, axeFindings, screenReaderText } from "../helpers/axe.ts";
import { addComment, launchBrowser, openDocument, signedInPage, signIn } from "../helpers/browser.ts";
import { DEMO_PASSWORD, invitationLink, startTestServer } from "../helpers/server.ts";

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

  it("has none on the invitation, password reset and refused single sign-on pages", async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto(await invitationLink(server.url));
    await page.getByTestId("invitation-name").waitFor();
    expect(await axeFindings(page)).toEqual([]);
    await page.goto(`/#/reset/${"A".repeat(43)}`);
    await page.getByTestId("reset-submit").waitFor();
    expect(await axeFindings(page)).toEqual([]);
    await page.goto("/#/sso-refused/provider_error");
    await page.getByTestId("sso-refused").waitFor();
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
    await addComment(page, page.getByTestId("editor").locator("p").nth(1), "Bitte prüfen.");
    expect(await axeFindings(page)).toEqual([]);
    expect(await axeFindings(claire.page)).toEqual([]);
  });

  it("reaches the header, the outline, the mode bar, the toolbar, the text and the panels with Tab alone", async () => {
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await page.locator(".app-header__brand").focus();
    const reached = new Set<string>();
    for (let i = 0; i < 400 && !reached.has("comment-button"); i++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => {
        const active = (
          globalThis as unknown as { document: { activeElement: { getAttribute(a: string): string | null } | null } }
        ).document.activeElement;
        return active?.getAttribute("data-testid") ?? "";
      });
      if (id) reached.add(id);
    }
    for (const id of [
      "verify-link",
      "logout",
      "outline-item",
      "suggest-toggle",
      "toolbar-bold",
      "editor",
      "milestone-request",
      "comment-button",
    ])
      expect(reached, id).toContain(id);
  });

  it("announces where a suggestion and a commented passage begin and end, not written into the text", async () => {
    const heard = await screenReaderText(page, '[data-testid="editor"]');
    expect(heard).toContain("Vorgeschlagene Einfügung: Ergänzung der SEM. Ende der Stelle.");
    // The commented passage: a mark (its start and end said by screen readers), described as such.
    const marks = (await accessibilityTree(page, '[data-testid="editor"]')).filter((n) => n.role === "mark");
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.map((m) => m.description)).toContain("Kommentierte Stelle");
    // Generated content only: the document's text has none of it.
    expect(await page.getByTestId("editor").textContent()).not.toContain("Vorgeschlagene Einfügung");
    // Previewed as accepted, the insertion is plain text and not announced as a suggestion.
    await page.getByTestId("suggest-preview").selectOption("accepted");
    expect(await screenReaderText(page, '[data-testid="editor"]')).not.toContain("Vorgeschlagene Einfügung");
    await page.getByTestId("suggest-preview").selectOption("markup");
  });

  it("has none in the versions panel, the version viewer and the comparison", async () => {
    await page.getByTestId("milestone-request").click();
    await page.getByTestId("milestone-confirm").click();
    await page.getByTestId("milestone-include-open").check();
    await page.getByTestId("milestone-confirm").click();
    await page.getByTestId("version-card").first().waitFor();
    await page.getByTestId("lock-banner").waitFor();
    expect(await axeFindings(page)).toEqual([]);
    // The lock is said once, in a live region, also to the party that sees it arrive (it was said three times).
    await claire.page.getByTestId("lock-banner").waitFor();
    for (const p of [page, claire.page]) {
      const body = (await p.locator("body").textContent()) ?? "";
      expect(body.split("Gesperrt:").length - 1).toBe(1);
      expect(await p.locator('[role="status"]:has([data-testid="lock-banner"])').count()).toBe(1);
    }
    await page.getByTestId("version-open").first().click();
    await page.getByTestId("viewer-content").waitFor();
    expect(await axeFindings(page)).toEqual([]);
    await page.getByTestId("viewer-close").click();
    await page.getByTestId("version-compare").first().click();
    await page.getByTestId("compare-target").waitFor();
    expect(await axeFindings(page)).toEqual([]);
    await page.getByTestId("viewer-close").click();
  });

  it("has none at 768 px with each panel open as a drawer", async () => {
    await page.setViewportSize({ width: 768, height: 900 });
    for (const id of ["outline", "suggestions", "versions", "comments", "presence", "members"]) {
      await page.getByTestId(`panel-tab-${id}`).click();
      await page.locator(`#panel-${id} .panel`).first().waitFor();
      expect(await axeFindings(page), id).toEqual([]);
    }
    await page.keyboard.press("Escape");
    await page.setViewportSize({ width: 1280, height: 720 });
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
    await signIn(sandra, "sandra.keller@sem.admin.ch", "admin-link");
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
