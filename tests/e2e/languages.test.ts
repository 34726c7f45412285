import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { de } from "../../client/src/i18n/de.ts";
import { en } from "../../client/src/i18n/en.ts";
import { flatten } from "../../client/src/i18n/flatten.ts";
import { fr } from "../../client/src/i18n/fr.ts";
import { it as italian } from "../../client/src/i18n/it.ts";
import { apiClient } from "../helpers/api.ts";
import { addComment, launchBrowser, openDocument, selectByDragging, signedInPage, signIn } from "../helpers/browser.ts";
import { cleanup } from "../helpers/cleanup.ts";
import { invitationLink, login, startTestServer } from "../helpers/server.ts";

const DOC = "kip3-vereinbarung-so";
const CATALOGUES = { fr, it: italian, en } as const;

/**
 * The German catalogue's texts a page in `lang` must not show: each string, or for a string
 * with variables its fixed parts, leaving out short ones and any that `lang` writes alike
 * ("Accord", "Export", the language names).
 */
function germanTexts(lang: keyof typeof CATALOGUES): string[] {
  const own = new Set(flatten(CATALOGUES[lang]).values());
  return [...flatten(de).values()]
    .filter((text) => !own.has(text))
    .flatMap((text) => text.split(/\{\{\s*\w+\s*\}\}/).map((part) => part.trim()))
    .filter((part) => part.length >= 8 && ![...own].some((mine) => mine.includes(part)));
}

const germanIn = (lang: keyof typeof CATALOGUES, text: string) => germanTexts(lang).filter((g) => text.includes(g));

describe("the UI in French, Italian and English", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  const browser = await launchBrowser();
  const andrea = await signedInPage(browser, server.url, "andrea.meier@so.ch");
  const page = andrea.page;

  it("offers German, French, Italian and English, each under its own name", async () => {
    const options = page.getByTestId("language").locator("option");
    expect(await options.evaluateAll((os) => os.map((o) => o.getAttribute("value")))).toEqual(["de", "fr", "it", "en"]);
    expect(await options.allTextContents()).toEqual(["Deutsch", "Français", "Italiano", "English"]);
  });

  it("freezes a version in Italian: milestone, lock and open items in Italian, no German text", async () => {
    await page.getByTestId("language").selectOption("it");
    await openDocument(page, DOC);
    // One open comment, so that the version is frozen with it.
    await selectByDragging(page, page.getByTestId("editor").locator("p").first());
    await page.getByTestId("comment-button").click();
    await page.getByTestId("comment-input").fill("Da verificare con la SEM.");
    await page.getByTestId("comment-submit").click();
    await page.getByTestId("comment-thread").first().waitFor();

    const request = page.getByTestId("milestone-request");
    expect(await request.textContent()).toBe("Richiedere la tappa: Accordo di programma definito");
    await request.click();
    await page.getByTestId("milestone-confirm").click();
    await page.getByTestId("milestone-include-open").check();
    await page.getByTestId("milestone-confirm").click();
    // Sections not settled by both parties: requested with a reason (issue 15).
    await page.getByTestId("milestone-override").fill("Da concordare oralmente.");
    await page.getByTestId("milestone-confirm").click();

    const card = page.getByTestId("version-card").first();
    await card.waitFor();
    expect(await page.getByTestId("lock-banner").textContent()).toContain("«Accordo di programma definito»");
    expect(await card.locator(".version__head strong").textContent()).toBe("1. Accordo di programma definito");
    expect(await card.textContent()).toContain("Congelata con 0 proposte aperte e 1 commento aperto.");
    expect(germanIn("it", (await page.getByTestId("versions-panel").textContent()) ?? "")).toEqual([]);
    expect(germanIn("it", (await page.locator(".app-header").textContent()) ?? "")).toEqual([]);
  });

  it("shows the versions panel in French and English without German text, milestone names translated", async () => {
    for (const [lang, milestone, items] of [
      ["fr", "Convention-programme mise au point", "Figée avec 0 suggestion ouverte et 1 commentaire ouvert."],
      ["en", "Programme agreement settled", "Frozen with 0 open suggestions and 1 open comment."],
    ] as const) {
      await page.getByTestId("language").selectOption(lang);
      const card = page.getByTestId("version-card").first();
      await expect.poll(() => card.locator(".version__head strong").textContent()).toBe(`1. ${milestone}`);
      expect(await card.textContent()).toContain(items);
      expect(await page.getByTestId("lock-banner").textContent()).toContain(milestone);
      expect(germanIn(lang, (await page.getByTestId("versions-panel").textContent()) ?? "")).toEqual([]);
      expect(germanIn(lang, (await page.locator(".app-header").textContent()) ?? "")).toEqual([]);
    }
  });

  it("says it in German in the German UI, 1 open comment in the singular", async () => {
    await page.getByTestId("language").selectOption("de");
    const card = page.getByTestId("version-card").first();
    await expect
      .poll(() => card.locator(".version__head strong").textContent())
      .toBe("1. Programmvereinbarung bereinigt");
    expect(await card.textContent()).toContain("Mit 0 offenen Vorschlägen und 1 offenen Kommentar eingefroren.");
  });

  it("shows the verify page (which has no header) in the language chosen, without German text", async () => {
    for (const lang of ["fr", "it", "en"] as const) {
      await page.getByTestId("language").selectOption(lang);
      await page.getByTestId("verify-link").click();
      const verify = page.getByTestId("verify-page");
      await verify.waitFor();
      expect(await verify.locator("h1").textContent()).toBe(CATALOGUES[lang].verify.title);
      expect(germanIn(lang, (await page.locator("body").textContent()) ?? "")).toEqual([]);
      await verify.locator(".back-link").click();
    }
  });
});

