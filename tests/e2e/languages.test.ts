import { describe, expect, it } from "vitest";
import { de } from "../../client/src/i18n/de.ts";
import { en } from "../../client/src/i18n/en.ts";
import { flatten } from "../../client/src/i18n/flatten.ts";
import { fr } from "../../client/src/i18n/fr.ts";
import { it as italian } from "../../client/src/i18n/it.ts";
import { launchBrowser, openDocument, selectByDragging, signedInPage } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

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