/**
 * What a page says in its own words: visible text, names and hints (title, aria-label,
 * placeholder, alt) and every option of every list, without the document's content (text,
 * headings in the outline, quotes, comments, suggested changes, titles, quoted headings).
 */
function uiText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { body: { cloneNode(deep: boolean): unknown } } }).document;
    const copy = doc.body.cloneNode(true) as {
      querySelectorAll(
        s: string,
      ): Iterable<{ remove(): void; getAttribute(a: string): string | null; textContent: string | null }>;
      textContent: string | null;
    };
    const content = [
      '[data-testid="editor"]',
      '[data-testid="viewer-content"]',
      '[data-testid="outline-item"]',
      '[data-testid="comment-quote"]',
      '[data-testid="comment-text"]',
      '[data-testid="suggestion-deleted"]',
      '[data-testid="suggestion-inserted"]',
      '[data-testid="doc-title"]',
      ".doc-title",
      ".doc-table td:first-child",
      ".collaboration-carets__label",
    ];
    for (const el of copy.querySelectorAll(content.join(","))) el.remove();
    const parts = [copy.textContent ?? ""];
    for (const el of copy.querySelectorAll("[title], [aria-label], [placeholder], [alt]"))
      for (const a of ["title", "aria-label", "placeholder", "alt"]) parts.push(el.getAttribute(a) ?? "");
    // Quoted passages are the document's words (a check naming a section by its heading).
    return parts.join("\n").replace(/«[^»]*»|“[^”]*”/g, "«»");
  });
}

/** A browser context whose UI starts in `lang` (the choice the language picker remembers). */
async function pageIn(browser: Browser, baseURL: string, lang: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  cleanup(() => context.close());
  await context.addInitScript(
    (l) =>
      (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
        "accord:language",
        l,
      ),
    lang,
  );
  return context.newPage();
}

describe.each(["fr", "it", "en"] as const)("every page in %s", async (lang) => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  const browser = await launchBrowser();
  // What there is to see: a suggestion by SEM, a comment, a frozen version (so the document is locked).
  const claire = {
    email: "claire.dubois@sem.admin.ch",
    ...(await signedInPage(browser, server.url, "claire.dubois@sem.admin.ch")),
  };
  await openDocument(claire.page, DOC);
  // Claire edits the agreement: she suggests by choice.
  await claire.page.getByTestId("suggest-toggle").click();
  await claire.page.getByTestId("editor").locator("p").nth(2).click();
  await claire.page.keyboard.press("End");
  await claire.page.keyboard.type(" Ergänzung.");
  const page = await pageIn(browser, server.url, lang);
  const seen = new Map<string, string[]>();
  const look = async (where: string) => {
    const found = germanIn(lang, await uiText(page));
    if (found.length > 0) seen.set(where, found);
  };

  it("shows no German on the sign-in, password, invitation and refused sign-on pages", async () => {
    await page.goto("/#/login");
    await page.getByTestId("login-email").waitFor();
    await look("login");
    await page.goto("/#/forgot");
    await page.locator("form").waitFor();
    await look("forgot");
    // Its mail, in the administration's outbox below, is in the invitee's language.
    await page.goto(await invitationLink(server.url, lang));
    await page.getByTestId("invitation-name").waitFor();
    await look("invitation");
    await page.goto(`/#/reset/${"A".repeat(43)}`);
    await page.getByTestId("reset-submit").waitFor();
    await look("reset");
    await page.goto("/#/sso-refused/provider_error");
    await page.getByTestId("sso-refused").waitFor();
    await look("sso refused");
    expect(Object.fromEntries(seen)).toEqual({});
  });

  it("shows no German on the list, the document with its panels, the account and the verify page", async () => {
    await signIn(page, "andrea.meier@so.ch", "document-list");
    await look("list");
    await openDocument(page, DOC);
    await page.getByTestId("suggestion-card").first().waitFor();
    await addComment(page, page.getByTestId("editor").locator("p").nth(1), "?");
    await look("document");
    await page.getByTestId("milestone-request").click();
    await look("milestone request");
    await page.getByTestId("milestone-confirm").click();
    await page.getByTestId("milestone-include-open").check();
    await look("milestone confirm");
    await page.getByTestId("milestone-confirm").click();
    await page.getByTestId("milestone-override").waitFor();
    await look("milestone override");
    await page.getByTestId("milestone-override").fill("OK");
    await page.getByTestId("milestone-confirm").click();
    await page.getByTestId("lock-banner").waitFor();
    await look("locked document");
    await page.getByTestId("version-open").first().click();
    await page.getByTestId("viewer-content").waitFor();
    await look("version viewer");
    await page.getByTestId("viewer-close").click();
    await page.getByTestId("version-compare").first().click();
    await page.getByTestId("compare-target").waitFor();
    await look("comparison");
    await page.getByTestId("viewer-close").click();
    await page.getByTestId("account-link").click();
    await page.locator("main form").first().waitFor();
    await look("account");
    await page.getByTestId("verify-link").click();
    await page.getByTestId("verify-page").waitFor();
    await look("verify");
    await page.goto("/#/");
    expect(Object.fromEntries(seen)).toEqual({});
  });

  it("shows no German to a colleague asked to approve, nor in the administration", async () => {
    // Both parties approve the first milestone and Andrea requests the RRB: Lukas approves it for
    // the canton, in a form with its fields (RRB number and date).
    const [andrea, claireCookie] = [
      await login(server.url, "andrea.meier@so.ch"),
      await login(server.url, claire.email),
    ];
    const api = apiClient(server.url);
    const versions = await api<{ id: string }[]>("GET", `/api/documents/${DOC}/versions`, { cookie: andrea });
    for (const cookie of [andrea, claireCookie]) {
      const approved = await api("POST", `/api/versions/${versions.body[0]?.id}/approvals`, {
        cookie,
        json: { decision: "approve" },
      });
      expect(approved.status).toBe(201);
    }
    const rrb = await api("POST", `/api/documents/${DOC}/milestones`, { cookie: andrea, json: { includeOpen: true } });
    expect(rrb.status).toBe(201);
    const lukas = await pageIn(browser, server.url, lang);
    await signIn(lukas, "lukas.frei@so.ch", "document-list");
    await openDocument(lukas, DOC);
    await lukas.getByTestId("decision-rrbNumber").waitFor();
    const found = germanIn(lang, await uiText(lukas));
    if (found.length > 0) seen.set("approval", found);
    await page.getByTestId("logout").click();
    await page.getByTestId("login-email").waitFor();
    await signIn(page, "sandra.keller@sem.admin.ch", "admin-link");
    await page.getByTestId("admin-link").click();
    for (const tab of ["people", "organisations", "outbox"]) {
      await page.getByTestId(`admin-tab-${tab}`).click();
      await page.locator(`[data-testid="admin-tab-${tab}"][aria-selected="true"]`).waitFor();
      await look(`admin ${tab}`);
    }
    expect(Object.fromEntries(seen)).toEqual({});
  });
});
